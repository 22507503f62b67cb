/** The city shares of premium.json (docs/policy-2017.md, 7.4.2) are given for counties of the scheme only. */
import { RuleErrorCode } from '../../../errors/codes.js';
import { ruleCheck } from '../rule-check.js';

/**
 * Every key of `cityShare` is a county of jurisdiction.json.
 *
 * @example
 * premiumCounties.code // "rule_impossible_value"
 */
export const premiumCounties = ruleCheck({
  code: RuleErrorCode.IMPOSSIBLE_VALUE,
  about: 'city shares of the premium are for counties of the scheme',
  run({ files }, report) {
    const premium = files['premium.json'];
    if (!premium) return;
    const counties = files['jurisdiction.json'].counties;
    for (const c of Object.keys(premium.cityShare))
      if (!(c in counties)) report('premium.json', ['cityShare', c], `"${c}" is not a county of jurisdiction.json`);
  },
});
