/**
 * The `table` kind on its own (docs/policy-2017.md §4 tier 2): a row chosen by the claim's facts
 * gives a deductible and a ratio on the in-scope cost S, within the annual cap of the row's pool;
 * an adjustment halves the deductible and adds points for protected persons, or lifts the cap.
 * What it pays at and one fen past each bound, what it takes and counts, what its line says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableRaw, TableRowSpec } from '../../../src/kinds/table/schema.js';
import { table } from '../../../src/kinds/table/table.js';
import type { FactBag } from '../../../src/rule-files/fact-catalog.js';
import {
  type ClaimState,
  dated,
  expectLine,
  forProtected,
  gate,
  is,
  lintOf,
  tierOf,
  UNCAPPED_FOR_ORPHANS,
  schemaProblems,
} from '../../support/kind-harness.js';
import { cases } from '../../support/helpers.js';

const row = (r: Partial<TableRowSpec> & Pick<TableRowSpec, 'when' | 'label'>): TableRowSpec => ({
  ...gate(r.when),
  deductibleBasis: 'per-claim',
  capPool: 'basic',
  adjustable: true,
  deductible: dated('400'),
  ratio: dated('0.8'),
  ...r,
});

const RAW: TableRaw = {
  rows: {
    'general-outpatient': row({
      label: '普通门诊',
      labelEn: 'general outpatient',
      when: is('visitKind', 'general-outpatient'),
      deductibleBasis: 'per-year',
      capPool: 'outpatient',
      deductible: dated('100'),
      ratio: dated('0.5'),
    }),
    'special-employee': row({
      label: '特殊疾病门诊（职工办法）',
      when: { all: [is('visitKind', 'special-outpatient'), is('protected', true)] },
      deductibleBasis: 'per-year',
      adjustable: false,
      deductible: dated('200'),
      ratio: dated('0.9'),
    }),
    county: row({ label: '县级医疗机构', labelEn: 'county hospital', when: is('level', 'county') }),
  },
  caps: { basic: dated('1000'), outpatient: dated('300') },
  adjustments: { poverty: forProtected('0.05', '0.5'), orphans: UNCAPPED_FOR_ORPHANS },
};

const tier = tierOf(table, RAW, { label: '基本医疗保险', labelEn: 'basic medical insurance' });

const COUNTY: FactBag = { level: 'county', visitKind: 'inpatient' };
const PROTECTED: FactBag = { ...COUNTY, protected: true };
const ORPHAN: FactBag = { ...COUNTY, category: 'orphan' };
const OUTPATIENT: FactBag = { level: 'county', visitKind: 'general-outpatient' };
const SPECIAL_PROTECTED: FactBag = { level: 'county', visitKind: 'special-outpatient', protected: true };

/** A claim whose in-scope cost is `S`, with 1.00, 2.00 and 3.00 yuan of Pb, N and O beside it. */
const claim = (S: number, counters: Record<string, number> = {}): ClaimState => ({
  parts: [S, 100, 200, 300],
  counters,
});

