/**
 * A new kind is a folder and a line in the kind list, and nothing else (issue 21): a copy of src/
 * gets a made-up seventh kind (test/fixtures/seventh-kind/flat-grant/, a fixed grant per claim
 * within a yearly limit) and its one line in src/kinds/kind-list.ts; the copy type-checks as it
 * is, and a rule folder using the kind is checked, settled, explained in both languages, written
 * as the national platform's record and as FHIR, simulated and diffed, with no other file touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TEST } from '../support/paths.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bashunwei-seventh-kind-'));
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: { noEmit: true },
      include: [join(dir, 'src'), join(dir, 'try.ts')],
      // The workbench's code is a program of its own (src/app/tsconfig.json: the DOM's types), as in the root one.
      exclude: [join(dir, 'src', 'app')],
    }),
  );
  // The kind's folder, as written.
  cpSync(join(TEST, 'fixtures', 'seventh-kind', 'flat-grant'), join(dir, 'src', 'kinds', 'flat-grant'), {
    recursive: true,
  });
  // Its line in the list (and the import that line needs): the only edit outside its folder.
  const list = join(dir, 'src', 'kinds', 'kind-list.ts');
  const text = readFileSync(list, 'utf8');
  const edited = text
    .replace(
      "import { brackets } from './brackets/brackets.js';",
      "import { brackets } from './brackets/brackets.js';\nimport { flatGrant } from './flat-grant/flat-grant.js';",
    )
    .replace(
      'export const KINDS = [carveOut, table, brackets, shareOfRest, yearlyAssistance, topUp] as const;',
      'export const KINDS = [carveOut, table, brackets, shareOfRest, yearlyAssistance, topUp, flatGrant] as const;',
    );
  expect(edited.split('\n').length - text.split('\n').length).toBe(1);
  writeFileSync(list, edited);

  // A rule folder with a tier of the new kind: the third scheme with a grant before its safety net.
  const folder = join(dir, 'with-grant');
  cpSync(join(TEST, 'fixtures', 'madeup-2030'), folder, { recursive: true });
  rmSync(join(folder, 'tests'), { recursive: true });
  const ruleset = JSON.parse(readFileSync(join(folder, 'ruleset.json'), 'utf8'));
  ruleset.tiers.order.splice(5, 0, 'grant');
  writeFileSync(join(folder, 'ruleset.json'), JSON.stringify(ruleset));
  const net = JSON.parse(readFileSync(join(folder, 'tiers', 'safety-net.json'), 'utf8'));
  writeFileSync(join(folder, 'tiers', 'safety-net.json'), JSON.stringify({ ...net, tier: 7 }));
  const assumed = (v: string) => ({ source: 'assumed', verified: false, values: { '2030-01-01': v } });
  const grant = (amount: string) => ({
    tier: 6,
    id: 'grant',
    kind: 'flat-grant',
    label: '定额补助',
    labelEn: 'flat grant',
    clause: 'T.9',
    payer: 'assistance',
    applies: {
      clause: 'T.9',
      source: 'assumed',
      verified: false,
      when: { all: [{ fact: 'visitKind', operator: 'notEqual', value: 'general-outpatient' }] },
    },
    of: ['S', 'Pb', 'N', 'O'],
    grant: assumed(amount),
    annualLimit: assumed('150'),
  });
  writeFileSync(join(folder, 'tiers', 'grant.json'), JSON.stringify(grant('100')));
  cpSync(folder, join(dir, 'zero-grant'), { recursive: true });
  writeFileSync(join(dir, 'zero-grant', 'tiers', 'grant.json'), JSON.stringify(grant('0')));

  // What a user of the package does with the folder, through the library's own entry points.
  writeFileSync(
    join(dir, 'try.ts'),
    `import { claimResponse, createSimulation, formatRuleChange, diffRuleBooks, nhsaSettlement, settle, settleClaim, parseClaim } from './src/index.js';
import { loadRuleFolder } from './src/node/index.js';
const load = (f: string) => { const r = loadRuleFolder(f); if (!r.ok) throw new Error(JSON.stringify(r.errors)); return r.value; };
const book = load('with-grant');
const base = load(${JSON.stringify(join(TEST, 'fixtures', 'madeup-2030'))});
const zero = loadRuleFolder('zero-grant');
const claim = { id: 'G1', person: { id: 'GP1', county: 'north', category: 'orphan' }, visit: { kind: 'inpatient', discharged: '2030-03-10' }, hospital: { level: 'township', area: 'north' }, items: [{ category: 'treatment', catalog: 'C', amount: '2000.00' }] };
const zh = settle(claim, { rules: book });
const en = settle(claim, { rules: book, lang: 'en' });
const parsed = parseClaim(claim, { rules: book });
if (!parsed.ok || !zh.ok || !en.ok) throw new Error('refused');
const record = settleClaim(parsed.value, { rules: book });
if (!record.ok) throw new Error('refused');
const sim = createSimulation({ variants: [{ name: 'base', rules: base }, { name: 'grant', rules: book }] });
sim.add(claim); sim.add({ ...claim, id: 'G2' });
const reformed = sim.result().variants[1]!.aggregates;
console.log(JSON.stringify({
  line: zh.value.lines.find((l) => l.id === 'grant'),
  en: en.value.lines.find((l) => l.id === 'grant')?.explanation,
  nhsa: nhsaSettlement(record.value).setldetail.find((r) => r.fund_pay_type === 'grant'),
  fhir: JSON.stringify(claimResponse(record.value, { created: '2030-03-10T00:00:00+08:00' })).includes('grant'),
  zero: zero.ok ? [] : zero.errors,
  diff: diffRuleBooks(base, book).map((c) => formatRuleChange(c)).join('\\n'),
  // Two claims of one person-year: 100.00, then the 50.00 the yearly limit of 150.00 leaves.
  paid: reformed.all.byTier[reformed.dims.tiers.findIndex((t) => t.id === 'grant')],
}));
`,
  );
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a seventh kind needs its folder and its line in the kind list, and nothing else', () => {
  it('type-checks with no other file changed', () => {
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 600_000);

  it('is checked, settled, explained, reported, simulated and diffed like the six', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'try.ts'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.line).toMatchObject({ tier: 6, id: 'grant', amount: '100.00', clause: 'T.9' });
    expect(out.line.explanation).toMatch(/^定额补助100\.00元，剩余费用.*元，年度限额剩余150\.00元，支付100\.00元。$/);
    expect(out.en).toMatch(
      /^A flat grant of 100\.00 yuan on .* yuan left, 150\.00 yuan of the yearly limit left; pays 100\.00 yuan\.$/,
    );
    expect(out.nhsa).toMatchObject({ fund_payamt: 100, crt_payb_lmt_amt: 100 });
    expect(out.fhir).toBe(true);
    expect(out.zero).toEqual([
      expect.objectContaining({
        file: 'zero-grant/tiers/grant.json',
        path: 'grant.values.2030-01-01',
        message: 'a flat grant of 0 pays nothing',
      }),
    ]);
    expect(out.diff).toMatch(/grant/);
    expect(out.paid).toBe(15000);
  }, 600_000);
});
