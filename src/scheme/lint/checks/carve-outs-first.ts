/**
 * Carve-outs run first: they take from the bill's pools before it is split into the parts S, Pb,
 * N and O that every other kind reads (README, "The vocabulary").
 */
import { RuleErrorCode } from '../../../errors/codes.js';
import { kindOf } from '../../../kinds/kind-list.js';
import { ruleCheck } from '../rule-check.js';

/**
 * No carve-out comes after a tier of another kind.
 *
 * @example
 * carveOutsFirst.code // "rule_tier_order"
 */
export const carveOutsFirst = ruleCheck({
  code: RuleErrorCode.TIER_ORDER,
  about: 'carve-outs come before every other tier',
  run({ tiers, tierFiles }, report) {
    let seenPayer = false;
    tiers.forEach((t, i) => {
      const carveOut = kindOf(t).carveOut;
      if (carveOut && seenPayer)
        report(
          tierFiles[i]!,
          ['kind'],
          'a carve-out takes from the bill before it is split into S, Pb, N and O: list it before every other tier',
        );
      if (!carveOut) seenPayer = true;
    });
  },
});
