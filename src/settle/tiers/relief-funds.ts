/**
 * Tier 8 — 救助基金 (clauses 7.4.4 and 7.1): the relief funds bring a protected person's personal
 * pay down to the target of the pathway (0 in county, 10% for chronic outpatient care, 0 for
 * delivery, 0 for a referred major disease), drawing on the funds in order. The line also carries
 * the delivery excess the funds paid at tier 0.
 */
import { type Fen, ZERO, add, excess, sumFen } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { Target } from '../../rules/policy.js';
import { drawFunds, mergeDraws } from '../funds.js';
import type { Tier, WaterfallState } from '../state.js';
import { addLine, skipLine } from './line.js';

/** The most a person should pay under a target. @example personalMax(target, fen(155000)) */
export function personalMax(target: Target, billable: Fen): Fen {
  return target.kind === 'zero' ? ZERO : applyRatio(billable, target.share, target.rounding);
}

/** Tier 8. @example reliefFunds(ctx, state) */
export const reliefFunds: Tier = (ctx, state) => {
  const t = ctx.policy.tiers['relief-funds'];
  const excessPaid = sumFen(state.excessDraws.map((d) => d.amount));
  // The delivery excess was already taken off `remaining` at tier 0; this line reports it.
  const restored: WaterfallState = { ...state, remaining: add(state.remaining, excessPaid) };
  const skipped = skipLine(ctx, restored, t, excessPaid, { funds: mergeDraws(state.excessDraws) });
  if (skipped) return skipped;

  const target = t.targets.find((x) => x.when(ctx.facts));
  let s = restored;
  let topUp = ZERO;
  let shortfall = ZERO;
  let draws = state.excessDraws;
  let described = null;
  if (target) {
    const max = personalMax(target, ctx.billable);
    const need = excess(state.remaining, max);
    const draw = drawFunds(
      state.funds,
      t.funds.map((f) => f.id),
      need,
    );
    topUp = draw.paid;
    shortfall = excess(need, draw.paid);
    draws = [...draws, ...draw.draws];
    described = { id: target.id, description: target.description, personalMax: max };
    s = { ...restored, funds: draw.balances, target: { id: target.id, personalMax: max, met: shortfall === 0, shortfall } };
  }
  return addLine(s, t, add(excessPaid, topUp), { kind: 'relief', remaining: state.remaining, target: described, excessPaid, topUp, shortfall }, { funds: mergeDraws(draws) });
};
