/**
 * A reform of the workbench as rule folders (src/app/reform/reform-folders.ts, reform-zip.ts):
 * parameter changes give exactly the rule book `reformRules` gives, structural changes are what a
 * folder extending the shipped one writes, mistakes are refused with the library's words, the
 * workers' compile agrees with the page's check, and the zip on disk is accepted by `bashunwei
 * rules check` and read back as the same rule book.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import { reformFolders, reformBook, reformBookOf, checkedReformBook } from '../../src/app/reform/reform-folders.js';
import { reformZip } from '../../src/app/reform/reform-zip.js';
import type { ReformSpec } from '../../src/app/reform/reform-spec.js';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import type { RuleBook } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { type ParameterChange, reformRules } from '../../src/scheme/reform.js';
import { diffRuleBooks } from '../../src/scheme/rules-diff.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { simulationReport } from '../../src/simulate/report/summary.js';
import { tempDir } from '../support/helpers.js';
import { DIBAO_80, STRUCTURE as structure, TILT_30, runCommand, unzipTo } from './support.js';

const brackets: ParameterChange = {
  set: 'ziyang-2022',
  file: 'tiers/tilted-assistance.json',
  path: 'brackets',
  value: [{ upTo: null, ratio: '0.60' }],
};

const ok = <T>(r: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

/** The report JSON of a simulation of both eras' claims under the embedded rules and `reform`. */
function reportOf(reform: RuleBook): string {
  const sim = createSimulation({
    variants: [
      { name: 'baseline', rules: defaultRules() },
      { name: 'reform', rules: reform },
    ],
  });
  let line = 0;
  for (const c of generateClaims({ claims: 3000, seed: 11, years: [2019, 2023] })) sim.add(c, ++line);
  return JSON.stringify(simulationReport(sim.result(), [defaultRules(), reform]));
}

