/**
 * What the report calls "paid by all payers" (`publicSpending`): the sum of the tiers whose payer
 * spends money on the claim — insurance, assistance, relief funds, subsidies — and not of a tier
 * whose payer kind is `hospital` (a rule file's `"payer": "hospital"`, the 2017 waiver of
 * docs/policy-2017.md): what a hospital waives is its own money, never paid out by anyone, so a
 * reform that moves it would otherwise show the hospital's loss as public spending. Which tiers
 * those are comes from the rule files' payer kinds, never from a tier id.
 */
import type { PayerKind } from '../../rule-files/types.js';
import type { SimulationResult } from '../core/simulation.js';

/** The payer kind whose tiers are the hospital's own money. */
const HOSPITAL: PayerKind = 'hospital';

/**
 * For each tier of variant `v`, in the order of its `byTier` sums: whether it counts in `publicSpending`.
 *
 * @example
 * publicTierMask(result, 0) // [true, true, true, true, true, false, true, true, true, true, true] (the waiver is false)
 */
export function publicTierMask(result: SimulationResult, v: number): boolean[] {
  return result.variants[v]!.aggregates.dims.tiers.map((t) => t.payer !== HOSPITAL);
}

/**
 * Paid by every payer but the patient and the hospital: the public tiers of a group's per-tier sums.
 *
 * @example
 * publicSpending(publicTierMask(result, 0), agg.all.byTier) // fen
 */
export function publicSpending(mask: readonly boolean[], byTier: readonly number[]): number {
  return mask.reduce((s, counted, t) => (counted ? s + (byTier[t] ?? 0) : s), 0);
}

/**
 * The tiers `publicSpending` leaves out, of the variants given (ids, each once, in order): what
 * the report names beside the figure.
 *
 * @example
 * hospitalTierIds(result, [0, 1]) // ["hospital-waiver"]
 */
export function hospitalTierIds(result: SimulationResult, variants: readonly number[]): string[] {
  const ids = variants.flatMap((v) =>
    result.variants[v]!.aggregates.dims.tiers.filter((t) => t.payer === HOSPITAL).map((t) => t.id),
  );
  return [...new Set(ids)];
}
