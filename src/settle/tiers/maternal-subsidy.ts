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
import { NO_DETAIL, addLine, skipLine } from './line.js';

/** Tier 0. @example maternalSubsidy(ctx, s) */
export const maternalSubsidy: Tier = (ctx, s) => {
  const t = ctx.policy.tiers['maternal-subsidy'];
  if (!ctx.profile.applies['maternal-subsidy']) return;
  if (skipLine(ctx, s, t)) return;
  // The claim schema requires a delivery mode for delivery claims; a rule that applies tier 0 to
  // other visits falls back to the vaginal parameters rather than failing.
  const mode = ctx.claim.visit.deliveryMode ?? 'vaginal';

  let limit = null;
  let over = ZERO;
  let overPaid = ZERO;
  if (ctx.profile.deliveryExcess) {
    limit = t.excess.limit[mode];
    over = excess(poolSum(s.pools), limit);
    overPaid = drawFunds(s.funds, t.excess.funds, over, s.draws);
    takeProRata(s.pools, overPaid, ALL_POOLS);
    s.excessPaid = overPaid;
    s.remaining = sub(s.remaining, overPaid);
  }
  const left = poolSum(s.pools);
  const granted = ctx.profile.deliverySubsidy;
  const standard = t.subsidy.amount[mode];
  const subsidy = granted ? minFen(standard, left) : ZERO;
  takeProRata(s.pools, subsidy, ALL_POOLS);
  addLine(ctx, s, t, subsidy, ctx.record ? { kind: 'maternal-subsidy', mode, granted, standard, left, limit, excess: over, excessPaid: overPaid } : NO_DETAIL);
};
