/**
 * The `top-up` kind on its own (docs/policy-2017.md §4 tier 8): funds, in the order written, bring
 * what the person still pays down to the target of the visit's pathway (nothing, or a share of the
 * bill rounded as the target says); finite balances run dry and the target is missed; the line
 * also reports what an earlier carve-out sent to these funds. What it pays at and one fen past the
 * target, what it draws and takes, what its line says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawsOf } from '../../../src/kinds/shared/funds.js';
import type { TargetSpec, TopUpRaw } from '../../../src/kinds/top-up/schema.js';
import { topUp } from '../../../src/kinds/top-up/top-up.js';
import type { FactBag } from '../../../src/rule-files/fact-catalog.js';
import { type ClaimState, dated, expectLine, gate, is, tierOf, schemaProblems } from '../../support/kind-harness.js';
import { cases } from '../../support/helpers.js';

const RAW: TopUpRaw = {
  funds: {
    'health-relief': { label: '健康扶贫救助基金', labelEn: 'health poverty relief fund' },
    charity: { label: '大病慈善救助基金' },
  },
  targets: {
    'in-county': { ...gate(is('location', 'in-county'), '县域内住院', 'in-county admission'), kind: 'zero' },
    'in-city': {
      ...gate(is('location', 'in-city'), '市域内住院'),
      kind: 'share',
      share: dated('0.1'),
      rounding: 'floor',
    },
    'in-province': { ...gate(is('location', 'in-province')), kind: 'share', share: dated('0.1'), rounding: 'half-up' },
  },
};

const DELIVERY = { description: '住院分娩', descriptionEn: 'hospital delivery' };
const tier = tierOf(topUp, RAW, { label: '救助基金', labelEn: 'relief funds', carriedFrom: DELIVERY });

const IN_COUNTY: FactBag = { location: 'in-county' };
const IN_CITY: FactBag = { location: 'in-city' };
const IN_PROVINCE: FactBag = { location: 'in-province' };
const ELSEWHERE: FactBag = { location: 'out-of-province' };

/** A claim of 1550.05 yuan billable of which `remaining` is still personal, all of it in S. */
const claim = (remaining: number, more: Partial<ClaimState> = {}): ClaimState => ({
  parts: [remaining, 0, 0, 0],
  billable: 155005,
  ...more,
});

describe('what a top-up pays', () => {
  it.each(
    cases([
      {
        name: 'all that is still personal, under a target of nothing',
        facts: IN_COUNTY,
        remaining: 15000,
        pays: 15000,
      },
      {
        name: 'nothing at a share target rounded down (10% of 1550.05 is 155.00)',
        facts: IN_CITY,
        remaining: 15500,
        pays: 0,
      },
      { name: 'one fen one fen past the share target', facts: IN_CITY, remaining: 15501, pays: 1 },
      { name: 'nothing at a share target rounded half-up (155.01)', facts: IN_PROVINCE, remaining: 15501, pays: 0 },
      { name: 'one fen past the half-up target', facts: IN_PROVINCE, remaining: 15502, pays: 1 },
      { name: 'nothing when what is personal is below the target', facts: IN_CITY, remaining: 100, pays: 0 },
      { name: 'nothing of its own on a visit with no target', facts: ELSEWHERE, remaining: 15000, pays: 0 },
    ]),
  )('pays %s', (_, { facts, remaining, pays }) => {
    const r = tier.run(claim(remaining), facts);
    expect(r.amount).toBe(pays);
    expect(r.remaining).toBe(remaining - pays);
    expect(drawsOf(r.s, r.s.drawCount)).toEqual(pays > 0 ? [{ fund: 'health-relief', amount: pays }] : []);
  });

  it('draws on the funds in the order written, moving on when one runs dry', () => {
    const balances = { 'health-relief': 1000 };
    const r = tier.run(claim(15000, { balances }), IN_COUNTY);
    expect(r.amount).toBe(15000);
    expect(drawsOf(r.s, r.s.drawCount)).toEqual([
      { fund: 'health-relief', amount: 1000 },
      { fund: 'charity', amount: 14000 },
    ]);
    expect(balances).toEqual({ 'health-relief': 0 });
    expect(r.s.targetOutcome()).toEqual({ id: 'in-county', personalMax: 0, met: true, shortfall: 0 });
  });

  it('misses the target, and says by how much, when every fund runs dry', () => {
    const balances = { 'health-relief': 1000, charity: 2000 };
    const r = tier.run(claim(15000, { balances }), IN_COUNTY);
    expect(r.amount).toBe(3000);
    expect(r.remaining).toBe(12000);
    expect(balances).toEqual({ 'health-relief': 0, charity: 0 });
    expect(r.s.targetOutcome()).toEqual({ id: 'in-county', personalMax: 0, met: false, shortfall: 12000 });
    expect(r.detail).toMatchObject({ topUp: 3000, shortfall: 12000 });
    expect(r.zh).toContain(
      '救助基金补足30.00元，救助基金余额不足，仍有120.00元未能兜底（目标未达成），合计支付30.00元。',
    );
    expect(r.en).toContain(
      'the relief funds top up 30.00 yuan; the funds ran dry and 120.00 yuan is left above the target (target missed); pays 30.00 yuan in all.',
    );
  });

  it('skips a fund with nothing left', () => {
    const r = tier.run(claim(15000, { balances: { 'health-relief': 0 } }), IN_COUNTY);
    expect(r.s.drawCount).toBe(1);
    expect(drawsOf(r.s, r.s.drawCount)).toEqual([{ fund: 'charity', amount: 15000 }]);
  });

  it('records no target for a visit with none', () => {
    const r = tier.run(claim(15000), ELSEWHERE);
    expect(r.s.targetOutcome()).toBeNull();
    expect(r.detail.target).toBeNull();
  });
});

