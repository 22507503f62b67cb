/**
 * The split of what is left of the bill once the carve-outs have run (docs/policy-2017.md §4): in scope
 * `S = A + B − Pb` with `Pb = round(B × bSelfPay)` the 乙类 part the patient pays first; `Pb`, `N`
 * (necessary out-of-catalog) and `O` (other out-of-catalog) are out of scope.
 */
import { fen, sub } from '../money/fen.js';
import { applyRatio } from '../money/ratio.js';
import type { Scratch, TierContext } from '../kinds/shared/scratch.js';

/**
 * Makes the parts from the pools as the carve-outs left them.
 *
 * @example
 * splitScope(ctx, s); s.parts // [S, Pb, N, O]
 */
export function splitScope(ctx: TierContext, s: Scratch): void {
  const p = s.pools;
  const b = fen(p[2]! + p[3]!);
  const bSelfPay = applyRatio(b, ctx.policy.bSelfPay);
  s.parts[0] = sub(fen(p[0]! + p[1]! + b), bSelfPay);
  s.parts[1] = bSelfPay;
  s.parts[2] = fen(p[4]! + p[5]!);
  s.parts[3] = fen(p[6]! + p[7]!);
  if (ctx.record) s.scope = s.parts.slice();
}
