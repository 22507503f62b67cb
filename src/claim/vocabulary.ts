/**
 * The values a claim may use where the contract leaves the list to the schemes (county, area,
 * person category): every value of any rule set of the book. Whether a value belongs to the rule
 * set in force on the claim's discharge date is checked when the claim is settled. The claim layer
 * is given these values (the scheme layer derives them from a rule book: `claimVocabulary`); it
 * never loads rules itself.
 */
import type { Lang } from '../i18n/lang.js';
import { say } from '../i18n/say.js';

/** The last day of a rule set without an end (inside the engine only: outputs write `to: null`). */
export const NO_END = '9999-12-31';

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

/**
 * The union of several vocabularies (the rule books of a simulation's variants).
 *
 * @example
 * mergeVocabularies([claimVocabulary(baseline), claimVocabulary(reform)])
 */
export function mergeVocabularies(vs: readonly ClaimVocabulary[]): ClaimVocabulary {
  // One vocabulary (or the same one several times) is itself: what is indexed by it stays indexed.
  if (vs.length > 0 && vs.every((v) => v === vs[0])) return vs[0]!;
  const union = (k: 'counties' | 'areas' | 'categories'): string[] => [...new Set(vs.flatMap((v) => v[k]))];
  const periods = vs.every((v) => v.periods)
    ? [...new Map(vs.flatMap((v) => v.periods!).map((p) => [`${p.id}|${p.from}|${p.to}`, p])).values()]
    : undefined;
  const merged: ClaimVocabulary = {
    counties: union('counties'),
    areas: union('areas'),
    categories: union('categories'),
    ...(periods ? { periods } : {}),
  };
  // The same union is the same object, so that what is indexed by it (the profiles of claims read
  // with it) is built once, however many simulations of one run use it.
  const key = JSON.stringify(merged);
  let known = merges.get(key);
  if (!known) merges.set(key, (known = merged));
  return known;
}

const merges = new Map<string, ClaimVocabulary>();

/**
 * Says which periods a book covers, for error messages, in the message's language.
 *
 * @example
 * describePeriods([{ id: 'ziyang-2022', from: '2022-01-01', to: NO_END }], 'en') // "ziyang-2022: 2022-01-01 on"
 */
export function describePeriods(
  periods: readonly { readonly id: string; readonly from: string; readonly to: string }[],
  lang?: Lang,
): string {
  return periods
    .map((s) =>
      say(lang, {
        zh: `${s.id}：${s.from} ${s.to === NO_END ? '起' : `至 ${s.to}`}`,
        en: `${s.id}: ${s.from} ${s.to === NO_END ? 'on' : `to ${s.to}`}`,
      }),
    )
    .join(say(lang, { zh: '；', en: '; ' }));
}
