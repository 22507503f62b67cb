/**
 * The compiled policy, resolved from the rule files inside the test: every value and the outcome
 * of every condition on a set of claims' facts, pinned in a golden file; and how dated values cut
 * the period into versions.
 */
import { describe, expect, it } from 'vitest';
import { checkedDefaultRules, defaultRules, ZIYANG_2017_FILES } from '../src/rules/embedded.js';
import { parseRuleFiles } from '../src/rules/parse.js';
import { ruleBook, policyOn } from '../src/rules/book.js';
import type { Policy } from '../src/rules/policy.js';
import type { FactBag } from '../src/rules/facts.js';
import { formatFen } from '../src/money/fen.js';
import { formatRatio } from '../src/money/ratio.js';
import { expectGolden } from './helpers.js';

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
      out.push(`${path} = ${samples.map((f) => ((v as (x: FactBag) => boolean)(f) ? 'T' : 'F')).join('')}`);
      return;
    }
    if (typeof v !== 'object' || v === null) {
      out.push(`${path} = ${JSON.stringify(v)}`);
      return;
    }
    if (seen.has(v)) return;
    seen.add(v);
    if ('units' in v && 'scale' in v) return void out.push(`${path} = ratio ${formatRatio(v as never)}`);
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(p, 'policy');
  return out.map((l) => l.replace(/= (\d+)$/, (m, n) => (/(deductible|limit|Cap|cap|amount|perPerson|upTo|Line|\.basic|general-outpatient)/.test(l) ? `= ${formatFen(Number(n) as never)}` : m))).join('\n');
}

const SAMPLES: FactBag[] = [
  { category: 'registered-poor', illnessInduced: true, county: 'anyue', visitKind: 'inpatient', chronic: false, majorDisease: false, referral: 'none', deliveryMode: 'none', hospitalLevel: 'county', hospitalArea: 'anyue', designated: true, protected: true, location: 'in-county', inJurisdiction: true, level: 'county', itemCategory: 'drug', itemCatalog: 'C', itemIsDrug: true, itemCompliant: true, itemNecessary: false },
  { category: 'rural-dibao', illnessInduced: false, county: 'yanjiang', visitKind: 'delivery', chronic: false, majorDisease: false, referral: 'none', deliveryMode: 'cesarean', hospitalLevel: 'city', hospitalArea: 'yanjiang', designated: true, protected: true, location: 'in-county', inJurisdiction: true, level: 'county', itemCategory: 'exam', itemCatalog: 'A', itemIsDrug: false, itemCompliant: false, itemNecessary: false },
  { category: 'general', illnessInduced: false, county: 'lezhi', visitKind: 'special-outpatient', chronic: true, majorDisease: true, referral: 'referred', deliveryMode: 'none', hospitalLevel: 'provincial', hospitalArea: 'other-province', designated: false, protected: false, location: 'out-of-province', inJurisdiction: false, level: 'out-of-province', itemCategory: 'bed', itemCatalog: 'B', itemIsDrug: false, itemCompliant: true, itemNecessary: true },
  { category: 'registered-poor', illnessInduced: false, county: 'lezhi', visitKind: 'general-outpatient', chronic: false, majorDisease: true, referral: 'emergency', deliveryMode: 'none', hospitalLevel: 'township', hospitalArea: 'sichuan', designated: true, protected: true, location: 'in-province', inJurisdiction: false, level: 'in-province', itemCategory: 'drug', itemCatalog: 'A', itemIsDrug: true, itemCompliant: true, itemNecessary: false },
  { category: 'registered-poor', illnessInduced: true, county: 'anyue', visitKind: 'special-outpatient', chronic: false, majorDisease: true, referral: 'referred', deliveryMode: 'none', hospitalLevel: 'city', hospitalArea: 'lezhi', designated: true, protected: true, location: 'in-city', inJurisdiction: true, level: 'city', itemCategory: 'material', itemCatalog: 'C', itemIsDrug: false, itemCompliant: true, itemNecessary: true },
];

describe('compiling the shipped rules', () => {
  it('resolves every value and condition as reviewed (golden file)', () => {
    const set = fresh();
    expect(set.segments.map((s) => [s.version, s.validTo])).toEqual([['2017-03-17', '2020-12-31']]);
    expectGolden('policy-ziyang-2017.txt', `${describePolicy(set.segments[0]!, SAMPLES)}\n`);
  });

  it('the embedded rules, compiled without the schemas at start, are the checked ones, and they pass the schemas and the lint', () => {
    const checked = checkedDefaultRules();
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    if (!checked.ok) return;
    const trusted = defaultRules();
    expect(trusted.sets.map((x) => x.segments.length)).toEqual(checked.value.sets.map((x) => x.segments.length));
    trusted.sets[0]!.segments.forEach((seg, i) => expect(describePolicy(seg, SAMPLES)).toBe(describePolicy(checked.value.sets[0]!.segments[i]!, SAMPLES)));
    expect(trusted.sets[0]!.files).toEqual(checked.value.sets[0]!.files);
  });
});

describe('dated values cut the period into versions', () => {
  it('a value dated before the period starts is in force from its first day, and no earlier', () => {
    const set = fresh((f) => (f['tier-5-tilt-payment.json'].ratio.values = { '2016-01-01': '0.20' }));
    expect(set.segments.map((s) => s.version)).toEqual(['2017-03-17']);
    const book = ruleBook([set]);
    expect(book.ok && policyOn(book.value, '2017-03-16')).toBeUndefined();
    expect(book.ok && policyOn(book.value, '2017-03-17')?.version).toBe('2017-03-17');
  });

  it('a value dated on the last day makes a one-day version', () => {
    const set = fresh((f) => (f['tier-5-tilt-payment.json'].ratio.values['2020-12-31'] = '0.30'));
    expect(set.segments.map((s) => [s.version, s.validTo])).toEqual([
      ['2017-03-17', '2020-12-30'],
      ['2020-12-31', '2020-12-31'],
    ]);
    expect(formatRatio(set.segments[1]!.tiers['tilt-payment'].ratio)).toBe('0.3');
    expect(formatRatio(set.segments[0]!.tiers['tilt-payment'].ratio)).toBe('0.2');
  });

  it('changes on several dates give one version per stretch, each with the values of its date', () => {
    const set = fresh((f) => {
      f['tier-5-tilt-payment.json'].ratio.values['2018-01-01'] = '0.25';
      f['tier-7-medical-assistance.json'].ratio.values['2019-03-01'] = '0.75';
      f['tier-3-serious-illness-insurance.json'].brackets.values['2019-03-01'] = [{ upTo: null, ratio: '0.6' }];
    });
    expect(set.segments.map((s) => [s.version, s.validTo, formatRatio(s.tiers['tilt-payment'].ratio), formatRatio(s.tiers['medical-assistance'].ratio), s.tiers['serious-illness-insurance'].brackets.length])).toEqual([
      ['2017-03-17', '2017-12-31', '0.2', '0.7', 3],
      ['2018-01-01', '2019-02-28', '0.25', '0.7', 3],
      ['2019-03-01', '2020-12-31', '0.25', '0.75', 1],
    ]);
    const book = ruleBook([set]);
    expect(book.ok && ['2017-12-31', '2018-01-01', '2019-02-28', '2019-03-01', '2020-12-31'].map((d) => policyOn(book.value, d)?.version)).toEqual([
      '2017-03-17',
      '2018-01-01',
      '2018-01-01',
      '2019-03-01',
      '2019-03-01',
    ]);
  });
});
