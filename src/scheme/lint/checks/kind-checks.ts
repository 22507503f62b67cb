/**
 * Each kind's own checks of its tier files (ascending brackets, a cap below a deductible, a cap
 * pool with no cap, an excess reported on a later top-up …): the code is the kind's
 * (`lint` of each kind in src/kinds/), called here through the kind list.
 */
import { RuleErrorCode } from '../../../errors/codes.js';
import { kindNamed, kindOf } from '../../../kinds/kind-list.js';
import { ruleCheck } from '../rule-check.js';

/**
 * Runs the `lint` of each tier's kind on its tier file.
 *
 * @example
 * kindChecks.code // "rule_invalid" (a kind may report another code)
 */
export const kindChecks = ruleCheck({
  code: RuleErrorCode.INVALID,
  about: "each kind's own checks of its tier files",
  run({ tiers, tierFiles }, report) {
    tiers.forEach((t, i) =>
      kindOf(t).lint?.(t, (path, message, code) => report(tierFiles[i]!, path, message, code), {
        tiers,
        self: i,
        funds: (other) =>
          kindNamed(other.kind)
            ?.funds?.(other)
            .map((f) => f.id) ?? null,
      }),
    );
  },
});