describe('what a table pays', () => {
  it.each(
    cases([
      { name: 'nothing when the in-scope cost equals a per-admission deductible', facts: COUNTY, S: 40000, pays: 0 },
      { name: '80% of one fen, rounded up, one fen past the deductible', facts: COUNTY, S: 40001, pays: 1 },
      { name: 'nothing when the in-scope cost is below the deductible', facts: COUNTY, S: 39999, pays: 0 },
      { name: '80% of what lies above the deductible', facts: COUNTY, S: 140000, pays: 80000 },
      { name: 'half-up to the fen', facts: COUNTY, S: 40003, pays: 2 },
      {
        name: 'all the cap leaves when the formula gives exactly that',
        facts: COUNTY,
        S: 65000,
        paid: 80000,
        pays: 20000,
      },
      {
        name: 'no more than the cap leaves, one fen short of the formula',
        facts: COUNTY,
        S: 65000,
        paid: 80001,
        pays: 19999,
      },
      { name: 'nothing once the cap is reached', facts: COUNTY, S: 65000, paid: 100000, pays: 0 },
      { name: 'nothing when the cap was passed already', facts: COUNTY, S: 65000, paid: 100001, pays: 0 },
      {
        name: 'to a protected person, 85% above half the deductible',
        facts: PROTECTED,
        S: 120000,
        pays: 85000,
      },
      { name: 'to a protected person, nothing at half the deductible', facts: PROTECTED, S: 20000, pays: 0 },
      { name: 'to a protected person, 85% of one fen one fen past it', facts: PROTECTED, S: 20001, pays: 1 },
      {
        name: 'to a protected person on a row that is not adjustable, the row as written',
        facts: SPECIAL_PROTECTED,
        S: 30000,
        pays: 9000,
      },
      {
        name: 'to an orphan, past the cap (the adjustment lifts it)',
        facts: ORPHAN,
        S: 140000,
        paid: 100000,
        pays: 80000,
      },
    ]),
  )('pays %s', (_, { facts, S, paid, pays }) => {
    const r = tier.run(claim(S, { 'paid.basic': paid ?? 0 }), facts);
    expect(r.amount).toBe(pays);
    expect(r.counters['paid.basic']).toBe((paid ?? 0) + pays);
  });

  it('picks the first row whose condition holds, in the order written', () => {
    expect(tier.decide(OUTPATIENT).row?.id).toBe('general-outpatient');
    expect(tier.decide(COUNTY).row?.id).toBe('county');
    expect(tier.decide(SPECIAL_PROTECTED).row?.id).toBe('special-employee');
    expect(tier.decide({ level: 'township' }).row).toBeUndefined();
  });

  it('applies the first adjustment that holds, and only on an adjustable row', () => {
    expect(tier.decide(PROTECTED).adjustment).toBe(0);
    expect(tier.decide({ ...PROTECTED, category: 'orphan' }).adjustment).toBe(0);
    expect(tier.decide(ORPHAN).adjustment).toBe(1);
    expect(tier.decide(COUNTY).adjustment).toBe(-1);
    expect(tier.decide(SPECIAL_PROTECTED).adjustment).toBe(-1);
  });

  it('resolves an adjusted row: the deductible times the factor, the ratio plus the points', () => {
    const county = tier.params.rows[2]!;
    expect(county).toMatchObject({ deductible: 40000, cap: 100000, perYear: false, deductibleCounter: -1 });
    expect(county.adjusted).toEqual([
      { deductible: 20000, ratio: { units: 85, scale: 2 } },
      { deductible: 40000, ratio: { units: 8, scale: 1 } },
    ]);
  });
});

describe('a yearly deductible', () => {
  it.each(
    cases([
      { name: 'is charged whole on the first claim that reaches it', used: 0, S: 10000, pays: 0, usedAfter: 10000 },
      { name: 'is charged only for what is left of it', used: 4000, S: 6000, pays: 0, usedAfter: 10000 },
      { name: 'lets the tier pay one fen past what is left of it', used: 4000, S: 6001, pays: 1, usedAfter: 10000 },
      { name: 'is not charged again once consumed', used: 10000, S: 100, pays: 50, usedAfter: 10000 },
      { name: 'is consumed by the whole cost when it is smaller', used: 0, S: 2500, pays: 0, usedAfter: 2500 },
    ]),
  )('%s', (_, { used, S, pays, usedAfter }) => {
    const r = tier.run(claim(S, { 'deductible.general-outpatient': used }), OUTPATIENT);
    expect(r.amount).toBe(pays);
    expect(r.counters['deductible.general-outpatient']).toBe(usedAfter);
    expect(r.counters['paid.outpatient']).toBe(pays);
    expect(r.counters['paid.basic']).toBe(0);
    expect(r.detail.deductibleCharged).toBe(usedAfter - used);
    expect(r.detail.deductibleDue).toBe(10000 - used);
  });

  it('keeps one counter per row, and a per-admission row none', () => {
    expect(table.counters(RAW)).toEqual([
      'paid.basic',
      'paid.outpatient',
      'deductible.general-outpatient',
      'deductible.special-employee',
    ]);
    const r = tier.run(claim(140000, { 'deductible.general-outpatient': 7 }), COUNTY);
    expect(r.counters).toMatchObject({ 'deductible.general-outpatient': 7, 'deductible.special-employee': 0 });
  });

  it('adds up over the claims of a year to the deductible once, whatever the split', () => {
    let counters: Record<string, number> = {};
    let paid = 0;
    for (const S of [3000, 3000, 3000, 3000]) {
      const r = tier.run(claim(S, counters), OUTPATIENT);
      counters = { ...r.counters };
      paid += r.amount;
    }
    expect(counters['deductible.general-outpatient']).toBe(10000);
    expect(paid).toBe(1000); // half of the 20.00 yuan above the deductible
  });
});

