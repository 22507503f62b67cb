/**
 * The brackets' payment on a yearly burden (docs/policy-2017.md §4 tier 3, docs/policy-2022.md §2
 * tiers 2 and 4):
 *
 *   base = what the parts `of` (default S) hold when the tier runs
 *   c0   = the year's burden before this claim (counter `burden`), c1 = c0 + base
 *   f(c) = Σ ratio_i × (the part of c inside bracket i); brackets start at the deductible and each
 *          runs up to its `upTo` (an absolute amount of c; the last is open)
 *   pay  = min(round(f(c1)) − round(f(c0)), annualCap − paid this year, base)
 *
 * The adjustment decided for the claim's profile scales the deductible, adds points to every
 * ratio (both for f(c0) and f(c1): a person whose category changes is settled by the new one) and,
 * when `uncapped`, lifts the cap (the payment still counts in `paid`). While no cap binds, a year's
 * total is round(f(final c)) whatever the order of its claims. The burden grows only on claims the
 * tier applies to.
 *
 * Writes: the parts −= pay (pro-rata), counters `burden` = c1 and `paid` += pay.
 */
import { type Fen, excess, minFen } from '../../money/fen.js';
import type { TierSpec } from '../kind.js';
import { KIND_TRACE, notRunning, pay } from '../shared/line.js';
import { sumParts, takeFromParts } from '../shared/parts.js';
import type { Scratch } from '../shared/scratch.js';
import { type BracketsParams, bracketsAmount } from './params.js';

/** The brackets' trace, from its kind's first slot. */
export const BRACKETS_TRACE = { before: 0, after: 1, computed: 2, capLeft: 3, base: 4 } as const;
/** How many slots it writes. */
export const BRACKETS_TRACE_WIDTH = 5;

/**
 * Pays the brackets' share of the claim.
 *
 * @example
 * stepBrackets(s, tier, profile.decisions[tier.index]);
 */
export function stepBrackets(s: Scratch, t: TierSpec<BracketsParams>, adjustment: number, at: number): void {
  if (notRunning(s, t, at)) return;
  const p = t.params;
  const a = adjustment >= 0 ? p.adjustments[adjustment]! : undefined;
  const sched = a ? p.adjusted[adjustment]! : p.standard;
  const c = s.counters;
  const base = sumParts(s.parts, p.parts);
  const before = c[p.burdenCounter]! as Fen;
  const after = (before + base) as Fen;
  const computed = excess(bracketsAmount(after, sched), bracketsAmount(before, sched));
  const capped = p.cap !== null && (a === undefined || !a.uncapped);
  const capLeft = capped ? excess(p.cap!, c[p.paidCounter]! as Fen) : (0 as Fen);
  const amount = minFen(capped ? minFen(computed, capLeft) : computed, base);

  if (t.partsReadLater) takeFromParts(s.parts, amount, p.parts);
  c[p.burdenCounter] = after;
  c[p.paidCounter] = c[p.paidCounter]! + amount;
  const k0 = at + KIND_TRACE;
  const trace = s.trace;
  trace[k0 + BRACKETS_TRACE.before] = before;
  trace[k0 + BRACKETS_TRACE.after] = after;
  trace[k0 + BRACKETS_TRACE.computed] = computed;
  trace[k0 + BRACKETS_TRACE.capLeft] = capped ? capLeft : Number.NaN;
  trace[k0 + BRACKETS_TRACE.base] = base;
  pay(s, t, at, amount);
}
