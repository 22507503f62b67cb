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
import type { Tier, WaterfallState } from '../state.js';
import { addLine } from './line.js';

/** The most a person should pay under a target. @example personalMax(target, fen(155000)) */
export function personalMax(target: Target, billable: Fen): Fen {
  return target.kind === 'zero' ? ZERO : applyRatio(billable, target.share, target.rounding);
}

/** Tier 8. @example reliefFunds(ctx, state) */
export const reliefFunds: Tier = (ctx, state) => {
  const t = ctx.policy.tiers['relief-funds'];
  const excessPaid = state.excessDraws.reduce((s, d) => add(s, d.amount), ZERO);
  // The delivery excess was already taken off `remaining` at tier 0; the line reports it here.
  const restored: WaterfallState = { ...state, remaining: add(state.remaining, excessPaid) };
  const finish = (s: WaterfallState, topUp: Fen, target: ReturnType<typeof describeTarget> | null, shortfall: Fen, draws = s.excessDraws) =>
    addLine(
      s,
      t,
      add(excessPaid, topUp),
      { kind: 'relief', remaining: state.remaining, target, excessPaid, topUp, shortfall },
      { funds: mergeDraws(draws) },
    );

  if (!ctx.settled) {
    return addLine(restored, t, excessPaid, { kind: 'not-designated', description: ctx.policy.settled.description }, { funds: mergeDraws(state.excessDraws) });
  }
  if (!t.applies.when(ctx.facts)) {
    return addLine(restored, t, excessPaid, { kind: 'not-applicable', description: t.applies.description }, { funds: mergeDraws(state.excessDraws) });
  }
  const target = t.targets.find((x) => x.when(ctx.facts));
  if (!target) return finish(restored, ZERO, null, ZERO);

  const max = personalMax(target, ctx.billable);
  const need = excess(state.remaining, max);
  const draw = drawFunds(
    state.funds,
    t.funds.map((f) => f.id),
    need,
  );
  const shortfall = excess(need, draw.paid);
  const s = { ...restored, funds: draw.balances, target: { id: target.id, personalMax: max, met: shortfall === 0, shortfall } };
  return finish(s, draw.paid, describeTarget(target, max), shortfall, [...state.excessDraws, ...draw.draws]);
};

function describeTarget(target: Target, max: Fen) {
  return { id: target.id, description: target.description, personalMax: max };
}
