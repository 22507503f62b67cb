/**
 * The `yearly-assistance` kind on its own (docs/policy-2022.md §2 tier 3): a row chosen by the
 * person's category gives a yearly deductible and a ratio on the parts it is on, within a yearly
 * limit; one deductible counter per person-year, whatever the row. What it pays at and one fen
 * past the deductible and the limit, what it takes and counts, what its line says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { YearlyAssistanceRaw } from '../../../src/kinds/yearly-assistance/schema.js';
import { yearlyAssistance } from '../../../src/kinds/yearly-assistance/yearly-assistance.js';
import type { FactBag } from '../../../src/rule-files/fact-catalog.js';
import { dated, expectLine, gate, is, tierOf, schemaProblems } from '../../support/kind-harness.js';
import { cases } from '../../support/helpers.js';

const RAW: YearlyAssistanceRaw = {
  of: ['S', 'Pb'],
  rows: {
    dibao: {
      ...gate(is('category', 'dibao')),
      label: '低保对象',
      labelEn: 'subsistence-allowance recipients',
      deductible: dated('100'),
      ratio: dated('0.7'),
    },
    others: { ...gate(is('protected', true)), label: '其他救助对象', deductible: dated('300'), ratio: dated('0.5') },
  },
  annualLimit: dated('1000', '医疗救助年度限额'),
};

const tier = tierOf(yearlyAssistance, RAW, { label: '医疗救助', labelEn: 'medical assistance' });

const DIBAO: FactBag = { category: 'dibao', protected: true };
const OTHER: FactBag = { category: 'orphan', protected: true };
const NOBODY: FactBag = { category: 'general', protected: false };

/** A claim whose base (S and Pb) is `base`, all of it in S, with 5.00 yuan of N beside it. */
const claim = (base: number, used = 0, paid = 0) => ({
  parts: [base, 0, 500, 0],
  counters: { deductible: used, paid },
});

describe('what yearly assistance pays', () => {
  it.each(
    cases([
      { name: 'nothing when the base equals the yearly deductible', base: 10000, pays: 0, charged: 10000 },
      { name: '70% of one fen, rounded up, one fen past it', base: 10001, pays: 1, charged: 10000 },
      { name: 'nothing below it, the whole base charged to it', base: 9999, pays: 0, charged: 9999 },
      { name: 'one fen past what earlier claims left of it', used: 4000, base: 6001, pays: 1, charged: 6000 },
      { name: '70% of the whole base once it was consumed', used: 10000, base: 1000, pays: 700, charged: 0 },
      {
        name: 'all the yearly limit leaves when the formula gives exactly that',
        base: 20000,
        paid: 93000,
        pays: 7000,
        charged: 10000,
      },
      { name: 'no more than the limit leaves, one fen short', base: 20000, paid: 93001, pays: 6999, charged: 10000 },
      { name: 'nothing once the limit is reached', base: 20000, paid: 100000, pays: 0, charged: 10000 },
      { name: 'nothing once the limit was passed', base: 20000, paid: 100001, pays: 0, charged: 10000 },
    ]),
  )('pays %s', (_, { base, used, paid, pays, charged }) => {
    const r = tier.run(claim(base, used, paid), DIBAO);
    expect(r.amount).toBe(pays);
    expect(r.counters).toEqual({ deductible: (used ?? 0) + charged, paid: (paid ?? 0) + pays });
    expect(r.detail).toMatchObject({ deductibleCharged: charged, deductibleDue: 10000 - (used ?? 0) });
  });

  it('chooses the first row whose condition holds', () => {
    expect(tier.decide(DIBAO)?.label).toBe('低保对象');
    expect(tier.decide(OTHER)?.label).toBe('其他救助对象');
    expect(tier.decide(NOBODY)).toBeUndefined();
    expect(tier.run(claim(40000), OTHER).amount).toBe(5000);
  });

  it('keeps one deductible per person-year, whatever the row: what one row consumed counts for the other', () => {
    const r = tier.run(claim(1000, 20000), DIBAO);
    expect(r.detail.deductibleDue).toBe(0);
    expect(r.amount).toBe(700);
    expect(r.counters.deductible).toBe(20000);
    expect(yearlyAssistance.counters(RAW)).toEqual(['deductible', 'paid']);
  });

  it('pays, takes and counts nothing for a person no row is for, and says so', () => {
    const r = tier.run(claim(20000, 3, 5), NOBODY);
    expect(r.amount).toBe(0);
    expect(r.counters).toEqual({ deductible: 3, paid: 5 });
    expect(r.parts).toEqual([20000, 0, 500, 0]);
    expect(r.detail).toEqual({
      kind: 'yearly-assistance',
      row: null,
      base: 20000,
      deductible: 0,
      deductibleDue: 0,
      deductibleCharged: 0,
      ratio: { units: 0, scale: 0 },
      computed: 0,
      limitLeft: 99995,
      limitLabel: '医疗救助年度限额',
    });
    expect(r.zh).toBe('没有适用于本人的医疗救助标准，本项支付0.00元。');
    expect(r.en).toBe('No medical assistance rule applies to this person; this payer pays 0.00 yuan.');
  });
});

