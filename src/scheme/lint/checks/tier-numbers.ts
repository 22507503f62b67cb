/** Tier numbers (what settlement lines show) ascend in the order the tiers run (ruleset.json `tiers.order`). */
import { RuleErrorCode } from '../../../errors/codes.js';
import { ruleCheck } from '../rule-check.js';

/**
 * Each tier's number is greater than the one before it in the order.
 *
 * @example
 * tierNumbers.code // "rule_tier_order"
 */
export const tierNumbers = ruleCheck({
  code: RuleErrorCode.TIER_ORDER,
  about: 'tier numbers ascend in the order',
  run({ tiers, tierFiles }, report) {
    let previous = -1;
    tiers.forEach((t, i) => {
      if (t.tier <= previous)
        report(
          tierFiles[i]!,
          ['tier'],
          `tier numbers must ascend in the order of ruleset.json (this one is ${t.tier}, the one before ${previous})`,
        );
      previous = t.tier;
    });
  },
});
