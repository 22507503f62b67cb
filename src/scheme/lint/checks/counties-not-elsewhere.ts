/** An area of jurisdiction.json is a county or an area elsewhere, never both. */
import { RuleErrorCode } from '../../../errors/codes.js';
import { ruleCheck } from '../rule-check.js';

/**
 * No id is both a county and an area elsewhere.
 *
 * @example
 * countiesNotElsewhere.code // "rule_invalid"
 */
export const countiesNotElsewhere = ruleCheck({
  code: RuleErrorCode.INVALID,
  about: 'no area is both a county and an area elsewhere',
  run({ files }, report) {
    const j = files['jurisdiction.json'];
    for (const id of Object.keys(j.elsewhere))
      if (id in j.counties)
        report('jurisdiction.json', ['elsewhere', id], `"${id}" is both a county and an area elsewhere`);
  },
});
