/**
 * `bashunwei rules check DIR` as a rule author reads it: every assumed value with each of its
 * dates, an inline patch's values once and where they land, no empty clause; two rule sets of a
 * book in force on one day reported at the folder that can fix it; and a warning when a reform of
 * the shipped 2017 folder leaves the shipped 2022 rule set, which extends that folder, unchanged.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const RULES = join(ROOT, 'rules');
const check = async (dir: string) => {
  let out = '';
  let err = '';
  const code = await main(['rules', 'check', dir], { out: (x) => (out += x), err: (x) => (err += x) });
  return { code, out, err };
};
/** A folder that extends the shipped `base` (by a path relative to it) with an inline patch and more. */
const variant = (root: string, name: string, base: string, ruleset: Record<string, unknown> = {}): string => {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'ruleset.json'),
    JSON.stringify({ id: name, title: name, extends: relative(dir, join(RULES, base)), ...ruleset }),
  );
  return dir;
};
const TILT_30 = {
  'tiers/tilt-payment.json': {
    shares: { 'in-scope': { ratio: { source: 'assumed', verified: false, values: { '2019-01-01': '0.30' } } } },
  },
};

describe('rules check lists the assumed values', () => {
  it('each dated value with its date, the earlier one beside the later', async () => {
    const r = await check(join(ROOT, 'examples', 'rules', 'anyue-2024'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => l.includes('rows.illness-poor.ratio'))).toEqual([
      '  assumed  tiers/medical-assistance.json rows.illness-poor.ratio = 0.60  (clause 42.4)  from 2022-01-01',
      '  assumed  tiers/medical-assistance.json rows.illness-poor.ratio = 0.70  (clause 42.4)  from 2024-07-01',
    ]);
  });

  it("lists an inline patch's value once, at the file and path it patches, with the clause there", async () => {
    const dir = variant(tempDir('inline'), 'tilt-30', 'ziyang-2017', { patches: TILT_30 });
    const r = await check(dir);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('patches.');
    expect(r.out).not.toContain('(clause )');
    expect(r.out.split('\n').filter((l) => l.includes('shares.in-scope.ratio') && l.includes('tilt-payment'))).toEqual([
      '  assumed  tiers/tilt-payment.json shares.in-scope.ratio = 0.20  (clause 7.4.4)  from 2017-03-17',
      '  assumed  tiers/tilt-payment.json shares.in-scope.ratio = 0.30  (clause 7.4.4)  from 2019-01-01',
    ]);
    // As many parameters as the folder it extends: the patch is counted where it lands.
    expect(r.out).toMatch(/, 46 parameters \(32 assumed, not verified\)/);
  });
});

describe('rules check on a book whose rule sets overlap', () => {
  it('reports it at the folder that inherits its period, saying where the period comes from', async () => {
    const root = tempDir('overlap');
    cpSync(join(RULES, 'ziyang-2017'), join(root, 'book', 'a-2017'), { recursive: true });
    mkdirSync(join(root, 'book', 'reform'));
    writeFileSync(
      join(root, 'book', 'reform', 'ruleset.json'),
      JSON.stringify({ id: 'reform', title: 'reform', extends: '../a-2017', patches: TILT_30 }),
    );
    const r = await check(join(root, 'book'));
    expect(r.code).toBe(2);
    expect(r.out).toContain(
      `→ at ${relative(process.cwd(), join(root, 'book', 'reform', 'ruleset.json'))} inForce (rule_overlap)`,
    );
    expect(r.out).toMatch(/reform writes no "inForce" and keeps the period of .*a-2017 \(2017-03-17 to 2020-12-31\)/);
    expect(r.out).toContain('Give this ruleset.json an "inForce" of its own');
  });
});

describe('rules check warns when a reform does not reach a later rule set that inherits what it changes', () => {
  it('a reform of the shipped 2017 folder alone: ziyang-2022 still inherits the shipped one', async () => {
    const dir = variant(tempDir('reach'), 'tilt-30', 'ziyang-2017', { patches: TILT_30 });
    const r = await check(dir);
    expect(r.code).toBe(0);
    const warnings = r.out.split('\n').filter((l) => l.startsWith('⚠'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      '(rule set tilt-30) builds on ziyang-2017, which ziyang-2022 (in force from 2022-01-01) extends too',
    );
    expect(warnings[0]).toContain('add a rule set that extends ziyang-2022');
  });

  it('a copy of the shipped 2017 folder, and a reform extending such a copy, are warned of too', async () => {
    const root = tempDir('reach-copy');
    cpSync(join(RULES, 'ziyang-2017'), join(root, 'ziyang-2017'), { recursive: true });
    mkdirSync(join(root, 'reform'));
    writeFileSync(
      join(root, 'reform', 'ruleset.json'),
      JSON.stringify({ id: 'reform', title: 'reform', extends: '../ziyang-2017', patches: TILT_30 }),
    );
    for (const d of ['ziyang-2017', 'reform'])
      expect((await check(join(root, d))).out, d).toMatch(/^⚠ .* builds on ziyang-2017, which ziyang-2022/m);
  });

  it.each([
    ['the shipped folders', () => RULES],
    ['the shipped 2017 folder itself', () => join(RULES, 'ziyang-2017')],
    ['a variant of 2022 (the county example)', () => join(ROOT, 'examples', 'rules', 'anyue-2024')],
    [
      'a book that reforms both years',
      () => {
        const root = tempDir('reach-both');
        variant(root, 'tilt-30', 'ziyang-2017', { patches: TILT_30 });
        variant(root, 'also-2022', 'ziyang-2022');
        return root;
      },
    ],
  ])('no warning for %s', async (_, dir) => {
    const r = await check(dir());
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('⚠');
  });
});
