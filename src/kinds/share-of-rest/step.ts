/**
 * The share-of-rest payment: ratios of what is left (the 2017 supplementary insurance, tilted
 * payment, special supplementary insurance and civil-affairs assistance: docs/policy-2017.md §4
 * tiers 4–7).
 *
 *   for each share k:  base_k = Σ parts_k,  computed_k = round(base_k × ratio_k)   (each rounded on its own)
 *   pay = min(Σ computed_k, annualCap − paid this year)          (no annualCap: no cap)
 *
 * The adjustment decided for the claim's profile adds its points to every ratio (capped at 1)
 * and, when `uncapped`, lifts the cap. What a share pays is taken from its parts pro-rata; a capped
 * payment is first split over the shares by largest remainder. A part belongs to one share at most.
 *
 * Writes: the parts −= pay; counter `paid` += pay (when the tier has a cap).
 */
import { allocateInPlace } from '../../money/allocate.js';
import { type Fen, excess, minFen } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { TierSpec } from '../kind.js';
import { KIND_TRACE, notRunning, pay } from '../shared/line.js';
import { sumParts, takeFromParts } from '../shared/parts.js';
import { PART_COUNT, type Scratch } from '../shared/scratch.js';
import type { ShareOfRestParams } from './params.js';

/**
 * The trace of a share-of-rest tier, from its kind's first slot: the parts when it ran, what all
 * shares computed, what the cap left (NaN: no cap), then what each share computed.
 */
export const SHARE_TRACE = { parts: 0, computed: PART_COUNT, capLeft: PART_COUNT + 1, shares: PART_COUNT + 2 } as const;

/**
 * How many slots a share-of-rest tier writes.
 *
 * @example
 * shareOfRestTraceWidth(params) // 7 for one share
 */
export const shareOfRestTraceWidth = (p: ShareOfRestParams): number => SHARE_TRACE.shares + p.shares.length;

/**
 * What each share pays, cut by the cap when it binds. A share has a part at least (schema) and a part
 * is in one share at most (lint), so a tier has at most PART_COUNT shares.
 */
const paidEach = new Float64Array(PART_COUNT);

/**
 * Pays the share-of-rest tier's share of the claim.
 *
 * @example
 * stepShareOfRest(s, tier, profile.decisions[tier.index]);
 */
export function stepShareOfRest(s: Scratch, t: TierSpec<ShareOfRestParams>, adjustment: number, at: number): void {
  if (notRunning(s, t, at)) return;
  const p = t.params;
  // Stryker disable next-line ConditionalExpression: adjustments[-1] is undefined too; the check says what it means
  const a = adjustment >= 0 ? p.adjustments[adjustment]! : undefined;
  const k0 = at + KIND_TRACE;
  const trace = s.trace;
  // Stryker disable next-line ArithmeticOperator: the parts are slot 0, so k0 - 0 is k0
  trace.set(s.parts, k0 + SHARE_TRACE.parts);
  const shares = p.shares;
  let computed = 0;
  for (let k = 0; k < shares.length; k++) {
    const sh = shares[k]!;
    const c = applyRatio(sumParts(s.parts, sh.parts), a ? sh.adjusted[adjustment]! : sh.ratio);
    trace[k0 + SHARE_TRACE.shares + k] = c;
    paidEach[k] = c;
    computed += c;
  }
  const capped = p.cap !== null && (a === undefined || !a.uncapped);
  const capLeft = capped ? excess(p.cap!, s.counters[p.paidCounter]! as Fen) : (0 as Fen);
  const amount = (capped ? minFen(computed as Fen, capLeft) : computed) as Fen;
  if (t.partsReadLater) {
    // Stryker disable next-line ConditionalExpression: a shortcut; the total split over its own terms gives them back
    if (amount !== computed) allocateInPlace(paidEach, amount, shares.length);
    for (let k = 0; k < shares.length; k++) takeFromParts(s.parts, paidEach[k]! as Fen, shares[k]!.parts);
  }
  // Stryker disable next-line ConditionalExpression: a tier without a cap has counter -1, which a Float64Array ignores; the check says what it means
  if (p.paidCounter >= 0) s.counters[p.paidCounter] = s.counters[p.paidCounter]! + amount;
  trace[k0 + SHARE_TRACE.computed] = computed;
  trace[k0 + SHARE_TRACE.capLeft] = capped ? capLeft : Number.NaN;
  pay(s, t, at, amount);
}
