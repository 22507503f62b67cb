/**
 * The positions of a simulation's sums as the report reads them: per variant, the id each position
 * of a dimension stands for (tiers, funds, counties, pathways, categories) and its label, from the
 * dimensions the aggregates carry (core/dimensions.ts).
 */
import { VISIT_KINDS } from '../../claim/enums.js';
import type { Dimension, Dimensions } from '../core/dimensions.js';
import type { SimulationResult } from '../core/simulation.js';
import { type Label, pathwayLabel } from './labels.js';

/** One position of a dimension as the report reads it: the id the sums and the JSON use, and its label. */
export interface DimensionEntry {
  readonly id: string;
  readonly label: Label;
}

const entries = (list: readonly Dimension[]): DimensionEntry[] =>
  list.map((d) => ({ id: d.id, label: { zh: d.label, en: d.labelEn } }));
const dimsOf = (result: SimulationResult, v: number): Dimensions => result.variants[v]!.aggregates.dims;

/**
 * The tiers (payers) of a variant, in the order its aggregates' `byTier` are indexed, labelled
 * with the rule files' short names.
 *
 * @example
 * tiers(result, 0).map((t, i) => [t.id, agg.all.byTier[i]])
 */
export function tiers(result: SimulationResult, v: number): DimensionEntry[] {
  return dimsOf(result, v).tiers.map((t) => ({ id: t.id, label: { zh: t.short, en: t.labelEn } }));
}

/**
 * The relief funds of a variant, in the order of its aggregates' `byFund` and `fundByMonth`.
 *
 * @example
 * funds(result, 0)[0].label.zh // "疾病应急救助基金"
 */
export function funds(result: SimulationResult, v: number): DimensionEntry[] {
  return entries(dimsOf(result, v).funds);
}

/**
 * The counties of a variant, in the order of its aggregates' `byCounty` and `personYears`.
 *
 * @example
 * counties(result, 0).map((c) => c.label.zh) // ["雁江区", "安岳县", "乐至县"]
 */
export function counties(result: SimulationResult, v: number): DimensionEntry[] {
  return entries(dimsOf(result, v).counties);
}

/**
 * The pathways (the contract's visit kinds), in the order of the aggregates' `byPathway`.
 *
 * @example
 * pathways(result, 0)[0].id // "inpatient"
 */
export function pathways(_result: SimulationResult, _v: number): DimensionEntry[] {
  return VISIT_KINDS.map((id) => ({ id, label: pathwayLabel(id) }));
}

/**
 * The person categories a variant's rule sets know (the report labels them; nothing is indexed by them).
 *
 * @example
 * categories(result, 0)[0].label.en // "registered poor"
 */
export function categories(result: SimulationResult, v: number): DimensionEntry[] {
  return entries(dimsOf(result, v).categories);
}

/**
 * The ids of a dimension over the first `variantCount` variants, the baseline's order first and
 * each reform's new ids after: the columns of a table that compares variants, or of the per-claim rows.
 *
 * @example
 * unionOf(result, tiers).map((t) => t.id)
 */
export function unionOf(
  result: SimulationResult,
  dimension: (r: SimulationResult, v: number) => DimensionEntry[],
  variantCount = result.variants.length,
): DimensionEntry[] {
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
