/**
 * The compiled policies of both shipped rule sets, resolved from the rule files inside the test:
 * every value, the scheme's lists, and the outcome of every condition on a set of claims' facts,
 * pinned in golden files; and how dated values cut the period into versions.
 */
import { describe, expect, it } from 'vitest';
import { checkedDefaultRules, defaultRules, embeddedChain, ZIYANG_2017_FILES } from '../../src/scheme/embedded.js';
import { parseRuleChain, parseRuleFiles } from '../../src/scheme/read-rule-files.js';
import type { BracketsParams } from '../../src/kinds/brackets/params.js';
import type { TierSpec } from '../../src/kinds/kind.js';
import type { ShareOfRestParams } from '../../src/kinds/share-of-rest/params.js';
import { ruleBook, policyOn } from '../../src/scheme/book.js';
import type { Policy } from '../../src/scheme/policy.js';
import type { FactBag } from '../../src/rule-files/fact-catalog.js';
import { formatFen } from '../../src/money/fen.js';
import { formatRatio } from '../../src/money/ratio.js';
import { expectGolden } from '../support/helpers.js';

const fresh = (mutate: (f: Record<string, any>) => void = () => {}) => {
  const f = JSON.parse(JSON.stringify(ZIYANG_2017_FILES));
  mutate(f);
  const r = parseRuleFiles(f);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

/** Every number of a policy as text, every predicate as its value on sample facts. */
function describePolicy(p: Policy, samples: FactBag[]): string {
  const seen = new WeakSet<object>();
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'function') {
      // A predicate: T or F per sample; a parameter by a fact (a delivery's amounts): its value per sample.
      const results = samples.map((f) => (v as (x: FactBag) => unknown)(f));
      const shown = results.every((r) => typeof r === 'boolean')
        ? results.map((r) => (r ? 'T' : 'F')).join('')
        : `[${results.map((r) => (r === undefined ? '-' : typeof r === 'number' ? formatFen(r as never) : JSON.stringify(r))).join(', ')}]`;
      out.push(`${path} = ${shown}`);
      return;
    }
    if (typeof v !== 'object' || v === null) {
      out.push(`${path} = ${JSON.stringify(v)}`);
      return;
    }
    if (seen.has(v)) return;
    seen.add(v);
    if (v instanceof Map) {
      for (const [k, x] of v) walk(x, `${path}.${String(k)}`);
      return;
    }
    if ('units' in v && 'scale' in v) return void out.push(`${path} = ratio ${formatRatio(v as never)}`);
    // Keys sorted (arrays in index order): the schema's parse and the file may order them differently.
    const entries = Object.entries(v);
    if (!Array.isArray(v)) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, x] of entries) walk(x, `${path}.${k}`);
  };
  walk(p, 'policy');
  // Amounts of money in yuan; indexes (of counters, tiers, parts) stay numbers.
  const money = /\.(deductible|standardDeductible|limit|cap|annualCap|amount|perPerson|upTo|lowIncomeLine|fixed)$/;
  return out
    .map((l) =>
      l.replace(/^(\S+) = (\d+)$/, (m, path: string, n) =>
        money.test(path) ? `${path} = ${formatFen(Number(n) as never)}` : m,
      ),
    )
    .join('\n');
}

/** Claims' facts to evaluate every condition of ziyang-2017 on. */
const SAMPLES_2017: FactBag[] = [
  {
    category: 'registered-poor',
    group: 'poor',
    illnessInduced: true,
    county: 'anyue',
    visitKind: 'inpatient',
    chronic: false,
    majorDisease: false,
    referral: 'none',
    deliveryMode: 'none',
    hospitalLevel: 'county',
    hospitalArea: 'anyue',
    designated: true,
    protected: true,
    location: 'in-county',
    inJurisdiction: true,
    level: 'county',
    itemCategory: 'drug',
    itemCatalog: 'C',
    itemIsDrug: true,
    itemCompliant: true,
    itemNecessary: false,
  },
  {
    category: 'rural-dibao',
    group: 'poor',
    illnessInduced: false,
    county: 'yanjiang',
    visitKind: 'delivery',
    chronic: false,
    majorDisease: false,
    referral: 'none',
    deliveryMode: 'cesarean',
    hospitalLevel: 'city',
    hospitalArea: 'yanjiang',
    designated: true,
    protected: true,
    location: 'in-county',
    inJurisdiction: true,
    level: 'county',
    itemCategory: 'exam',
    itemCatalog: 'A',
    itemIsDrug: false,
    itemCompliant: false,
    itemNecessary: false,
  },
  {
    category: 'general',
    group: 'none',
    illnessInduced: false,
    county: 'lezhi',
    visitKind: 'special-outpatient',
    chronic: true,
    majorDisease: true,
    referral: 'referred',
    deliveryMode: 'none',
    hospitalLevel: 'provincial',
    hospitalArea: 'other-province',
    designated: false,
    protected: false,
    location: 'out-of-province',
    inJurisdiction: false,
    level: 'out-of-province',
    itemCategory: 'bed',
    itemCatalog: 'B',
    itemIsDrug: false,
    itemCompliant: true,
    itemNecessary: true,
  },
  {
    category: 'registered-poor',
    group: 'poor',
    illnessInduced: false,
    county: 'lezhi',
    visitKind: 'general-outpatient',
    chronic: false,
    majorDisease: true,
    referral: 'emergency',
    deliveryMode: 'none',
    hospitalLevel: 'township',
    hospitalArea: 'sichuan',
    designated: true,
    protected: true,
    location: 'in-province',
    inJurisdiction: false,
    level: 'in-province',
    itemCategory: 'western-drug',
    itemCatalog: 'A',
    itemIsDrug: true,
    itemCompliant: true,
    itemNecessary: false,
  },
  {
    category: 'registered-poor',
    group: 'poor',
    illnessInduced: true,
    county: 'anyue',
    visitKind: 'special-outpatient',
    chronic: false,
    majorDisease: true,
    referral: 'referred',
    deliveryMode: 'none',
    hospitalLevel: 'city',
    hospitalArea: 'lezhi',
    designated: true,
    protected: true,
    location: 'in-city',
    inJurisdiction: true,
    level: 'city',
    itemCategory: 'material',
    itemCatalog: 'C',
    itemIsDrug: false,
    itemCompliant: true,
    itemNecessary: true,
  },
];

