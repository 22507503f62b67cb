/**
 * What every kind's step does the same way: record what a tier paid (taking it off what is still
 * to pay, and writing what was still to pay to the trace for its line), and, before its own
 * formula, leave when the hospital is not one the tiers pay at or the tier does not apply.
 */
import type { Fen } from '../../money/fen.js';
import type { Scratch } from './scratch.js';

/** The trace slots every tier has before its kind's own: what was still to pay when it ran, and the fund draws made by then. */
export const TRACE_AVAILABLE = 0;
export const TRACE_DRAWS = 1;
/** Where a kind's own trace slots start, from the tier's offset. */
export const KIND_TRACE = 2;

/** What a step needs of its tier's header: its position in the rule set's order. */
export interface StepHead {
  readonly index: number;
}

/**
 * Records that a tier paid `amount` and takes `taken` (by default the amount) off `remaining`;
 * `at` is where the tier's trace starts.
 *
 * @example
 * pay(s, t, at, fen(25000));
 */
export function pay(s: Scratch, t: StepHead, at: number, amount: Fen, taken: Fen = amount): void {
  s.amounts[t.index] = amount;
  // Stryker disable next-line ArithmeticOperator: TRACE_AVAILABLE is slot 0, so at - 0 is at
  s.trace[at + TRACE_AVAILABLE] = s.remaining;
  s.trace[at + TRACE_DRAWS] = s.drawCount;
  s.remaining = (s.remaining - taken) as Fen;
}

/**
 * Records the line of a tier that does not run for this claim (the hospital is not designated, or
 * the tier does not apply) and returns `true`; returns `false` when it runs. Such a line pays
 * nothing of its own; `carried` is what it reports on behalf of an earlier tier (a delivery's
 * excess paid by the funds), which the caller has put back on `remaining` so the line takes it once.
 *
 * @example
 * if (notRunning(s, t, at)) return;
 */
export function notRunning(s: Scratch, t: StepHead, at: number, carried: Fen = 0 as Fen): boolean {
  if (s.settled && s.applies[t.index] === 1) return false;
  pay(s, t, at, carried);
  return true;
}
