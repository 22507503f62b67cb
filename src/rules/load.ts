/**
 * Reading rule folders from disk (Node only). A folder is one rule set (it holds `ruleset.json`)
 * or a book of rule sets (each sub-folder holding one).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail } from '../errors/issue.js';
import { type RuleBook, ruleBook } from './book.js';
import type { RuleSet } from './compile.js';
import { parseRuleFiles } from './parse.js';

/**
 * Loads a rule folder into a rule book, or every problem found with its file and path.
 *
 * @example
 * const r = loadRuleFolder('rules/ziyang-2017');
 * if (!r.ok) { console.error(prettifyIssues(r.errors)); process.exit(2); }
 */
export function loadRuleFolder(dir: string): Result<RuleBook, RuleIssue> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return fail([{ code: RuleErrorCode.FILE_MISSING, file: dir, path: '', message: `${dir} is not a folder` }]);
  }
  const setDirs = existsSync(join(dir, 'ruleset.json'))
    ? [dir]
    : readdirSync(dir)
        .sort()
        .map((d) => join(dir, d))
        .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'ruleset.json')));
  if (setDirs.length === 0) {
    return fail([{ code: RuleErrorCode.FILE_MISSING, file: join(dir, 'ruleset.json'), path: '', message: `${dir} holds no ruleset.json, nor sub-folders with one` }]);
  }
  const sets: RuleSet[] = [];
  const issues: RuleIssue[] = [];
  for (const d of setDirs) {
    const raw: Record<string, string> = {};
    for (const f of readdirSync(d)) if (f.endsWith('.json')) raw[f] = readFileSync(join(d, f), 'utf8');
    const r = parseRuleFiles(raw);
    if (r.ok) sets.push(r.value);
    else issues.push(...r.errors.map((e) => ({ ...e, file: join(d, e.file) })));
  }
  if (issues.length > 0) return fail(issues);
  return ruleBook(sets);
}
