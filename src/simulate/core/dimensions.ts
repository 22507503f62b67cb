/**
 * What a simulation's sums are indexed by, for one rule book: the tiers (payers), funds, counties
 * and person categories of its rule sets, each id once, in the order the rule sets first list them
 * (a book spanning two schemes adds up 2017 and 2022 claims in one report), with their names from
 * the rule files. Derived from the book alone, so every worker of a run builds the same; each
 * variant's aggregates carry theirs (`aggregates.dims`), and the report, the per-claim rows and the
 * HTML page index the sums by position in these lists, never by a constant of the engine.
 */
import type { Policy } from '../../scheme/policy.js';
import type { RuleBook } from '../../scheme/book.js';
import type { PayerKind } from '../../rule-files/types.js';
import { inForceJson } from '../../scheme/compile.js';

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