describe('a reform of parameters, written as folders that extend the shipped ones', () => {
  it('is the rule book reformRules makes of the same changes: no difference, the same report', () => {
    const changes = [TILT_30, DIBAO_80, brackets];
    const page = ok(reformBook({ changes }));
    const library = ok(reformRules(defaultRules(), changes));
    expect(diffRuleBooks(library, page)).toEqual([]);
    expect(reportOf(page)).toBe(reportOf(library));
  });

  it("writes only what changes, with the parameter's source beside a value it adds (an extending folder must say where it comes from)", () => {
    const folders = ok(reformFolders({ changes: [DIBAO_80] }));
    expect(folders.map((f) => [f.set, f.changed, Object.keys(f.files)])).toEqual([
      ['ziyang-2017', false, ['ruleset.json']],
      ['ziyang-2022', true, ['ruleset.json', 'tiers/medical-assistance.json']],
    ]);
    expect(folders[1]!.files['tiers/medical-assistance.json']).toEqual({
      rows: { dibao: { ratio: { values: { '2023-01-01': '0.80' }, source: 'seed' } } },
    });
    expect(folders[1]!.files['ruleset.json']).toEqual({
      id: 'ziyang-2022',
      title: defaultRules().sets[1]!.title,
      extends: '../../base/ziyang-2022',
    });
  });

  it("refuses a parameter or a rule set the book does not have, in reformRules' words", () => {
    const wrong: ParameterChange[] = [
      { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratoi', value: '0.3' },
      { set: 'ziyang-2019', file: 'bill.json', path: 'bSelfPay', value: '0.1' },
      { file: 'bill.json', path: 'bSelfPay', value: '0.1' },
    ];
    const page = reformBook({ changes: wrong });
    const library = reformRules(defaultRules(), wrong);
    expect(page.ok).toBe(false);
    expect(library.ok).toBe(false);
    if (!page.ok && !library.ok)
      expect([...page.errors].sort((a, b) => a.path.localeCompare(b.path))).toEqual(
        [...library.errors].sort((a, b) => a.path.localeCompare(b.path)),
      );
  });

  it("refuses a value the rule files do not allow, at the reform folder's file (the checks of any rule folder)", () => {
    const r = reformBook({ changes: [{ ...TILT_30, value: '1.30' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.file)).toEqual(['reform/ziyang-2017/tiers/tilt-payment.json']);
  });
});

describe('a reform of structure', () => {
  it('switching a tier off and changing a condition lists exactly those, as rules diff writes them', () => {
    const book = ok(reformBook(structure));
    expect(diffRuleBooks(defaultRules(), book).map((c) => [c.kind, c.file, c.path])).toEqual([
      ['tier-removed', 'tiers/supplementary-insurance.json', ''],
      ['condition-changed', 'tiers/tilt-payment.json', 'applies.when'],
      ['value-changed', 'tiers/tilt-payment.json', 'shares.in-scope.ratio'],
    ]);
  });

  it('reordering tiers renumbers them only when the new order would not ascend, and the folder passes the checks', () => {
    const order = defaultRules().sets[0]!.files['ruleset.json'].tiers.order;
    const swapped = [...order];
    [swapped[4], swapped[5]] = [swapped[5]!, swapped[4]!];
    const book = ok(reformBook({ changes: [], tiers: [{ set: 'ziyang-2017', order: swapped }] }));
    const tiers = book.sets[0]!.scheme.tiers;
    expect(tiers.map((t) => t.id)).toEqual(swapped);
    expect(tiers.map((t) => t.tier)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const dropped = ok(
      reformBook({ changes: [], tiers: [{ set: 'ziyang-2017', order: order.filter((t) => t !== 'tilt-payment') }] }),
    );
    expect(dropped.sets[0]!.scheme.tiers.map((t) => t.tier)).toEqual([0, 1, 2, 3, 4, 6, 7, 8]);
  });

  const wrong: [string, ReformSpec, string][] = [
    [
      'a tier the rule set does not have',
      { changes: [], tiers: [{ set: 'ziyang-2022', order: ['basic-insurance', 'tilt-payment'] }] },
      'tiers.order',
    ],
    [
      'a tier listed twice',
      { changes: [], tiers: [{ set: 'ziyang-2022', order: ['basic-insurance', 'basic-insurance'] }] },
      'tiers.order',
    ],
    ['no tier at all', { changes: [], tiers: [{ set: 'ziyang-2022', order: [] }] }, 'tiers.order'],
    [
      'a condition where the file has none',
      {
        changes: [],
        conditions: [{ set: 'ziyang-2022', file: 'tiers/basic-insurance.json', path: 'caps.when', when: { all: [] } }],
      },
      'caps.when',
    ],
    [
      'a condition on a fact the scheme does not know',
      {
        changes: [],
        conditions: [
          {
            set: 'ziyang-2022',
            file: 'tiers/tilted-assistance.json',
            path: 'applies.when',
            when: { all: [{ fact: 'colour', operator: 'equal', value: 'red' }] },
          },
        ],
      },
      'applies.when.all[0].fact',
    ],
  ];
  it.each(wrong)('refuses %s, with its path', (_, spec, path) => {
    const r = reformBook(spec);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
  });
});

describe('the workers and the command read the same reform', () => {
  it("the workers' compile of the checked folders settles exactly as the page's checked book", () => {
    const folders = ok(reformFolders(structure));
    expect(reportOf(checkedReformBook(folders))).toBe(reportOf(ok(reformBookOf(folders))));
  });

  it('the zip unpacked is accepted by bashunwei rules check and read back as the same rule book', async () => {
    const folders = ok(reformFolders(structure));
    const dir = tempDir('app-zip');
    const paths = unzipTo(reformZip(folders, 'https://example.org/app/#reform=x'), dir);
    expect(paths).toContain('bashunwei-reform/README.txt');
    expect(paths).toContain('bashunwei-reform/base/ziyang-2017/tiers/tilt-payment.json');
    expect(paths).toContain('bashunwei-reform/reform/ziyang-2022/ruleset.json');
    const reform = join(dir, 'bashunwei-reform', 'reform');
    const check = await runCommand(['rules', 'check', reform]);
    expect(check.err).toBe('');
    expect(check.code).toBe(0);
    const read = ok(loadRuleFolder(reform));
    expect(diffRuleBooks(ok(reformBook(structure)), read)).toEqual([]);
    expect(diffRuleBooks(defaultRules(), ok(loadRuleFolder(join(dir, 'bashunwei-reform', 'base'))))).toEqual([]);
  });

  it('the same reform always zips to the same bytes', () => {
    const folders = ok(reformFolders(structure));
    expect(reformZip(folders, 'l')).toEqual(reformZip(folders, 'l'));
  });
});
