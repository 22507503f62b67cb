/**
 * What a simulation compared: each variant's rule sets (id, title, period, and the versions — the
 * dates on which a value changes) and, for each reform, what changed from the baseline's rule
 * book ({@link diffRuleBooks}, as `bashunwei rules diff` lists it): the parameter changes of
 * `reformRules`, and the tiers, values and conditions of a reform written as a folder.
 */
import type { RuleBook } from '../../scheme/book.js';
import { inForceJson, type RuleSet } from '../../scheme/compile.js';
import { type RuleChange, diffRuleBooks } from '../../scheme/rules-diff.js';

/** A rule set as the report names it. */
export interface ComparedRuleSet {
  readonly id: string;
  readonly title: string;
  /** `to` is null for a rule set with no end (in force from `from` on). */
  readonly inForce: { readonly from: string; readonly to: string | null };
  /** The dates on which a value of the set changes (its policy segments). */
  readonly versions: readonly string[];
}

const setJson = (s: RuleSet): ComparedRuleSet => ({
  id: s.id,
  title: s.title,
  inForce: inForceJson(s.inForce),
  versions: s.segments.map((p) => p.version),
});

/**
 * Each variant's rule sets and, for a reform, its changes from the baseline (variant 0).
 *
 * @example
 * comparedJson(['baseline', 'tilt 40%'], [defaultRules(), reform])[1].changes
 */
export function comparedJson(names: readonly string[], books: readonly RuleBook[]) {
  return names.map((name, i) => ({
    name,
    role: names.length === 1 ? ('only' as const) : i === 0 ? ('baseline' as const) : ('reform' as const),
    ruleSets: books[i]!.sets.map(setJson),
    changes: i === 0 ? null : (diffRuleBooks(books[0]!, books[i]!) as readonly RuleChange[]),
  }));
}
