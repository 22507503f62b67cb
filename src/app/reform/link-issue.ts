/**
 * A problem with a reform link (or a reform the page is given): where, and what, in both
 * languages, for the page to show beside the field it concerns.
 */
import type { Words } from '../../i18n/say.js';

/** One problem of a link: the path in its JSON (`changes[2].value`, `""` for the whole) and what is wrong. */
export interface LinkIssue {
  readonly path: string;
  readonly message: Words;
}

/**
 * True for a JSON object (not an array, not null).
 *
 * @example
 * isPlainObject({}) // true
 * isPlainObject([]) // false
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Adds a problem for every key of `o` not in `known`.
 *
 * @example
 * knownKeys({ claims: 1, seeds: 2 }, ['claims', 'seed'], 'population', issues) // issues: population.seeds
 */
export function knownKeys(o: Record<string, unknown>, known: readonly string[], at: string, issues: LinkIssue[]): void {
  for (const k of Object.keys(o))
    if (!known.includes(k))
      issues.push({
        path: at === '' ? k : `${at}.${k}`,
        message: {
          zh: `未知的字段（可用：${known.join('、')}）`,
          en: `unknown field (known: ${known.join(', ')})`,
        },
      });
}
