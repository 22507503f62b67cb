/**
 * The table's payment (docs/policy-2017.md §4 tier 2, docs/policy-2022.md §2 tier 1):
 *
 *   row        = the row decided for the claim's profile (none: the tier pays 0 and says so)
 *   deductible = row.deductible (× the adjustment's factor when the row is adjustable)
 *   due        = per-claim rows: deductible; per-year rows: max(0, deductible − consumed this year)
 *   ratio      = row.ratio (+ the adjustment's points, capped at 1)
 *   pay        = min(round(max(0, S − due) × ratio), cap[row.capPool] − paid this year from that pool)
 *
 * Writes: S −= pay; counters `paid.<pool>` += pay, and for a per-year row `deductible.<row>` +=
 * min(S, due). An adjustment marked `uncapped` lifts the cap (the payment still counts).
 */
import { type Fen, ZERO, excess, minFen } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { TierSpec } from '../kind.js';
import { KIND_TRACE, notRunning, pay } from '../shared/line.js';
import { PART_INDEX } from '../shared/parts.js';
import type { Scratch } from '../shared/scratch.js';
import type { TableDecision, TableParams } from './params.js';

/** The table's trace, from its kind's first slot. */
export const TABLE_TRACE = { inScope: 0, deductibleDue: 1, deductibleCharged: 2, computed: 3, capLeft: 4 } as const;
/** How many slots it writes. */
export const TABLE_TRACE_WIDTH = 5;

const S = PART_INDEX.S;

/**
 * Pays the table's share of the claim.
 *
 * @example
 * stepTable(s, tier, profile.decisions[tier.index]);
 */
export function stepTable(s: Scratch, t: TierSpec<TableParams>, d: TableDecision, at: number): void {
  if (notRunning(s, t, at)) return;
  const k0 = at + KIND_TRACE;
  const trace = s.trace;
  const inScope = s.parts[S]! as Fen;
  // Stryker disable next-line ArithmeticOperator: inScope is slot 0, so k0 - 0 is k0
  trace[k0 + TABLE_TRACE.inScope] = inScope;
  const row = d.row;
  if (!row) {
    // Stryker disable next-line ArithmeticOperator: k0 - 1 and k0 - 2 are the line's own two first slots, which pay() below writes
    trace[k0 + TABLE_TRACE.deductibleDue] = 0;
    // Stryker disable next-line ArithmeticOperator: as above
    trace[k0 + TABLE_TRACE.deductibleCharged] = 0;
    trace[k0 + TABLE_TRACE.computed] = 0;
    trace[k0 + TABLE_TRACE.capLeft] = Number.NaN;
    return pay(s, t, at, ZERO);
  }
  // Stryker disable next-line ConditionalExpression: adjustments[-1] is undefined too; the check says what it means
  const a = d.adjustment >= 0 ? t.params.adjustments[d.adjustment]! : undefined;
  const values = a ? row.adjusted[d.adjustment]! : row;
  const c = s.counters;
  const used = (row.perYear ? c[row.deductibleCounter]! : 0) as Fen;
  const deductibleDue = excess(values.deductible, used);
  const deductibleCharged = minFen(inScope, deductibleDue);
  const computed = applyRatio(excess(inScope, deductibleDue), values.ratio);
  const paidThisYear = c[row.paidCounter]! as Fen;
  const capped = a === undefined || !a.uncapped;
  const capLeft = capped ? excess(row.cap, paidThisYear) : ZERO;
  const amount = capped ? minFen(computed, capLeft) : computed;

  s.parts[S] = inScope - amount;
  c[row.paidCounter] = paidThisYear + amount;
  // Stryker disable next-line ConditionalExpression: a per-claim row's counter is -1, which a Float64Array ignores; the check says what it means
  if (row.perYear) c[row.deductibleCounter] = used + deductibleCharged;
  trace[k0 + TABLE_TRACE.deductibleDue] = deductibleDue;
  trace[k0 + TABLE_TRACE.deductibleCharged] = deductibleCharged;
  trace[k0 + TABLE_TRACE.computed] = computed;
  trace[k0 + TABLE_TRACE.capLeft] = capped ? capLeft : Number.NaN;
  pay(s, t, at, amount);
}
