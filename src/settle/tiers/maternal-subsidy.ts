/**
 * Tier 0 — delivery carve-outs (clause 7.1: free hospital delivery for poor mothers).
 *
 * For protected mothers the cost above the delivery limit is taken pro-rata from all pools and
 * paid by the relief funds (reported on the tier-8 line); then every mother's delivery subsidy
 * (农村孕产妇住院分娩补助) is taken pro-rata from what is left. Outside delivery there is no line.
 */
import { ZERO, excess, minFen, sub } from '../../money/fen.js';
import { drawFunds } from '../funds.js';
import { ALL_POOLS, poolSum, takeProRata } from '../pools.js';
import type { Tier } from '../state.js';
import { addLine, skipLine } from './line.js';

/** Tier 0. @example maternalSubsidy(ctx, state) */
export const maternalSubsidy: Tier = (ctx, state) => {
  const t = ctx.policy.tiers['maternal-subsidy'];
  if (!t.applies.when(ctx.facts)) return state;
  const skipped = skipLine(ctx, state, t);
  if (skipped) return skipped;
  // The claim schema requires a delivery mode for delivery claims; a rule that applies tier 0 to
  // other visits falls back to the vaginal parameters rather than failing.
  const mode = ctx.claim.visit.deliveryMode ?? 'vaginal';

  let s = state;
  let limit = null;
  let over = ZERO;
  let overPaid = ZERO;
  if (t.excess.when(ctx.facts)) {
    limit = t.excess.limit[mode];
    over = excess(poolSum(s.pools), limit);
    const draw = drawFunds(s.funds, t.excess.funds, over);
    overPaid = draw.paid;
    s = {
      ...s,
      pools: takeProRata(s.pools, overPaid, ALL_POOLS),
      funds: draw.balances,
      excessDraws: draw.draws,
      remaining: sub(s.remaining, overPaid),
    };
  }
  const left = poolSum(s.pools);
  const granted = t.subsidy.when(ctx.facts);
  const standard = t.subsidy.amount[mode];
  const subsidy = granted ? minFen(standard, left) : ZERO;
  s = { ...s, pools: takeProRata(s.pools, subsidy, ALL_POOLS) };
  return addLine(s, t, subsidy, { kind: 'maternal-subsidy', mode, granted, standard, left, limit, excess: over, excessPaid: overPaid });
};