describe('what a table takes and writes', () => {
  it('takes what it pays from S alone, so the parts still add up to what is left', () => {
    const r = tier.run(claim(140000), COUNTY);
    expect(r.parts).toEqual([60000, 100, 200, 300]);
    expect(r.available).toBe(140600);
    expect(r.remaining).toBe(140600 - 80000);
    expect(r.parts.reduce((a, b) => a + b)).toBe(r.remaining);
  });

  it('pays nothing, takes nothing and counts nothing at a hospital the tiers do not pay at', () => {
    const r = tier.run({ ...claim(140000, { 'paid.basic': 5 }), settled: false }, COUNTY);
    expect(r.amount).toBe(0);
    expect(r.parts).toEqual([140000, 100, 200, 300]);
    expect(r.remaining).toBe(140600);
    expect(r.available).toBe(140600);
    expect(r.counters['paid.basic']).toBe(5);
  });

  it('pays nothing, takes nothing and counts nothing when it does not apply', () => {
    const r = tier.run({ ...claim(140000, { 'deductible.general-outpatient': 3 }), applies: false }, OUTPATIENT);
    expect(r.amount).toBe(0);
    expect(r.parts[0]).toBe(140000);
    expect(r.counters['deductible.general-outpatient']).toBe(3);
  });

  it('pays nothing and counts nothing when no row applies, and says so', () => {
    const r = tier.run(claim(140000, { 'paid.basic': 5 }), { level: 'township' });
    expect(r.amount).toBe(0);
    expect(r.parts[0]).toBe(140000);
    expect(r.counters['paid.basic']).toBe(5);
    expect(r.detail).toEqual({
      kind: 'table',
      row: null,
      inScope: 140000,
      deductible: 0,
      deductibleDue: 0,
      deductibleCharged: 0,
      perYear: false,
      ratio: { units: 0, scale: 0 },
      computed: 0,
      capLeft: null,
      adjustment: null,
    });
    expectLine(r, {
      zh: '没有适用于本次就诊的基本医疗保险标准，本项支付0.00元。',
      en: 'No basic medical insurance table applies to this visit; this payer pays 0.00 yuan.',
      base: 140000,
      limit: 0,
    });
  });
});