describe('what a top-up reports for an earlier carve-out', () => {
  it('adds what a carve-out sent to its funds to its own payment, and takes only its own off what is left', () => {
    const r = tier.run(claim(15000, { carried: 20000 }), IN_COUNTY);
    expect(r.amount).toBe(35000);
    expect(r.remaining).toBe(0);
    expect(r.available).toBe(35000);
    expect(r.detail).toMatchObject({ remaining: 15000, carried: 20000, topUp: 15000, carriedFrom: DELIVERY });
    expectLine(r, {
      zh: '按"县域内住院"目标，个人负担不超过0.00元；此前个人仍需负担150.00元，救助基金补足150.00元；另支付住院分娩费用超限额部分200.00元，合计支付350.00元。',
      en: 'Under the target "in-county admission" the patient pays at most 0.00 yuan; of 150.00 yuan still personal, the relief funds top up 150.00 yuan; it also pays 200.00 yuan of hospital delivery cost above the limit; pays 350.00 yuan in all.',
      base: 15000,
      limit: 35000,
    });
  });

  it('reports the carried amount on a visit with no target', () => {
    const r = tier.run(claim(15000, { carried: 20000 }), ELSEWHERE);
    expect(r.amount).toBe(20000);
    expect(r.remaining).toBe(15000);
    expect(r.zh).toBe(
      '本次就诊没有兜底保障目标，救助基金不予补足个人负担；另支付住院分娩费用超限额部分200.00元，合计支付200.00元。',
    );
    expect(r.en).toBe(
      'This visit has no protection target, so the relief funds do not top up the personal pay; it also pays 200.00 yuan of hospital delivery cost above the limit; pays 200.00 yuan in all.',
    );
  });

  it.each(
    cases([
      { name: 'at a hospital the tiers do not pay at', state: { settled: false } },
      { name: 'when it does not apply', state: { applies: false } },
    ]),
  )('reports the carried amount and tops up nothing %s', (_, { state }) => {
    const r = tier.run(claim(15000, { carried: 20000, ...state }), IN_COUNTY);
    expect(r.amount).toBe(20000);
    expect(r.remaining).toBe(15000);
    expect(r.parts).toEqual([15000, 0, 0, 0]);
    expect(r.s.drawCount).toBe(0);
    expect(r.s.targetOutcome()).toBeNull();
  });

  it('knows what sends to it, and its funds by name', () => {
    expect(topUp.carriedFrom?.(tier.params)).toEqual(DELIVERY);
    expect(topUp.funds?.(RAW)).toEqual([
      { id: 'health-relief', label: '健康扶贫救助基金', labelEn: 'health poverty relief fund' },
      { id: 'charity', label: '大病慈善救助基金', labelEn: '大病慈善救助基金' },
    ]);
    expect(tier.params.fundOrder).toEqual(['health-relief', 'charity']);
    expect(topUp.counters(RAW)).toEqual([]);
  });
});

