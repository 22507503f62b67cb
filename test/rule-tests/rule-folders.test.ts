/**
 * The shipped rule folders carry their worked cases (tests/*.json): every case settles as written
 * through the embedded rules and through the folders on disk, `bashunwei rules test` says so, and
 * the cases are the spec's worked examples, byte for byte. A case that does not hold is reported
 * field by field.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import { loadPolicyTests } from '../../src/node/load-rule-tests.js';
import { readPolicyTest, runPolicyTest } from '../../src/rule-tests/rule-tests.js';
import { tempDir } from '../support/helpers.js';
import { ROOT, TEST } from '../support/paths.js';

const RULES = join(ROOT, 'rules');
const cases = loadPolicyTests(RULES);
if (!cases.ok) throw new Error(JSON.stringify(cases.errors));

describe('the worked cases of the shipped rule folders', () => {
  it('are the spec examples 01–15 (copied byte for byte) and the 2022 refusals', () => {
    const names = cases.value.map((c) => c.file.split('/').slice(-3).join('/'));
    expect(names.length).toBe(16);
    const fixtures = join(TEST, 'fixtures', 'spec-examples');
    for (const f of readdirSync(fixtures)) {
      const c = cases.value.find((x) => x.file.endsWith(`/${f}`));
      expect(c, f).toBeDefined();
      expect(readFileSync(c!.file, 'utf8'), f).toBe(readFileSync(join(fixtures, f), 'utf8'));
    }
  });

  it.each(cases.value.map((c) => [c.file.split('/').slice(-3).join('/'), c] as const))(
    '%s settles as written with the embedded rules',
    (_, c) => {
      expect(runPolicyTest(defaultRules(), c).differences).toEqual([]);
    },
  );

  it('settle as written with the folders read from disk (extends resolved)', () => {
    const book = loadRuleFolder(RULES);
    if (!book.ok) throw new Error(JSON.stringify(book.errors));
    for (const c of cases.value) expect(runPolicyTest(book.value, c).differences, c.file).toEqual([]);
  });

  it('rules test prints one line per case and the count, exit 0', async () => {
    let out = '';
    expect(await main(['rules', 'test'], { out: (s) => (out += s), err: () => undefined })).toBe(0);
    expect(out.trim().split('\n').at(-1)).toBe('16 cases: 16 passed, 0 failed');
    expect(out).toContain('✔ ');
  });
});

describe('a case that does not hold', () => {
  const example = JSON.parse(
    readFileSync(join(RULES, 'ziyang-2022', 'tests', '13-2022-illness-poor-year.json'), 'utf8'),
  );
  example.expected[1].lines[3].amount = '5978.00';
  example.expected[2].personal = '1.00';
  const c = readPolicyTest('13-wrong.json', example);
  if (!c.ok) throw new Error('case');

  it('is reported field by field, with the claim, the path, what was expected and what came', () => {
    expect(runPolicyTest(defaultRules(), c.value).differences).toEqual([
      {
        claim: 1,
        claimId: 'C13b',
        path: 'lines[3].amount',
        expected: '5978.00',
        actual: '5979.00',
        line: { tier: 4, id: 'tilted-assistance', label: '倾斜救助' },
      },
      { claim: 2, claimId: 'C13c', path: 'personal', expected: '1.00', actual: '5042.00' },
    ]);
  });

  it('reports a line missing or a claim refused that should settle', () => {
    const shorter = structuredClone(example);
    shorter.expected[0].lines.push({ tier: 5, id: 'extra', amount: '0.00' });
    shorter.claims[2].visit.discharged = '2021-10-12';
    const read = readPolicyTest('x.json', shorter);
    if (!read.ok) throw new Error('case');
    const d = runPolicyTest(defaultRules(), read.value).differences;
    expect(d.filter((x) => x.claim === 0).map((x) => x.path)).toEqual(['lines.length', 'lines[4]']);
    // The 2021 claim is refused (no rule set): its expected lines are not there.
    expect(d.filter((x) => x.claim === 2).map((x) => x.path)).toEqual(
      Object.keys(shorter.expected[2]).filter((k) => k !== 'claimId'),
    );
  });

  it('is refused before running when it is not a case (with the path)', () => {
    const r = readPolicyTest('bad.json', { name: 'x', claims: [{}], expected: [], extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['expected', 'extra']);
  });
});

describe('rules test tells a rule author what is wrong in words', () => {
  /** Runs `rules test` on a copy of the shipped folders whose cases `edit` changes. */
  const rulesTest = async (edit: (root: string) => void) => {
    const root = tempDir('cases');
    cpSync(RULES, root, { recursive: true });
    edit(root);
    let out = '';
    let err = '';
    const code = await main(['rules', 'test', root], { out: (x) => (out += x), err: (x) => (err += x) });
    return { code, out, err };
  };
  const editCase = (root: string, file: string, edit: (c: { claims: any[]; expected: any[] }) => void) => {
    const path = join(root, file);
    const c = JSON.parse(readFileSync(path, 'utf8'));
    edit(c);
    writeFileSync(path, JSON.stringify(c));
  };

  it('names the tier and label of a settlement line whose field differs, not only its position', async () => {
    const r = await rulesTest((root) =>
      editCase(root, 'ziyang-2017/tests/01-poor-inpatient-in-county.json', (c) => {
        c.expected[0].lines[4].amount = '454.56';
      }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'claim C01: lines[4].amount (tier 5 tilt-payment 基本医疗保险倾斜支付) expected "454.56", got "303.04"',
    );
  });

  it('says a claim was settled where a refusal was expected, and refused where a settlement was (with why)', async () => {
    const r = await rulesTest((root) =>
      editCase(root, 'ziyang-2022/tests/16-2022-refusals.json', (c) => {
        // C16a (2021, no rule set) is now expected to settle; C16b, given a 2022 category, settles.
        c.expected[0] = { claimId: 'C16a', personal: '0.00', lines: [{ tier: 1, amount: '1.00' }] };
        c.claims[1].person.category = 'dibao';
      }),
    );
    expect(r.code).toBe(1);
    const lines = r.out.split('\n').filter((l) => l.includes('claim C16'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^ {4}claim C16a: refused \(no_rules_for_date at visit\.discharged: .+\), where a settlement was expected$/,
      ),
      '    claim C16b: settled, where a refusal was expected (invalid_enum at person.category)',
    ]);
    expect(r.out).not.toContain('undefined');
  });

  it('fails, saying so, on a folder with no worked cases: nothing tested is not a pass', async () => {
    const r = await rulesTest((root) => {
      rmSync(join(root, 'ziyang-2017', 'tests'), { recursive: true });
      rmSync(join(root, 'ziyang-2022', 'tests'), { recursive: true });
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/has no worked cases \(tests\/\*\.json in its rule folders\): nothing was tested/);
  });

  it('warns of a rule set of a book that has no worked cases, and still runs the others', async () => {
    const r = await rulesTest((root) => rmSync(join(root, 'ziyang-2022', 'tests'), { recursive: true }));
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').at(-1)).toBe('11 cases: 11 passed, 0 failed');
    expect(r.err).toMatch(/ziyang-2022 has no worked cases \(tests\/\*\.json\): its rules were not tested/);
  });
});