describe("a table line's detail, explanation and national-platform fields", () => {
  it('holds the row, the in-scope cost, the deductible, the ratio, what the formula gave and the cap left', () => {
    const r = tier.run(claim(140000, { 'paid.basic': 1 }), COUNTY);
    expect(r.detail).toEqual({
      kind: 'table',
      row: { label: '县级医疗机构', labelEn: 'county hospital' },
      inScope: 140000,
      deductible: 40000,
      deductibleDue: 40000,
      deductibleCharged: 40000,
      perYear: false,
      ratio: { units: 8, scale: 1 },
      computed: 80000,
      capLeft: 99999,
      adjustment: null,
    });
    expectLine(r, {
      zh: '按县级医疗机构标准，政策范围内费用1400.00元，本次起付线400.00元，报销比例80%，计800.00元，支付800.00元。',
      en: 'Under the county hospital table, of 1400.00 yuan in scope, with a per-admission deductible of 400.00 yuan and a ratio of 80%, 800.00 yuan is due; pays 800.00 yuan.',
      base: 140000,
      limit: 99999,
    });
    expect(table.deductibleCharged?.(r.detail)).toBe(40000);
  });

  it('says the cap limited the payment, and by how much was left of it', () => {
    const r = tier.run(claim(65000, { 'paid.basic': 80001 }), COUNTY);
    expect(r.detail).toMatchObject({ computed: 20000, capLeft: 19999 });
    expect(r.zh).toContain('计200.00元，受年度最高支付限额剩余199.99元限制，支付199.99元。');
    expect(r.en).toContain('200.00 yuan is due, limited by the 199.99 yuan left of the annual cap; pays 199.99 yuan.');
    expect(r.limit).toBe(19999);
  });

  it('does not mention the cap when the cap left equals what the formula gave', () => {
    const r = tier.run(claim(65000, { 'paid.basic': 80000 }), COUNTY);
    expect(r.zh).not.toContain('限制');
    expect(r.en).not.toContain('limited');
  });

  it('names a yearly deductible and what this claim paid of it', () => {
    const r = tier.run(claim(6001, { 'deductible.general-outpatient': 4000 }), OUTPATIENT);
    expect(r.detail).toMatchObject({ perYear: true, deductible: 10000, deductibleDue: 6000, deductibleCharged: 6000 });
    expect(r.zh).toContain('年度起付线100.00元，本次扣除60.00元，报销比例50%');
    expect(r.en).toContain('with a yearly deductible of 100.00 yuan (60.00 yuan charged now) and a ratio of 50%');
    expect(table.deductibleCharged?.(r.detail)).toBe(6000);
  });

  it('says how an adjustment lowered the deductible and raised the ratio', () => {
    const r = tier.run(claim(120000), PROTECTED);
    expect(r.detail).toMatchObject({
      deductible: 20000,
      ratio: { units: 85, scale: 2 },
      adjustment: {
        who: '保障对象',
        whoEn: 'protected persons',
        standardDeductible: 40000,
        deductibleFactor: { units: 5, scale: 1 },
        ratioAdd: { units: 5, scale: 2 },
        uncapped: false,
      },
    });
    expect(r.zh).toBe(
      '按县级医疗机构标准，政策范围内费用1200.00元，本次起付线200.00元（保障对象按标准400.00元的50%计），报销比例85%（保障对象提高5个百分点），计850.00元，支付850.00元。',
    );
    expect(r.en).toBe(
      'Under the county hospital table, of 1200.00 yuan in scope, with a per-admission deductible of 200.00 yuan (for protected persons, 50% of the standard 400.00 yuan) and a ratio of 85% (raised 5 points for protected persons), 850.00 yuan is due; pays 850.00 yuan.',
    );
  });

  it('shows no cap left for a person the cap does not bind, and reports the formula as the limit', () => {
    const r = tier.run(claim(140000, { 'paid.basic': 100000 }), ORPHAN);
    expect(r.detail.capLeft).toBeNull();
    expect(r.detail.adjustment).toMatchObject({ uncapped: true, standardDeductible: null });
    expect(r.limit).toBe(80000);
    expect(r.zh).not.toContain('限制');
  });
});

