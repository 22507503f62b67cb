/**
 * Policy tests as data, as OpenFisca's YAML tests: each rule folder may carry worked cases in
 * `tests/*.json`, each a list of claims settled in order (the ledger threaded per person-year)
 * and the settlements expected. Only the fields a case writes are compared, so a case states
 * what it is about (`lines[2].amount`, `personal`, `target`, or an `error` the claim must get).
 * `bashunwei rules test [DIR]` runs them and prints each difference field by field.
 */
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail, formatPath, ok } from '../errors/issue.js';
import { settlementToJson } from '../format/settlement-json.js';
import type { Lang } from '../i18n/lang.js';
import { createBatch } from '../settle/batch.js';
import type { RuleBook } from '../scheme/book.js';

/** One worked case: its name, the claims in order, and what each one's settlement must say. */
export interface PolicyTestCase {
  /** Where the case was read from (for messages). */
  readonly file: string;
  readonly name: string;
  readonly claims: readonly unknown[];
  /**
   * Per claim, in order: the fields of its settlement that must match (as the contract writes
   * them), or `{ "claimId", "error": { "code", "path" } }` for a claim that must be refused.
   */
  readonly expected: readonly Readonly<Record<string, unknown>>[];
}

/** A field of a settlement that is not what the case expects. */
export interface PolicyTestDifference {
  /** The claim's position in the case (0-based) and its id. */
  readonly claim: number;
  readonly claimId: string;
  /** The field, written like `lines[2].amount`. */
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** The outcome of one case. */
export interface PolicyTestResult {
  readonly case: PolicyTestCase;
  readonly differences: readonly PolicyTestDifference[];
}

/**
 * Reads one case file's JSON, or the problems that make it unusable (with their path).
 *
 * @example
 * readPolicyTest('rules/ziyang-2017/tests/01.json', JSON.parse(text))
 */
export function readPolicyTest(file: string, json: unknown): Result<PolicyTestCase, RuleIssue> {
  const issue = (path: string, message: string): RuleIssue => ({ code: RuleErrorCode.INVALID, file, path, message });
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail([issue('', 'a test case is an object {"name", "claims", "expected"}')]);
  const c = json as Record<string, unknown>;
  const problems: RuleIssue[] = [];
  if (typeof c.name !== 'string' || c.name === '') problems.push(issue('name', 'a test case needs a "name"'));
  if (!Array.isArray(c.claims) || c.claims.length === 0)
    problems.push(issue('claims', 'a test case needs "claims": the claims settled in order'));
  if (!Array.isArray(c.expected))
    problems.push(issue('expected', 'a test case needs "expected": one object per claim'));
  else {
    if (Array.isArray(c.claims) && c.expected.length !== c.claims.length)
      problems.push(issue('expected', `${c.expected.length} expected settlements for ${c.claims.length} claims`));
    c.expected.forEach((e, i) => {
      if (typeof e !== 'object' || e === null || Array.isArray(e))
        problems.push(issue(`expected[${i}]`, 'each expected settlement is an object'));
    });
  }
  for (const k of Object.keys(c))
    if (!['name', 'claims', 'expected', 'description', '$comment'].includes(k))
      problems.push(issue(k, `unknown key "${k}" (name, claims, expected, description)`));
  if (problems.length > 0) return fail(problems);
  return ok({
    file,
    name: c.name as string,
    claims: c.claims as unknown[],
    expected: c.expected as Record<string, unknown>[],
  });
}

/**
 * Settles a case's claims in order with a rule book and compares every field the case expects.
 *
 * @example
 * runPolicyTest(defaultRules(), testCase).differences // [] when the rules settle it as written
 */
export function runPolicyTest(book: RuleBook, c: PolicyTestCase, lang?: Lang): PolicyTestResult {
  const batch = createBatch({ rules: book, lang });
  const differences: PolicyTestDifference[] = [];
  c.claims.forEach((claim, i) => {
    const expected = c.expected[i] ?? {};
    const o = batch.settle(claim, i + 1);
    const claimId =
      typeof expected.claimId === 'string' ? expected.claimId : o.ok ? o.record.claim.id : (o.claimId ?? `#${i + 1}`);
    const actual: unknown = o.ok
      ? settlementToJson(o.record, { lang })
      : { claimId: o.claimId, error: { code: o.errors[0]!.code, path: o.errors[0]!.path } };
    compare(expected, actual, [], (path, e, a) =>
      differences.push({ claim: i, claimId, path, expected: e, actual: a }),
    );
  });
  return { case: c, differences };
}

/**
 * Reports every field of `expected` that `actual` does not have as written: objects field by
 * field, lists item by item (a list of another length is a difference), funds in their order.
 */
function compare(
  expected: unknown,
  actual: unknown,
  path: PropertyKey[],
  report: (path: string, expected: unknown, actual: unknown) => void,
): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return report(formatPath(path), expected, actual);
    if (expected.length !== actual.length) report(formatPath([...path, 'length']), expected.length, actual.length);
    expected.forEach((e, i) => compare(e, actual[i], [...path, i], report));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual))
      return report(formatPath(path), expected, actual);
    const a = actual as Record<string, unknown>;
    // The order of an object's keys means something only for funds (the order they paid in).
    if (path.at(-1) === 'funds' && Object.keys(expected).join() !== Object.keys(a).join())
      report(formatPath(path), expected, actual);
    for (const [k, e] of Object.entries(expected)) compare(e, a[k], [...path, k], report);
    return;
  }
  if (expected !== actual) report(formatPath(path), expected, actual);
}
