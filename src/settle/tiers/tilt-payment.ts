/**
 * Tier 5 — 基本医疗保险倾斜支付 (clause 7.4.4): the special fund for registered poor people pays a
 * ratio of the in-scope cost left.
 */
import { sub } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { Tier } from '../state.js';
import { addLine, skipLine } from './line.js';
import { scopeOf } from './scope-of.js';

/** Tier 5. @example tiltPayment(ctx, state) */
export const tiltPayment: Tier = (ctx, state) => {
  const t = ctx.policy.tiers['tilt-payment'];
  const skipped = skipLine(ctx, state, t);
  if (skipped) return skipped;
  const scope = scopeOf(state);
  const base = scope.inScopeLeft;
  const pay = applyRatio(base, t.ratio);
  return addLine({ ...state, scope: { ...scope, inScopeLeft: sub(base, pay) } }, t, pay, { kind: 'tilt', base, ratio: t.ratio });
};