/** Claims' facts to evaluate every condition of ziyang-2022 on (one per group, every location). */
const SAMPLES_2022: FactBag[] = [
  {
    category: 'extreme-poor',
    group: 'core',
    illnessInduced: false,
    county: 'anyue',
    visitKind: 'inpatient',
    chronic: false,
    majorDisease: false,
    referral: 'none',
    deliveryMode: 'none',
    hospitalLevel: 'county',
    hospitalArea: 'anyue',
    designated: true,
    protected: true,
    location: 'in-county',
    inJurisdiction: true,
    level: 'county',
    itemCategory: 'drug',
    itemCatalog: 'C',
    itemIsDrug: true,
    itemCompliant: true,
    itemNecessary: false,
  },
  {
    category: 'marginal',
    group: 'marginal',
    illnessInduced: false,
    county: 'yanjiang',
    visitKind: 'delivery',
    chronic: false,
    majorDisease: false,
    referral: 'referred',
    deliveryMode: 'cesarean',
    hospitalLevel: 'city',
    hospitalArea: 'lezhi',
    designated: true,
    protected: true,
    location: 'in-city',
    inJurisdiction: true,
    level: 'city',
    itemCategory: 'exam',
    itemCatalog: 'A',
    itemIsDrug: false,
    itemCompliant: false,
    itemNecessary: false,
  },
  {
    category: 'general',
    group: 'none',
    illnessInduced: true,
    county: 'lezhi',
    visitKind: 'special-outpatient',
    chronic: true,
    majorDisease: true,
    referral: 'referred',
    deliveryMode: 'none',
    hospitalLevel: 'provincial',
    hospitalArea: 'other-province',
    designated: false,
    protected: false,
    location: 'out-of-province',
    inJurisdiction: false,
    level: 'out-of-province',
    itemCategory: 'bed',
    itemCatalog: 'B',
    itemIsDrug: false,
    itemCompliant: true,
    itemNecessary: true,
  },
  {
    category: 'illness-poor',
    group: 'illness',
    illnessInduced: false,
    county: 'lezhi',
    visitKind: 'general-outpatient',
    chronic: false,
    majorDisease: true,
    referral: 'emergency',
    deliveryMode: 'none',
    hospitalLevel: 'township',
    hospitalArea: 'sichuan',
    designated: true,
    protected: true,
    location: 'in-province',
    inJurisdiction: false,
    level: 'in-province',
    itemCategory: 'patent-drug',
    itemCatalog: 'A',
    itemIsDrug: true,
    itemCompliant: true,
    itemNecessary: false,
  },
  {
    category: 'dibao',
    group: 'core',
    illnessInduced: false,
    county: 'anyue',
    visitKind: 'inpatient',
    chronic: false,
    majorDisease: true,
    referral: 'none',
    deliveryMode: 'none',
    hospitalLevel: 'provincial',
    hospitalArea: 'sichuan',
    designated: true,
    protected: true,
    location: 'in-province',
    inJurisdiction: false,
    level: 'in-province',
    itemCategory: 'material',
    itemCatalog: 'C',
    itemIsDrug: false,
    itemCompliant: true,
    itemNecessary: true,
  },
];
const SAMPLES: Readonly<Record<string, FactBag[]>> = { 'ziyang-2017': SAMPLES_2017, 'ziyang-2022': SAMPLES_2022 };

