/**
 * The `brackets` kind on its own (docs/policy-2017.md §4 tier 3, docs/policy-2022.md §2 tiers 2
 * and 4): cumulative brackets on the year's burden, from a deductible, within an annual cap; an
 * adjustment halves the deductible and raises every ratio, or lifts the cap. What it pays at and
 * one fen past the deductible, each bound and the cap, what it takes and counts, what its line says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brackets } from '../../../src/kinds/brackets/brackets.js';
import { type Schedule, bracketsAmount } from '../../../src/kinds/brackets/params.js';
import type { BracketsRaw } from '../../../src/kinds/brackets/schema.js';
import { type Fen, fen } from '../../../src/money/fen.js';
import { applyRatios, parseRatio } from '../../../src/money/ratio.js';
import type { FactBag } from '../../../src/rule-files/fact-catalog.js';
import {
  dated,
  expectLine,
  forProtected,
  lintOf,
  tierOf,
  UNCAPPED_FOR_ORPHANS,
  schemaProblems,
} from '../../support/kind-harness.js';
import { cases } from '../../support/helpers.js';

const BRACKETS = [
  { upTo: '500', ratio: '0.5' },
  { upTo: '1000', ratio: '0.6' },
  { upTo: null, ratio: '0.7' },
];

const RAW: BracketsRaw = {
  deductible: dated('100'),
  brackets: dated(BRACKETS),
  annualCap: dated('600', '大病保险年度最高支付限额'),
  adjustments: { poverty: forProtected('0.1', '0.5'), orphans: UNCAPPED_FOR_ORPHANS },
};

const tier = tierOf(brackets, RAW, { label: '大病保险', labelEn: 'serious-illness insurance' });

const ANYONE: FactBag = {};
const PROTECTED: FactBag = { protected: true };
const ORPHAN: FactBag = { category: 'orphan' };

/** A claim whose in-scope cost left is `base`, after `before` of the year's burden and `paid` of its cap. */
const claim = (base: number, before = 0, paid = 0) => ({
  parts: [base, 100, 200, 300],
  counters: { burden: before, paid },
});

describe('what the brackets pay', () => {
  it.each(
    cases([
      { name: 'nothing when the burden reaches the deductible exactly', base: 10000, pays: 0 },
      { name: 'half of one fen, rounded up, one fen past the deductible', base: 10001, pays: 1 },
      { name: '50% up to the first bound', base: 50000, pays: 20000 },
      { name: '60% one fen past the first bound', base: 50001, pays: 20001 },
      { name: '60% up to the second bound', base: 100000, pays: 50000 },
      { name: '70% one fen past the last bound (the last bracket is open)', base: 100001, pays: 50001 },
      {
        name: 'the brackets of the whole burden less those of the burden before',
        before: 30000,
        base: 30000,
        pays: 16000,
      },
      { name: 'at the next bracket’s ratio once the burden before passed a bound', before: 50000, base: 1, pays: 1 },
      {
        name: 'so that the year rounds once: nothing for a fen whose half was paid already',
        before: 10001,
        base: 1,
        pays: 0,
      },
      { name: 'all the cap leaves when the brackets give exactly that', base: 100000, paid: 10000, pays: 50000 },
      { name: 'no more than the cap leaves, one fen short', base: 100000, paid: 10001, pays: 49999 },
      { name: 'nothing once the cap is reached', base: 100000, paid: 60000, pays: 0 },
      { name: 'nothing past the cap already passed', base: 100000, paid: 60001, pays: 0 },
    ]),
  )('pay %s', (_, { base, before, paid, pays }) => {
    const r = tier.run(claim(base, before, paid), ANYONE);
    expect(r.amount).toBe(pays);
    expect(r.counters).toEqual({ burden: (before ?? 0) + base, paid: (paid ?? 0) + pays });
  });

  it.each(
    cases([
      { name: 'nothing at half the deductible', base: 5000, pays: 0 },
      { name: '60% of one fen one fen past half the deductible', base: 5001, pays: 1 },
      { name: 'every ratio raised 10 points', base: 50000, pays: 27000 },
    ]),
  )('pay a protected person %s', (_, { base, pays }) => {
    expect(tier.run(claim(base), PROTECTED).amount).toBe(pays);
  });

  it('pay an orphan past the cap (the adjustment lifts it), and count it', () => {
    const r = tier.run(claim(100000, 0, 60000), ORPHAN);
    expect(r.amount).toBe(50000);
    expect(r.counters.paid).toBe(110000);
  });

  it('pay, over the claims of a year, round(f) of the final burden whatever the split, while no cap binds', () => {
    const year = (bases: number[]) => {
      let counters = { burden: 0, paid: 0 };
      let total = 0;
      for (const b of bases) {
        const r = tier.run({ parts: [b, 0, 0, 0], counters });
        counters = { burden: r.counters.burden!, paid: r.counters.paid! };
        total += r.amount;
      }
      return total;
    };
    expect(year([10001, 1, 1, 1])).toBe(2); // round(f(10004)) = round(2.0)
    expect(year([10004])).toBe(2);
    expect(year([33333, 33333, 33334])).toBe(year([100000]));
  });

  it('never pay more than the base, even with a bracket above 100% (which the schema refuses)', () => {
    const steep = tierOf(brackets, { deductible: dated('0'), brackets: dated([{ upTo: null, ratio: '1.5' }]) });
    const r = steep.run({ parts: [100, 0, 0, 0] });
    expect(r.detail.computed).toBe(150);
    expect(r.amount).toBe(100);
  });
});

