/**
 * Tier 1 — 医疗机构减免 (clause 7.4.1): a designated hospital waives 5% of a protected patient's
 * total cost excluding drugs, before any reimbursement; the waiver is taken pro-rata from the
 * four non-drug pools.
 */
import { applyRatio } from '../../money/ratio.js';
import { NONDRUG_POOLS, poolSum, takeProRata } from '../pools.js';
import type { Tier } from '../state.js';
import { NO_DETAIL, addLine, skipLine } from './line.js';

/** Tier 1. @example hospitalWaiver(ctx, s) */
export const hospitalWaiver: Tier = (ctx, s) => {
  const t = ctx.policy.tiers['hospital-waiver'];
  if (skipLine(ctx, s, t)) return;
  const base = poolSum(s.pools, NONDRUG_POOLS);
  const waiver = applyRatio(base, t.rate);
  takeProRata(s.pools, waiver, NONDRUG_POOLS);
  addLine(ctx, s, t, waiver, ctx.record ? { kind: 'waiver', base, rate: t.rate } : NO_DETAIL);
};
