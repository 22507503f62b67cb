/**
 * The values a claim may use where the contract leaves the list to the schemes (county, area,
 * person category): every value of any rule set of the book. Whether a value belongs to the rule
 * set in force on the claim's discharge date is checked when the claim is settled.
 */
import type { RuleBook } from '../scheme/book.js';

/** The scheme-declared values a claim of a rule book may use, each list in the order first declared. */
export interface ClaimVocabulary {
  readonly counties: readonly string[];
  readonly areas: readonly string[];
  readonly categories: readonly string[];
  /** When the book's rule sets are in force (a claim discharged outside all of them has no rule set to judge its values by). */
  readonly periods?: readonly RulePeriod[];
}

/** A rule set's period (`to` is the engine's far date for a set with no end). */
export interface RulePeriod {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

const cache = new WeakMap<RuleBook, ClaimVocabulary>();

/**
 * The union of the counties, areas and categories of a book's rule sets (computed once per book).
 *
 * @example
 * claimVocabulary(defaultRules()).categories // ["registered-poor", "rural-dibao", "general", "extreme-poor", …]
 */
export function claimVocabulary(book: RuleBook): ClaimVocabulary {
  let v = cache.get(book);
  if (!v) {
    const counties = new Set<string>();
    const areas = new Set<string>();
    const categories = new Set<string>();
    for (const set of book.sets) {
      for (const c of set.scheme.counties.keys()) counties.add(c);
      for (const a of set.scheme.areas.keys()) areas.add(a);
      for (const c of set.scheme.categories.keys()) categories.add(c);
    }
    v = {
      counties: [...counties],
      areas: [...areas],
      categories: [...categories],
      periods: book.sets.map((s) => ({ id: s.id, from: s.inForce.from, to: s.inForce.to })),
    };
    cache.set(book, v);
  }
  return v;
}

/**
 * The union of several vocabularies (the rule books of a simulation's variants).
 *
 * @example
 * mergeVocabularies([claimVocabulary(baseline), claimVocabulary(reform)])
 */
export function mergeVocabularies(vs: readonly ClaimVocabulary[]): ClaimVocabulary {
  const union = (k: 'counties' | 'areas' | 'categories'): string[] => [...new Set(vs.flatMap((v) => v[k]))];
  const periods = vs.every((v) => v.periods)
    ? [...new Map(vs.flatMap((v) => v.periods!).map((p) => [`${p.id}|${p.from}|${p.to}`, p])).values()]
    : undefined;
  return {
    counties: union('counties'),
    areas: union('areas'),
    categories: union('categories'),
    ...(periods ? { periods } : {}),
  };
}
