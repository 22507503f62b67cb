/**
 * What a simulation compared: each variant's rule sets (id, title, period, and the versions — the
 * dates on which a value changes) and, for each reform, its differences from the baseline's rule
 * files, value by value ({@link diffRuleFiles}): the parameter changes of `reformRules` and the
 * changed values and conditions of a reform written as a folder read the same way.
 */
import type { RuleBook } from '../rules/book.js';
import type { RuleSet } from '../rules/compile.js';
import { type RuleDifference, diffRuleFiles } from '../rules/diff.js';

/** A difference of a reform from the baseline, with the rule set it belongs to. */
export type ReformDifference = RuleDifference & { readonly ruleSet: string };

const setJson = (s: RuleSet) => ({ id: s.id, title: s.title, inForce: { ...s.inForce }, versions: s.segments.map((p) => p.version) });

/**
 * The differences of a rule book from the baseline's, set by set: sets of the same id are
 * compared; a lone set on each side (a reform folder with an id of its own) is compared with the
 * other; any other set is listed as added or removed whole.
 *
 * @example
 * bookDifferences(baselineBook, reformBook) // [{ ruleSet: "ziyang-2017", kind: "changed", file: "tier-5-tilt-payment.json", path: "ratio", … }]
 */
export function bookDifferences(baseline: RuleBook, reform: RuleBook): ReformDifference[] {
  const pairs: [RuleSet | undefined, RuleSet | undefined][] = [];
  const left = baseline.sets.filter((s) => !reform.sets.some((t) => t.id === s.id));
  const right = reform.sets.filter((t) => !baseline.sets.some((s) => s.id === t.id));
  for (const s of baseline.sets) {
    const t = reform.sets.find((x) => x.id === s.id);
    if (t) pairs.push([s, t]);
  }
  if (left.length === 1 && right.length === 1) pairs.push([left[0], right[0]]);
  else pairs.push(...left.map((s): [RuleSet, undefined] => [s, undefined]), ...right.map((t): [undefined, RuleSet] => [undefined, t]));
  return pairs.flatMap(([s, t]): ReformDifference[] => {
    if (!t) return [{ ruleSet: s!.id, kind: 'removed', file: 'ruleset.json', path: '', before: setJson(s!) }];
    if (!s) return [{ ruleSet: t.id, kind: 'added', file: 'ruleset.json', path: '', after: setJson(t) }];
    const files = (set: RuleSet) => set.files as unknown as Readonly<Record<string, unknown>>;
    return diffRuleFiles(files(s), files(t)).map((d) => ({ ruleSet: t.id, ...d }));
  });
}

/**
 * Each variant's rule sets and, for a reform, its differences from the baseline (variant 0).
 *
 * @example
 * comparedJson(['baseline', 'tilt 40%'], [defaultRules(), reform])[1].changes
 */
export function comparedJson(names: readonly string[], books: readonly RuleBook[]) {
  return names.map((name, i) => ({
    name,
    role: names.length === 1 ? ('only' as const) : i === 0 ? ('baseline' as const) : ('reform' as const),
    ruleSets: books[i]!.sets.map(setJson),
    changes: i === 0 ? null : bookDifferences(books[0]!, books[i]!),
  }));
}
