/**
 * The policy is data: the shipped rules load clean, every assumed value is flagged, a changed
 * rule folder changes results with no code change, and every kind of rule-file mistake is
 * reported with its file, path and a stable code.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZIYANG_2017_FILES, defaultRules } from '../src/rules/embedded.js';
import { parseRuleFiles } from '../src/rules/parse.js';
import { loadRuleFolder } from '../src/rules/load.js';
import { ruleBook, policyOn } from '../src/rules/book.js';
import { listParameters } from '../src/rules/parameters.js';
import { settle } from '../src/settle/settle.js';
import { baseClaim, expectGolden, tempDir } from './helpers.js';

type Files = Record<string, any>;
const clone = (): Files => JSON.parse(JSON.stringify(ZIYANG_2017_FILES));
const parseWith = (mutate: (f: Files) => void) => {
  const f = clone();
  mutate(f);
  return parseRuleFiles(f);
};
const bookWith = (mutate: (f: Files) => void) => {
  const r = parseWith(mutate);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const b = ruleBook([r.value]);
  if (!b.ok) throw new Error('book');
  return b.value;
};

describe('the shipped rule set ziyang-2017', () => {
  it('loads from its folder with no problem', () => {
    const r = loadRuleFolder(join(__dirname, '..', 'rules', 'ziyang-2017'));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('is the same rule set as the embedded one', () => {
    const dir = join(__dirname, '..', 'rules', 'ziyang-2017');
    for (const [name, content] of Object.entries(ZIYANG_2017_FILES)) {
      expect(JSON.parse(readFileSync(join(dir, name), 'utf8')), name).toEqual(content);
    }
  });

  it('flags every assumed value verified: false, and cites a clause for every parameter', () => {
    const set = parseRuleFiles(clone());
    if (!set.ok) throw new Error('rules');
    const params = listParameters(set.value.files);
    // 46 dated parameters: 14 from the plan, 32 assumed (each unverified).
    expect([params.length, params.filter((p) => p.source === 'seed').length, params.filter((p) => !p.verified).length]).toEqual([46, 14, 32]);
    for (const p of params) {
      expect(p.clause, `${p.file} ${p.path}`).toMatch(/^7\.\d(\.\d)?$/);
      if (p.source === 'assumed') expect(p.verified, `${p.file} ${p.path}`).toBe(false);
    }
  });

  it('lists exactly the assumed parameters of POLICY.md section 8', () => {
    const assumed = listParameters(defaultRules().sets[0]!.files)
      .filter((p) => p.source === 'assumed')
      .map((p) => `${p.file.replace('.json', '')} ${p.path} = ${p.latest}`);
    expect(assumed).toMatchInlineSnapshot(`
      [
        "bill bSelfPay = 0.10",
        "tier-0-maternal-subsidy excess.limit.vaginal = 2000",
        "tier-0-maternal-subsidy excess.limit.cesarean = 4000",
        "tier-0-maternal-subsidy subsidy.amount.vaginal = 500",
        "tier-0-maternal-subsidy subsidy.amount.cesarean = 500",
        "tier-2-basic-insurance tables[0].deductible = 0",
        "tier-2-basic-insurance tables[0].ratio = 0.50",
        "tier-2-basic-insurance tables[1].deductible = 0",
        "tier-2-basic-insurance tables[1].ratio = 0.85",
        "tier-2-basic-insurance tables[2].deductible = 300",
        "tier-2-basic-insurance tables[2].ratio = 0.60",
        "tier-2-basic-insurance tables[3].deductible = 100",
        "tier-2-basic-insurance tables[3].ratio = 0.85",
        "tier-2-basic-insurance tables[4].deductible = 400",
        "tier-2-basic-insurance tables[4].ratio = 0.75",
        "tier-2-basic-insurance tables[5].deductible = 800",
        "tier-2-basic-insurance tables[5].ratio = 0.65",
        "tier-2-basic-insurance tables[6].deductible = 1000",
        "tier-2-basic-insurance tables[6].ratio = 0.55",
        "tier-2-basic-insurance tables[7].deductible = 1200",
        "tier-2-basic-insurance tables[7].ratio = 0.50",
        "tier-2-basic-insurance annualCaps.basic = 150000",
        "tier-2-basic-insurance annualCaps.general-outpatient = 300",
        "tier-3-serious-illness-insurance deductible = 10000",
        "tier-3-serious-illness-insurance brackets = [{"upTo":"50000","ratio":"0.55"},{"upTo":"100000","ratio":"0.65"},{"upTo":null,"ratio":"0.75"}]",
        "tier-3-serious-illness-insurance annualCap = 300000",
        "tier-4-supplementary-insurance ratio = 0.10",
        "tier-4-supplementary-insurance annualCap = 50000",
        "tier-5-tilt-payment ratio = 0.20",
        "tier-7-medical-assistance ratio = 0.70",
        "tier-7-medical-assistance annualLimit = 50000",
        "illness-poverty lowIncomeLine = 3300",
      ]
    `);
  });
});

describe('a policy change is a rule-file change, never a code change', () => {
  const personal = (book?: ReturnType<typeof bookWith>, claim = baseClaim()) => {
    const r = settle(claim, book ? { rules: book } : {});
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  };

  it('a second rule folder with one changed number (tilt ratio 20% → 30%) changes tier 5 and what follows', () => {
    const dir = tempDir('rules');
    cpSync(join(__dirname, '..', 'rules', 'ziyang-2017'), dir, { recursive: true });
    const file = join(dir, 'tier-5-tilt-payment.json');
    const t5 = JSON.parse(readFileSync(file, 'utf8'));
    t5.ratio.values['2017-03-17'] = '0.30';
    writeFileSync(file, JSON.stringify(t5));
    const loaded = loadRuleFolder(dir);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const base = personal(undefined, baseClaim({ person: { id: 'P', county: 'anyue', category: 'registered-poor' } }));
    const reform = personal(loaded.value, baseClaim({ person: { id: 'P', county: 'anyue', category: 'registered-poor' } }));
    const tier = (s: typeof base, id: string) => s.lines.find((l) => l.id === id)!.amount;
    expect(tier(base, 'basic-insurance')).toBe(tier(reform, 'basic-insurance'));
    // S = 3200 + 4750 = 7950; tier 2 pays 6200, tier 4 350; 1400 left: 20% = 280, 30% = 420.
    expect(tier(base, 'tilt-payment')).toBe('280.00');
    expect(tier(reform, 'tilt-payment')).toBe('420.00');
    expect(tier(reform, 'medical-assistance')).not.toBe(tier(base, 'medical-assistance'));
  });

  it('a second rule folder with one changed condition (no Yanjiang rule) settles a Yanjiang city hospital at the city row', () => {
    const claim = baseClaim({ person: { id: 'P', county: 'yanjiang', category: 'registered-poor', illnessInduced: true }, hospital: { level: 'city', area: 'yanjiang' } });
    const base = personal(undefined, claim);
    const reform = personal(
      bookWith((f) => {
        f['location.json'].overrides = [];
      }),
      claim,
    );
    // The hospital is in the patient's own county either way: only the table row changes.
    expect(base.lines[1]!.explanation).toContain('县级医疗机构');
    expect(reform.lines[1]!.explanation).toContain('市级医疗机构');
    // S = 7950: county row (200, 80%) pays 6200; city row (400, 70%) pays 5285.
    expect(base.lines[1]!.amount).toBe('6200.00');
    expect(reform.lines[1]!.amount).toBe('5285.00');
    expect(reform.target).toEqual({ personalMax: '0.00', met: true });
  });

  it('a value dated inside the period applies from its date on, and the settlement names that version', () => {
    const book = bookWith((f) => {
      f['tier-5-tilt-payment.json'].ratio.values['2019-01-01'] = '0.30';
    });
    const before = personal(book, baseClaim({ visit: { kind: 'inpatient', discharged: '2018-12-31' } }));
    const after = personal(book, baseClaim({ visit: { kind: 'inpatient', discharged: '2019-01-01' } }));
    expect(before.rules).toEqual({ id: 'ziyang-2017', version: '2017-03-17' });
    expect(after.rules).toEqual({ id: 'ziyang-2017', version: '2019-01-01' });
    expect(before.lines.find((l) => l.id === 'tilt-payment')!.amount).toBe('280.00');
    expect(after.lines.find((l) => l.id === 'tilt-payment')!.amount).toBe('420.00');
  });

  it('a book of two rule sets chooses by discharge date; overlapping sets are refused', () => {
    const a = parseRuleFiles(clone());
    const b = parseWith((f) => {
      f['ruleset.json'].id = 'ziyang-2021';
      f['ruleset.json'].inForce = { ...f['ruleset.json'].inForce, from: '2021-01-01', to: '2025-12-31' };
      for (const name of Object.keys(f)) relabel(f[name], '2017-03-17', '2021-01-01');
    });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    const book = ruleBook([b.value, a.value]);
    expect(book.ok).toBe(true);
    if (book.ok) {
      expect(policyOn(book.value, '2020-12-31')?.id).toBe('ziyang-2017');
      expect(policyOn(book.value, '2021-01-01')?.id).toBe('ziyang-2021');
      expect(policyOn(book.value, '2026-01-01')).toBeUndefined();
    }
    const overlap = ruleBook([a.value, a.value]);
    expect(overlap.ok).toBe(false);
    if (!overlap.ok) expect(overlap.errors[0]).toEqual({ code: 'rule_overlap', file: 'ziyang-2017/ruleset.json', path: 'inForce', message: 'ziyang-2017 (from 2017-03-17) overlaps ziyang-2017 (to 2020-12-31): one day, one rule set' });
    // One shared day is an overlap; the next day is not.
    const from = (d: string) =>
      parseWith((f) => {
        f['ruleset.json'].id = 'next';
        f['ruleset.json'].inForce = { ...f['ruleset.json'].inForce, from: d, to: '2025-12-31' };
        for (const name of Object.keys(f)) relabel(f[name], '2017-03-17', d);
      });
    const sameDay = from('2020-12-31');
    const nextDay = from('2021-01-01');
    expect(sameDay.ok && nextDay.ok).toBe(true);
    if (sameDay.ok) expect(ruleBook([a.value, sameDay.value]).ok).toBe(false);
    if (nextDay.ok) expect(ruleBook([nextDay.value, a.value]).ok).toBe(true);
  });
});

function relabel(node: unknown, from: string, to: string): void {
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if ('values' in o && 'source' in o) {
    const v = o.values as Record<string, unknown>;
    if (from in v) {
      v[to] = v[from];
      delete v[from];
    }
  }
  for (const x of Object.values(o)) relabel(x, from, to);
}

describe('a mistake in a rule file is reported with its file, path and code', () => {
  const cases: { name: string; mutate: (f: Files) => void; code: string; file: string; path: string }[] = [
    { name: 'a missing file', mutate: (f) => delete f['tier-5-tilt-payment.json'], code: 'rule_file_missing', file: 'tier-5-tilt-payment.json', path: '' },
    { name: 'a file that is not JSON', mutate: (f) => (f['persons.json'] = '{ nope'), code: 'rule_invalid_json', file: 'persons.json', path: '' },
    { name: 'an unknown file', mutate: (f) => (f['tier-9-extra.json'] = {}), code: 'rule_invalid', file: 'tier-9-extra.json', path: '' },
    {
      name: 'a value date written twice',
      mutate: (f) => (f['tier-5-tilt-payment.json'] = JSON.stringify(f['tier-5-tilt-payment.json']).replace('"2017-03-17":"0.20"', '"2017-03-17":"0.20","2017-03-17":"0.30"')),
      code: 'rule_invalid_json',
      file: 'tier-5-tilt-payment.json',
      path: 'ratio.values.2017-03-17',
    },
    {
      name: 'a cap below its deductible',
      mutate: (f) => (f['tier-3-serious-illness-insurance.json'].annualCap.values['2017-03-17'] = '5000'),
      code: 'rule_invalid',
      file: 'tier-3-serious-illness-insurance.json',
      path: 'annualCap.values.2017-03-17',
    },
    {
      name: 'a basic-insurance cap below a deductible of its pool',
      mutate: (f) => (f['tier-2-basic-insurance.json'].annualCaps.basic.values['2017-03-17'] = '50'),
      code: 'rule_invalid',
      file: 'tier-2-basic-insurance.json',
      path: 'annualCaps.basic.values.2017-03-17',
    },
    { name: 'a misplaced key', mutate: (f) => (f['tier-5-tilt-payment.json'].ratio.value = '0.3'), code: 'rule_invalid', file: 'tier-5-tilt-payment.json', path: 'ratio.value' },
    { name: 'a ratio above 1', mutate: (f) => (f['tier-5-tilt-payment.json'].ratio.values['2017-03-17'] = '1.2'), code: 'rule_invalid', file: 'tier-5-tilt-payment.json', path: 'ratio.values.2017-03-17' },
    { name: 'a ratio as a number', mutate: (f) => (f['tier-5-tilt-payment.json'].ratio.values['2017-03-17'] = 0.2), code: 'rule_invalid', file: 'tier-5-tilt-payment.json', path: 'ratio.values.2017-03-17' },
    { name: 'an amount with three decimals', mutate: (f) => (f['tier-4-supplementary-insurance.json'].annualCap.values['2017-03-17'] = '1.001'), code: 'rule_invalid', file: 'tier-4-supplementary-insurance.json', path: 'annualCap.values.2017-03-17' },
    { name: 'a value date that is not a date', mutate: (f) => (f['tier-5-tilt-payment.json'].ratio.values = { '2017-02-30': '0.2' }), code: 'rule_invalid', file: 'tier-5-tilt-payment.json', path: 'ratio.values.2017-02-30' },
    { name: 'an assumed value not flagged', mutate: (f) => delete f['tier-5-tilt-payment.json'].ratio.verified, code: 'rule_unverified_flag', file: 'tier-5-tilt-payment.json', path: 'ratio.verified' },
    { name: 'a value starting after the period starts', mutate: (f) => (f['tier-5-tilt-payment.json'].ratio.values = { '2018-01-01': '0.2' }), code: 'rule_date_gap', file: 'tier-5-tilt-payment.json', path: 'ratio.values' },
    { name: 'a value dated after the period ends', mutate: (f) => (f['tier-5-tilt-payment.json'].ratio.values['2021-01-01'] = '0.2'), code: 'rule_date_gap', file: 'tier-5-tilt-payment.json', path: 'ratio.values.2021-01-01' },
    { name: 'tiers out of the plan order', mutate: (f) => f['ruleset.json'].order.tiers.reverse(), code: 'rule_tier_order', file: 'ruleset.json', path: 'order.tiers' },
    { name: 'a tier missing from the order', mutate: (f) => f['ruleset.json'].order.tiers.pop(), code: 'rule_tier_order', file: 'ruleset.json', path: 'order.tiers' },
    { name: 'an unknown fact', mutate: (f) => (f['persons.json'].protected.when.all[0].fact = 'categroy'), code: 'rule_unknown_fact', file: 'persons.json', path: 'protected.when.all[0].fact' },
    { name: 'a fact read before it is known', mutate: (f) => (f['persons.json'].protected.when.all[0] = { fact: 'level', operator: 'equal', value: 'county' }), code: 'rule_unknown_fact', file: 'persons.json', path: 'protected.when.all[0].fact' },
    { name: 'an item fact outside the item rules', mutate: (f) => (f['tier-5-tilt-payment.json'].applies.when.all[0] = { fact: 'itemCatalog', operator: 'equal', value: 'A' }), code: 'rule_unknown_fact', file: 'tier-5-tilt-payment.json', path: 'applies.when.all[0].fact' },
    { name: 'a value the fact never takes', mutate: (f) => (f['tier-5-tilt-payment.json'].applies.when.all[1].value = 'general-outpatiant'), code: 'rule_impossible_value', file: 'tier-5-tilt-payment.json', path: 'applies.when.all[1].value' },
    { name: 'a list value the fact never takes', mutate: (f) => (f['persons.json'].protected.when.all[0].value = ['registered-poor', 'dibao']), code: 'rule_impossible_value', file: 'persons.json', path: 'protected.when.all[0].value[1]' },
    { name: 'a numeric operator on a named fact', mutate: (f) => (f['persons.json'].protected.when.all[0] = { fact: 'county', operator: 'greaterThan', value: 1 }), code: 'rule_impossible_value', file: 'persons.json', path: 'protected.when.all[0].value' },
    { name: 'an unknown operator', mutate: (f) => (f['persons.json'].protected.when.all[0].operator = 'isOneOf'), code: 'rule_invalid', file: 'persons.json', path: 'protected.when' },
    { name: 'an empty any', mutate: (f) => (f['persons.json'].protected.when = { any: [] }), code: 'rule_impossible_value', file: 'persons.json', path: 'protected.when.any' },
    { name: 'a bare fact at the top of a condition', mutate: (f) => (f['persons.json'].protected.when = { fact: 'category', operator: 'equal', value: 'general' }), code: 'rule_invalid', file: 'persons.json', path: 'protected.when' },
    { name: 'brackets that do not ascend', mutate: (f) => (f['tier-3-serious-illness-insurance.json'].brackets.values['2017-03-17'][1].upTo = '40000'), code: 'rule_invalid', file: 'tier-3-serious-illness-insurance.json', path: 'brackets.values.2017-03-17[1].upTo' },
    { name: 'a last bracket with a bound', mutate: (f) => (f['tier-3-serious-illness-insurance.json'].brackets.values['2017-03-17'][2].upTo = '900000'), code: 'rule_invalid', file: 'tier-3-serious-illness-insurance.json', path: 'brackets.values.2017-03-17[2].upTo' },
    { name: 'a cap pool with no cap', mutate: (f) => (f['tier-2-basic-insurance.json'].tables[0].capPool = 'outpatient'), code: 'rule_invalid', file: 'tier-2-basic-insurance.json', path: 'tables[0].capPool' },
    { name: 'a wrong tier number', mutate: (f) => (f['tier-5-tilt-payment.json'].tier = 6), code: 'rule_invalid', file: 'tier-5-tilt-payment.json', path: 'tier' },
    { name: 'an unknown fund', mutate: (f) => (f['tier-8-relief-funds.json'].funds[0].id = 'red-cross'), code: 'rule_invalid', file: 'tier-8-relief-funds.json', path: 'funds[0].id' },
  ];

  it.each(cases)('$name → $code in $file at "$path"', ({ mutate, code, file, path }) => {
    const r = parseWith(mutate);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => ({ code: e.code, file: e.file, path: e.path }))).toContainEqual({ code, file, path });
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(5);
  });

  it('says every problem in words a rule author can act on (golden file)', () => {
    const text = cases
      .map(({ name, mutate }) => {
        const r = parseWith(mutate);
        const say = (m: string) => m.replace(/not valid JSON: .*/, 'not valid JSON: (the parser\'s words)');
        return `## ${name}\n${r.ok ? '(no problem)' : r.errors.map((e) => `${e.code} ${e.file} ${e.path}: ${say(e.message)}`).join('\n')}`;
      })
      .join('\n');
    expectGolden('rule-errors.txt', `${text}\n`);
  });

  it('a rule folder on disk reports problems with the folder in the file name', () => {
    const dir = tempDir('bad');
    cpSync(join(__dirname, '..', 'rules', 'ziyang-2017'), dir, { recursive: true });
    writeFileSync(join(dir, 'persons.json'), '{}');
    const r = loadRuleFolder(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.file).toBe(join(dir, 'persons.json'));
  });
});
