/**
 * The in-scope split after tier 1 (POLICY.md §4): `S = A + B − Pb` with `Pb = round(B × bSelfPay)`
 * the 乙类 part paid first by the patient; `Pb`, `N` and `O` are out of scope.
 */
import { fen, sub } from '../money/fen.js';
import { applyRatio } from '../money/ratio.js';
import type { Scratch, TierContext } from './state.js';

/**
 * Makes the split from the pools as tiers 0–1 left them.
 *
 * @example
 * splitScope(ctx, s); s.inScopeLeft
 */
export function splitScope(ctx: TierContext, s: Scratch): void {
  const p = s.pools;
  const b = fen(p[2]! + p[3]!);
  const bSelfPay = applyRatio(b, ctx.policy.bSelfPay);
  s.inScopeLeft = sub(fen(p[0]! + p[1]! + b), bSelfPay);
  s.bSelfPay = bSelfPay;
  s.necessaryLeft = fen(p[4]! + p[5]!);
  s.otherLeft = fen(p[6]! + p[7]!);
}
