/**
 * The rule checks are a list of modules (src/scheme/lint/checks/, listed in lint.ts's
 * RULE_CHECKS): each is `{ code, run }`, every module of the folder is in the list and the list
 * holds nothing else, and a new check is a new module and a line in a list, its problems reported
 * with its code, file and path like any other.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RuleErrorCode } from '../../src/errors/codes.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { RULE_CHECKS, lintRuleFiles } from '../../src/scheme/lint/lint.js';
import type { RuleCheck } from '../../src/scheme/lint/rule-check.js';
import { tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const CHECKS = join(ROOT, 'src', 'scheme', 'lint', 'checks');
const files2017 = () => defaultRules().sets.find((s) => s.id === 'ziyang-2017')!.files;

describe('the rule checks', () => {
  it('are one module each, every module of checks/ is in RULE_CHECKS once, and the list holds nothing else', async () => {
    const modules = readdirSync(CHECKS).filter((f) => f.endsWith('.ts'));
    expect(modules.length).toBe(RULE_CHECKS.length);
    const listed = new Set<RuleCheck>();
    for (const f of modules) {
      const exported = Object.values(await import(pathToFileURL(join(CHECKS, f)).href)) as RuleCheck[];
      const checks = exported.filter((x) => typeof x === 'object' && x !== null && 'run' in x);
      expect(checks.length, `${f} exports one check`).toBe(1);
      expect(RULE_CHECKS, `${f} is listed in RULE_CHECKS`).toContain(checks[0]);
      listed.add(checks[0]!);
    }
    expect(listed.size).toBe(RULE_CHECKS.length);
  });

  it('each carries a stable rule error code and says what it checks', () => {
    const codes: readonly string[] = Object.values(RuleErrorCode);
    for (const c of RULE_CHECKS) {
      expect(codes).toContain(c.code);
      expect(c.about.length).toBeGreaterThan(10);
    }
  });

  it('find nothing in the shipped rule sets', () => {
    for (const set of defaultRules().sets) expect(lintRuleFiles(set.files), set.id).toEqual([]);
  });

  it('a new check is a new module and a line in a list: its problems come out with its code, file and path', async () => {
    // A made-up check in a module of its own, and a list that adds it to the shipped ones.
    const dir = tempDir('check');
    const src = (p: string) => JSON.stringify(pathToFileURL(join(ROOT, 'src', ...p.split('/'))).href);
    writeFileSync(
      join(dir, 'seven-tiers.ts'),
      `import { ruleCheck } from ${src('scheme/lint/rule-check.ts')};
export const sevenTiers = ruleCheck({
  code: 'rule_tier_order',
  about: 'a made-up rule: tiers are numbered 0 to 6',
  run({ tiers, tierFiles }, report) {
    tiers.forEach((t, i) => { if (t.tier > 6) report(tierFiles[i], ['tier'], 'number the tiers 0 to 6'); });
  },
});
`,
    );
    writeFileSync(
      join(dir, 'list.ts'),
      `import { RULE_CHECKS } from ${src('scheme/lint/lint.ts')};
import { sevenTiers } from './seven-tiers.ts';
export const CHECKS = [...RULE_CHECKS, sevenTiers];
`,
    );
    const { CHECKS: list } = (await import(pathToFileURL(join(dir, 'list.ts')).href)) as { CHECKS: RuleCheck[] };
    const files = files2017();
    // Tiers 7 and 8 of the 2017 plan: medical assistance and the relief funds.
    expect(lintRuleFiles(files, { checks: list })).toEqual(
      ['medical-assistance', 'relief-funds'].map((id) => ({
        code: 'rule_tier_order',
        file: `tiers/${id}.json`,
        path: 'tier',
        message: 'number the tiers 0 to 6',
      })),
    );
    expect(lintRuleFiles(files)).toEqual([]);
  });
});