describe('what yearly assistance takes', () => {
  it('takes what it pays from the parts it is on, in proportion, so the parts add up to what is left', () => {
    const r = tier.run({ parts: [10000, 10000, 500, 0] }, DIBAO);
    expect(r.amount).toBe(7000);
    expect(r.parts).toEqual([6500, 6500, 500, 0]);
    expect(r.remaining).toBe(20500 - 7000);
  });

  it('leaves the parts as they are when no later tier reads them', () => {
    const r = tierOf(yearlyAssistance, RAW, { partsReadLater: false }).run({ parts: [10000, 10000, 500, 0] }, DIBAO);
    expect(r.amount).toBe(7000);
    expect(r.parts).toEqual([10000, 10000, 500, 0]);
    expect(r.remaining).toBe(20500 - 7000);
  });

  it.each(
    cases([
      { name: 'at a hospital the tiers do not pay at', state: { settled: false } },
      { name: 'on a claim it does not apply to', state: { applies: false } },
    ]),
  )('pays, takes and counts nothing %s', (_, { state }) => {
    const r = tier.run({ ...claim(20000, 3, 5), ...state }, DIBAO);
    expect(r.amount).toBe(0);
    expect(r.parts).toEqual([20000, 0, 500, 0]);
    expect(r.counters).toEqual({ deductible: 3, paid: 5 });
  });
});

describe("a yearly-assistance line's detail, explanation and national-platform fields", () => {
  it('holds the row, the base, the deductible and what this claim paid of it, the ratio, the result and the limit left', () => {
    const r = tier.run(claim(20000, 4000, 1000), DIBAO);
    expect(r.detail).toEqual({
      kind: 'yearly-assistance',
      row: { label: '低保对象', labelEn: 'subsistence-allowance recipients' },
      base: 20000,
      deductible: 10000,
      deductibleDue: 6000,
      deductibleCharged: 6000,
      ratio: { units: 7, scale: 1 },
      computed: 9800,
      limitLeft: 99000,
      limitLabel: '医疗救助年度限额',
    });
    expectLine(r, {
      zh: '按低保对象标准，可救助的政策范围内费用200.00元，年度起付标准100.00元，本次扣除60.00元，救助比例70%，计98.00元，支付98.00元。',
      en: 'Under the rule for subsistence-allowance recipients, of 200.00 yuan in scope, with a yearly deductible of 100.00 yuan (60.00 yuan charged now) and a ratio of 70%, 98.00 yuan is due; pays 98.00 yuan.',
      base: 20000,
      limit: 99000,
    });
  });

  it('says the yearly limit bound, by its description or else as the yearly assistance limit', () => {
    const r = tier.run(claim(20000, 0, 93001), DIBAO);
    expect(r.zh).toContain('计70.00元，受医疗救助年度限额剩余69.99元限制，支付69.99元。');
    expect(r.en).toContain(
      '70.00 yuan is due, limited by the 69.99 yuan left of the yearly assistance limit; pays 69.99 yuan.',
    );
    const plain = tierOf(yearlyAssistance, { ...RAW, annualLimit: dated('1000') }).run(claim(20000, 0, 93001), DIBAO);
    expect(plain.detail.limitLabel).toBeNull();
    expect(plain.zh).toContain('，受年度救助限额剩余69.99元限制');
  });

  it('has no lint of its own: its schema checks all it needs', () => {
    expect(yearlyAssistance.lint).toBeUndefined();
  });
});

describe('a yearly-assistance tier file', () => {
  it('passes its schema as written here', () => {
    expect(schemaProblems(yearlyAssistance, RAW)).toEqual([]);
  });

  it('is refused without a row, or with a row assumed but not marked unverified', () => {
    expect(schemaProblems(yearlyAssistance, { ...RAW, rows: {} })).toEqual([
      { path: 'rows', message: 'needs at least one row' },
    ]);
    const dibao = { ...RAW.rows.dibao!, source: 'assumed' };
    expect(schemaProblems(yearlyAssistance, { ...RAW, rows: { dibao } })).toEqual([
      {
        path: 'rows.dibao.verified',
        message: 'an assumed value must say "verified": false until a region confirms it',
      },
    ]);
  });
});

describe('for any base, deductible consumed, limit used and person', () => {
  it('yearly assistance pays no more than its base, never a negative amount, never past its limit, and counts the deductible once', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(5_000_000), fc.nat(5_000_000), fc.nat(5_000_000)),
        fc.nat(40_000),
        fc.nat(120_000),
        fc.constantFrom(DIBAO, OTHER, NOBODY),
        ([S, Pb, N], used, paid, facts) => {
          const r = tier.run({ parts: [S, Pb, N, 0], counters: { deductible: used, paid } }, facts);
          const row = tier.decide(facts);
          expect(r.amount).toBeGreaterThanOrEqual(0);
          expect(r.amount).toBeLessThanOrEqual(S + Pb);
          expect(r.amount).toBeLessThanOrEqual(Math.max(0, 100000 - paid));
          const charged = row ? Math.min(S + Pb, Math.max(0, row.deductible - used)) : 0;
          expect(r.counters).toEqual({ deductible: used + charged, paid: paid + r.amount });
          expect(r.parts[2]).toBe(N);
          expect(r.parts.reduce((a, b) => a + b)).toBe(r.remaining);
        },
      ),
    );
  });
});
