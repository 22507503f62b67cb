/**
 * Reforms in code, as OpenFisca's `modify_parameters`: a list of parameter changes applied to a
 * copy of a rule set's files, which then go through the same checks as any rule folder. A reform
 * is data about data: the policy stays in the rule files, the change says which value moves.
 * (A reform of structure, a changed condition or tier list, is a rule folder that `extends` the
 * base: see the README.)
 */
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail, ok } from '../errors/issue.js';
import { type RuleBook, ruleBook } from './book.js';
import type { RuleSet } from './compile.js';
import { type RawRuleFiles, parseRuleFiles } from './read-rule-files.js';

/** One parameter change: which parameter (file and path, as `rules check` lists them) takes which value from when. */
export interface ParameterChange {
  /** The rule set it changes (its id); may be left out when the book has one rule set. */
  readonly set?: string;
  /** The rule file, e.g. `tiers/tilt-payment.json`. */
  readonly file: string;
  /** The parameter's path in the file, e.g. `shares.in-scope.ratio` or `rows.county.deductible`. */
  readonly path: string;
  /** The new value, as rule files write it (`"0.30"`, `"400"`, or a bracket list). */
  readonly value: unknown;
  /** The first discharge date of the new value; default: it replaces the value of the first date (the whole period). */
  readonly from?: string;
}

/**
 * A rule book with the changes applied to copies of its rule sets (each checked like any rule
 * folder); rule sets no change names are kept as they are. `base` may also be one rule set or the
 * raw files of one folder.
 *
 * @example
 * const reform = reformRules(defaultRules(), [{ set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.30' }]);
 * if (reform.ok) settle(claim, { rules: reform.value });
 */
export function reformRules(
  base: RuleBook | RuleSet | RawRuleFiles,
  changes: readonly ParameterChange[],
): Result<RuleBook, RuleIssue> {
  const sets: (RuleSet | RawRuleFiles)[] =
    'sets' in base && Array.isArray(base.sets) ? [...(base as RuleBook).sets] : [base as RuleSet | RawRuleFiles];
  const idOf = (s: RuleSet | RawRuleFiles): string =>
    'segments' in s ? (s as RuleSet).id : String((json(s['ruleset.json']) as { id?: unknown })?.id ?? '');
  const issues: RuleIssue[] = [];
  const byIndex = new Map<number, ParameterChange[]>();
  for (const c of changes) {
    const i = c.set === undefined ? (sets.length === 1 ? 0 : -1) : sets.findIndex((s) => idOf(s) === c.set);
    if (i < 0) {
      const known = sets.map(idOf).join(', ');
      issues.push({
        code: RuleErrorCode.UNKNOWN_PARAMETER,
        file: c.file,
        path: c.path,
        message:
          c.set === undefined
            ? `name the rule set this change is for ("set": one of ${known})`
            : `no rule set "${c.set}" in the book (${known})`,
      });
      continue;
    }
    byIndex.set(i, [...(byIndex.get(i) ?? []), c]);
  }
  const out: RuleSet[] = [];
  sets.forEach((s, i) => {
    const mine = byIndex.get(i);
    if (!mine && 'segments' in s) return out.push(s as RuleSet);
    const r = applyChanges(s, mine ?? []);
    if (r.ok) out.push(r.value);
    else issues.push(...r.errors);
  });
  if (issues.length > 0) return fail(issues);
  return ruleBook(out);
}

function applyChanges(s: RuleSet | RawRuleFiles, changes: readonly ParameterChange[]): Result<RuleSet, RuleIssue> {
  const source: Readonly<Record<string, unknown>> =
    'segments' in s ? ((s as RuleSet).files as unknown as Record<string, unknown>) : s;
  const copy: Record<string, unknown> = {};
  for (const [name, content] of Object.entries(source)) copy[name] = structuredClone(json(content));
  // The files of a compiled rule set are already merged along their `extends` chain: the copy stands alone.
  if ('segments' in s) {
    const { extends: _, patches: __, ...rs } = copy['ruleset.json'] as Record<string, unknown>;
    copy['ruleset.json'] = rs;
  }
  const issues: RuleIssue[] = [];
  for (const c of changes) {
    const node = walk(copy[c.file], c.path);
    if (!node) {
      issues.push({
        code: RuleErrorCode.UNKNOWN_PARAMETER,
        file: c.file,
        path: c.path,
        message: `${c.file} has no dated parameter at ${c.path}; \`bashunwei rules check\` lists them`,
      });
      continue;
    }
    const dates = Object.keys(node.values).sort();
    node.values[c.from ?? dates[0]!] = c.value;
  }
  if (issues.length > 0) return fail(issues);
  const r = parseRuleFiles(copy);
  return r.ok ? ok(r.value) : r;
}

function json(content: unknown): unknown {
  return typeof content === 'string' ? JSON.parse(content) : content;
}

/** The dated parameter (an object with `values`) at `path` (`a.b[2].c`), or undefined. */
function walk(root: unknown, path: string): { values: Record<string, unknown> } | undefined {
  let node = root;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const values = (node as { values?: unknown }).values;
  return typeof values === 'object' && values !== null && !Array.isArray(values)
    ? (node as { values: Record<string, unknown> })
    : undefined;
}
