/**
 * The `carve-out` kind on its own (docs/policy-2017.md §4 tiers 0 and 1): before any insurance, a
 * share of some pools (the hospital's waiver) or a fixed amount by a fact (the delivery subsidy),
 * taken pro-rata from the pools; and, for some persons, the cost above a limit paid by funds and
 * reported on a later top-up's line. What it takes at and one fen past the limit and the fixed
 * amount, from which pools, what it sends to funds, what its line says and what its lint reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carveOut } from '../../../src/kinds/carve-out/carve-out.js';
import type { CarveOutRaw } from '../../../src/kinds/carve-out/schema.js';
import { drawsOf } from '../../../src/kinds/shared/funds.js';
import type { FactBag } from '../../../src/rule-files/fact-catalog.js';
import {
  ALWAYS,
  type ClaimState,
  dated,
  expectLine,
  gate,
  is,
  lintOf,
  tierOf,
  schemaProblems,
} from '../../support/kind-harness.js';
import { cases } from '../../support/helpers.js';

const WAIVER: CarveOutRaw = { from: 'nondrug', take: { ...gate(is('protected', true)), share: dated('0.05') } };

const DELIVERY: CarveOutRaw = {
  from: 'all',
  take: {
    ...gate({ not: is('category', 'migrant') }),
    fixed: { by: 'deliveryMode', values: { vaginal: dated('500'), cesarean: dated('800') } },
  },
  excess: {
    ...gate(is('protected', true)),
    limit: { by: 'deliveryMode', values: { vaginal: dated('2000'), cesarean: dated('4000') } },
    funds: ['health-relief', 'charity'],
    reportedOn: 'relief-funds',
  },
};

const ORDER = [
  { id: 'maternal-subsidy', label: '农村孕产妇住院分娩补助' },
  { id: 'relief-funds', label: '救助基金', labelEn: 'relief funds' },
];
const waiver = tierOf(carveOut, WAIVER, { label: '医院减免', labelEn: 'hospital waiver' });
const delivery = tierOf(carveOut, DELIVERY, {
  label: '农村孕产妇住院分娩补助',
  labelEn: 'rural maternal delivery subsidy',
  order: ORDER,
  applies: { description: '住院分娩', descriptionEn: 'hospital delivery' },
});

const PROTECTED: FactBag = { protected: true };
const VAGINAL: FactBag = { deliveryMode: 'vaginal', protected: false };
const PROTECTED_VAGINAL: FactBag = { deliveryMode: 'vaginal', protected: true };
const CESAREAN: FactBag = { deliveryMode: 'cesarean', protected: false };

/** Pools of 500.00 yuan of drugs and `nondrug` fen of other care, each in A, B, N and O (fen). */
const pools = (drug: readonly number[], nondrug: readonly number[]) => drug.flatMap((d, i) => [d, nondrug[i]!]);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("what a hospital's waiver takes", () => {
  it.each(
    cases([
      { name: '5% of the non-drug pools', nondrug: [100000, 50000, 30000, 20000], pays: 10000 },
      { name: 'half-up to the fen (5% of 10 fen is 0.5 fen: 1 fen)', nondrug: [10, 0, 0, 0], pays: 1 },
      { name: 'nothing of 9 fen (0.45 fen)', nondrug: [9, 0, 0, 0], pays: 0 },
    ]),
  )('%s', (_, { nondrug, pays }) => {
    const drug = [50000, 0, 0, 0];
    const r = waiver.run({ pools: pools(drug, nondrug) }, PROTECTED);
    expect(r.amount).toBe(pays);
    expect(r.detail.base).toBe(sum(nondrug));
    expect(sum(r.pools)).toBe(sum(drug) + sum(nondrug) - pays);
    expect(r.remaining).toBe(sum(drug) + sum(nondrug) - pays);
  });

  it('takes from the non-drug pools in proportion, and leaves the drug pools whole', () => {
    const r = waiver.run({ pools: pools([50000, 1, 2, 3], [100000, 50000, 30000, 20000]) }, PROTECTED);
    expect(r.pools).toEqual(pools([50000, 1, 2, 3], [95000, 47500, 28500, 19000]));
  });

  it('takes nothing for a person it is not granted to', () => {
    const r = waiver.run({ pools: pools([0, 0, 0, 0], [100000, 0, 0, 0]) }, { protected: false });
    expect(r.amount).toBe(0);
    expect(r.pools[1]).toBe(100000);
    expect(r.detail.granted).toBe(false);
  });

  it('says the share of the non-drug cost it waived, and reports the pools as its base', () => {
    const r = waiver.run({ pools: pools([50000, 0, 0, 0], [200000, 0, 0, 0]) }, PROTECTED);
    expect(r.detail).toEqual({
      kind: 'carve-out',
      from: 'nondrug',
      description: '',
      descriptionEn: '',
      base: 200000,
      share: { units: 5, scale: 2 },
      granted: true,
      standard: null,
      byFact: null,
      byValue: null,
      excess: null,
    });
    expectLine(r, {
      zh: '医疗总费用中非药品费用2000.00元按5%减免100.00元，减免后再进入报销程序。',
      en: 'The hospital waives 5% of the 2000.00 yuan of non-drug cost, 100.00 yuan, before any reimbursement.',
      base: 200000,
      limit: 10000,
    });
  });

  it.each(
    cases([
      {
        name: 'the whole cost',
        from: 'all' as const,
        zh: '医疗总费用2500.00元按5%',
        en: 'of the 2500.00 yuan of cost,',
      },
      {
        name: 'the drug cost',
        from: 'drug' as const,
        zh: '医疗总费用中药品费用500.00元',
        en: 'of the 500.00 yuan of drug cost,',
      },
    ]),
  )('names the pools it is on: %s', (_, { from, zh, en }) => {
    const r = tierOf(carveOut, { ...WAIVER, from }).run(
      { pools: pools([50000, 0, 0, 0], [200000, 0, 0, 0]) },
      PROTECTED,
    );
    expect(r.zh).toContain(zh);
    expect(r.en).toContain(en);
  });
});

