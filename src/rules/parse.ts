/**
 * From raw file contents (already read, by name) to a compiled {@link RuleSet}, or the list of
 * every problem with its file and path. Pure: the embedded rules and `loadRuleFolder` share it.
 */
import { RuleErrorCode } from '../errors/codes.js';
import { duplicateKeyPaths } from '../errors/duplicate-keys.js';
import { type Result, type RuleIssue, fail, formatPath, ok } from '../errors/issue.js';
import { compileRuleSet, type RuleSet } from './compile.js';
import { lintRuleFiles } from './lint.js';
import { RULE_FILE_NAMES, ruleFileSchemas, type RuleFileName, type RuleFiles } from './schema.js';

/** Raw contents of a rule folder: file name → JSON text, or already-parsed JSON. */
export type RawRuleFiles = Readonly<Partial<Record<string, unknown>>>;

/**
 * Validates, lints and compiles a rule folder's contents.
 *
 * @example
 * const r = parseRuleFiles({ 'ruleset.json': '{…}', … });
 * if (!r.ok) console.error(prettifyIssues(r.errors));
 */
export function parseRuleFiles(raw: RawRuleFiles): Result<RuleSet, RuleIssue> {
  const issues: RuleIssue[] = [];
  const parsed: Partial<Record<RuleFileName, unknown>> = {};
  for (const name of RULE_FILE_NAMES) {
    const content = raw[name];
    if (content === undefined) {
      issues.push({ code: RuleErrorCode.FILE_MISSING, file: name, path: '', message: `the rule folder has no ${name}` });
      continue;
    }
    let json: unknown = content;
    if (typeof content === 'string') {
      try {
        json = JSON.parse(content);
      } catch (e) {
        issues.push({ code: RuleErrorCode.INVALID_JSON, file: name, path: '', message: `not valid JSON: ${(e as Error).message}` });
        continue;
      }
      const dups = duplicateKeyPaths(content);
      if (dups.length > 0) {
        for (const path of dups) {
          issues.push({ code: RuleErrorCode.INVALID_JSON, file: name, path, message: 'this key is written twice in one object; JSON would keep only the last value' });
        }
        continue;
      }
    }
    const r = ruleFileSchemas()[name].safeParse(json);
    if (!r.success) {
      for (const zi of r.error.issues) issues.push(...fromZod(name, zi));
    } else parsed[name] = r.data;
  }
  for (const name of Object.keys(raw)) {
    if (name.endsWith('.json') && !(RULE_FILE_NAMES as readonly string[]).includes(name)) {
      issues.push({ code: RuleErrorCode.INVALID, file: name, path: '', message: `${name} is not a file of the rule-folder format (${RULE_FILE_NAMES.join(', ')})` });
    }
  }
  if (issues.length > 0) return fail(issues);
  const files = parsed as RuleFiles;
  const lint = lintRuleFiles(files);
  if (lint.length > 0) return fail(lint);
  return ok(compileRuleSet(files));
}

function fromZod(file: RuleFileName, zi: { code: string; path: PropertyKey[]; message: string; keys?: string[]; params?: unknown }): RuleIssue[] {
  if (zi.code === 'unrecognized_keys' && zi.keys) {
    return zi.keys.map((k) => ({
      code: RuleErrorCode.INVALID,
      file,
      path: formatPath([...zi.path, k]),
      message: `unknown key "${k}": the rule-file format has no such key here (a misplaced key is never ignored)`,
    }));
  }
  const code = (zi.params as { code?: RuleIssue['code'] } | undefined)?.code ?? RuleErrorCode.INVALID;
  // The only record keys of the format are the dates of dated values.
  const message = zi.code === 'invalid_key' ? 'the dates of dated values are calendar dates written YYYY-MM-DD' : zi.message;
  return [{ code, file, path: formatPath(zi.path), message }];
}
