/**
 * Reforms of structure, not only numbers (issue 10): a rule folder that extends the shipped
 * scheme, changes a condition and the tier list, and is compared with the baseline by the
 * simulation like any other; and a synthetic population spanning 2019–2023 simulated across both
 * shipped schemes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import { main } from '../../src/cli/main.js';
import type { RuleBook } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import { diffRuleSets } from '../../src/scheme/rules-diff.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { simulationReport } from '../../src/simulate/report/summary.js';
import { ROOT } from '../support/paths.js';

let dir: string;
let reform: RuleBook;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bashunwei-reform-'));
  const folder = join(dir, 'no-supplementary');
  mkdirSync(join(folder, 'tiers'), { recursive: true });
  writeFileSync(
    join(folder, 'ruleset.json'),
    JSON.stringify({
      id: 'ziyang-2017-reform',
      title: '改革方案：取消补充医疗保险，倾斜支付扩至农村低保对象',
      extends: resolve(ROOT, 'rules', 'ziyang-2017'),
      tiers: {
        clause: '7.4.4',
        source: 'assumed',
        verified: false,
        order: [
          'maternal-subsidy',
          'hospital-waiver',
          'basic-insurance',
          'serious-illness-insurance',
          'tilt-payment',
          'special-supplementary-insurance',
          'medical-assistance',
          'relief-funds',
        ],
      },
    }),
  );
  writeFileSync(
    join(folder, 'tiers', 'tilt-payment.json'),
    JSON.stringify({
      applies: {
        when: {
          all: [
            { fact: 'category', operator: 'in', value: ['registered-poor', 'rural-dibao'] },
            { fact: 'visitKind', operator: 'notEqual', value: 'general-outpatient' },
          ],
        },
      },
    }),
  );
  const r = loadRuleFolder(folder);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  reform = r.value;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a reform of structure is a folder that extends the base', () => {
  it('rules diff names the tier removed and the condition changed, and nothing else', () => {
    const d = diffRuleSets(defaultRules().sets[0]!, reform.sets[0]!);
    expect(d.changes.map((c) => [c.kind, c.file, c.path])).toEqual([
      ['tier-removed', 'tiers/supplementary-insurance.json', ''],
      ['condition-changed', 'tiers/tilt-payment.json', 'applies.when'],
    ]);
  });

  it('the simulation compares it with the baseline: supplementary insurance gone, dibao tilted, every other tier before it unchanged', () => {
    const sim = createSimulation({
      variants: [
        { name: 'baseline', rules: defaultRules() },
        { name: 'reform', rules: reform },
      ],
    });
    for (const c of generateClaims({ claims: 3000, seed: 5, year: 2018 })) sim.add(c);
    const report = simulationReport(sim.result(), [defaultRules(), reform]);
    const diff = report.differences[0]!;
    expect(Number(diff.byTier['supplementary-insurance'])).toBeLessThan(0);
    expect(report.variants[1]!.byTier['supplementary-insurance']).toBeUndefined();
    expect(Number(diff.byTier['tilt-payment'])).toBeGreaterThan(0);
    for (const id of ['maternal-subsidy', 'hospital-waiver', 'basic-insurance', 'serious-illness-insurance'])
      expect(diff.byTier[id], id).toBe('0.00');
    expect(report.variants[1]!.rejected).toEqual({});
  });

  it('bashunwei simulate --baseline compares the folder like any other', async () => {
    const file = join(dir, 'claims.ndjson');
    writeFileSync(
      file,
      [...generateClaims({ claims: 500, seed: 6, year: 2019 })].map((c) => JSON.stringify(c)).join('\n'),
    );
    let out = '';
    const code = await main(
      [
        'simulate',
        file,
        '--baseline',
        resolve(ROOT, 'rules', 'ziyang-2017'),
        '--rules',
        join(dir, 'no-supplementary'),
        '--workers',
        '1',
      ],
      {
        out: (s) => (out += s),
        err: () => undefined,
      },
    );
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.variants.map((v: { name: string }) => v.name)).toEqual(['baseline', 'reform']);
    expect(Number(report.differences[0].byTier['supplementary-insurance'])).toBeLessThan(0);
  });
});

describe('a synthetic population spanning 2019–2023', () => {
  it('draws each year the categories of the rule set in force, has no claim in 2021, and simulates across both schemes with nothing refused', () => {
    const claims = [...generateClaims({ claims: 4000, seed: 8, years: [2019, 2023] })];
    const byYear = new Map<string, Set<string>>();
    for (const c of claims) {
      const y = (c.visit as { discharged: string }).discharged.slice(0, 4);
      if (!byYear.has(y)) byYear.set(y, new Set());
      byYear.get(y)!.add((c.person as { category: string }).category);
    }
    expect([...byYear.keys()].sort()).toEqual(['2019', '2020', '2022', '2023']);
    for (const y of ['2019', '2020'])
      expect([...byYear.get(y)!].sort()).toEqual(['general', 'registered-poor', 'rural-dibao']);
    for (const y of ['2022', '2023'])
      expect([...byYear.get(y)!].every((c) => [...defaultRules().sets[1]!.scheme.categories.keys()].includes(c))).toBe(
        true,
      );
    const sim = createSimulation({ variants: [{ name: 'both', rules: defaultRules() }] });
    for (const c of claims) sim.add(c);
    const a = sim.result().variants[0]!.aggregates;
    expect(a.rejected).toEqual({});
    expect(a.all.claims).toBe(4000);
    // One report over both schemes: the payers of both, each once, in the order the rule sets list them.
    expect(a.dims.tiers.map((t) => t.id)).toEqual([
      ...defaultRules().sets[0]!.scheme.tiers.map((t) => t.id),
      'tilted-assistance',
    ]);
    const paid = (id: string) => a.all.byTier[a.dims.tiers.findIndex((t) => t.id === id)]!;
    expect(paid('relief-funds')).toBeGreaterThan(0); // 2017 scheme only
    // The 2022 claims alone: medical assistance by category pays (tilted assistance needs a year's burden above 10,000 left, rare here).
    const only2022 = createSimulation({ variants: [{ name: '2022', rules: defaultRules() }] });
    for (const c of claims) if ((c.visit as { discharged: string }).discharged >= '2022') only2022.add(c);
    const b = only2022.result().variants[0]!.aggregates;
    expect(b.all.byTier[b.dims.tiers.findIndex((t) => t.id === 'medical-assistance')]).toBeGreaterThan(0);
    expect(b.all.byTier[b.dims.tiers.findIndex((t) => t.id === 'relief-funds')]).toBe(0);
  });
});
