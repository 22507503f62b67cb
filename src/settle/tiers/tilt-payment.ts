/**
 * Tier 5 — 基本医疗保险倾斜支付 (clause 7.4.4): the special fund for registered poor people pays a
 * ratio of the in-scope cost left.
 */
import { sub } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { Tier } from '../state.js';
import { NO_DETAIL, addLine, skipLine } from './line.js';

/** Tier 5. @example tiltPayment(ctx, s) */
export const tiltPayment: Tier = (ctx, s) => {
  const t = ctx.policy.tiers['tilt-payment'];
  if (skipLine(ctx, s, t)) return;
  const base = s.inScopeLeft;
  const pay = applyRatio(base, t.ratio);
  s.inScopeLeft = sub(base, pay);
  addLine(ctx, s, t, pay, ctx.record ? { kind: 'tilt', base, ratio: t.ratio } : NO_DETAIL);
};
