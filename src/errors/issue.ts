/**
 * Errors as data: a code from a closed set, the path of the field, and a message a person can act
 * on. Nothing in the library throws for bad input; functions return {@link Result}s.
 */
import type { ClaimErrorCode, RuleErrorCode } from './codes.js';

/** One problem with a claim. `path` is written like `items[2].amount` (`""` for the whole claim). */
export interface ClaimIssue {
  readonly code: ClaimErrorCode;
  readonly path: string;
  readonly message: string;
}

/** One problem with a rule folder (or ledger file): which file, where in it, and what. */
export interface RuleIssue {
  readonly code: RuleErrorCode;
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Success with a value, or failure with the list of problems: never both, never a throw. */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly E[] };

/** Wraps a value as a success. @example ok(1) // { ok: true, value: 1 } */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps problems as a failure. @example fail([issue]) // { ok: false, errors: [issue] } */
export function fail<E>(errors: readonly E[]): { readonly ok: false; readonly errors: readonly E[] } {
  return { ok: false, errors };
}

/**
 * Writes a path of keys and indexes the way people read it.
 *
 * @example
 * formatPath(['items', 2, 'amount']) // "items[2].amount"
 * formatPath([])                     // ""
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Renders problems for people, one per line, like zod's `prettifyError`.
 *
 * @example
 * prettifyIssues([{ code: 'missing_field', path: 'visit.kind', message: 'visit.kind is required' }])
 * // "✖ visit.kind is required\n  → at visit.kind (missing_field)"
 */
export function prettifyIssues(issues: readonly (ClaimIssue | RuleIssue)[]): string {
  return issues
    .map((i) => {
      const where = 'file' in i ? `${i.file}${i.path ? ` ${i.path}` : ''}` : i.path || '(claim)';
      return `✖ ${i.message}\n  → at ${where} (${i.code})`;
    })
    .join('\n');
}
