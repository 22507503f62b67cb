/**
 * The yearly assistance's payment, with a yearly deductible and a yearly limit, the deductible and
 * ratio chosen by a row (the 2022 medical assistance by category, docs/policy-2022.md §2 tier 3):
 *
 *   row   = the row decided for the claim's profile (none: the tier pays 0 and says so)
 *   base  = what the parts `of` hold when the tier runs
 *   due   = max(0, row.deductible − consumed this year)   (one counter per person-year, whatever the row)
 *   pay   = min(round(max(0, base − due) × row.ratio), annualLimit − paid this year)
 *
 * Writes: the parts −= pay (pro-rata), counters `deductible` += min(base, due) and `paid` += pay.
 */
import { type Fen, ZERO, excess, minFen } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { TierSpec } from '../kind.js';
import { KIND_TRACE, notRunning, pay } from '../shared/line.js';
import { sumParts, takeFromParts } from '../shared/parts.js';
import type { Scratch } from '../shared/scratch.js';
import type { AssistanceRow, YearlyAssistanceParams } from './params.js';

/** The yearly assistance's trace, from its kind's first slot. */
export const ASSISTANCE_TRACE = { base: 0, limitLeft: 1, deductibleDue: 2, deductibleCharged: 3, computed: 4 } as const;
/** How many slots it writes. */
export const ASSISTANCE_TRACE_WIDTH = 5;

/**
 * Pays the yearly assistance's share of the claim.
 *
 * @example
 * stepYearlyAssistance(s, tier, profile.decisions[tier.index]);
 */
export function stepYearlyAssistance(
  s: Scratch,
  t: TierSpec<YearlyAssistanceParams>,
  row: AssistanceRow | undefined,
  at: number,
): void {
  if (notRunning(s, t, at)) return;
  const p = t.params;
  const c = s.counters;
  const base = sumParts(s.parts, p.parts);
  const limitLeft = excess(p.limit, c[p.paidCounter]! as Fen);
  const k0 = at + KIND_TRACE;
  const trace = s.trace;
  trace[k0 + ASSISTANCE_TRACE.base] = base;
  trace[k0 + ASSISTANCE_TRACE.limitLeft] = limitLeft;
  if (!row) {
    trace[k0 + ASSISTANCE_TRACE.deductibleDue] = 0;
    trace[k0 + ASSISTANCE_TRACE.deductibleCharged] = 0;
    trace[k0 + ASSISTANCE_TRACE.computed] = 0;
    return pay(s, t, at, ZERO);
  }
  const used = c[p.deductibleCounter]! as Fen;
  const deductibleDue = excess(row.deductible, used);
  const deductibleCharged = minFen(base, deductibleDue);
  const computed = applyRatio(excess(base, deductibleDue), row.ratio);
  const amount = minFen(computed, limitLeft);
  if (t.partsReadLater) takeFromParts(s.parts, amount, p.parts);
  c[p.deductibleCounter] = used + deductibleCharged;
  c[p.paidCounter] = c[p.paidCounter]! + amount;
  trace[k0 + ASSISTANCE_TRACE.deductibleDue] = deductibleDue;
  trace[k0 + ASSISTANCE_TRACE.deductibleCharged] = deductibleCharged;
  trace[k0 + ASSISTANCE_TRACE.computed] = computed;
  pay(s, t, at, amount);
}