describe('what a delivery subsidy takes', () => {
  it.each(
    cases([
      { name: 'all the pools hold when they hold less than the subsidy', facts: VAGINAL, total: 30000, pays: 30000 },
      { name: 'the subsidy when the pools hold exactly that', facts: VAGINAL, total: 50000, pays: 50000 },
      { name: 'the subsidy when the pools hold one fen more', facts: VAGINAL, total: 50001, pays: 50000 },
      { name: 'the subsidy of the delivery mode', facts: CESAREAN, total: 100000, pays: 80000 },
      {
        name: 'nothing for a mode the subsidy has no amount for',
        facts: { deliveryMode: 'none' },
        total: 100000,
        pays: 0,
      },
      {
        name: 'nothing for a mother it is not granted to',
        facts: { ...VAGINAL, category: 'migrant' },
        total: 100000,
        pays: 0,
      },
    ]),
  )('%s', (_, { facts, total, pays }) => {
    const r = delivery.run({ pools: [total, 0, 0, 0, 0, 0, 0, 0] }, facts);
    expect(r.amount).toBe(pays);
    expect(r.pools[0]).toBe(total - pays);
    expect(r.remaining).toBe(total - pays);
    expect(r.s.drawCount).toBe(0);
  });

  it('takes it from all the pools in proportion, ties to the earlier pool', () => {
    const small = tierOf(carveOut, { from: 'all', take: { ...gate(ALWAYS), fixed: dated('1') } });
    const r = small.run({ pools: [100, 100, 100, 0, 0, 0, 0, 0] });
    expect(r.amount).toBe(100);
    expect(r.pools).toEqual([66, 67, 67, 0, 0, 0, 0, 0]);
  });

  it('says the standard, the cost left and the subsidy, by the delivery mode', () => {
    const r = delivery.run({ pools: [100000, 0, 0, 0, 0, 0, 0, 0] }, VAGINAL);
    expect(r.detail).toMatchObject({
      granted: true,
      standard: 50000,
      byFact: 'deliveryMode',
      byValue: 'vaginal',
      excess: null,
    });
    expect(r.zh).toBe('住院分娩（顺产）补助标准500.00元，剩余可补助费用1000.00元，补助500.00元。');
    expect(r.en).toBe(
      'Hospital delivery (vaginal): a subsidy of 500.00 yuan on 1000.00 yuan of cost left pays 500.00 yuan.',
    );
  });

  it('says a mother it is not granted to does not get it', () => {
    const r = delivery.run({ pools: [100000, 0, 0, 0, 0, 0, 0, 0] }, { ...VAGINAL, category: 'migrant' });
    expect(r.zh).toBe('住院分娩（顺产）不享受农村孕产妇住院分娩补助，本项支付0.00元。');
    expect(r.en).toBe(
      'Hospital delivery (vaginal) without the rural maternal delivery subsidy; this payer pays 0.00 yuan.',
    );
  });

  it('names a fact value the contract has no label for by the value itself', () => {
    const byCounty = tierOf(carveOut, {
      from: 'all',
      take: { ...gate(ALWAYS), fixed: { by: 'county', values: { anyue: dated('500') } } },
    });
    const r = byCounty.run({ pools: [100000, 0, 0, 0, 0, 0, 0, 0] }, { county: 'anyue' });
    expect(r.amount).toBe(50000);
    expect(r.zh).toContain('（anyue）补助标准500.00元');
    expect(r.en).toContain(' (anyue): a subsidy of 500.00 yuan');
  });

  it.each(
    cases<{
      name: string;
      fixed: CarveOutRaw['take']['fixed'];
      facts: FactBag;
      pays: number;
      byFact: string | null;
      byValue: string | null;
      zh: string;
      en: string;
    }>([
      {
        name: 'the subsidy is one amount for everyone',
        fixed: dated('500'),
        facts: {},
        pays: 50000,
        byFact: null,
        byValue: null,
        zh: '住院分娩补助标准500.00元，剩余可补助费用1000.00元，补助500.00元。',
        en: 'Hospital delivery: a subsidy of 500.00 yuan on 1000.00 yuan of cost left pays 500.00 yuan.',
      },
      {
        name: "the claim's facts hold no value for the fact it depends on",
        fixed: { by: 'level', values: { county: dated('500') } },
        facts: { protected: true },
        pays: 0,
        byFact: 'level',
        byValue: '',
        zh: '住院分娩补助标准0.00元，剩余可补助费用1000.00元，补助0.00元。',
        en: 'Hospital delivery: a subsidy of 0.00 yuan on 1000.00 yuan of cost left pays 0.00 yuan.',
      },
      {
        name: 'the fact it depends on is empty (a category in no group)',
        fixed: { by: 'group', values: { poor: dated('500') } },
        facts: { group: '' },
        pays: 0,
        byFact: 'group',
        byValue: '',
        zh: '住院分娩补助标准0.00元，剩余可补助费用1000.00元，补助0.00元。',
        en: 'Hospital delivery: a subsidy of 0.00 yuan on 1000.00 yuan of cost left pays 0.00 yuan.',
      },
    ]),
  )('names no fact value in brackets when %s', (_, { fixed, facts, pays, byFact, byValue, zh, en }) => {
    const subsidy = tierOf(
      carveOut,
      { from: 'all', take: { ...gate(ALWAYS), fixed } },
      { applies: { description: '住院分娩', descriptionEn: 'hospital delivery' } },
    );
    const r = subsidy.run({ pools: [100000, 0, 0, 0, 0, 0, 0, 0] }, facts);
    expect(r.amount).toBe(pays);
    expect(r.detail).toMatchObject({ byFact, byValue });
    expect(r.zh).toBe(zh);
    expect(r.en).toBe(en);
  });
});

