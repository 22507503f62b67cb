/**
 * The default rule book, embedded in the package so that settling needs no files: every rule set
 * of `rules/` (today `ziyang-2017`, the 2017 plan of docs/policy-2017.md, 2017-03-17 to
 * 2020-12-31, and `ziyang-2022`, the three-layer protection of docs/policy-2022.md from 2022,
 * extending ziyang-2017). Built from the same JSON as `rules/` (embedded-rules.generated.ts),
 * merged along `extends` the same way as any rule folder.
 */
import { prettifyIssues, type Result, type RuleIssue } from '../errors/issue.js';
import { type RuleBook, ruleBook } from './book.js';
import { compileRuleSet, type RuleSet } from './compile.js';
import type { RuleFiles } from '../rule-files/types.js';
import { RULE_FOLDER_FILES } from './embedded-rules.generated.js';
import { type RawRuleFiles, type RuleFolderLink, parseRuleChain, resolveRuleChain } from './read-rule-files.js';
import { MAX_EXTENDS_DEPTH, extendsFolder } from './rule-folder-layout.js';

/**
 * The raw files of the embedded rule folders, by folder path under `rules/`, then by file path:
 * every rule-set folder of `rules/`, generated from it (scripts/embed-rules.ts), so that a new
 * folder or tier file needs no code.
 *
 * @example
 * Object.keys(EMBEDDED_RULE_FOLDERS) // ["ziyang-2017", "ziyang-2022"]
 */
export const EMBEDDED_RULE_FOLDERS: Readonly<Record<string, RawRuleFiles>> = RULE_FOLDER_FILES;

/** The raw files of the embedded `ziyang-2017` rule set, by file path. */
export const ZIYANG_2017_FILES: RawRuleFiles = EMBEDDED_RULE_FOLDERS['ziyang-2017']!;

/**
 * The chain of embedded folders a folder is made of (base first), following `extends` at most
 * {@link MAX_EXTENDS_DEPTH} folders deep, as a folder on disk. `folders` is for tests.
 *
 * @example
 * embeddedChain('ziyang-2022').map((l) => l.name) // ["ziyang-2017", "ziyang-2022"]
 */
export function embeddedChain(
  name: string,
  folders: Readonly<Record<string, RawRuleFiles>> = EMBEDDED_RULE_FOLDERS,
): RuleFolderLink[] {
  const chain: RuleFolderLink[] = [];
  for (let n: string | null | undefined = name; n !== undefined; ) {
    const files: RawRuleFiles | undefined = n === null ? undefined : folders[n];
    // The embedded folders are rules/, checked by the tests on every run: a gap here is a build error.
    if (n === null || !files) throw new Error(`embedded rule folder ${n ?? '(outside rules/)'} is missing`);
    if (chain.length >= MAX_EXTENDS_DEPTH)
      throw new Error(`embedded rule folder ${name}: "extends" goes more than ${MAX_EXTENDS_DEPTH} folders deep`);
    chain.unshift({ name: n, files });
    const e: string | undefined = (files['ruleset.json'] as { extends?: string }).extends;
    n = e === undefined ? undefined : extendsFolder(n, e);
  }
  return chain;
}

let cached: RuleBook | undefined;

/**
 * The rule book of the embedded rules, compiled once on first use.
 *
 * @example
 * policyOn(defaultRules(), '2017-06-10')?.id // "ziyang-2017"
 * policyOn(defaultRules(), '2022-06-10')?.id // "ziyang-2022"
 */
export function defaultRules(): RuleBook {
  if (cached) return cached;
  // The embedded files are the repository's rules/, which the tests check with the schemas and
  // the lint on every run (test/scheme/rules.test.ts): here they are merged and compiled directly, so
  // that a cold start loads neither zod nor the lint.
  const sets: RuleSet[] = Object.keys(EMBEDDED_RULE_FOLDERS).map((name) => {
    const r = resolveRuleChain(embeddedChain(name));
    if (!r.ok) throw new Error(prettifyIssues(r.errors));
    return compileRuleSet(r.value.files as unknown as RuleFiles);
  });
  const book = ruleBook(sets);
  if (!book.ok) throw new Error(prettifyIssues(book.errors));
  return (cached = book.value);
}

/**
 * The embedded rules checked like any rule folder (schemas, lint), for tests and `rules check`.
 *
 * @example
 * checkedDefaultRules().ok // true
 */
export function checkedDefaultRules(): Result<RuleBook, RuleIssue> {
  const sets: RuleSet[] = [];
  const issues: RuleIssue[] = [];
  for (const name of Object.keys(EMBEDDED_RULE_FOLDERS)) {
    const r = parseRuleChain(embeddedChain(name));
    if (r.ok) sets.push(r.value);
    else issues.push(...r.errors);
  }
  return issues.length > 0 ? { ok: false, errors: issues } : ruleBook(sets);
}
