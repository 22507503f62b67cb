/**
 * The semantics of docs/policy-2017.md on cases beyond the worked examples, each computed by hand (the
 * arithmetic is in the comment) and named as a sentence a policy officer would agree with.
 */
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { settle, settleBatch } from '../../src/contract/settle-json.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import { settlementToJson, type SettlementJson } from '../../src/format/settlement-json.js';
import { fen } from '../../src/money/fen.js';
import { emptyYearLedger } from '../../src/ledger/year-ledger.js';

const person = (category: string, county = 'anyue', illnessInduced = false) => ({
  id: 'P',
  county,
  category,
  illnessInduced,
});
const claim = (over: { id?: string; person?: object; visit?: object; hospital?: object; items: object[] }) => ({
  id: over.id ?? 'C',
  person: over.person ?? person('registered-poor'),
  visit: { kind: 'inpatient', discharged: '2017-06-10', ...over.visit },
  hospital: { level: 'county', area: 'anyue', ...over.hospital },
  items: over.items,
});
const A = (amount: string, category = 'drug') => ({ category, catalog: 'A', amount });
const one = (input: unknown): SettlementJson => {
  const r = settle(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
/** The ledger counters a settlement leaves above 0 (those whose name starts with `prefix`). */
const nonZero = (s: SettlementJson, prefix = '') =>
  Object.fromEntries(Object.entries(s.ledger.counters).filter(([k, v]) => k.startsWith(prefix) && v !== '0.00'));
const amounts = (s: SettlementJson) => Object.fromEntries(s.lines.map((l) => [l.id, l.amount]));
const seq = (inputs: unknown[]) =>
  settleBatch(inputs).outcomes.map((o) => {
    if (!o.ok) throw new Error(JSON.stringify(o.errors));
    return settlementToJson(o.record);
  });

describe('who and where', () => {
  it('a general resident at a Yanjiang city hospital is settled at the city row: the Yanjiang rule is for protected persons', () => {
    // S = 10000; city row: (10000 − 800) × 65% = 5980; c = 4020 < 10000; tier 4: 4020 × 10% = 402.
    const s = one(
      claim({
        person: person('general', 'yanjiang'),
        hospital: { level: 'city', area: 'yanjiang' },
        items: [A('10000')],
      }),
    );
    expect(amounts(s)['basic-insurance']).toBe('5980.00');
    expect(amounts(s)['supplementary-insurance']).toBe('402.00');
    expect(s.personal).toBe('3618.00');
    expect(s.target).toBeNull();
  });

  it('a provincial hospital inside Ziyang uses the city row', () => {
    // General Lezhi resident at a provincial hospital in Anyue: (10000 − 800) × 65% = 5980.
    const s = one(
      claim({
        person: person('general', 'lezhi'),
        hospital: { level: 'provincial', area: 'anyue' },
        items: [A('10000')],
      }),
    );
    expect(amounts(s)['basic-insurance']).toBe('5980.00');
  });

  it('an out-of-catalog item is borne by the hospital for a protected person in jurisdiction, but stays billable out of province', () => {
    const items = [A('1000'), { category: 'material', catalog: 'C', amount: '300' }];
    const inCity = one(claim({ person: person('rural-dibao', 'lezhi'), items }));
    const outside = one(
      claim({ person: person('rural-dibao', 'lezhi'), hospital: { level: 'county', area: 'other-province' }, items }),
    );
    expect(inCity.hospitalAbsorbed).toBe('300.00');
    expect(outside.hospitalAbsorbed).toBe('0.00');
    expect(outside.billable).toBe('1300.00');
  });

  it('a non-compliant item is borne by the hospital for everyone, even a general resident', () => {
    const s = one(
      claim({
        person: person('general'),
        items: [A('1000'), { category: 'exam', catalog: 'A', amount: '50', compliant: false }],
      }),
    );
    expect(s.hospitalAbsorbed).toBe('50.00');
  });

  it('a claim at a hospital that is not designated enters the ledger as an id and changes nothing else', () => {
    const input = claim({
      hospital: { designated: false },
      items: [A('1000'), { category: 'exam', catalog: 'A', amount: '20', compliant: false }],
    });
    const s = one(input);
    expect(s.personal).toBe('1000.00');
    expect(s.hospitalAbsorbed).toBe('20.00');
    // The year ledger settle() hands back beside the settlement lists the id; the settlement counts it.
    const r = settle(input);
    expect(r.ok && r.ledger.claimIds).toEqual(['C']);
    expect(s.ledger.claims).toBe(1);
    expect(Object.entries(s.ledger.counters).filter(([, v]) => v !== '0.00')).toEqual([]);
    expect(s.target).toBeNull();
  });
});

describe('pathways and targets', () => {
  it('the chronic outpatient target is floor(10% of the bill): 155.555 becomes 155.55, not 155.56', () => {
    // Registered poor (not illness-induced), chronic special outpatient in Sichuan; O = 1000 stays billable.
    // S = 555.55; employee table 85%: 472.2175 → 472.22; tier 4 20% of 83.33 → 16.67; tier 5 20% of 66.66 → 13.33;
    // tier 7 70% of 53.33 → 37.33; left 1016.00; τ = floor(155.555) = 155.55; tier 8 pays 860.45.
    const s = one(
      claim({
        visit: { kind: 'special-outpatient', chronic: true },
        hospital: { level: 'township', area: 'sichuan' },
        items: [A('555.55'), { category: 'drug', catalog: 'C', amount: '1000' }],
      }),
    );
    expect(amounts(s)).toMatchObject({
      'basic-insurance': '472.22',
      'supplementary-insurance': '16.67',
      'tilt-payment': '13.33',
      'medical-assistance': '37.33',
      'relief-funds': '860.45',
    });
    expect(s.target).toEqual({ personalMax: '155.55', met: true });
    expect(s.personal).toBe('155.55');
  });

  it('a major disease treated out of province after an emergency has a zero target', () => {
    const s = one(
      claim({
        visit: { majorDisease: true, referral: 'emergency' },
        hospital: { level: 'provincial', area: 'other-province' },
        items: [A('20000')],
      }),
    );
    expect(s.target).toEqual({ personalMax: '0.00', met: true });
    expect(s.personal).toBe('0.00');
  });

  it('a major disease treated out of county without referral has no target', () => {
    const s = one(
      claim({ visit: { majorDisease: true }, hospital: { level: 'provincial', area: 'sichuan' }, items: [A('20000')] }),
    );
    expect(s.target).toBeNull();
    expect(s.lines.at(-1)!.explanation).toContain('没有兜底保障目标');
  });

  it('a special outpatient visit that is not chronic in her own county has a zero target', () => {
    const s = one(claim({ visit: { kind: 'special-outpatient' }, items: [A('800')] }));
    expect(s.target).toEqual({ personalMax: '0.00', met: true });
    expect(s.personal).toBe('0.00');
  });

  it('a general resident giving birth gets the subsidy first and no target', () => {
    // Subsidy 500 pro-rata from A.drug 1500 / A.nondrug 1000 → 1200 / 800; S = 2000;
    // county row (2000 − 400) × 75% = 1200; c = 800; tier 4 10% = 80; personal 2500 − 1780 = 720.
    const s = one(
      claim({
        person: person('general'),
        visit: { kind: 'delivery', deliveryMode: 'vaginal' },
        items: [A('1500'), A('1000', 'treatment')],
      }),
    );
    expect(s.lines[0]).toMatchObject({ tier: 0, id: 'maternal-subsidy', amount: '500.00', clause: '7.1' });
    expect(amounts(s)).toMatchObject({
      'basic-insurance': '1200.00',
      'supplementary-insurance': '80.00',
      'relief-funds': '0.00',
    });
    expect(s.personal).toBe('720.00');
    expect(s.target).toBeNull();
  });

  it('a delivery cheaper than the subsidy is paid by the subsidy alone', () => {
    const s = one(
      claim({ person: person('general'), visit: { kind: 'delivery', deliveryMode: 'vaginal' }, items: [A('300')] }),
    );
    expect(s.lines[0]!.amount).toBe('300.00');
    expect(s.personal).toBe('0.00');
  });

  it('a visit that is not a delivery has no tier-0 line', () => {
    const s = one(claim({ items: [A('100')] }));
    expect(s.lines.map((l) => l.tier)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('the year', () => {
  it('a special-outpatient yearly deductible is charged once across the year', () => {
    // Resident table 300 / 60%. Claim 1: S 200, all deductible. Claim 2: S 500, 100 left to deduct: 400 × 60% = 240.
    // Claim 3: S 100, no deductible: 60.
    const g = person('general');
    const so = { kind: 'special-outpatient' };
    const [s1, s2, s3] = seq([
      claim({ id: 'a', person: g, visit: so, items: [A('200')] }),
      claim({ id: 'b', person: g, visit: { ...so, discharged: '2017-07-01' }, items: [A('500')] }),
      claim({ id: 'c', person: g, visit: { ...so, discharged: '2017-08-01' }, items: [A('100')] }),
    ]);
    expect([s1, s2, s3].map((s) => amounts(s!)['basic-insurance'])).toEqual(['0.00', '240.00', '60.00']);
    expect(nonZero(s3!, 'basic-insurance.deductible.')).toEqual({
      'basic-insurance.deductible.special-outpatient-resident': '300.00',
    });
  });

  it('the general-outpatient annual cap of 300 is shared by the year’s visits', () => {
    const g = person('general');
    const go = { kind: 'general-outpatient' };
    const [s1, s2, s3] = seq([
      claim({ id: 'a', person: g, visit: go, items: [A('500')] }),
      claim({ id: 'b', person: g, visit: { ...go, discharged: '2017-07-01' }, items: [A('200')] }),
      claim({ id: 'c', person: g, visit: { ...go, discharged: '2017-08-01' }, items: [A('80')] }),
    ]);
    expect([s1, s2, s3].map((s) => amounts(s!)['basic-insurance'])).toEqual(['250.00', '50.00', '0.00']);
    expect(s2!.lines[1]!.explanation).toContain('年度最高支付限额剩余50.00元');
    expect(nonZero(s3!, 'basic-insurance.paid.')).toEqual({ 'basic-insurance.paid.general-outpatient': '300.00' });
  });

  it('a new calendar year starts a new ledger', () => {
    const [s1, s2] = seq([
      claim({ id: 'a', items: [A('1000')] }),
      claim({ id: 'b', visit: { discharged: '2018-01-02' }, items: [A('1000')] }),
    ]);
    expect(s1!.ledger.year).toBe(2017);
    expect(s2!.ledger).toMatchObject({ year: 2018, claims: 1 });
  });

  it('the basic, serious-illness and supplementary caps all bind on a million-yuan bill', () => {
    // General, out of province: basic min((1,000,000 − 1200) × 50%, 150,000) = 150,000; c = 850,000;
    // f(c) = 22,000 + 32,500 + 562,500 → cap 300,000; tier 4 10% of 550,000 → cap 50,000.
    const s = one(
      claim({
        person: person('general'),
        hospital: { level: 'provincial', area: 'other-province' },
        items: [A('1000000')],
      }),
    );
    expect(amounts(s)).toMatchObject({
      'basic-insurance': '150000.00',
      'serious-illness-insurance': '300000.00',
      'supplementary-insurance': '50000.00',
    });
    expect(s.personal).toBe('500000.00');
    expect(s.lines[2]!.explanation).toContain('年度最高支付限额剩余300000.00元');
  });
});

describe('the relief funds', () => {
  const c01 = claim({
    person: person('registered-poor', 'anyue', true),
    items: [A('3200'), A('5000', 'treatment'), { category: 'drug', catalog: 'B', amount: '800' }],
  });

  it('draw on the funds in order and, when all are dry, say the target was missed', () => {
    // As example 01: 24.00 remains for the relief funds; only 10 + 5 are left in them.
    const parsed = parseClaim(c01);
    if (!parsed.ok) throw new Error('claim');
    const r = settleClaim(parsed.value, {
      funds: {
        'emergency-relief': fen(1000),
        'charity-care': fen(0),
        'health-poverty-relief': fen(500),
        'major-disease-charity': fen(0),
      },
    });
    if (!r.ok) throw new Error('settle');
    const s = settlementToJson(r.value);
    expect(s.lines[7]).toMatchObject({
      amount: '15.00',
      funds: { 'emergency-relief': '10.00', 'health-poverty-relief': '5.00' },
    });
    expect(s.personal).toBe('9.00');
    expect(s.target).toEqual({ personalMax: '0.00', met: false });
    expect(s.lines[7]!.explanation).toContain('未能兜底');
    expect(r.value.funds).toEqual({
      'emergency-relief': 0,
      'charity-care': 0,
      'health-poverty-relief': 0,
      'major-disease-charity': 0,
    });
  });

  it('refuse a ledger of another person or year', () => {
    const parsed = parseClaim(c01);
    if (!parsed.ok) throw new Error('claim');
    const r = settleClaim(parsed.value, { ledger: emptyYearLedger('someone-else', 2017) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('ledger_mismatch');
  });
});