describe("what a table's lint reports", () => {
  it('a row whose cap pool has no cap', () => {
    const raw: TableRaw = { ...RAW, caps: { basic: dated('1000') } };
    expect(lintOf(table, raw)).toEqual([
      { path: 'rows.general-outpatient.capPool', message: 'cap pool "outpatient" has no entry in caps' },
    ]);
  });

  it('a cap below the deductible of a row that pays from it, at the cap and date', () => {
    const raw: TableRaw = {
      ...RAW,
      caps: {
        basic: { source: 'seed', values: { '2020-01-01': '1000', '2021-01-01': '399.99' } },
        outpatient: dated('300'),
      },
    };
    expect(lintOf(table, raw)).toEqual([
      {
        path: 'caps.basic.values.2021-01-01',
        message: 'annual cap 399.99 is below the deductible 400 of row "county"',
      },
    ]);
  });

  it('a deductible raised later above the cap it pays from, at the deductible and date', () => {
    const county = RAW.rows.county!;
    const raw: TableRaw = {
      ...RAW,
      rows: {
        ...RAW.rows,
        county: { ...county, deductible: { source: 'seed', values: { '2020-01-01': '400', '2021-01-01': '1000.01' } } },
      },
    };
    expect(lintOf(table, raw)).toEqual([
      {
        path: 'rows.county.deductible.values.2021-01-01',
        message: 'annual cap 1000 is below the deductible 1000.01 of row "county"',
      },
    ]);
  });

  it('nothing for a cap equal to the deductible, or for the rule set as written', () => {
    expect(lintOf(table, RAW)).toEqual([]);
    expect(lintOf(table, { ...RAW, caps: { basic: dated('400'), outpatient: dated('100') } })).toEqual([]);
  });
});

describe("a table's tier file", () => {
  it('passes its schema as written here', () => {
    expect(schemaProblems(table, RAW)).toEqual([]);
  });

  it('is refused with a deductible basis other than per claim or per year', () => {
    const county = { ...RAW.rows.county!, deductibleBasis: 'per-month' };
    expect(schemaProblems(table, { ...RAW, rows: { county } })).toEqual([
      { path: 'rows.county.deductibleBasis', message: 'Invalid option: expected one of "per-claim"|"per-year"' },
    ]);
  });

  it('is refused with an assumed row not marked unverified', () => {
    const county = { ...RAW.rows.county!, source: 'assumed' };
    expect(schemaProblems(table, { ...RAW, rows: { county } })).toEqual([
      {
        path: 'rows.county.verified',
        message: 'an assumed value must say "verified": false until a region confirms it',
      },
    ]);
  });
});

describe('for any in-scope cost, counters and person', () => {
  const factsArb = fc.constantFrom(COUNTY, PROTECTED, ORPHAN, OUTPATIENT, SPECIAL_PROTECTED, { level: 'township' });
  const stateArb = fc.record({
    S: fc.integer({ min: 0, max: 50_000_000 }),
    others: fc.tuple(fc.nat(1_000_000), fc.nat(1_000_000), fc.nat(1_000_000)),
    paidBasic: fc.nat(200_000),
    paidOutpatient: fc.nat(60_000),
    used: fc.nat(10_000),
  });
  it('a table pays no more than S, never a negative amount, never past its cap, and the parts add up to what is left', () => {
    fc.assert(
      fc.property(stateArb, factsArb, ({ S, others, paidBasic, paidOutpatient, used }, facts) => {
        const counters = {
          'paid.basic': paidBasic,
          'paid.outpatient': paidOutpatient,
          'deductible.general-outpatient': used,
        };
        const r = tier.run({ parts: [S, ...others], counters }, facts);
        const d = tier.decide(facts);
        expect(r.amount).toBeGreaterThanOrEqual(0);
        expect(r.amount).toBeLessThanOrEqual(S);
        expect(r.amount).toBeLessThanOrEqual(r.detail.computed);
        if (d.row) {
          const pool = tier.counterNames[d.row.paidCounter]!;
          const before = counters[pool as keyof typeof counters];
          if (d.adjustment !== 1) expect(r.amount).toBeLessThanOrEqual(Math.max(0, d.row.cap - before));
          expect(r.counters[pool]).toBe(before + r.amount);
        }
        expect(r.parts).toEqual([S - r.amount, ...others]);
        expect(r.parts.reduce((a, b) => a + b)).toBe(r.remaining);
        expect(r.zh).toContain(`支付${(r.amount / 100).toFixed(2)}元。`);
      }),
    );
  });
});
