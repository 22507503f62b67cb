/**
 * Reforms in code, as OpenFisca's `modify_parameters`: a list of parameter changes applied to a
 * copy of a rule folder, which then goes through the same checks as any rule folder. A reform is
 * data about data: the policy stays in the rule files, the change says which value moves.
 */
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail } from '../errors/issue.js';
import { type RuleBook, ruleBook } from './book.js';
import { type RawRuleFiles, parseRuleFiles } from './parse.js';

/** One parameter change: which parameter (file and path, as `rules check` lists them) takes which value from when. */
export interface ParameterChange {
  /** The rule file, e.g. `tier-5-tilt-payment.json`. */
  readonly file: string;
  /** The parameter's path in the file, e.g. `ratio` or `tables[3].deductible`. */
  readonly path: string;
  /** The new value, as rule files write it (`"0.30"`, `"400"`, or a bracket list). */
  readonly value: unknown;
  /** The first discharge date of the new value; default: it replaces the value of the first date (the whole period). */
  readonly from?: string;
}

/**
 * A rule book with the changes applied to a copy of `files` (checked like any rule folder).
 *
 * @example
 * const reform = reformRules(ZIYANG_2017_FILES, [{ file: 'tier-5-tilt-payment.json', path: 'ratio', value: '0.30' }]);
 * if (reform.ok) settle(claim, { rules: reform.value });
 */
export function reformRules(files: RawRuleFiles, changes: readonly ParameterChange[]): Result<RuleBook, RuleIssue> {
  const copy: Record<string, unknown> = {};
  for (const [name, content] of Object.entries(files)) copy[name] = typeof content === 'string' ? JSON.parse(content) : structuredClone(content);
  const issues: RuleIssue[] = [];
  for (const c of changes) {
    const node = walk(copy[c.file], c.path);
    if (!node) {
      issues.push({ code: RuleErrorCode.UNKNOWN_PARAMETER, file: c.file, path: c.path, message: `${c.file} has no dated parameter at ${c.path}; \`bashunwei rules check\` lists them` });
      continue;
    }
    const dates = Object.keys(node.values).sort();
    node.values[c.from ?? dates[0]!] = c.value;
  }
  if (issues.length > 0) return fail(issues);
  const set = parseRuleFiles(copy);
  return set.ok ? ruleBook([set.value]) : set;
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
  return typeof values === 'object' && values !== null && !Array.isArray(values) ? (node as { values: Record<string, unknown> }) : undefined;
}
