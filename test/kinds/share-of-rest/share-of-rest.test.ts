/**
 * The `share-of-rest` kind on its own (docs/policy-2017.md §4 tiers 4–7): ratios of what is left,
 * each on its own parts and rounded on its own, within an optional annual cap; an adjustment adds
 * points to every ratio (never past 100%) or lifts the cap. What it pays at and one fen past the
 * cap, how a capped payment is split over the shares and their parts, what its line says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ShareOfRestRaw } from '../../../src/kinds/share-of-rest/schema.js';
import { shareOfRest } from '../../../src/kinds/share-of-rest/share-of-rest.js';
import type { FactBag } from '../../../src/rule-files/fact-catalog.js';
import {
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

const RAW: ShareOfRestRaw = {
  shares: {
    'in-scope': { of: ['S'], ratio: dated('0.1') },
    necessary: { of: ['Pb', 'N'], ratio: dated('0.8') },
  },
  annualCap: dated('500', '补充保险年度限额'),
  adjustments: {
    poverty: forProtected('0.1'),
    severe: {
      ...gate(is('category', 'severe')),
      who: '重度残疾人',
      whoEn: 'the severely disabled',
      ratioAdd: dated('0.3'),
    },
    orphans: UNCAPPED_FOR_ORPHANS,
  },
};

const tier = tierOf(shareOfRest, RAW, { label: '补充保险', labelEn: 'supplementary insurance' });
const ONE_SHARE: ShareOfRestRaw = { shares: { 'in-scope': { of: ['S'], ratio: dated('0.1') } } };
const single = tierOf(shareOfRest, ONE_SHARE);

const ANYONE: FactBag = {};
const PROTECTED: FactBag = { protected: true };
const SEVERE: FactBag = { category: 'severe' };
const ORPHAN: FactBag = { category: 'orphan' };

describe('what a share of the rest pays', () => {
  it.each(
    cases([
      { name: 'a share of each share’s parts', parts: [100000, 10000, 40000, 300], pays: 10000 + 40000 },
      { name: 'each share rounded on its own (0.5 and 1.6 fen make 3 fen, not 2)', parts: [5, 0, 2, 0], pays: 3 },
      { name: 'nothing of a part no share is on', parts: [0, 0, 0, 99999], pays: 0 },
      {
        name: 'all the cap leaves when the shares give exactly that',
        parts: [100000, 10000, 40000, 0],
        paid: 0,
        pays: 50000,
      },
      { name: 'no more than the cap leaves, one fen short', parts: [100000, 10000, 40000, 0], paid: 1, pays: 49999 },
      { name: 'nothing once the cap is reached', parts: [100000, 10000, 40000, 0], paid: 50000, pays: 0 },
      { name: 'nothing when the cap was passed already', parts: [100000, 10000, 40000, 0], paid: 50001, pays: 0 },
    ]),
  )('pays %s', (_, { parts, paid, pays }) => {
    const r = tier.run({ parts, counters: { paid: paid ?? 0 } }, ANYONE);
    expect(r.amount).toBe(pays);
    expect(r.counters).toEqual({ paid: (paid ?? 0) + pays });
  });

  it.each(
    cases([
      { name: 'a protected person 10 points more on every share', facts: PROTECTED, pays: 2000 + 4500 },
      { name: 'a severely disabled person 30 points more, but never more than 100%', facts: SEVERE, pays: 4000 + 5000 },
    ]),
  )('pays %s', (_, { facts, pays }) => {
    expect(tier.run({ parts: [10000, 1000, 4000, 0] }, facts).amount).toBe(pays);
  });

  it('pays an orphan past the cap (the adjustment lifts it), and counts it', () => {
    const r = tier.run({ parts: [100000, 10000, 40000, 0], counters: { paid: 50000 } }, ORPHAN);
    expect(r.amount).toBe(50000);
    expect(r.counters).toEqual({ paid: 100000 });
    expect(r.detail.capLeft).toBeNull();
    expect(r.limit).toBe(50000);
  });

  it('has no cap and keeps no counter when its tier file gives no annual cap', () => {
    expect(shareOfRest.counters(ONE_SHARE)).toEqual([]);
    expect(shareOfRest.counters(RAW)).toEqual(['paid']);
    expect(single.params.paidCounter).toBe(-1);
    const r = single.run({ parts: [12345, 0, 0, 0] });
    expect(r.amount).toBe(1235);
    expect(r.detail.capLeft).toBeNull();
    expect(r.limit).toBe(1235);
  });
});

describe('what a share of the rest takes', () => {
  it('takes each share from its own parts, in proportion, so the parts still add up to what is left', () => {
    const r = tier.run({ parts: [10000, 1000, 4000, 300] }, ANYONE);
    expect(r.amount).toBe(1000 + 4000);
    expect(r.parts).toEqual([9000, 200, 800, 300]);
    expect(r.remaining).toBe(15300 - 5000);
  });

  it('splits a capped payment over the shares by largest remainder, then over each share’s parts', () => {
    // 49999 over the shares' 10000 and 40000: 9999.8 and 39999.2, the leftover fen to the first;
    // the second's 39999 over Pb 10000 and N 40000: 7999.8 and 31999.2, the leftover fen to Pb.
    const r = tier.run({ parts: [100000, 10000, 40000, 300], counters: { paid: 1 } }, ANYONE);
    expect(r.amount).toBe(49999);
    expect(r.parts).toEqual([100000 - 10000, 10000 - 8000, 40000 - 31999, 300]);
    expect(r.parts.reduce((a, b) => a + b)).toBe(r.remaining);
  });

  it('splits a capped payment over as many shares as there are parts, one on each, ties to the earlier share', () => {
    const FOUR: ShareOfRestRaw = {
      shares: {
        'in-scope': { of: ['S'], ratio: dated('0.1') },
        'b-self-pay': { of: ['Pb'], ratio: dated('0.1') },
        necessary: { of: ['N'], ratio: dated('0.1') },
        other: { of: ['O'], ratio: dated('0.1') },
      },
      annualCap: dated('30'),
    };
    expect(lintOf(shareOfRest, FOUR)).toEqual([]);
    // 2999 left of the cap over four shares of 1000: 749.75 each, the three leftover fen to the first three.
    const r = tierOf(shareOfRest, FOUR).run({ parts: [10000, 10000, 10000, 10000], counters: { paid: 1 } });
    expect(r.amount).toBe(2999);
    expect(r.parts).toEqual([9250, 9250, 9250, 9251]);
    expect(r.detail.shares.map((sh) => sh.computed)).toEqual([1000, 1000, 1000, 1000]);
  });

  it('leaves the parts as they are when no later tier reads them', () => {
    const last = tierOf(shareOfRest, RAW, { partsReadLater: false });
    const r = last.run({ parts: [10000, 1000, 4000, 300] }, ANYONE);
    expect(r.amount).toBe(5000);
    expect(r.parts).toEqual([10000, 1000, 4000, 300]);
    expect(r.remaining).toBe(10300);
  });

  it.each(
    cases([
      { name: 'at a hospital the tiers do not pay at', state: { settled: false } },
      { name: 'on a claim it does not apply to', state: { applies: false } },
    ]),
  )('pays, takes and counts nothing %s', (_, { state }) => {
    const r = tier.run({ parts: [10000, 1000, 4000, 300], counters: { paid: 7 }, ...state }, ANYONE);
    expect(r.amount).toBe(0);
    expect(r.parts).toEqual([10000, 1000, 4000, 300]);
    expect(r.counters).toEqual({ paid: 7 });
  });
});

describe("a share-of-rest line's detail, explanation and national-platform fields", () => {
  it('holds each share’s parts, base, ratio and result, the total and the cap left', () => {
    const r = tier.run({ parts: [100000, 10000, 40000, 300], counters: { paid: 1000 } }, ANYONE);
    expect(r.detail).toEqual({
      kind: 'share-of-rest',
      shares: [
        { parts: [{ part: 'S', amount: 100000 }], base: 100000, ratio: { units: 1, scale: 1 }, computed: 10000 },
        {
          parts: [
            { part: 'Pb', amount: 10000 },
            { part: 'N', amount: 40000 },
          ],
          base: 50000,
          ratio: { units: 8, scale: 1 },
          computed: 40000,
        },
      ],
      computed: 50000,
      capLeft: 49000,
      capLabel: '补充保险年度限额',
      adjustment: null,
    });
    expectLine(r, {
      zh: '剩余政策范围内费用1000.00元按10%计100.00元，乙类先行自付费用100.00元、目录外临床必需费用400.00元，合计500.00元按80%计400.00元，合计500.00元，受补充保险年度限额剩余490.00元限制，支付490.00元。',
      en: '10% of 1000.00 yuan of in-scope cost left is 100.00 yuan; 80% of 500.00 yuan (100.00 yuan of class-B self-pay share, 400.00 yuan of necessary out-of-catalog cost) is 400.00 yuan, 500.00 yuan in all, limited by the 490.00 yuan left of the annual limit; pays 490.00 yuan.',
      base: 150000,
      limit: 49000,
    });
  });

  it('says one share in one sentence, without a total, and does not mention a cap that did not bind', () => {
    const r = single.run({ parts: [12345, 0, 0, 0] });
    expect(r.zh).toBe('剩余政策范围内费用123.45元按10%计12.35元，支付12.35元。');
    expect(r.en).toBe('10% of 123.45 yuan of in-scope cost left is 12.35 yuan; pays 12.35 yuan.');
  });

  it('names a cap without a description the annual limit', () => {
    const plain = tierOf(shareOfRest, { ...RAW, annualCap: dated('500') });
    const r = plain.run({ parts: [100000, 10000, 40000, 0], counters: { paid: 1000 } });
    expect(r.detail.capLabel).toBeNull();
    expect(r.zh).toContain('，受年度限额剩余490.00元限制');
  });

  it('says how an adjustment raised the ratios', () => {
    const r = tier.run({ parts: [10000, 1000, 4000, 0] }, PROTECTED);
    expect(r.detail.adjustment).toEqual({
      who: '保障对象',
      whoEn: 'protected persons',
      standardDeductible: null,
      deductibleFactor: null,
      ratioAdd: { units: 1, scale: 1 },
      uncapped: false,
    });
    expect(r.detail.shares.map((s) => s.ratio)).toEqual([
      { units: 2, scale: 1 },
      { units: 9, scale: 1 },
    ]);
    expect(r.zh).toContain('剩余政策范围内费用100.00元按20%（保障对象提高10个百分点）计20.00元');
    expect(r.en).toContain(
      '20% (raised 10 points for protected persons) of 100.00 yuan of in-scope cost left is 20.00 yuan',
    );
  });
});

describe("what a share-of-rest tier's lint reports", () => {
  it('a part in two shares, where it is written the second time', () => {
    const raw: ShareOfRestRaw = {
      shares: { a: { of: ['S', 'N'], ratio: dated('0.1') }, b: { of: ['N', 'O'], ratio: dated('0.2') } },
    };
    expect(lintOf(shareOfRest, raw)).toEqual([
      { path: 'shares.b.of.0', message: 'part N is already in another share of this tier' },
    ]);
  });

  it('nothing when every part is in one share at most', () => {
    expect(lintOf(shareOfRest, RAW)).toEqual([]);
  });
});

describe('a share-of-rest tier file', () => {
  it('passes its schema as written here', () => {
    expect(schemaProblems(shareOfRest, RAW)).toEqual([]);
  });

  it('is refused without a share', () => {
    expect(schemaProblems(shareOfRest, { ...RAW, shares: {} })).toEqual([
      { path: 'shares', message: 'needs at least one share' },
    ]);
  });
});

describe('for any parts, cap used and person', () => {
  it('a share of the rest pays no more than its parts hold, never a negative amount, never past its cap, and the parts add up to what is left', () => {
    const part = fc.nat(5_000_000);
    fc.assert(
      fc.property(
        fc.tuple(part, part, part, part),
        fc.nat(60_000),
        fc.constantFrom(ANYONE, PROTECTED, SEVERE, ORPHAN),
        (parts, paid, facts) => {
          const r = tier.run({ parts, counters: { paid } }, facts);
          expect(r.amount).toBeGreaterThanOrEqual(0);
          expect(r.amount).toBeLessThanOrEqual(parts[0] + parts[1] + parts[2]);
          if (facts !== ORPHAN) expect(r.amount).toBeLessThanOrEqual(Math.max(0, 50000 - paid));
          else expect(r.amount).toBe(r.detail.computed);
          expect(r.counters).toEqual({ paid: paid + r.amount });
          expect(r.parts[3]).toBe(parts[3]);
          r.parts.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(parts[i]!);
          });
          expect(r.parts.reduce((a, b) => a + b)).toBe(r.remaining);
        },
      ),
    );
  });
});