describe('what the brackets take and count', () => {
  it('take what they pay from S by default, so the parts still add up to what is left', () => {
    const r = tier.run(claim(30000, 30000), ANYONE);
    expect(r.amount).toBe(16000);
    expect(r.parts).toEqual([14000, 100, 200, 300]);
    expect(r.remaining).toBe(30600 - 16000);
    expect(r.parts.reduce((a, b) => a + b)).toBe(r.remaining);
  });

  it('take what they pay from the parts they are on, in proportion', () => {
    const onSN = tierOf(brackets, { ...RAW, of: ['S', 'N'] });
    const r = onSN.run({ parts: [30000, 100, 10000, 300] });
    expect(r.detail.base).toBe(40000);
    expect(r.amount).toBe(15000);
    expect(r.parts).toEqual([30000 - 11250, 100, 10000 - 3750, 300]);
    expect(r.parts.reduce((a, b) => a + b)).toBe(r.remaining);
  });

  it('leave the parts as they are when no later tier reads them', () => {
    const last = tierOf(brackets, RAW, { partsReadLater: false });
    const r = last.run(claim(30000, 30000));
    expect(r.amount).toBe(16000);
    expect(r.parts).toEqual([30000, 100, 200, 300]);
    expect(r.remaining).toBe(30600 - 16000);
  });

  it.each(
    cases([
      { name: 'at a hospital the tiers do not pay at', state: { settled: false } },
      { name: 'on a claim it does not apply to', state: { applies: false } },
    ]),
  )('neither pay nor grow the burden %s', (_, { state }) => {
    const r = tier.run({ ...claim(60000, 30000, 5), ...state });
    expect(r.amount).toBe(0);
    expect(r.counters).toEqual({ burden: 30000, paid: 5 });
    expect(r.parts[0]).toBe(60000);
  });

  it('keep two counters: the burden and what they paid', () => {
    expect(brackets.counters(RAW)).toEqual(['burden', 'paid']);
  });
});