describe("what a delivery's excess sends to the funds", () => {
  const run = (a: number, b = a, more: Partial<ClaimState> = {}, facts = PROTECTED_VAGINAL) =>
    delivery.run({ pools: [a, 0, 0, 0, b, 0, 0, 0], ...more }, facts);

  it.each(
    cases([
      { name: 'nothing when the cost equals the limit', a: 100000, b: 100000, over: 0 },
      { name: 'one fen one fen past the limit', a: 100001, b: 100000, over: 1 },
      { name: 'all the cost above the limit', a: 150000, b: 150000, over: 100000 },
    ]),
  )('%s', (_, { a, b, over }) => {
    const r = run(a, b);
    expect(r.detail.excess).toMatchObject({ limit: 200000, over, paid: over });
    expect(r.s.carried[1]).toBe(over);
    expect(drawsOf(r.s, r.s.drawCount)).toEqual(over > 0 ? [{ fund: 'health-relief', amount: over }] : []);
    // The subsidy is taken from what the excess left: the limit.
    expect(r.detail.base).toBe(200000);
    expect(r.amount).toBe(50000);
    expect(sum(r.pools)).toBe(150000);
    expect(r.remaining).toBe(150000);
  });

  it('is taken from the pools in proportion', () => {
    const r = run(150000);
    // 100000 over, from two pools of 150000: 50000 each; then 50000 of subsidy, 25000 each.
    expect(r.pools).toEqual([75000, 0, 0, 0, 75000, 0, 0, 0]);
  });

  it('draws on the next fund when the first runs dry, and leaves in the pools what no fund could pay', () => {
    const balances = { 'health-relief': 30000, charity: 20000 };
    const r = run(150000, 150000, { balances });
    expect(drawsOf(r.s, r.s.drawCount)).toEqual([
      { fund: 'health-relief', amount: 30000 },
      { fund: 'charity', amount: 20000 },
    ]);
    expect(balances).toEqual({ 'health-relief': 0, charity: 0 });
    expect(r.detail.excess).toMatchObject({ over: 100000, paid: 50000 });
    expect(r.s.carried[1]).toBe(50000);
    expect(r.detail.base).toBe(250000);
    expect(r.remaining).toBe(300000 - 50000 - 50000);
  });

  it('is not paid for a mother the excess is not for', () => {
    const r = run(150000, 150000, {}, VAGINAL);
    expect(r.detail.excess).toBeNull();
    expect(r.s.carried[1]).toBe(0);
    expect(r.detail.base).toBe(300000);
  });

  it('is said on the subsidy’s line, with the payer whose line reports it', () => {
    const r = run(150000);
    expect(r.detail.excess).toEqual({
      limit: 200000,
      over: 100000,
      paid: 100000,
      paidBy: '救助基金',
      paidByEn: 'relief funds',
    });
    expect(r.zh).toBe(
      '住院分娩（顺产）补助标准500.00元，剩余可补助费用2000.00元，补助500.00元；住院分娩费用限额2000.00元，超出部分1000.00元由救助基金支付1000.00元（列入救助基金）。',
    );
    expect(r.en).toBe(
      'Hospital delivery (vaginal): a subsidy of 500.00 yuan on 2000.00 yuan of cost left pays 500.00 yuan; the limit is 2000.00 yuan, and the relief funds pay 1000.00 yuan of the 1000.00 yuan above it (on the relief funds line).',
    );
    const refused = run(150000, 150000, {}, { ...PROTECTED_VAGINAL, category: 'migrant' });
    expect(refused.zh).toBe(
      '住院分娩（顺产）不享受农村孕产妇住院分娩补助，本项支付0.00元；住院分娩费用限额2000.00元，超出部分1000.00元由救助基金支付1000.00元（列入救助基金）。',
    );
  });

  it.each(
    cases([
      { name: 'at a hospital the tiers do not pay at', state: { settled: false } },
      { name: 'on a visit that is not a delivery', state: { applies: false } },
    ]),
  )('is not paid, nor the subsidy, %s', (_, { state }) => {
    const r = run(150000, 150000, state);
    expect(r.amount).toBe(0);
    expect(r.s.drawCount).toBe(0);
    expect(r.s.carried[1]).toBe(0);
    expect(r.pools).toEqual([150000, 0, 0, 0, 150000, 0, 0, 0]);
    expect(r.remaining).toBe(300000);
  });

  it('names the tier that reports it', () => {
    expect(carveOut.reportsOn?.(DELIVERY)).toBe('relief-funds');
    expect(carveOut.reportsOn?.(WAIVER)).toBeNull();
    expect(delivery.params.excess?.reportedOn).toBe(1);
  });
});

