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
  /** For a field of a settlement line (`lines[4].amount`): the tier of that line, as settled (or as expected when the line is missing). */
  readonly line?: { readonly tier?: number; readonly id?: string; readonly label?: string };
  /**
   * When the claim was not what the case expects it to be at all: `settled` where a refusal was
   * expected (the expected `error` is then the difference), or `refused` where a settlement was
   * expected (every expected field is then a difference, and `refusal` says why it was refused).
   */
  readonly outcome?: 'settled' | 'refused';
  /** The refusal a claim got where a settlement was expected: its first error. */
  readonly refusal?: { readonly code: string; readonly path: string; readonly message: string };
}

/**
 * The tier a settlement line is for: its number, id and label, as the settlement writes them.
 *
 * @example
 * { tier: 5, id: 'tilt-payment', label: '基本医疗保险倾斜支付' }
 */
export interface PolicyTestLine {
  readonly tier?: number;
  readonly id?: string;
  readonly label?: string;
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
    // A claim settled where a refusal was expected, or refused where a settlement was: said once, with why.
    const refusalExpected = 'error' in expected;
    const outcome = o.ok === refusalExpected ? (o.ok ? 'settled' : 'refused') : undefined;
    const refusal = o.ok
      ? undefined
      : { code: o.errors[0]!.code, path: o.errors[0]!.path, message: o.errors[0]!.message };
    compare(expected, actual, [], (path, e, a) => {
      const line = lineOf(path, actual, expected);
      differences.push({
        claim: i,
        claimId,
        path: formatPath(path),
        expected: e,
        actual: a,
        ...(line && { line }),
        ...(outcome && { outcome }),
        ...(outcome === 'refused' && refusal && { refusal }),
      });
    });
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
  report: (path: readonly PropertyKey[], expected: unknown, actual: unknown) => void,
): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return report(path, expected, actual);
    if (expected.length !== actual.length) report([...path, 'length'], expected.length, actual.length);
    expected.forEach((e, i) => compare(e, actual[i], [...path, i], report));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return report(path, expected, actual);
    const a = actual as Record<string, unknown>;
    // The order of an object's keys means something only for funds (the order they paid in).
    if (path.at(-1) === 'funds' && Object.keys(expected).join() !== Object.keys(a).join())
      report(path, expected, actual);
    for (const [k, e] of Object.entries(expected)) compare(e, a[k], [...path, k], report);
    return;
  }
  if (expected !== actual) report(path, expected, actual);
}

/**
 * The tier of the settlement line a path is in (`lines[4]…`): as settled, or as the case writes
 * it when the settlement has no such line. A position alone says little to a rule author.
 */
function lineOf(path: readonly PropertyKey[], actual: unknown, expected: unknown): PolicyTestLine | undefined {
  if (path[0] !== 'lines' || typeof path[1] !== 'number') return undefined;
  const pick = (settlement: unknown): PolicyTestLine | undefined => {
    const lines = (settlement as { lines?: unknown } | undefined)?.lines;
    const l = Array.isArray(lines) ? (lines[path[1] as number] as Record<string, unknown> | undefined) : undefined;
    if (typeof l !== 'object' || l === null) return undefined;
    const line: { tier?: number; id?: string; label?: string } = {};
    if (typeof l.tier === 'number') line.tier = l.tier;
    if (typeof l.id === 'string') line.id = l.id;
    if (typeof l.label === 'string') line.label = l.label;
    return Object.keys(line).length > 0 ? line : undefined;
  };
  return pick(actual) ?? pick(expected);
}

/**
 * One difference as a line of text: the field with the tier of its line, what was expected and
 * what came; a claim settled where a refusal was expected, or refused where a settlement was, in
 * words. `rules test` prints these.
 *
 * @example
 * describeDifference({ claim: 0, claimId: 'C01', path: 'lines[4].amount', expected: '303.04', actual: '454.56', line: { tier: 5, id: 'tilt-payment', label: '基本医疗保险倾斜支付' } })
 * // 'claim C01: lines[4].amount (tier 5 tilt-payment 基本医疗保险倾斜支付) expected "303.04", got "454.56"'
 */
export function describeDifference(d: PolicyTestDifference): string {
  if (d.outcome === 'settled') {
    const e = d.expected as { code?: unknown; path?: unknown } | undefined;
    const what =
      typeof e === 'object' && e !== null ? ` (${String(e.code)}${e.path ? ` at ${String(e.path)}` : ''})` : '';
    return `claim ${d.claimId}: settled, where a refusal was expected${what}`;
  }
  if (d.outcome === 'refused' && d.refusal) {
    const r = d.refusal;
    return `claim ${d.claimId}: refused (${r.code}${r.path ? ` at ${r.path}` : ''}: ${r.message}), where a settlement was expected`;
  }
  const line = d.line
    ? ` (${[d.line.tier === undefined ? '' : `tier ${d.line.tier}`, d.line.id, d.line.label].filter(Boolean).join(' ')})`
    : '';
  return `claim ${d.claimId}: ${d.path}${line} expected ${JSON.stringify(d.expected)}, got ${d.actual === undefined ? 'nothing' : JSON.stringify(d.actual)}`;
}

/**
 * The differences of a case as lines of text, one per difference, but one per claim that was
 * refused where a settlement was expected (its fields are all missing for one reason).
 *
 * @example
 * describeDifferences(runPolicyTest(book, c).differences).join('\n')
 */
export function describeDifferences(differences: readonly PolicyTestDifference[]): string[] {
  const said = new Set<number>();
  return differences.flatMap((d) => {
    if (d.outcome === 'refused') {
      if (said.has(d.claim)) return [];
      said.add(d.claim);
    }
    return [describeDifference(d)];
  });
}
