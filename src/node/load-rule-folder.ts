/**
 * Reading rule folders from disk (Node only). A folder is one rule set (it holds `ruleset.json`)
 * or a book of rule sets (each sub-folder holding one). A rule set that `extends` another is read
 * with the folders it extends, base first (paths relative to the folder that names them).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail, ok } from '../errors/issue.js';
import { type RuleBook, ruleBook } from '../scheme/book.js';
import type { RuleSet } from '../scheme/compile.js';
import { type RawRuleFiles, type RuleFolderLink, parseRuleChain } from '../scheme/read-rule-files.js';

/** How deep `extends` may go (a longer chain is almost surely a loop). */
const MAX_CHAIN = 16;

/**
 * Loads a rule folder into a rule book, or every problem found with its file and path.
 *
 * @example
 * const r = loadRuleFolder('rules');
 * if (!r.ok) { console.error(prettifyIssues(r.errors)); process.exit(2); }
 */
export function loadRuleFolder(dir: string): Result<RuleBook, RuleIssue> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return fail([{ code: RuleErrorCode.FILE_MISSING, file: dir, path: '', message: `${dir} is not a folder` }]);
  }
  const setDirs = ruleSetFolders(dir);
  if (setDirs.length === 0) {
    return fail([
      {
        code: RuleErrorCode.FILE_MISSING,
        file: join(dir, 'ruleset.json'),
        path: '',
        message: `${dir} holds no ruleset.json, nor sub-folders with one`,
      },
    ]);
  }
  const sets: RuleSet[] = [];
  const issues: RuleIssue[] = [];
  for (const d of setDirs) {
    const r = loadRuleSet(d);
    if (r.ok) sets.push(r.value);
    else issues.push(...r.errors);
  }
  if (issues.length > 0) return fail(issues);
  return ruleBook(sets);
}

/**
 * The rule-set folders of a folder: itself when it holds a `ruleset.json`, else its sub-folders that do.
 *
 * @example
 * ruleSetFolders('rules') // ["rules/ziyang-2017", "rules/ziyang-2022"]
 */
export function ruleSetFolders(dir: string): string[] {
  if (existsSync(join(dir, 'ruleset.json'))) return [dir];
  return readdirSync(dir)
    .sort()
    .map((d) => join(dir, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'ruleset.json')));
}

/**
 * Loads one rule-set folder with the folders it extends.
 *
 * @example
 * loadRuleSet('rules/ziyang-2022').ok // true
 */
export function loadRuleSet(dir: string): Result<RuleSet, RuleIssue> {
  const chain = ruleChain(dir);
  return chain.ok ? parseRuleChain(chain.value) : chain;
}

/**
 * The chain of folders a rule-set folder is made of, base first, each with its raw files.
 *
 * @example
 * ruleChain('rules/ziyang-2022').value.map((l) => l.name) // ["rules/ziyang-2017", "rules/ziyang-2022"]
 */
export function ruleChain(dir: string): Result<RuleFolderLink[], RuleIssue> {
  const chain: RuleFolderLink[] = [];
  const seen = new Set<string>();
  let current = dir;
  for (;;) {
    const abs = resolve(current);
    const name = relative(process.cwd(), abs) || '.';
    if (seen.has(abs) || chain.length >= MAX_CHAIN) {
      return fail([
        {
          code: RuleErrorCode.INVALID,
          file: join(name, 'ruleset.json'),
          path: 'extends',
          message: `"extends" goes round in a circle (${[...seen].map((s) => relative(process.cwd(), s)).join(' → ')})`,
        },
      ]);
    }
    seen.add(abs);
    if (!existsSync(join(abs, 'ruleset.json'))) {
      const by = chain[0]?.name ?? name;
      return fail([
        {
          code: RuleErrorCode.FILE_MISSING,
          file: join(by, 'ruleset.json'),
          path: 'extends',
          message: `${name} is not a rule folder (no ruleset.json)`,
        },
      ]);
    }
    const files = readRuleFiles(abs);
    chain.unshift({ name, files });
    const parent = extendsOf(files['ruleset.json']);
    if (parent === undefined) return ok(chain);
    current = resolve(abs, parent);
  }
}

/**
 * The raw files of one folder: `*.json` at its top and in `tiers/` (not `tests/`, which `rules test` reads).
 *
 * @example
 * Object.keys(readRuleFiles('rules/ziyang-2017')) // ["bill.json", …, "tiers/basic-insurance.json", …]
 */
export function readRuleFiles(dir: string): RawRuleFiles {
  const raw: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) raw[f] = readFileSync(join(dir, f), 'utf8');
  const tiers = join(dir, 'tiers');
  if (existsSync(tiers) && statSync(tiers).isDirectory()) {
    for (const f of readdirSync(tiers).sort())
      if (f.endsWith('.json')) raw[`tiers/${f}`] = readFileSync(join(tiers, f), 'utf8');
  }
  return raw;
}

function extendsOf(ruleset: unknown): string | undefined {
  try {
    const json = typeof ruleset === 'string' ? (JSON.parse(ruleset) as unknown) : ruleset;
    const e = typeof json === 'object' && json !== null ? (json as { extends?: unknown }).extends : undefined;
    return typeof e === 'string' ? e : undefined;
  } catch {
    return undefined; // the parser reports the JSON problem with its position
  }
}