describe('what a top-up takes', () => {
  it('takes what it tops up from every part in proportion when a later tier reads them', () => {
    const r = tier.run({ parts: [3000, 1000, 2000, 4000], billable: 100000 }, IN_CITY);
    // Target 100.00: the 100.00 still personal is at it; with 120.00, 20.00 is taken pro-rata.
    expect(r.amount).toBe(0);
    const more = tier.run({ parts: [3600, 1200, 2400, 4800], billable: 100000 }, IN_CITY);
    expect(more.amount).toBe(2000);
    expect(more.parts).toEqual([3000, 1000, 2000, 4000]);
    expect(more.parts.reduce((a, b) => a + b)).toBe(more.remaining);
  });

  it('leaves the parts as they are when nothing after it reads them', () => {
    const last = tierOf(topUp, RAW, { partsReadLater: false });
    const r = last.run({ parts: [3600, 1200, 2400, 4800], billable: 100000 }, IN_CITY);
    expect(r.amount).toBe(2000);
    expect(r.parts).toEqual([3600, 1200, 2400, 4800]);
  });
});

describe("a top-up line's detail, explanation and national-platform fields", () => {
  it('holds what was still personal, the target, what the funds topped up and what they could not', () => {
    const r = tier.run(claim(20000), IN_CITY);
    expect(r.detail).toEqual({
      kind: 'top-up',
      remaining: 20000,
      target: { id: 'in-city', description: '市域内住院', descriptionEn: '市域内住院', personalMax: 15500 },
      carried: 0,
      carriedFrom: DELIVERY,
      topUp: 4500,
      shortfall: 0,
    });
    expectLine(r, {
      zh: '按"市域内住院"目标，个人负担不超过155.00元；此前个人仍需负担200.00元，救助基金补足45.00元，合计支付45.00元。',
      en: 'Under the target "市域内住院" the patient pays at most 155.00 yuan; of 200.00 yuan still personal, the relief funds top up 45.00 yuan; pays 45.00 yuan in all.',
      base: 20000,
      limit: 4500,
    });
  });

  it('names a target by its id when it has no description', () => {
    expect(tier.decide(IN_PROVINCE)).toMatchObject({
      id: 'in-province',
      description: 'in-province',
      descriptionEn: 'in-province',
    });
  });

  it('has no lint of its own', () => {
    expect(topUp.lint).toBeUndefined();
  });
});

describe("a top-up's tier file", () => {
  it('passes its schema as written here', () => {
    expect(schemaProblems(topUp, RAW)).toEqual([]);
  });

  it('is refused without a fund, or with a share target that does not say how it rounds', () => {
    expect(schemaProblems(topUp, { ...RAW, funds: {} })).toEqual([
      { path: 'funds', message: 'needs at least one fund' },
    ]);
    const { rounding: _, ...unrounded } = RAW.targets['in-city'] as Extract<TargetSpec, { kind: 'share' }>;
    expect(schemaProblems(topUp, { ...RAW, targets: { 'in-city': unrounded } })).toEqual([
      { path: 'targets.in-city', message: 'Invalid input' },
    ]);
  });
});

describe('for any amount still personal, bill, balances and pathway', () => {
  it('a top-up pays no more than what is still personal, never a negative amount, never past a balance, and leaves the target or what the funds could not pay', () => {
    const balance = fc.option(fc.nat(50_000), { nil: undefined });
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.nat(1_000_000),
        balance,
        balance,
        fc.constantFrom(IN_COUNTY, IN_CITY, IN_PROVINCE, ELSEWHERE),
        (remaining, more, a, b, facts) => {
          const balances: Record<string, number> = {};
          if (a !== undefined) balances['health-relief'] = a;
          if (b !== undefined) balances.charity = b;
          const before = { ...balances };
          const billable = remaining + more;
          const r = tier.run({ parts: [remaining, 0, 0, 0], billable, balances }, facts);
          expect(r.amount).toBeGreaterThanOrEqual(0);
          expect(r.amount).toBeLessThanOrEqual(remaining);
          for (const [fund, left] of Object.entries(balances)) {
            expect(left).toBeGreaterThanOrEqual(0);
            expect(before[fund]! - left).toBe(drawsOf(r.s, r.s.drawCount).find((d) => d.fund === fund)?.amount ?? 0);
          }
          const target = r.s.targetOutcome();
          if (target) expect(r.remaining).toBe(Math.min(remaining, target.personalMax) + target.shortfall);
          else expect(r.amount).toBe(0);
        },
      ),
    );
  });
});
