/**
 * Tier 1 — 医疗机构减免 (clause 7.4.1): a designated hospital waives 5% of a protected patient's
 * total cost excluding drugs, before any reimbursement; the waiver is taken pro-rata from the
 * four non-drug pools.
 */
import { applyRatio } from '../../money/ratio.js';
import { NONDRUG_POOLS, poolSum, takeProRata } from '../pools.js';
import type { Tier } from '../state.js';
import { addLine, skipLine } from './line.js';

/** Tier 1. @example hospitalWaiver(ctx, state) */
export const hospitalWaiver: Tier = (ctx, state) => {
  const t = ctx.policy.tiers['hospital-waiver'];
  const skipped = skipLine(ctx, state, t);
  if (skipped) return skipped;
  const base = poolSum(state.pools, NONDRUG_POOLS);
  const waiver = applyRatio(base, t.rate);
  return addLine({ ...state, pools: takeProRata(state.pools, waiver, NONDRUG_POOLS) }, t, waiver, { kind: 'waiver', base, rate: t.rate });
};
