/** The premium split of premium.json (docs/policy-2017.md, 7.4.2) gives every county its city share. */
import { RuleErrorCode } from '../../../errors/codes.js';
import { ruleCheck } from '../rule-check.js';

/**
 * Every county of jurisdiction.json has a city share in premium.json.
 *
 * @example
 * premiumCityShares.code // "rule_invalid"
 */
export const premiumCityShares = ruleCheck({
  code: RuleErrorCode.INVALID,
  about: 'every county has a city share of the premium',
  run({ files }, report) {
    const premium = files['premium.json'];
    if (!premium) return;
    for (const c of Object.keys(files['jurisdiction.json'].counties))
      if (!(c in premium.cityShare)) report('premium.json', ['cityShare'], `county "${c}" has no city share`);
  },
});
