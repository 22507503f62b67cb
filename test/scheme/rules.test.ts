/**
 * The policy is data: the shipped rule sets (ziyang-2017, and ziyang-2022 that extends it) load
 * clean, every assumed value is flagged, a changed rule folder changes results with no code change,
 * and every kind of rule-file mistake is reported with its file, path and a stable code, in a
 * folder that extends another at the file of the folder that wrote it.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_RULE_FOLDERS, ZIYANG_2017_FILES, defaultRules } from '../../src/scheme/embedded.js';
import { parseRuleChain, parseRuleFiles } from '../../src/scheme/read-rule-files.js';
import { loadRuleFolder, readRuleFiles } from '../../src/node/load-rule-folder.js';
import { ruleBook, policyOn } from '../../src/scheme/book.js';
import { listParameters } from '../../src/scheme/parameters.js';
import { settle } from '../../src/contract/settle-json.js';
import { baseClaim, expectGolden, tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

type Files = Record<string, any>;
const RULES = join(ROOT, 'rules');
const clone = (files: object = ZIYANG_2017_FILES): Files => JSON.parse(JSON.stringify(files));
const parseWith = (mutate: (f: Files) => void) => {
  const f = clone();
  mutate(f);
  return parseRuleFiles(f);
};
/** ziyang-2022 with the folder it extends, each changed by `mutate`, read as a chain (base first). */
const chainWith = (mutate: (base: Files, child: Files) => void) => {
  const base = clone(EMBEDDED_RULE_FOLDERS['ziyang-2017']);
  const child = clone(EMBEDDED_RULE_FOLDERS['ziyang-2022']);
  mutate(base, child);
  return parseRuleChain([
    { name: 'ziyang-2017', files: base },
    { name: 'ziyang-2022', files: child },
  ]);
};
const bookWith = (mutate: (f: Files) => void) => {
  const r = parseWith(mutate);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const b = ruleBook([r.value]);
  if (!b.ok) throw new Error('book');
  return b.value;
};

