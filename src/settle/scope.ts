/**
 * The in-scope split after tier 1 (POLICY.md §4): `S = A + B − Pb` with `Pb = round(B × bSelfPay)`
 * the 乙类 part paid first by the patient; `Pb`, `N` and `O` are out of scope.
 */
import { fen, sub } from '../money/fen.js';
import { applyRatio } from '../money/ratio.js';
import type { TierContext, WaterfallState } from './state.js';

/**
 * Computes the scope from the pools as tiers 0–1 left them.
 *
 * @example
 * splitScope(ctx, state).scope?.inScopeLeft
 */
export function splitScope(ctx: TierContext, state: WaterfallState): WaterfallState {
  const p = state.pools;
  const b = fen(p[2] + p[3]);
  const bSelfPay = applyRatio(b, ctx.policy.bSelfPay);
  return {
    ...state,
    scope: {
      inScopeLeft: sub(fen(p[0] + p[1] + b), bSelfPay),
      bSelfPay,
      necessaryLeft: fen(p[4] + p[5]),
      otherLeft: fen(p[6] + p[7]),
    },
  };
}
