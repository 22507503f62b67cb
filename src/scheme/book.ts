/**
 * A rule book: the rule sets a caller settles with, and the choice of the policy in force on a
 * discharge date. Two rule sets in force on the same day are refused.
 */
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail, ok } from '../errors/issue.js';
import { NO_END, type RuleSet } from './compile.js';
import { type ClaimVocabulary, describePeriods } from '../claim/vocabulary.js';
import type { Policy } from './policy.js';
import type { Lang } from '../i18n/lang.js';

/** Rule sets ordered by date, with their policies flattened for lookup. */
export interface RuleBook {
  readonly sets: readonly RuleSet[];
  readonly policies: readonly Policy[];
}

/**
 * Where a rule set's period is written, for the message of an overlap: its folder's ruleset.json,
 * and the folder it inherits `inForce` from when its own ruleset.json writes none.
 *
 * @example
 * ruleBook(sets, (s) => ({ file: 'book/reform/ruleset.json', inheritedFrom: 'book/ziyang-2017' }))
 */
export interface RuleSetPlace {
  /** The rule set's own ruleset.json (`rules/reform/ruleset.json`). */
  readonly file: string;
  /** The folder whose `inForce` it keeps, when it writes none of its own. */
  readonly inheritedFrom?: string;
}

/**
 * Builds a rule book from rule sets; fails when two are in force on the same day. `placeOf` says
 * where each set's period is written (rule folders on disk know it), so that an overlap is
 * reported where it can be fixed: at a set that inherits its period rather than at the one it
 * inherits from.
 *
 * @example
 * const book = ruleBook([ziyang2017]);
 */
export function ruleBook(
  sets: readonly RuleSet[],
  // Written out rather than named (RuleSetPlace), so that the API reference needs no more types.
  placeOf?: (set: RuleSet) => { readonly file: string; readonly inheritedFrom?: string } | undefined,
): Result<RuleBook, RuleIssue> {
  const sorted = [...sets].sort((a, b) => (a.inForce.from < b.inForce.from ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.inForce.from <= prev.inForce.to) return fail([overlap(prev, cur, placeOf)]);
  }
  return ok({ sets: sorted, policies: sorted.flatMap((s) => s.segments) });
}

const dateBounds = new WeakMap<RuleBook, { readonly from: Float64Array; readonly to: Float64Array; last: number }>();
const dayNumber = (iso: string): number =>
  Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

/**
 * The policy in force on a date given as the number yyyymmdd (a claim record's), or `undefined`.
 *
 * @example
 * policyAtNumber(book, 20170610)?.version // "2017-03-17"
 */
export function policyAtNumber(book: RuleBook, date: number): Policy | undefined {
  let b = dateBounds.get(book);
  if (!b) {
    b = {
      from: Float64Array.from(book.policies, (p) => dayNumber(p.version)),
      to: Float64Array.from(book.policies, (p) => dayNumber(p.validTo)),
      last: 0,
    };
    dateBounds.set(book, b);
  }
  // Claims come in runs of one period: the policy found last is tried first.
  const last = b.last;
  if (date >= b.from[last]! && date <= b.to[last]!) return book.policies[last];
  let lo = 0;
  let hi = book.policies.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (date < b.from[mid]!) hi = mid - 1;
    else if (date > b.to[mid]!) lo = mid + 1;
    else {
      b.last = mid;
      return book.policies[mid];
    }
  }
  return undefined;
}

/** The problem of two rule sets in force on one day, at the one whose period should change. */
function overlap(prev: RuleSet, cur: RuleSet, placeOf?: (set: RuleSet) => RuleSetPlace | undefined): RuleIssue {
  const [pp, pc] = [placeOf?.(prev), placeOf?.(cur)];
  // The later set, unless only the earlier one inherits its period: that one's folder is where to fix it.
  const [blamed, other, place] = pp?.inheritedFrom && !pc?.inheritedFrom ? [prev, cur, pp] : [cur, prev, pc];
  const period = (s: RuleSet) => `${s.inForce.from} to ${s.inForce.to === NO_END ? 'no end' : s.inForce.to}`;
  return {
    code: RuleErrorCode.OVERLAP,
    file: place?.file ?? `${blamed.id}/ruleset.json`,
    path: 'inForce',
    message: place?.inheritedFrom
      ? `${blamed.id} writes no "inForce" and keeps the period of ${place.inheritedFrom} (${period(blamed)}), so it overlaps ${other.id} (${period(other)}): one day, one rule set. Give this ruleset.json an "inForce" of its own, or keep the folder out of this book (a reform is compared with its baseline by simulate --baseline and --rules, not put beside it)`
      : blamed === cur
        ? `${cur.id} (from ${cur.inForce.from}) overlaps ${prev.id} (to ${prev.inForce.to}): one day, one rule set`
        : `${prev.id} (to ${prev.inForce.to}) overlaps ${cur.id} (from ${cur.inForce.from}): one day, one rule set`,
  };
}

/**
 * The policy in force on a date (`YYYY-MM-DD`), or `undefined` when no rule set covers it.
 *
 * @example
 * policyOn(book, '2017-06-10')?.version // "2017-03-17"
 */
export function policyOn(book: RuleBook, date: string): Policy | undefined {
  const ps = book.policies;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = ps[mid]!;
    if (date < p.version) hi = mid - 1;
    else if (date > p.validTo) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/**
 * Says which periods the book covers, for error messages, in the message's language.
 *
 * @example
 * describeBook(book, 'en') // "ziyang-2017: 2017-03-17 to 2020-12-31; ziyang-2022: 2022-01-01 on"
 * describeBook(book) // "ziyang-2017：2017-03-17 至 2020-12-31；ziyang-2022：2022-01-01 起"
 */
export function describeBook(book: RuleBook, lang?: Lang): string {
  return describePeriods(
    book.sets.map((s) => ({ id: s.id, from: s.inForce.from, to: s.inForce.to })),
    lang,
  );
}

const vocabularies = new WeakMap<RuleBook, ClaimVocabulary>();

/**
 * The values a claim of the book may use: the union of the counties, areas and categories of its
 * rule sets, and their periods (computed once per book). The claim reader is given it.
 *
 * @example
 * claimVocabulary(defaultRules()).categories // ["registered-poor", "rural-dibao", "general", "extreme-poor", …]
 */
export function claimVocabulary(book: RuleBook): ClaimVocabulary {
  let v = vocabularies.get(book);
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
    vocabularies.set(book, v);
  }
  return v;
}
