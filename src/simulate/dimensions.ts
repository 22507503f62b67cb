/**
 * The dimensions a simulation's aggregates are indexed by: its tiers, relief funds, counties,
 * pathways and person categories, each an ordered list of ids with their labels. The report, the
 * per-claim rows and the HTML page read them here and index the aggregates by position in these
 * lists, never by a constant of the engine: when a result carries its own lists (a rule set with
 * other tiers, a simulation spanning two schemes), only this file changes.
 *
 * Today every variant has the lists of the contract and the 2017 plan.
 */
import { CATEGORIES, COUNTIES, VISIT_KINDS } from '../claim/enums.js';
import { FUND_IDS, TIER_ORDER } from '../rules/schema.js';
import { type Label, type LabelKind, labelOf } from './labels.js';
import type { SimulationResult } from './simulation.js';

/** One position of a dimension: the id the aggregates and the JSON use, and its label. */
export interface DimensionEntry {
  readonly id: string;
  readonly label: Label;
}

const entries = (kind: LabelKind, ids: readonly string[]): DimensionEntry[] => ids.map((id) => ({ id, label: labelOf(kind, id) }));

/**
 * The tiers (payers) of a variant, in the order its aggregates' `byTier` are indexed.
 *
 * @example
 * tiers(result, 0).map((t, i) => [t.id, agg.all.byTier[i]])
 */
export function tiers(_result: SimulationResult | undefined, _variant: number): DimensionEntry[] {
  return entries('payer', TIER_ORDER);
}

/**
 * The relief funds of a variant, in the order of its aggregates' `byFund` and `fundByMonth`.
 *
 * @example
 * funds(result, 0)[0].label.zh // "疾病应急救助基金"
 */
export function funds(_result: SimulationResult | undefined, _variant: number): DimensionEntry[] {
  return entries('fund', FUND_IDS);
}

/**
 * The counties of a variant, in the order of its aggregates' `byCounty` and `personYears`.
 *
 * @example
 * counties(result, 0).map((c) => c.label.zh) // ["雁江区", "安岳县", "乐至县"]
 */
export function counties(_result: SimulationResult | undefined, _variant: number): DimensionEntry[] {
  return entries('county', COUNTIES);
}

/**
 * The pathways (visit kinds) of a variant, in the order of its aggregates' `byPathway`.
 *
 * @example
 * pathways(result, 0)[0].id // "inpatient"
 */
export function pathways(_result: SimulationResult | undefined, _variant: number): DimensionEntry[] {
  return entries('pathway', VISIT_KINDS);
}

/**
 * The person categories a variant knows (the report labels them; nothing is indexed by them).
 *
 * @example
 * categories(result, 0)[0].label.en // "registered poor"
 */
export function categories(_result: SimulationResult | undefined, _variant: number): DimensionEntry[] {
  return entries('category', CATEGORIES);
}

/**
 * The ids of a dimension over every variant, the baseline's order first and each reform's new
 * ids after: the columns of a table that compares variants, or of the per-claim rows.
 *
 * @example
 * unionOf(result, tiers).map((t) => t.id)
 */
export function unionOf(result: SimulationResult | undefined, dimension: (r: SimulationResult | undefined, v: number) => DimensionEntry[], variantCount = result?.variants.length ?? 1): DimensionEntry[] {
  const seen = new Map<string, DimensionEntry>();
  for (let v = 0; v < variantCount; v++) for (const e of dimension(result, v)) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

/**
 * A variant's per-position sums as a map by id, so that variants with different lists compare
 * by id (an id a variant lacks counts as 0).
 *
 * @example
 * byId(tiers(result, 1), agg.all.byTier).get('tilt-payment')
 */
export function byId(dimension: readonly DimensionEntry[], values: readonly number[]): Map<string, number> {
  return new Map(dimension.map((e, i) => [e.id, values[i] ?? 0]));
}