describe("what a carve-out's lint reports of its excess", () => {
  const reliefFunds = { id: 'relief-funds', kind: 'top-up', funds: { 'health-relief': { label: '健康扶贫' } } };
  const basic = { id: 'basic', kind: 'table' };
  const self = { id: 'maternal-subsidy', kind: 'carve-out' };
  const reportedOn = (id: string): CarveOutRaw => ({
    ...DELIVERY,
    excess: { ...DELIVERY.excess!, reportedOn: id, funds: ['health-relief'] },
  });

  it.each(
    cases([
      {
        name: 'a tier that is not in the order',
        raw: reportedOn('nowhere'),
        tiers: [self, reliefFunds],
        self: 0,
        reported: [{ path: 'excess.reportedOn', message: `"nowhere" is not a tier of this rule set's order` }],
      },
      {
        name: 'a tier that runs before it',
        raw: reportedOn('relief-funds'),
        tiers: [reliefFunds, self],
        self: 1,
        reported: [
          {
            path: 'excess.reportedOn',
            message: 'the excess is reported on a tier that runs later; "relief-funds" runs before this one',
          },
        ],
      },
      {
        name: 'itself',
        raw: reportedOn('maternal-subsidy'),
        tiers: [self, reliefFunds],
        self: 0,
        reported: [
          {
            path: 'excess.reportedOn',
            message: 'the excess is reported on a tier that runs later; "maternal-subsidy" runs before this one',
          },
        ],
      },
      {
        name: 'a tier without funds',
        raw: reportedOn('basic'),
        tiers: [self, basic, reliefFunds],
        self: 0,
        reported: [
          { path: 'excess.reportedOn', message: 'the excess is reported on a top-up tier; "basic" is a table' },
        ],
      },
      {
        name: 'funds the reporting tier does not have',
        raw: DELIVERY,
        tiers: [self, basic, reliefFunds],
        self: 0,
        reported: [
          { path: 'excess.funds.1', message: 'fund "charity" is not a fund of "relief-funds" (health-relief)' },
        ],
      },
      {
        name: 'nothing for a later top-up with the funds',
        raw: reportedOn('relief-funds'),
        tiers: [self, basic, reliefFunds],
        self: 0,
        reported: [],
      },
      { name: 'nothing for a carve-out without an excess', raw: WAIVER, tiers: [], self: 0, reported: [] },
    ]),
  )('%s', (_, { raw, tiers, self, reported }) => {
    expect(lintOf(carveOut, raw, { tiers, self })).toEqual(reported);
  });
});