describe("a brackets line's detail, explanation and national-platform fields", () => {
  it('hold the burden before and after, the deductible, what the brackets gave, the cap left and the base', () => {
    const r = tier.run(claim(30000, 30000, 1000), ANYONE);
    expect(r.detail).toEqual({
      kind: 'brackets',
      before: 30000,
      after: 60000,
      deductible: 10000,
      computed: 16000,
      capLeft: 59000,
      capLabel: '大病保险年度最高支付限额',
      base: 30000,
      adjustment: null,
    });
    expectLine(r, {
      zh: '年度累计政策范围内个人负担由300.00元增至600.00元，起付线100.00元，分段累计应付160.00元，支付160.00元。',
      en: "The year's in-scope personal burden rises from 300.00 yuan to 600.00 yuan; above the deductible of 100.00 yuan the brackets give 160.00 yuan; pays 160.00 yuan.",
      base: 30000,
      limit: 59000,
    });
  });

  it('say the burden is not above the deductible when it reaches it exactly', () => {
    const r = tier.run(claim(10000), ANYONE);
    expect(r.zh).toBe('年度累计政策范围内个人负担100.00元，未超过起付线100.00元，本项支付0.00元。');
    expect(r.en).toBe(
      "The year's in-scope personal burden of 100.00 yuan is not above the deductible of 100.00 yuan; this payer pays 0.00 yuan.",
    );
    expect(tier.run(claim(10001), ANYONE).zh).toContain('由0.00元增至100.01元');
  });

  it('name the cap by its description when it binds', () => {
    const r = tier.run(claim(100000, 0, 59000), ANYONE);
    expect(r.zh).toContain('分段累计应付500.00元，受大病保险年度最高支付限额剩余10.00元限制，支付10.00元。');
    expect(r.en).toContain(
      'the brackets give 500.00 yuan, limited by the 10.00 yuan left of the annual cap; pays 10.00 yuan.',
    );
    expect(r.limit).toBe(1000);
    const plain = tierOf(brackets, { ...RAW, annualCap: dated('600') }).run(claim(100000, 0, 59000));
    expect(plain.zh).toContain('受年度最高支付限额剩余10.00元限制');
  });

  it('say how an adjustment lowered the deductible and raised each ratio', () => {
    const r = tier.run(claim(50000), PROTECTED);
    expect(r.detail.deductible).toBe(5000);
    expect(r.detail.adjustment).toMatchObject({ standardDeductible: 10000, uncapped: false });
    expect(r.zh).toContain(
      '起付线50.00元（保障对象按标准100.00元的50%计），分段累计应付270.00元（各段比例保障对象提高10个百分点）',
    );
    expect(r.en).toContain(
      'above the deductible of 50.00 yuan (for protected persons, 50% of the standard 100.00 yuan) the brackets give 270.00 yuan (each ratio raised 10 points for protected persons)',
    );
  });

  it('say a person has no annual cap, show no cap left, and report what the brackets gave as the limit', () => {
    const r = tier.run(claim(100000, 0, 60000), ORPHAN);
    expect(r.detail.capLeft).toBeNull();
    expect(r.zh).toContain('分段累计应付500.00元，孤儿不设年度最高支付限额，支付500.00元。');
    expect(r.en).toContain('the brackets give 500.00 yuan, with no annual cap for orphans; pays 500.00 yuan.');
    expect(r.limit).toBe(50000);
  });

  it('show no cap left for a tier without a cap', () => {
    const uncapped = tierOf(brackets, { deductible: dated('100'), brackets: dated(BRACKETS) });
    const r = uncapped.run(claim(100000, 0, 123456));
    expect(r.amount).toBe(50000);
    expect(r.detail).toMatchObject({ capLeft: null, capLabel: null });
    expect(r.limit).toBe(50000);
  });
});

