/**
 * Reading the worked cases of rule folders from disk (`<rule folder>/tests/*.json`). Node only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail, ok } from '../errors/issue.js';
import { duplicateKeyPaths } from '../errors/duplicate-keys.js';
import { ruleSetFolders } from './load-rule-folder.js';
import { type PolicyTestCase, readPolicyTest } from '../rule-tests/rule-tests.js';

/**
 * The cases of every rule-set folder of `dir` (itself, or its sub-folders), in folder and file order.
 *
 * @example
 * loadPolicyTests('rules') // the 15 worked examples of the two shipped rule sets
 */
export function loadPolicyTests(dir: string): Result<PolicyTestCase[], RuleIssue> {
  const cases: PolicyTestCase[] = [];
  const issues: RuleIssue[] = [];
  for (const set of ruleSetFolders(dir)) {
    const tests = join(set, 'tests');
    if (!existsSync(tests) || !statSync(tests).isDirectory()) continue;
    for (const f of readdirSync(tests).sort()) {
      if (!f.endsWith('.json')) continue;
      const file = join(tests, f);
      const text = readFileSync(file, 'utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        issues.push({
          code: RuleErrorCode.INVALID_JSON,
          file,
          path: '',
          message: `not valid JSON: ${(e as Error).message}`,
        });
        continue;
      }
      const dups = duplicateKeyPaths(text);
      if (dups.length > 0) {
        issues.push(
          ...dups.map((path) => ({
            code: RuleErrorCode.INVALID_JSON,
            file,
            path,
            message: 'this key is written twice in one object',
          })),
        );
        continue;
      }
      const r = readPolicyTest(file, json);
      if (r.ok) cases.push(r.value);
      else issues.push(...r.errors);
    }
  }
  return issues.length > 0 ? fail(issues) : ok(cases);
}