describe("a carve-out's tier file", () => {
  it('passes its schema as written here, in either form', () => {
    expect(schemaProblems(carveOut, WAIVER)).toEqual([]);
    expect(schemaProblems(carveOut, DELIVERY)).toEqual([]);
  });

  it('keeps no year-to-date counter in either form (the ledger holds nothing of it)', () => {
    expect(carveOut.counters(WAIVER)).toEqual([]);
    expect(carveOut.counters(DELIVERY)).toEqual([]);
    expect(delivery.counterNames).toEqual([]);
  });

  it('is refused when it takes both a share and a fixed amount, or neither, or sends its excess to no fund', () => {
    expect(schemaProblems(carveOut, { ...WAIVER, take: { ...WAIVER.take, fixed: dated('500') } })).toEqual([
      { path: 'take', message: 'a carve-out takes either a "share" of the pools or a "fixed" amount' },
    ]);
    expect(schemaProblems(carveOut, { ...WAIVER, take: gate(ALWAYS) })).toEqual([
      { path: 'take', message: 'a carve-out takes either a "share" of the pools or a "fixed" amount' },
    ]);
    expect(schemaProblems(carveOut, { ...DELIVERY, excess: { ...DELIVERY.excess!, funds: [] } })).toEqual([
      { path: 'excess.funds', message: 'Too small: expected array to have >=1 items' },
    ]);
  });
});

describe('for any pools, balances and person', () => {
  const pool = fc.nat(2_000_000);
  const poolsArb = fc.array(pool, { minLength: 8, maxLength: 8 });
  it('a carve-out takes no more than its pools hold, never a negative amount, and the pools still add up to what is left', () => {
    fc.assert(
      fc.property(
        poolsArb,
        fc.option(fc.nat(500_000), { nil: undefined }),
        fc.constantFrom(PROTECTED_VAGINAL, VAGINAL, CESAREAN, { ...PROTECTED_VAGINAL, category: 'migrant' }),
        fc.boolean(),
        (before, balance, facts, isWaiver) => {
          const balances: Record<string, number> =
            balance === undefined ? {} : { 'health-relief': balance, charity: 0 };
          const r = (isWaiver ? waiver : delivery).run({ pools: before, balances }, facts);
          const sent = r.s.carried[1] ?? 0;
          expect(r.amount).toBeGreaterThanOrEqual(0);
          expect(sent).toBeGreaterThanOrEqual(0);
          expect(r.amount).toBeLessThanOrEqual(r.detail.base);
          expect(r.amount + sent).toBeLessThanOrEqual(sum(before));
          r.pools.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(before[i]!);
          });
          if (isWaiver) [0, 2, 4, 6].forEach((i) => expect(r.pools[i]).toBe(before[i]));
          expect(sum(r.pools)).toBe(r.remaining);
          expect(r.remaining).toBe(sum(before) - r.amount - sent);
        },
      ),
    );
  });
});