describe("what a brackets tier's lint reports", () => {
  const withBrackets = (list: { upTo: string | null; ratio: string }[]): BracketsRaw => ({
    ...RAW,
    brackets: dated(list),
  });
  const at = (i: number) => `brackets.values.2020-01-01.${i}.upTo`;

  it.each(
    cases([
      {
        name: 'bounds that go down',
        list: [
          { upTo: '500', ratio: '0.5' },
          { upTo: '400', ratio: '0.6' },
          { upTo: null, ratio: '0.7' },
        ],
        reported: [{ path: at(1), message: 'bracket bounds must ascend' }],
      },
      {
        name: 'two equal bounds',
        list: [
          { upTo: '500', ratio: '0.5' },
          { upTo: '500', ratio: '0.6' },
          { upTo: null, ratio: '0.7' },
        ],
        reported: [{ path: at(1), message: 'bracket bounds must ascend' }],
      },
      {
        name: 'an open bracket before the last',
        list: [
          { upTo: null, ratio: '0.5' },
          { upTo: '1000', ratio: '0.6' },
          { upTo: null, ratio: '0.7' },
        ],
        reported: [{ path: at(0), message: 'only the last bracket may be open-ended (upTo: null)' }],
      },
      {
        name: 'a last bracket with a bound',
        list: [
          { upTo: '500', ratio: '0.5' },
          { upTo: '1000', ratio: '0.6' },
        ],
        reported: [{ path: at(1), message: 'the last bracket must be open-ended (upTo: null)' }],
      },
      {
        name: 'nothing for bounds that ascend from 0 to an open last bracket',
        list: [
          { upTo: '0', ratio: '0.5' },
          { upTo: '0.01', ratio: '0.6' },
          { upTo: null, ratio: '0.7' },
        ],
        reported: [],
      },
    ]),
  )('%s', (_, { list, reported }) => {
    expect(lintOf(brackets, withBrackets(list))).toEqual(reported);
  });

  it('a deductible raised later above the annual cap, at the deductible and date', () => {
    const raw: BracketsRaw = {
      ...RAW,
      deductible: { source: 'seed', values: { '2020-01-01': '100', '2021-01-01': '600.01' } },
    };
    expect(lintOf(brackets, raw)).toEqual([
      { path: 'deductible.values.2021-01-01', message: 'annual cap 600 is below the deductible 600.01' },
    ]);
  });

  it('an annual cap below the deductible, at its date; nothing for one equal to it', () => {
    expect(lintOf(brackets, { ...RAW, annualCap: dated('99.99') })).toEqual([
      { path: 'annualCap.values.2020-01-01', message: 'annual cap 99.99 is below the deductible 100' },
    ]);
    expect(lintOf(brackets, { ...RAW, annualCap: dated('100') })).toEqual([]);
    expect(lintOf(brackets, RAW)).toEqual([]);
  });
});

describe('a brackets tier file', () => {
  it('passes its schema as written here', () => {
    expect(schemaProblems(brackets, RAW)).toEqual([]);
  });

  it('is refused without a bracket', () => {
    expect(schemaProblems(brackets, { ...RAW, brackets: dated([]) })).toEqual([
      { path: 'brackets.values.2020-01-01', message: 'Too small: expected array to have >=1 items' },
    ]);
  });
});

describe('for any burden, base, cap used and person', () => {
  it('the brackets pay no more than the base, never a negative amount, never past the cap, and count the burden', () => {
    fc.assert(
      fc.property(
        fc.nat(20_000_000),
        fc.nat(20_000_000),
        fc.nat(70_000),
        fc.constantFrom(ANYONE, PROTECTED, ORPHAN),
        (before, base, paid, facts) => {
          const r = tier.run(claim(base, before, paid), facts);
          expect(r.amount).toBeGreaterThanOrEqual(0);
          expect(r.amount).toBeLessThanOrEqual(base);
          if (facts !== ORPHAN) expect(r.amount).toBeLessThanOrEqual(Math.max(0, 60000 - paid));
          else expect(r.amount).toBe(r.detail.computed);
          expect(r.counters).toEqual({ burden: before + base, paid: paid + r.amount });
          expect(r.parts.reduce((a, b) => a + b)).toBe(r.remaining);
        },
      ),
    );
  });

  const scheduleArb = fc
    .record({
      deductible: fc.nat(1_000_000),
      bounds: fc.uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 4 }),
      ratios: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 }),
    })
    .map(({ deductible, bounds, ratios }): Schedule => {
      const ups = [...bounds].sort((a, b) => a - b);
      return {
        deductible: fen(deductible),
        brackets: [...ups, null].map((upTo, i) => ({
          upTo: upTo === null ? null : fen(upTo),
          ratio: parseRatio((ratios[i]! / 1000).toString()),
        })),
      };
    });

  it('f(c) is Σ ratio × the part of c above the deductible inside each bracket, rounded once', () => {
    fc.assert(
      fc.property(scheduleArb, fc.nat(10_000_000), (s, c) => {
        const terms: [Fen, ReturnType<typeof parseRatio>][] = [];
        let lo = s.deductible as number;
        for (const b of s.brackets) {
          const hi = b.upTo === null ? c : Math.min(c, b.upTo);
          if (hi > lo) terms.push([fen(hi - lo), b.ratio]);
          if (b.upTo !== null) lo = Math.max(lo, b.upTo);
        }
        expect(bracketsAmount(fen(c), s)).toBe(applyRatios(terms));
      }),
    );
  });
});
