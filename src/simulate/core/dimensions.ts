/**
 * What a simulation's sums are indexed by, for one rule book: the tiers (payers), funds, counties
 * and person categories of its rule sets, each id once, in the order the rule sets first list them
 * (a book spanning two schemes adds up 2017 and 2022 claims in one report), with their names from
 * the rule files. Derived from the book alone, so every worker of a run builds the same; each
 * variant's aggregates carry theirs (`aggregates.dims`), and the report, the per-claim rows and the
 * HTML page index the sums by position in these lists, never by a constant of the engine.
 */
import { VISIT_KINDS } from '../../claim/enums.js';
import type { Policy } from '../../scheme/policy.js';
import type { RuleBook } from '../../scheme/book.js';
import type { PayerKind } from '../../rule-files/types.js';
import { inForceJson } from '../../scheme/compile.js';
import { type Label, pathwayLabel } from '../report/labels.js';
import type { SimulationResult } from './simulation.js';

/** A value a sum is indexed by, with its names. */
export interface Dimension {
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
}

/** The lists a variant's sums are indexed by. */
export interface Dimensions {
  /** Every tier of the book's rule sets (a payer), with its short label and payer kind. */
  readonly tiers: readonly (Dimension & { readonly short: string; readonly payer: PayerKind })[];
  readonly funds: readonly Dimension[];
  readonly counties: readonly Dimension[];
  readonly categories: readonly Dimension[];
  /** The rule sets of the book: id, title and period. */
  /** `to` is null for a rule set with no end. */
  readonly ruleSets: readonly {
    readonly id: string;
    readonly title: string;
    readonly from: string;
    readonly to: string | null;
  }[];
}

const cache = new WeakMap<RuleBook, Dimensions>();

/**
 * The dimensions of a rule book (computed once per book).
 *
 * @example
 * dimensionsOf(defaultRules()).tiers.map((t) => t.id) // ["maternal-subsidy", …, "relief-funds", "tilted-assistance"]
 */
export function dimensionsOf(book: RuleBook): Dimensions {
  let d = cache.get(book);
  if (d) return d;
  const tiers = new Map<string, Dimensions['tiers'][number]>();
  const funds = new Map<string, Dimension>();
  const counties = new Map<string, Dimension>();
  const categories = new Map<string, Dimension>();
  for (const set of book.sets) {
    const s = set.scheme;
    for (const t of s.tiers)
      if (!tiers.has(t.id))
        tiers.set(t.id, {
          id: t.id,
          label: t.label,
          labelEn: t.labelEn,
          short: shortOf(set.segments[0]!, t.id) ?? t.label,
          payer: t.payer,
        });
    for (const f of s.funds) if (!funds.has(f.id)) funds.set(f.id, f);
    for (const c of s.counties.values()) if (!counties.has(c.id)) counties.set(c.id, c);
    for (const c of s.categories.values())
      if (!categories.has(c.id)) categories.set(c.id, { id: c.id, label: c.label, labelEn: c.labelEn });
  }
  d = {
    tiers: [...tiers.values()],
    funds: [...funds.values()],
    counties: [...counties.values()],
    categories: [...categories.values()],
    ruleSets: book.sets.map((s) => ({ id: s.id, title: s.title, ...inForceJson(s.inForce) })),
  };
  cache.set(book, d);
  return d;
}

function shortOf(policy: Policy, id: string): string | undefined {
  return policy.tiers.find((t) => t.id === id)?.short;
}

/** Where a policy's tiers, funds and counties sit in a book's dimensions. */
export interface Slots {
  readonly tiers: Int32Array;
  readonly funds: ReadonlyMap<string, number>;
  readonly county: ReadonlyMap<string, number>;
}

let last: { policy?: Policy; dims?: Dimensions; slots?: Slots } = {};

/* Per dimensions, then per policy: one policy may belong to several books (a reform keeps the rule sets it does not change). */
const slots = new WeakMap<Dimensions, WeakMap<Policy, Slots>>();

/**
 * Where a policy's tiers, funds and counties sit in a book's dimensions.
 *
 * @example
 * slotsOf(policy, dims).tiers[2] // the slot of the policy's third tier
 */
export function slotsOf(policy: Policy, dims: Dimensions): Slots {
  // Consecutive claims are mostly of one policy: the last answer first.
  if (policy === last.policy && dims === last.dims) return last.slots!;
  let byPolicy = slots.get(dims);
  if (!byPolicy) slots.set(dims, (byPolicy = new WeakMap()));
  let s = byPolicy.get(policy);
  if (!s) {
    const tierIndex = new Map(dims.tiers.map((t, i) => [t.id, i]));
    s = {
      tiers: Int32Array.from(policy.tiers.map((t) => tierIndex.get(t.id)!)),
      funds: new Map(dims.funds.map((f, i) => [f.id, i])),
      county: new Map(dims.counties.map((c, i) => [c.id, i])),
    };
    byPolicy.set(policy, s);
  }
  last = { policy, dims, slots: s };
  return s;
}

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
