/**
 * The national platform's mapping of a tier (`nhsa`) gives a fund type per fund only for a tier
 * that draws on funds of its own (one with `funds`: a top-up), and then for each of them.
 */
import { RuleErrorCode } from '../../../errors/codes.js';
import { kindOf } from '../../../kinds/kind-list.js';
import { ruleCheck } from '../rule-check.js';

/**
 * `nhsa.funds` only beside a tier's own `funds`, and naming each of them.
 *
 * @example
 * ownFunds.code // "rule_invalid"
 */
export const ownFunds = ruleCheck({
  code: RuleErrorCode.INVALID,
  about: "the platform's fund types are given for a tier's own funds",
  run({ tiers, tierFiles }, report) {
    tiers.forEach((t, i) => {
      if (!t.nhsa?.funds) return;
      // A tier has funds of its own when its kind draws on funds (the schema refuses `funds` elsewhere).
      const own = kindOf(t)
        .funds?.(t)
        .map((f) => f.id);
      if (own === undefined)
        report(
          tierFiles[i]!,
          ['nhsa', 'funds'],
          'only a top-up tier draws on funds of its own: give a fundType instead',
        );
      else
        for (const f of own)
          if (!(f in t.nhsa.funds))
            report(tierFiles[i]!, ['nhsa', 'funds'], `fund "${f}" of this tier has no fund_pay_type`);
    });
  },
});
