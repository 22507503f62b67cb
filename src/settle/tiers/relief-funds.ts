/**
 * Tier 8 — 救助基金 (clauses 7.4.4 and 7.1): the relief funds bring a protected person's personal
 * pay down to the target of the pathway (0 in county, 10% for chronic outpatient care, 0 for
 * delivery, 0 for a referred major disease), drawing on the funds in order. The line also carries
 * the delivery excess the funds paid at tier 0.
 */
import { type Fen, ZERO, add, excess } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { Target } from '../../rules/policy.js';
import { drawFunds, mergeDraws } from '../funds.js';
import type { Tier } from '../state.js';
import { NO_DETAIL, addLine, skipLine } from './line.js';

/** The most a person should pay under a target. @example personalMax(target, fen(155000)) */
export function personalMax(target: Target, billable: Fen): Fen {
  return target.kind === 'zero' ? ZERO : applyRatio(billable, target.share, target.rounding);
}

/** Tier 8. @example reliefFunds(ctx, s) */
export const reliefFunds: Tier = (ctx, s) => {
  const t = ctx.policy.tiers['relief-funds'];
  const excessPaid = s.excessPaid;
  const remaining = s.remaining;
  // The delivery excess was already taken off `remaining` at tier 0; this line reports it, so it
  // goes back on before the line takes its whole amount.
  s.remaining = add(remaining, excessPaid);
  if (skipLine(ctx, s, t, excessPaid, ctx.record ? { funds: mergeDraws(s.draws) } : undefined)) return;

  const target = ctx.profile.target;
  let topUp = ZERO;
  let shortfall = ZERO;
  let described = null;
  if (target) {
    const max = personalMax(target, ctx.billable);
    const need = excess(remaining, max);
    topUp = drawFunds(
      s.funds,
      t.fundOrder,
      need,
      s.draws,
    );
    shortfall = excess(need, topUp);
    described = { id: target.id, description: target.description, personalMax: max };
    s.target = { id: target.id, personalMax: max, met: shortfall === 0, shortfall };
  }
  addLine(
    ctx,
    s,
    t,
    add(excessPaid, topUp),
    ctx.record ? { kind: 'relief', remaining, target: described, excessPaid, topUp, shortfall } : NO_DETAIL,
    ctx.record ? { funds: mergeDraws(s.draws) } : undefined,
  );
};