describe('the shipped rule sets', () => {
  it.each(Object.keys(EMBEDDED_RULE_FOLDERS))('%s loads from its folder with no problem', (name) => {
    const r = loadRuleFolder(join(RULES, name));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('the rules folder is a book of both, each chosen by discharge date, 2021 in neither', () => {
    const r = loadRuleFolder(RULES);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(r.value.sets.map((s) => s.id)).toEqual(['ziyang-2017', 'ziyang-2022']);
    expect([
      policyOn(r.value, '2020-12-31')?.id,
      policyOn(r.value, '2021-06-01')?.id,
      policyOn(r.value, '2022-01-01')?.id,
    ]).toEqual(['ziyang-2017', undefined, 'ziyang-2022']);
  });

  it.each(Object.keys(EMBEDDED_RULE_FOLDERS))('%s is the same folder as the embedded one, file for file', (name) => {
    const onDisk = readRuleFiles(join(RULES, name));
    const embedded = EMBEDDED_RULE_FOLDERS[name]!;
    expect(Object.keys(onDisk).sort()).toEqual(Object.keys(embedded).sort());
    for (const [file, content] of Object.entries(embedded))
      expect(JSON.parse(onDisk[file] as string), file).toEqual(content);
  });

  it('ziyang-2022 states only what changes: it copies no file of ziyang-2017 whole', () => {
    const base = EMBEDDED_RULE_FOLDERS['ziyang-2017']!;
    for (const [file, content] of Object.entries(EMBEDDED_RULE_FOLDERS['ziyang-2022']!)) {
      if (file === 'ruleset.json' || !(file in base)) continue;
      expect(content, file).not.toEqual(base[file]);
    }
  });

  it.each([
    // ziyang-2017: 46 dated parameters, 14 from the plan, 32 assumed (each unverified); clauses of 资府发〔2017〕14号.
    ['ziyang-2017', [46, 14, 32], /^7\.\d(\.\d)?$/],
    // ziyang-2022: 37, 7 from 42号 (each citing 42.2–42.5), 30 assumed; the inherited tables keep their 2017 clauses.
    ['ziyang-2022', [37, 7, 30], /^(7\.\d(\.\d)?|42\.[2-5])$/],
  ] as const)(
    '%s flags every assumed value verified: false, and cites a clause for every parameter',
    (id, counts, clause) => {
      const params = listParameters(defaultRules().sets.find((s) => s.id === id)!.files);
      expect([
        params.length,
        params.filter((p) => p.source === 'seed').length,
        params.filter((p) => !p.verified).length,
      ]).toEqual(counts);
      for (const p of params) {
        expect(p.clause, `${p.file} ${p.path}`).toMatch(clause);
        if (p.source === 'assumed') expect(p.verified, `${p.file} ${p.path}`).toBe(false);
        if (id === 'ziyang-2022' && p.source === 'seed') expect(p.clause, `${p.file} ${p.path}`).toMatch(/^42\./);
      }
    },
  );

  /** The general-outpatient row, the same in both rule sets. */
  const GENERAL_OUTPATIENT = [
    'tiers/basic-insurance rows.general-outpatient.deductible = 0',
    'tiers/basic-insurance rows.general-outpatient.ratio = 0.50',
  ];
  /** The assumed values ziyang-2022 keeps from ziyang-2017 (docs/policy-2022.md §5: "as ziyang-2017 §8"): tables, caps, serious illness. */
  const INHERITED_BY_2022 = [
    'tiers/basic-insurance rows.special-outpatient-resident.deductible = 300',
    'tiers/basic-insurance rows.special-outpatient-resident.ratio = 0.60',
    'tiers/basic-insurance rows.township.deductible = 100',
    'tiers/basic-insurance rows.township.ratio = 0.85',
    'tiers/basic-insurance rows.county.deductible = 400',
    'tiers/basic-insurance rows.county.ratio = 0.75',
    'tiers/basic-insurance rows.city.deductible = 800',
    'tiers/basic-insurance rows.city.ratio = 0.65',
    'tiers/basic-insurance rows.in-province.deductible = 1000',
    'tiers/basic-insurance rows.in-province.ratio = 0.55',
    'tiers/basic-insurance rows.out-of-province.deductible = 1200',
    'tiers/basic-insurance rows.out-of-province.ratio = 0.50',
    'tiers/basic-insurance caps.basic = 150000',
    'tiers/basic-insurance caps.general-outpatient = 300',
    'tiers/serious-illness-insurance deductible = 10000',
    'tiers/serious-illness-insurance brackets = [{"upTo":"50000","ratio":"0.55"},{"upTo":"100000","ratio":"0.65"},{"upTo":null,"ratio":"0.75"}]',
    'tiers/serious-illness-insurance annualCap = 300000',
  ];
  const assumed = (id: string) =>
    listParameters(defaultRules().sets.find((s) => s.id === id)!.files)
      .filter((p) => p.source === 'assumed')
      .map((p) => `${p.file.replace('.json', '')} ${p.path} = ${p.latest}`);

  it('ziyang-2017 lists exactly the assumed parameters of docs/policy-2017.md section 8', () => {
    expect(assumed('ziyang-2017')).toEqual([
      'bill bSelfPay = 0.10',
      'illness-poverty lowIncomeLine = 3300',
      'tiers/maternal-subsidy excess.limit.values.vaginal = 2000',
      'tiers/maternal-subsidy excess.limit.values.cesarean = 4000',
      'tiers/maternal-subsidy take.fixed.values.vaginal = 500',
      'tiers/maternal-subsidy take.fixed.values.cesarean = 500',
      ...GENERAL_OUTPATIENT,
      'tiers/basic-insurance rows.special-outpatient-employee.deductible = 0',
      'tiers/basic-insurance rows.special-outpatient-employee.ratio = 0.85',
      ...INHERITED_BY_2022,
      'tiers/supplementary-insurance shares.in-scope.ratio = 0.10',
      'tiers/supplementary-insurance annualCap = 50000',
      'tiers/tilt-payment shares.in-scope.ratio = 0.20',
      'tiers/medical-assistance shares.assisted.ratio = 0.70',
      'tiers/medical-assistance annualCap = 50000',
    ]);
  });

  it('ziyang-2022 lists exactly the assumed parameters of docs/policy-2022.md section 5', () => {
    expect(assumed('ziyang-2022')).toEqual([
      'bill bSelfPay = 0.10',
      ...GENERAL_OUTPATIENT,
      ...INHERITED_BY_2022,
      'tiers/medical-assistance parameters.disposable-income = 30000',
      'tiers/medical-assistance rows.extreme-poor.ratio = 1',
      'tiers/medical-assistance rows.returned-poor.deductible = 0',
      'tiers/medical-assistance rows.returned-poor.ratio = 0.70',
      'tiers/medical-assistance rows.marginal.ratio = 0.60',
      'tiers/medical-assistance rows.illness-poor.ratio = 0.60',
      'tiers/medical-assistance annualLimit = 50000',
      'tiers/tilted-assistance deductible = 10000',
      'tiers/tilted-assistance brackets = [{"upTo":null,"ratio":"0.50"}]',
      'tiers/tilted-assistance annualCap = 20000',
    ]);
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
    cpSync(join(RULES, 'ziyang-2017'), dir, { recursive: true });
    const file = join(dir, 'tiers', 'tilt-payment.json');
    const t5 = JSON.parse(readFileSync(file, 'utf8'));
    t5.shares['in-scope'].ratio.values['2017-03-17'] = '0.30';
    writeFileSync(file, JSON.stringify(t5));
    const loaded = loadRuleFolder(dir);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const base = personal(undefined, baseClaim({ person: { id: 'P', county: 'anyue', category: 'registered-poor' } }));
    const reform = personal(
      loaded.value,
      baseClaim({ person: { id: 'P', county: 'anyue', category: 'registered-poor' } }),
    );
    const tier = (s: typeof base, id: string) => s.lines.find((l) => l.id === id)!.amount;
    expect(tier(base, 'basic-insurance')).toBe(tier(reform, 'basic-insurance'));
    // S = 3200 + 4750 = 7950; tier 2 pays 6200, tier 4 350; 1400 left: 20% = 280, 30% = 420.
    expect(tier(base, 'tilt-payment')).toBe('280.00');
    expect(tier(reform, 'tilt-payment')).toBe('420.00');
    expect(tier(reform, 'medical-assistance')).not.toBe(tier(base, 'medical-assistance'));
  });

  it('a second rule folder with one changed condition (no Yanjiang rule) settles a Yanjiang city hospital at the city row', () => {
    const claim = baseClaim({
      person: { id: 'P', county: 'yanjiang', category: 'registered-poor', illnessInduced: true },
      hospital: { level: 'city', area: 'yanjiang' },
    });
    const base = personal(undefined, claim);
    const reform = personal(
      bookWith((f) => {
        f['location.json'].overrides = {};
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
      f['tiers/tilt-payment.json'].shares['in-scope'].ratio.values['2019-01-01'] = '0.30';
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
    if (!overlap.ok)
      expect(overlap.errors[0]).toEqual({
        code: 'rule_overlap',
        file: 'ziyang-2017/ruleset.json',
        path: 'inForce',
        message: 'ziyang-2017 (from 2017-03-17) overlaps ziyang-2017 (to 2020-12-31): one day, one rule set',
      });
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

/** A mistake, where it is reported, and with which code. */
interface Mistake {
  readonly name: string;
  readonly code: string;
  readonly file: string;
  readonly path: string;
}

/** The tilt payment's ratio, in its share. */
const tiltRatio = (f: Files) => f['tiers/tilt-payment.json'].shares['in-scope'].ratio;

describe('a mistake in a rule file is reported with its file, path and code', () => {
  const cases: (Mistake & { mutate: (f: Files) => void })[] = [
    {
      name: 'a missing scheme file',
      mutate: (f) => delete f['persons.json'],
      code: 'rule_file_missing',
      file: 'persons.json',
      path: '',
    },
    {
      name: 'a tier in the order without a file',
      mutate: (f) => delete f['tiers/tilt-payment.json'],
      code: 'rule_file_missing',
      file: 'tiers/tilt-payment.json',
      path: '',
    },
    {
      name: 'a tier file not in the order',
      mutate: (f) => f['ruleset.json'].tiers.order.splice(5, 1),
      code: 'rule_tier_order',
      file: 'tiers/tilt-payment.json',
      path: '',
    },
    {
      name: 'a file that is not JSON',
      mutate: (f) => (f['persons.json'] = '{ nope'),
      code: 'rule_invalid_json',
      file: 'persons.json',
      path: '',
    },
    {
      name: 'an unknown file',
      mutate: (f) => (f['extra.json'] = {}),
      code: 'rule_invalid',
      file: 'extra.json',
      path: '',
    },
    {
      name: 'a value date written twice',
      mutate: (f) =>
        (f['tiers/tilt-payment.json'] = JSON.stringify(f['tiers/tilt-payment.json']).replace(
          '"2017-03-17":"0.20"',
          '"2017-03-17":"0.20","2017-03-17":"0.30"',
        )),
      code: 'rule_invalid_json',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.values.2017-03-17',
    },
    {
      name: 'a cap below its deductible',
      mutate: (f) => (f['tiers/serious-illness-insurance.json'].annualCap.values['2017-03-17'] = '5000'),
      code: 'rule_invalid',
      file: 'tiers/serious-illness-insurance.json',
      path: 'annualCap.values.2017-03-17',
    },
    {
      name: 'a table cap below a deductible of a row of its pool',
      mutate: (f) => (f['tiers/basic-insurance.json'].caps.basic.values['2017-03-17'] = '50'),
      code: 'rule_invalid',
      file: 'tiers/basic-insurance.json',
      path: 'caps.basic.values.2017-03-17',
    },
    {
      name: 'an unknown key',
      mutate: (f) => (f['ruleset.json'].extend = '../ziyang-2016'),
      code: 'rule_invalid',
      file: 'ruleset.json',
      path: 'extend',
    },
    {
      name: 'a misplaced key',
      mutate: (f) => (tiltRatio(f).value = '0.3'),
      code: 'rule_invalid',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.value',
    },
    {
      name: 'a patch directive in a folder that extends nothing',
      mutate: (f) => (f['bill.json'].$patch = 'replace'),
      code: 'rule_invalid',
      file: 'bill.json',
      path: '$patch',
    },
    {
      name: 'a ratio above 1',
      mutate: (f) => (tiltRatio(f).values['2017-03-17'] = '1.2'),
      code: 'rule_invalid',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.values.2017-03-17',
    },
    {
      name: 'a ratio as a number',
      mutate: (f) => (tiltRatio(f).values['2017-03-17'] = 0.2),
      code: 'rule_invalid',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.values.2017-03-17',
    },
    {
      name: 'a negative ratio',
      mutate: (f) => (tiltRatio(f).values['2017-03-17'] = '-0.1'),
      code: 'rule_invalid',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.values.2017-03-17',
    },
    {
      name: 'a negative deductible',
      mutate: (f) => (f['tiers/basic-insurance.json'].rows.county.deductible.values['2017-03-17'] = '-400'),
      code: 'rule_invalid',
      file: 'tiers/basic-insurance.json',
      path: 'rows.county.deductible.values.2017-03-17',
    },
    {
      name: 'a dated value without a source',
      mutate: (f) => delete tiltRatio(f).source,
      code: 'rule_invalid',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.source',
    },
    {
      name: 'a source that is neither seed nor assumed',
      mutate: (f) => (tiltRatio(f).source = 'estimated'),
      code: 'rule_invalid',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.source',
    },
    {
      name: 'an amount with three decimals',
      mutate: (f) => (f['tiers/supplementary-insurance.json'].annualCap.values['2017-03-17'] = '1.001'),
      code: 'rule_invalid',
      file: 'tiers/supplementary-insurance.json',
      path: 'annualCap.values.2017-03-17',
    },
    {
      name: 'a value date that is not a date',
      mutate: (f) => (tiltRatio(f).values = { '2017-02-30': '0.2' }),
      code: 'rule_invalid',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.values.2017-02-30',
    },
    {
      name: 'an id that is not an id',
      mutate: (f) => (f['jurisdiction.json'].counties.Anyue = { label: '安岳' }),
      code: 'rule_invalid',
      file: 'jurisdiction.json',
      path: 'counties.Anyue',
    },
    {
      name: 'an assumed value not flagged',
      mutate: (f) => delete tiltRatio(f).verified,
      code: 'rule_unverified_flag',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.verified',
    },
    {
      name: 'a value starting after the period starts',
      mutate: (f) => (tiltRatio(f).values = { '2018-01-01': '0.2' }),
      code: 'rule_date_gap',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.values',
    },
    {
      name: 'a value dated after the period ends',
      mutate: (f) => (tiltRatio(f).values['2021-01-01'] = '0.2'),
      code: 'rule_date_gap',
      file: 'tiers/tilt-payment.json',
      path: 'shares.in-scope.ratio.values.2021-01-01',
    },
    {
      name: 'tier numbers out of the order',
      mutate: (f) => (f['tiers/tilt-payment.json'].tier = 3),
      code: 'rule_tier_order',
      file: 'tiers/tilt-payment.json',
      path: 'tier',
    },
    {
      name: 'a carve-out after another kind',
      mutate: (f) => {
        f['ruleset.json'].tiers.order.splice(1, 2, 'basic-insurance', 'hospital-waiver');
        f['tiers/basic-insurance.json'].tier = 1;
        f['tiers/hospital-waiver.json'].tier = 2;
      },
      code: 'rule_tier_order',
      file: 'tiers/hospital-waiver.json',
      path: 'kind',
    },
    {
      name: 'an unknown kind',
      mutate: (f) => (f['tiers/tilt-payment.json'].kind = 'percentage'),
      code: 'rule_invalid',
      file: 'tiers/tilt-payment.json',
      path: 'kind',
    },
    {
      name: 'a key of another kind',
      mutate: (f) => (f['tiers/tilt-payment.json'].brackets = f['tiers/serious-illness-insurance.json'].brackets),
      code: 'rule_invalid',
      file: 'tiers/tilt-payment.json',
      path: 'brackets',
    },
    {
      name: 'a tier file named after another tier',
      mutate: (f) => (f['tiers/tilt-payment.json'].id = 'tilt'),
      code: 'rule_invalid',
      file: 'tiers/tilt-payment.json',
      path: 'id',
    },
    {
      name: 'levels that give county hospitals no row (the county entry narrowed to township hospitals)',
      mutate: (f) => (f['location.json'].levels.county.when.all[0].value = 'township'),
      code: 'rule_level_gap',
      file: 'location.json',
      path: 'levels',
    },
    {
      name: 'an unknown fact',
      mutate: (f) => (f['persons.json'].protected.when.all[0].fact = 'categroy'),
      code: 'rule_unknown_fact',
      file: 'persons.json',
      path: 'protected.when.all[0].fact',
    },
    {
      name: 'a fact read before it is known',
      mutate: (f) => (f['persons.json'].protected.when.all[0] = { fact: 'level', operator: 'equal', value: 'county' }),
      code: 'rule_unknown_fact',
      file: 'persons.json',
      path: 'protected.when.all[0].fact',
    },
    {
      name: 'an item fact outside the item rules',
      mutate: (f) =>
        (f['tiers/tilt-payment.json'].applies.when.all[0] = { fact: 'itemCatalog', operator: 'equal', value: 'A' }),
      code: 'rule_unknown_fact',
      file: 'tiers/tilt-payment.json',
      path: 'applies.when.all[0].fact',
    },
    {
      name: 'a value the fact never takes',
      mutate: (f) => (f['tiers/tilt-payment.json'].applies.when.all[1].value = 'general-outpatiant'),
      code: 'rule_impossible_value',
      file: 'tiers/tilt-payment.json',
      path: 'applies.when.all[1].value',
    },
    {
      name: 'a category of another scheme',
      mutate: (f) => (f['tiers/tilt-payment.json'].applies.when.all[0].value = 'extreme-poor'),
      code: 'rule_impossible_value',
      file: 'tiers/tilt-payment.json',
      path: 'applies.when.all[0].value',
    },
    {
      name: 'a list value the fact never takes',
      mutate: (f) =>
        (f['persons.json'].protected.when.all[0] = {
          fact: 'category',
          operator: 'in',
          value: ['registered-poor', 'dibao'],
        }),
      code: 'rule_impossible_value',
      file: 'persons.json',
      path: 'protected.when.all[0].value[1]',
    },
    {
      name: 'a numeric operator on a named fact',
      mutate: (f) => (f['persons.json'].protected.when.all[0] = { fact: 'county', operator: 'greaterThan', value: 1 }),
      code: 'rule_impossible_value',
      file: 'persons.json',
      path: 'protected.when.all[0].value',
    },
    {
      name: 'an unknown operator',
      mutate: (f) => (f['persons.json'].protected.when.all[0].operator = 'isOneOf'),
      code: 'rule_invalid',
      file: 'persons.json',
      path: 'protected.when',
    },
    {
      name: 'an empty any',
      mutate: (f) => (f['persons.json'].protected.when = { any: [] }),
      code: 'rule_impossible_value',
      file: 'persons.json',
      path: 'protected.when.any',
    },
    {
      name: 'a bare fact at the top of a condition',
      mutate: (f) => (f['persons.json'].protected.when = { fact: 'category', operator: 'equal', value: 'general' }),
      code: 'rule_invalid',
      file: 'persons.json',
      path: 'protected.when',
    },
    {
      name: 'a value by a fact it never takes',
      mutate: (f) =>
        (f['tiers/maternal-subsidy.json'].take.fixed.values.twins =
          f['tiers/maternal-subsidy.json'].take.fixed.values.vaginal),
      code: 'rule_impossible_value',
      file: 'tiers/maternal-subsidy.json',
      path: 'take.fixed.values.twins',
    },
    {
      name: 'a category in a group that does not exist',
      mutate: (f) => (f['persons.json'].categories.general.group = 'others'),
      code: 'rule_invalid',
      file: 'persons.json',
      path: 'categories.general.group',
    },
    {
      name: 'a county that is also an area elsewhere',
      mutate: (f) => (f['jurisdiction.json'].elsewhere.anyue = { label: '安岳', location: 'in-province' }),
      code: 'rule_invalid',
      file: 'jurisdiction.json',
      path: 'elsewhere.anyue',
    },
    {
      name: 'brackets that do not ascend',
      mutate: (f) => (f['tiers/serious-illness-insurance.json'].brackets.values['2017-03-17'][1].upTo = '40000'),
      code: 'rule_invalid',
      file: 'tiers/serious-illness-insurance.json',
      path: 'brackets.values.2017-03-17[1].upTo',
    },
    {
      name: 'a last bracket with a bound',
      mutate: (f) => (f['tiers/serious-illness-insurance.json'].brackets.values['2017-03-17'][2].upTo = '900000'),
      code: 'rule_invalid',
      file: 'tiers/serious-illness-insurance.json',
      path: 'brackets.values.2017-03-17[2].upTo',
    },
    {
      name: 'a cap pool with no cap',
      mutate: (f) => (f['tiers/basic-insurance.json'].rows['general-outpatient'].capPool = 'outpatient'),
      code: 'rule_invalid',
      file: 'tiers/basic-insurance.json',
      path: 'rows.general-outpatient.capPool',
    },
    {
      name: 'a part in two shares of one tier',
      mutate: (f) =>
        (f['tiers/medical-assistance.json'].shares.again = {
          of: ['N'],
          ratio: { source: 'seed', values: { '2017-03-17': '0.10' } },
        }),
      code: 'rule_invalid',
      file: 'tiers/medical-assistance.json',
      path: 'shares.again.of[0]',
    },
    {
      name: 'an unknown fund',
      mutate: (f) => (f['tiers/maternal-subsidy.json'].excess.funds[0] = 'red-cross'),
      code: 'rule_invalid',
      file: 'tiers/maternal-subsidy.json',
      path: 'excess.funds[0]',
    },
    {
      name: 'an excess reported on a tier that is not a top-up',
      mutate: (f) => (f['tiers/maternal-subsidy.json'].excess.reportedOn = 'medical-assistance'),
      code: 'rule_invalid',
      file: 'tiers/maternal-subsidy.json',
      path: 'excess.reportedOn',
    },
    {
      name: 'a share of a parameter the tier does not have',
      mutate: (f) =>
        (f['tiers/serious-illness-insurance.json'].deductible = {
          share: { source: 'seed', values: { '2017-03-17': '0.5' } },
          of: 'income',
        }),
      code: 'rule_invalid',
      file: 'tiers/serious-illness-insurance.json',
      path: 'deductible.of',
    },
  ];

  it.each(cases)('$name → $code in $file at "$path"', ({ mutate, code, file, path }) => {
    const r = parseWith(mutate);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => ({ code: e.code, file: e.file, path: e.path }))).toContainEqual({ code, file, path });
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(5);
  });

  /**
   * Mistakes in ziyang-2022, which extends ziyang-2017: each is reported at the file of the folder
   * that wrote the value, whether the mistake is in the patch, in the base, or shows only once merged.
   */
  const chained: (Mistake & { mutate: (base: Files, child: Files) => void })[] = [
    {
      name: 'extends: a bad ratio in a patch is reported in the patch',
      mutate: (_, c) =>
        (c['tiers/serious-illness-insurance.json'].adjustments['core-group-tilt'].ratioAdd.values['2022-01-01'] =
          '1.5'),
      code: 'rule_invalid',
      file: 'ziyang-2022/tiers/serious-illness-insurance.json',
      path: 'adjustments.core-group-tilt.ratioAdd.values.2022-01-01',
    },
    {
      name: 'extends: a value the base wrote is reported in the base, even through the child',
      mutate: (b) => (b['tiers/serious-illness-insurance.json'].brackets.values['2017-03-17'][1].upTo = '40000'),
      code: 'rule_invalid',
      file: 'ziyang-2017/tiers/serious-illness-insurance.json',
      path: 'brackets.values.2017-03-17[1].upTo',
    },
    {
      name: 'extends: a cap the patch lowers below the deductible the base wrote is reported in the patch',
      mutate: (_, c) => (c['tiers/serious-illness-insurance.json'].annualCap = { values: { '2022-01-01': '5000' } }),
      code: 'rule_invalid',
      file: 'ziyang-2022/tiers/serious-illness-insurance.json',
      path: 'annualCap.values.2022-01-01',
    },
    {
      name: 'extends: an unknown key in a patch',
      mutate: (_, c) => (c['tiers/basic-insurance.json'].capz = {}),
      code: 'rule_invalid',
      file: 'ziyang-2022/tiers/basic-insurance.json',
      path: 'capz',
    },
    {
      name: 'extends: a group of the base that the patch removed, still named in the patch',
      mutate: (_, c) => (c['tiers/tilted-assistance.json'].applies.when.all[0].value = ['core', 'poor']),
      code: 'rule_impossible_value',
      file: 'ziyang-2022/tiers/tilted-assistance.json',
      path: 'applies.when.all[0].value[1]',
    },
    {
      name: 'extends: a value of the patch dated after the end it gives its own period',
      mutate: (_, c) => {
        c['ruleset.json'].inForce.to = '2030-12-31';
        c['tiers/tilted-assistance.json'].annualCap.values['2031-01-01'] = '30000';
      },
      code: 'rule_date_gap',
      file: 'ziyang-2022/tiers/tilted-assistance.json',
      path: 'annualCap.values.2031-01-01',
    },
    {
      name: 'extends: a patch that removes a key the base requires',
      mutate: (_, c) => (c['tiers/serious-illness-insurance.json'].deductible = null),
      code: 'rule_invalid',
      file: 'ziyang-2022/tiers/serious-illness-insurance.json',
      path: 'deductible',
    },
    {
      name: 'extends: an assumed value of the patch not flagged',
      mutate: (_, c) => delete c['tiers/tilted-assistance.json'].annualCap.verified,
      code: 'rule_unverified_flag',
      file: 'ziyang-2022/tiers/tilted-assistance.json',
      path: 'annualCap.verified',
    },
    {
      name: 'extends: a tier in the order with no file in any folder',
      mutate: (_, c) => c['ruleset.json'].tiers.order.push('catastrophe-fund'),
      code: 'rule_file_missing',
      file: 'ziyang-2022/tiers/catastrophe-fund.json',
      path: '',
    },
    {
      name: 'extends: a tier file of the child not in its order',
      mutate: (_, c) => c['ruleset.json'].tiers.order.pop(),
      code: 'rule_tier_order',
      file: 'ziyang-2022/tiers/tilted-assistance.json',
      path: '',
    },
    {
      name: 'extends: a base file deleted while a tier of the order still needs it',
      mutate: (_, c) => (c['tiers/basic-insurance.json'] = { $patch: 'delete' }),
      code: 'rule_file_missing',
      file: 'ziyang-2022/tiers/basic-insurance.json',
      path: '',
    },
    {
      name: 'extends: a tier number of the patch out of the order',
      mutate: (_, c) => (c['tiers/medical-assistance.json'].tier = 2),
      code: 'rule_tier_order',
      file: 'ziyang-2022/tiers/medical-assistance.json',
      path: 'tier',
    },
    {
      name: 'extends: an unknown kind in a patch',
      mutate: (_, c) => (c['tiers/tilted-assistance.json'].kind = 'stepped'),
      code: 'rule_invalid',
      file: 'ziyang-2022/tiers/tilted-assistance.json',
      path: 'kind',
    },
    {
      name: 'extends: a fact read too early in a patch of a scheme file',
      mutate: (_, c) =>
        (c['persons.json'].protected.when = { all: [{ fact: 'location', operator: 'equal', value: 'in-county' }] }),
      code: 'rule_unknown_fact',
      file: 'ziyang-2022/persons.json',
      path: 'protected.when.all[0].fact',
    },
    {
      name: 'extends: an empty any in a patch',
      mutate: (_, c) => (c['tiers/medical-assistance.json'].applies.when = { any: [] }),
      code: 'rule_impossible_value',
      file: 'ziyang-2022/tiers/medical-assistance.json',
      path: 'applies.when.any',
    },
    {
      name: 'extends: a file both written and patched inline in ruleset.json',
      mutate: (_, c) =>
        (c['ruleset.json'].patches = { 'bill.json': { bSelfPay: { values: { '2022-01-01': '0.20' } } } }),
      code: 'rule_invalid',
      file: 'ziyang-2022/ruleset.json',
      path: 'patches.bill.json',
    },
    {
      name: 'extends: a tier order of its own without its clause and source',
      mutate: (_, c) => (c['ruleset.json'].tiers = { order: c['ruleset.json'].tiers.order }),
      code: 'rule_invalid',
      file: 'ziyang-2022/ruleset.json',
      path: 'tiers.clause',
    },
    {
      name: 'extends: a file that is not JSON in the child',
      mutate: (_, c) => (c['location.json'] = '{ "overrides": '),
      code: 'rule_invalid_json',
      file: 'ziyang-2022/location.json',
      path: '',
    },
  ];

  it.each(chained)('$name → $code in $file at "$path"', ({ mutate, code, file, path }) => {
    const r = chainWith(mutate);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => ({ code: e.code, file: e.file, path: e.path }))).toContainEqual({ code, file, path });
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(5);
  });

  it('the shipped chain itself has no problem, so every mistake above is the one made', () => {
    const r = chainWith(() => {});
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('says every problem in words a rule author can act on (golden file)', () => {
    const say = (m: string) => m.replace(/not valid JSON: .*/, "not valid JSON: (the parser's words)");
    const report = (name: string, r: ReturnType<typeof parseRuleFiles>) =>
      `## ${name}\n${r.ok ? '(no problem)' : r.errors.map((e) => `${e.code} ${e.file} ${e.path}: ${say(e.message)}`).join('\n')}`;
    const text = [
      ...cases.map(({ name, mutate }) => report(name, parseWith(mutate))),
      ...chained.map(({ name, mutate }) => report(name, chainWith(mutate))),
    ].join('\n');
    expectGolden('rule-errors.txt', `${text}\n`);
  });

  it.each([
    [
      'a negative ratio',
      (f: Files) => (tiltRatio(f).values['2017-03-17'] = '-0.1'),
      /^a ratio must lie in \[0, 1\]: "-0\.1" is below 0/,
    ],
    [
      'a negative deductible',
      (f: Files) => (f['tiers/basic-insurance.json'].rows.county.deductible.values['2017-03-17'] = '-400'),
      /^an amount in yuan is never negative: "-400" is below 0/,
    ],
    [
      'a missing source',
      (f: Files) => delete tiltRatio(f).source,
      /^"source" is missing: say where this comes from, "seed" .* or "assumed"/,
    ],
    [
      'a source of another word',
      (f: Files) => (tiltRatio(f).source = 'estimated'),
      /^"source" is "seed" .*, not "estimated"$/,
    ],
  ])("says %s in words a rule author can act on, not the schema library's", (_, mutate, message) => {
    const r = parseWith(mutate);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(message)]);
    expect(r.errors[0]!.message).not.toMatch(/Invalid (option|input)|at most \d+ decimals/);
  });

  it('says that a folder writing its own "tiers" gives them their clause and source, or leaves them out', () => {
    const r = chainWith((_, c) => (c['ruleset.json'].tiers = { order: c['ruleset.json'].tiers.order }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      for (const e of r.errors) {
        expect(e.file).toBe('ziyang-2022/ruleset.json');
        expect(e.message).toMatch(/^this folder writes "tiers" of its own, which replace the parent's whole/);
        expect(e.message).toMatch(/or leave "tiers" out to keep the parent's$/);
      }
  });

  it('a rule folder on disk reports problems with the folder in the file name', () => {
    const dir = tempDir('bad');
    cpSync(join(RULES, 'ziyang-2017'), dir, { recursive: true });
    writeFileSync(join(dir, 'persons.json'), '{}');
    const r = loadRuleFolder(dir);
    expect(r.ok).toBe(false);
    // Named relative to the working directory, as the command prints it.
    if (!r.ok) expect(resolve(r.errors[0]!.file)).toBe(join(dir, 'persons.json'));
  });

  it('a JSON file at any depth of a folder on disk is read and, when not a rule file, reported, never skipped', () => {
    const dir = tempDir('stray');
    cpSync(join(RULES, 'ziyang-2017'), dir, { recursive: true });
    mkdirSync(join(dir, 'tiers', 'old'));
    writeFileSync(join(dir, 'tiers', 'old', 'tilt-payment.json'), '{}');
    const r = loadRuleFolder(dir);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => [e.code, relative(dir, e.file), e.path])).toEqual([
        ['rule_invalid', join('tiers', 'old', 'tilt-payment.json'), ''],
      ]);
  });

  it('a folder on disk that extends another reports a mistake in the file of the folder that wrote it', () => {
    const root = tempDir('chain');
    cpSync(join(RULES, 'ziyang-2017'), join(root, 'base'), { recursive: true });
    cpSync(join(RULES, 'ziyang-2022'), join(root, 'variant'), { recursive: true });
    const rs = JSON.parse(readFileSync(join(root, 'variant', 'ruleset.json'), 'utf8'));
    writeFileSync(join(root, 'variant', 'ruleset.json'), JSON.stringify({ ...rs, extends: '../base' }));
    writeFileSync(
      join(root, 'variant', 'tiers', 'tilted-assistance.json'),
      JSON.stringify({
        ...JSON.parse(readFileSync(join(RULES, 'ziyang-2022', 'tiers', 'tilted-assistance.json'), 'utf8')),
        tier: 1,
      }),
    );
    const r = loadRuleFolder(join(root, 'variant'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(
        r.errors.map((e) => [e.code, e.file.endsWith(join('variant', 'tiers', 'tilted-assistance.json')), e.path]),
      ).toContainEqual(['rule_tier_order', true, 'tier']);
  });

  it.each([
    ['a folder that does not exist', '../nowhere', 'rule_file_missing'],
    ['itself (a circle)', '.', 'rule_invalid'],
  ])('a folder that extends %s is refused at its ruleset.json "extends"', (_n, parent, code) => {
    const root = tempDir('extends');
    cpSync(join(RULES, 'ziyang-2022'), join(root, 'variant'), { recursive: true });
    const rs = JSON.parse(readFileSync(join(root, 'variant', 'ruleset.json'), 'utf8'));
    writeFileSync(join(root, 'variant', 'ruleset.json'), JSON.stringify({ ...rs, extends: parent }));
    const r = loadRuleFolder(join(root, 'variant'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({ code, path: 'extends' });
      expect(r.errors[0]!.file.endsWith(join('variant', 'ruleset.json'))).toBe(true);
    }
  });
});