/** A tier of a policy, by id. */
const tier = <P>(p: Policy, id: string): TierSpec<P> => p.tiers.find((t) => t.id === id)! as TierSpec<P>;
/** The ratio of a share-of-rest tier's first share. */
const ratioOf = (p: Policy, id: string) => formatRatio(tier<ShareOfRestParams>(p, id).params.shares[0]!.ratio);

describe('compiling the shipped rules', () => {
  it('resolves every value and condition of ziyang-2017 as reviewed (golden file)', () => {
    const set = fresh();
    expect(set.segments.map((s) => [s.version, s.validTo])).toEqual([['2017-03-17', '2020-12-31']]);
    expectGolden('policy-ziyang-2017.txt', `${describePolicy(set.segments[0]!, SAMPLES_2017)}\n`);
  });

  it('resolves every value and condition of ziyang-2022, over ziyang-2017, as reviewed (golden file)', () => {
    const set = parseRuleChain(embeddedChain('ziyang-2022'));
    if (!set.ok) throw new Error(JSON.stringify(set.errors));
    expect(set.value.segments.map((s) => [s.version, s.validTo])).toEqual([['2022-01-01', '9999-12-31']]);
    expectGolden('policy-ziyang-2022.txt', `${describePolicy(set.value.segments[0]!, SAMPLES_2022)}\n`);
  });

  it('the embedded rules, compiled without the schemas at start, are the checked ones, and they pass the schemas and the lint', () => {
    const checked = checkedDefaultRules();
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    if (!checked.ok) return;
    const trusted = defaultRules();
    expect(trusted.sets.map((x) => x.id)).toEqual(checked.value.sets.map((x) => x.id));
    expect(trusted.sets.map((x) => x.segments.length)).toEqual(checked.value.sets.map((x) => x.segments.length));
    trusted.sets.forEach((set, k) => {
      const samples = SAMPLES[set.id]!;
      set.segments.forEach((seg, i) =>
        expect(describePolicy(seg, samples)).toBe(describePolicy(checked.value.sets[k]!.segments[i]!, samples)),
      );
      expect(set.files).toEqual(checked.value.sets[k]!.files);
    });
  });
});

describe('dated values cut the period into versions', () => {
  it('a value dated before the period starts is in force from its first day, and no earlier', () => {
    const set = fresh((f) => (f['tiers/tilt-payment.json'].shares['in-scope'].ratio.values = { '2016-01-01': '0.20' }));
    expect(set.segments.map((s) => s.version)).toEqual(['2017-03-17']);
    const book = ruleBook([set]);
    expect(book.ok && policyOn(book.value, '2017-03-16')).toBeUndefined();
    expect(book.ok && policyOn(book.value, '2017-03-17')?.version).toBe('2017-03-17');
  });

  it('a value dated on the last day makes a one-day version', () => {
    const set = fresh((f) => (f['tiers/tilt-payment.json'].shares['in-scope'].ratio.values['2020-12-31'] = '0.30'));
    expect(set.segments.map((s) => [s.version, s.validTo])).toEqual([
      ['2017-03-17', '2020-12-30'],
      ['2020-12-31', '2020-12-31'],
    ]);
    expect(ratioOf(set.segments[1]!, 'tilt-payment')).toBe('0.3');
    expect(ratioOf(set.segments[0]!, 'tilt-payment')).toBe('0.2');
  });

  it('changes on several dates give one version per stretch, each with the values of its date', () => {
    const set = fresh((f) => {
      f['tiers/tilt-payment.json'].shares['in-scope'].ratio.values['2018-01-01'] = '0.25';
      f['tiers/medical-assistance.json'].shares.assisted.ratio.values['2019-03-01'] = '0.75';
      f['tiers/serious-illness-insurance.json'].brackets.values['2019-03-01'] = [{ upTo: null, ratio: '0.6' }];
    });
    const brackets = (p: Policy) =>
      tier<BracketsParams>(p, 'serious-illness-insurance').params.standard.brackets.length;
    expect(
      set.segments.map((s) => [
        s.version,
        s.validTo,
        ratioOf(s, 'tilt-payment'),
        ratioOf(s, 'medical-assistance'),
        brackets(s),
      ]),
    ).toEqual([
      ['2017-03-17', '2017-12-31', '0.2', '0.7', 3],
      ['2018-01-01', '2019-02-28', '0.25', '0.7', 3],
      ['2019-03-01', '2020-12-31', '0.25', '0.75', 1],
    ]);
    const book = ruleBook([set]);
    expect(
      book.ok &&
        ['2017-12-31', '2018-01-01', '2019-02-28', '2019-03-01', '2020-12-31'].map(
          (d) => policyOn(book.value, d)?.version,
        ),
    ).toEqual(['2017-03-17', '2018-01-01', '2018-01-01', '2019-03-01', '2019-03-01']);
  });
});
