/**
 * The top-up: funds bring what the person still pays down to a target (the 2017 relief funds,
 * docs/policy-2017.md §4 tier 8).
 *
 *   target = the target decided for the claim's profile (none: the tier pays nothing of its own)
 *   τ      = 0 (`zero`), or round(share × billable) with the target's rounding (`share`)
 *   pay    = max(0, R − τ), drawn from the funds in the order written, R = what is still to pay
 *
 * A single settlement has unlimited funds; a simulation with finite balances moves to the next
 * fund when one runs dry, and where all are dry the target is missed and the settlement says so.
 * The line also reports what earlier carve-outs sent to these funds (a delivery's excess).
 *
 * Writes: the parts −= pay (pro-rata over S, Pb, N, O), the fund balances and draws, the target.
 */
import { type Fen, ZERO, excess } from '../../money/fen.js';
import type { TierSpec } from '../kind.js';
import { drawFunds } from '../shared/funds.js';
import { KIND_TRACE, notRunning, pay } from '../shared/line.js';
import { ALL_PARTS, takeFromParts } from '../shared/parts.js';
import type { Scratch } from '../shared/scratch.js';
import { type Target, type TopUpParams, personalMax } from './params.js';

/** The top-up's trace, from its kind's first slot. */
export const TOP_UP_TRACE = { remaining: 0, carried: 1, topUp: 2, shortfall: 3, personalMax: 4 } as const;
/** How many slots it writes. */
export const TOP_UP_TRACE_WIDTH = 5;

/**
 * Tops up the claim to its target.
 *
 * @example
 * stepTopUp(s, tier, profile.decisions[tier.index]);
 */
export function stepTopUp(s: Scratch, t: TierSpec<TopUpParams>, target: Target | undefined, at: number): void {
  const carried = s.carried[t.index]! as Fen;
  const remaining = s.remaining;
  const k0 = at + KIND_TRACE;
  const trace = s.trace;
  trace[k0 + TOP_UP_TRACE.remaining] = remaining;
  trace[k0 + TOP_UP_TRACE.carried] = carried;
  // What an earlier carve-out sent to these funds was already taken off `remaining` there; this
  // line reports it, so it goes back on before the line takes its whole amount.
  s.remaining = (remaining + carried) as Fen;
  if (notRunning(s, t, at, carried)) return;

  let paid = ZERO;
  let shortfall = ZERO;
  if (target) {
    const max = personalMax(target, s.billable);
    const need = excess(remaining, max);
    paid = drawFunds(s, t.params.fundOrder, need);
    shortfall = excess(need, paid);
    if (t.partsReadLater) takeFromParts(s.parts, paid, ALL_PARTS);
    s.targetId = target.id;
    s.targetMax = max;
    s.targetShortfall = shortfall;
    trace[k0 + TOP_UP_TRACE.personalMax] = max;
  } else trace[k0 + TOP_UP_TRACE.personalMax] = Number.NaN;
  trace[k0 + TOP_UP_TRACE.topUp] = paid;
  trace[k0 + TOP_UP_TRACE.shortfall] = shortfall;
  pay(s, t, at, (carried + paid) as Fen);
}
