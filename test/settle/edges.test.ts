/**
 * Amounts exactly at every deductible, bracket bound, delivery limit, subsidy and cap, and one
 * fen past it. Caps and brackets are reached by starting from a year-to-date ledger; with the
 * basic-insurance cap used up, a claim adds exactly its in-scope cost to the serious-illness
 * burden, which puts c where the test wants it.
 */
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { settlementToJson, type SettlementJson } from '../../src/format/settlement-json.js';
import { emptyYearLedger } from '../../src/ledger/year-ledger.js';
import { type Fen, parseAmount } from '../../src/money/fen.js';
import { policyOn } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { settleClaim } from '../../src/settle/settle-claim.js';

/** Year-to-date counters to start from, by name (`<tier id>.<counter>`); each must be one the rule set keeps. */
type LedgerPatch = Readonly<Record<string, Fen>>;
const yuan = (s: string) => parseAmount(s)! as Fen;

function settleWith(
  opts: {
    category?: string;
    illnessInduced?: boolean;
    kind?: string;
    mode?: string;
    chronic?: boolean;
    referral?: string;
    level?: string;
    area?: string;
    discharged?: string;
    items: [string, string, string?][];
  },
  patch: LedgerPatch = {},
): SettlementJson {
  const claim = {
    id: 'E',
    person: {
      id: 'PE',
      county: 'anyue',
      category: opts.category ?? 'general',
      illnessInduced: opts.illnessInduced ?? false,
    },
    visit: {
      kind: opts.kind ?? 'inpatient',
      discharged: opts.discharged ?? '2018-05-05',
      ...(opts.mode ? { deliveryMode: opts.mode } : {}),
      ...(opts.chronic ? { chronic: true } : {}),
      ...(opts.referral ? { referral: opts.referral } : {}),
    },
    hospital: { level: opts.level ?? 'county', area: opts.area ?? 'anyue' },
    items: opts.items.map(([category, catalog, amount]) => ({ category, catalog, amount: amount ?? '0' })),
  };
  const c = parseClaim(claim);
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  // A misspelt counter would be kept aside and read by no tier: the test would pass for nothing.
  const layout = policyOn(defaultRules(), claim.visit.discharged)!.scheme.counters;
  for (const name of Object.keys(patch)) expect(layout, name).toContain(name);
  const r = settleClaim(c.value, {
    ledger: { ...emptyYearLedger('PE', Number(claim.visit.discharged.slice(0, 4))), counters: patch },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return settlementToJson(r.value);
}
const line = (s: SettlementJson, id: string) => s.lines.find((l) => l.id === id)!.amount;
const drug = (amount: string): [string, string, string] => ['drug', 'A', amount];
const capUsed: LedgerPatch = { 'basic-insurance.paid.basic': yuan('150000') };

describe('deductibles, at and one fen past', () => {
  it.each([
    ['a general resident’s county deductible of 400', 'general', '400.00', '0.00'],
    ['one fen past it (0.01 × 75% = 0.0075 → 0.01)', 'general', '400.01', '0.01'],
    ['a protected person’s halved deductible of 200', 'registered-poor', '200.00', '0.00'],
    ['one fen past it (0.01 × 80% → 0.01)', 'registered-poor', '200.01', '0.01'],
  ])('basic insurance: %s', (_n, category, amount, paid) => {
    expect(line(settleWith({ category, items: [drug(amount)] }), 'basic-insurance')).toBe(paid);
  });

  it.each([
    ['at the yearly special-outpatient deductible of 300', '300.00', '0.00', '300.00'],
    ['one fen past it (0.01 × 60% = 0.006 → 0.01)', '300.01', '0.01', '300.00'],
    ['below it, the rest stays to be deducted later', '120.00', '0.00', '120.00'],
  ])('special outpatient, resident table: %s', (_n, amount, paid, used) => {
    const s = settleWith({ kind: 'special-outpatient', items: [drug(amount)] });
    expect(line(s, 'basic-insurance')).toBe(paid);
    expect(s.ledger.counters['basic-insurance.deductible.special-outpatient-resident']).toBe(used);
  });

  it.each([
    ['a burden that reaches the deductible of 10,000 exactly pays nothing', '9000', '1000.00', '0.00'],
    ['one fen past it pays 0.01 (0.0055 → 0.01)', '9000', '1000.01', '0.01'],
    ['a protected person’s halved deductible of 5,000, exactly', '4000', '1000.00', '0.00'],
  ])('serious illness: %s', (name, burden, amount, paid) => {
    const category = name.includes('protected') ? 'rural-dibao' : 'general';
    const s = settleWith(
      { category, items: [drug(amount)] },
      { ...capUsed, 'serious-illness-insurance.burden': yuan(burden) },
    );
    expect(line(s, 'basic-insurance')).toBe('0.00');
    expect(line(s, 'serious-illness-insurance')).toBe(paid);
  });
});

describe('serious-illness brackets, at and one fen past', () => {
  it.each([
    ['up to 50,000 at 55%', '49000', '1000.00', '550.00'],
    ['one fen into 65% (round(22000.0065) − 21450 = 550.01)', '49000', '1000.01', '550.01'],
    ['up to 100,000 at 65%', '99000', '1000.00', '650.00'],
    ['one fen into 75% (round(54500.0075) − 53850 = 650.01)', '99000', '1000.01', '650.01'],
  ])('%s', (_n, burden, amount, paid) => {
    const s = settleWith({ items: [drug(amount)] }, { ...capUsed, 'serious-illness-insurance.burden': yuan(burden) });
    expect(line(s, 'serious-illness-insurance')).toBe(paid);
  });
});

describe('annual caps and limits, exactly used up and one fen short', () => {
  it.each([
    ['basic insurance, 0.01 left', { 'basic-insurance.paid.basic': yuan('149999.99') }, 'basic-insurance', '0.01'],
    ['basic insurance, used up', { 'basic-insurance.paid.basic': yuan('150000') }, 'basic-insurance', '0.00'],
    [
      'serious illness, 0.01 left',
      {
        ...capUsed,
        'serious-illness-insurance.burden': yuan('200000'),
        'serious-illness-insurance.paid': yuan('299999.99'),
      },
      'serious-illness-insurance',
      '0.01',
    ],
    [
      'serious illness, used up',
      {
        ...capUsed,
        'serious-illness-insurance.burden': yuan('200000'),
        'serious-illness-insurance.paid': yuan('300000'),
      },
      'serious-illness-insurance',
      '0.00',
    ],
    [
      'supplementary, 0.01 left',
      { 'supplementary-insurance.paid': yuan('49999.99') },
      'supplementary-insurance',
      '0.01',
    ],
    ['supplementary, used up', { 'supplementary-insurance.paid': yuan('50000') }, 'supplementary-insurance', '0.00'],
  ] as const)('%s', (_n, patch, id, paid) => {
    expect(line(settleWith({ items: [drug('100000')] }, patch as LedgerPatch), id)).toBe(paid);
  });

  it.each([
    ['assistance, 0.01 left', yuan('49999.99'), '0.01'],
    ['assistance, used up', yuan('50000'), '0.00'],
  ])('%s', (_n, used, paid) => {
    // Dibao in Sichuan (no target): a large 乙类 part leaves plenty for assistance.
    const s = settleWith(
      { category: 'rural-dibao', area: 'sichuan', items: [['drug', 'B', '100000']] },
      { 'medical-assistance.paid': used },
    );
    expect(line(s, 'medical-assistance')).toBe(paid);
  });

  it.each([
    ['general outpatient, 0.01 left', yuan('299.99'), '0.01'],
    ['general outpatient, used up', yuan('300'), '0.00'],
  ])('%s', (_n, used, paid) => {
    const s = settleWith(
      { kind: 'general-outpatient', level: 'township', items: [drug('100')] },
      { 'basic-insurance.paid.general-outpatient': used },
    );
    expect(line(s, 'basic-insurance')).toBe(paid);
  });
});

describe('delivery limits and subsidies, at and one fen past', () => {
  const delivery = (category: string, mode: string, amount: string) =>
    settleWith({ category, kind: 'delivery', mode, items: [drug(amount)] });

  it.each([
    ['cesarean at the 4,000 limit: no excess', 'cesarean', '4000.00', 0],
    ['one fen over: 0.01 to the relief funds', 'cesarean', '4000.01', 1],
    ['vaginal at the 2,000 limit: no excess', 'vaginal', '2000.00', 0],
    ['one fen over: 0.01', 'vaginal', '2000.01', 1],
  ])('a protected mother, %s', (_n, mode, amount, excessFen) => {
    const s = delivery('registered-poor', mode, amount);
    const hpr = s.lines.find((l) => l.id === 'relief-funds')!.funds!['health-poverty-relief'];
    expect(hpr === undefined ? 0 : parseAmount(hpr)).toBe(excessFen);
    expect(s.personal).toBe('0.00');
  });

  it.each([
    ['a bill of exactly the 500 subsidy is paid by it', '500.00', '500.00', '0.00'],
    ['a bill one fen over leaves 0.01 to the tiers', '500.01', '500.00', '0.01'],
    ['a bill under the subsidy gets only its own amount', '499.99', '499.99', '0.00'],
  ])('a general mother: %s', (_n, amount, subsidy, basicBase) => {
    const s = delivery('general', 'vaginal', amount);
    expect(s.lines[0]!.amount).toBe(subsidy);
    expect(parseAmount(s.billable)! - parseAmount(subsidy)!).toBe(parseAmount(basicBase));
  });
});

describe('the chronic outpatient target is floor(10%) to the fen', () => {
  it.each([
    ['1555.50', '155.55'],
    ['1555.59', '155.55'],
    ['1555.60', '155.56'],
  ])('a bill of %s has a target of %s', (amount, target) => {
    // Out of catalog and out of jurisdiction, so the bill is billable and mostly personal until tier 8.
    const s = settleWith({
      category: 'registered-poor',
      kind: 'special-outpatient',
      chronic: true,
      area: 'sichuan',
      items: [['drug', 'C', amount]],
    });
    expect(s.target).toEqual({ personalMax: target, met: true });
    expect(s.personal).toBe(target);
  });
});

describe('ziyang-2022: deductibles, thresholds and caps, at and one fen past', () => {
  // Basic insurance's cap used up, so that what each later tier sees is the claim's in-scope cost.
  const in2022 = (
    category: string,
    amount: string,
    patch: LedgerPatch,
    where: { area?: string; referral?: string } = {},
  ) => settleWith({ category, discharged: '2023-05-05', ...where, items: [drug(amount)] }, { ...capUsed, ...patch });

  it.each([
    ['at the marginal yearly deductible of 3,000 (10% of 30,000)', '3000.00', {}, '0.00', '3000.00'],
    ['one fen past it (0.01 × 60% = 0.006 → 0.01)', '3000.01', {}, '0.01', '3000.00'],
    [
      'what earlier claims of the year consumed is not deducted again',
      '100.00',
      { 'medical-assistance.deductible': yuan('3000') },
      '60.00',
      '3000.00',
    ],
    [
      'the annual limit of 50,000 with 0.01 left',
      '10000.00',
      { 'medical-assistance.paid': yuan('49999.99') },
      '0.01',
      '3000.00',
    ],
  ] as const)('medical assistance: %s', (_n, amount, patch, paid, consumed) => {
    const s = in2022('marginal', amount, patch);
    expect(line(s, 'serious-illness-insurance')).toBe('0.00');
    expect(line(s, 'medical-assistance')).toBe(paid);
    expect(s.ledger.counters['medical-assistance.deductible']).toBe(consumed);
  });

  // Serious illness and assistance used up, so that the tilted burden grows by the claim's in-scope cost.
  const usedUp: LedgerPatch = {
    'serious-illness-insurance.paid': yuan('300000'),
    'serious-illness-insurance.burden': yuan('500000'),
    'medical-assistance.paid': yuan('50000'),
  };
  it.each([
    ['a burden that reaches the threshold of 10,000 exactly pays nothing', '9000', '0', '1000.00', {}, '0.00'],
    ['one fen past it pays 0.01 (0.005 → 0.01)', '9000', '0', '1000.01', {}, '0.01'],
    ['the annual cap of 20,000 with 0.01 left', '50000', '19999.99', '1000.00', {}, '0.01'],
    ['the annual cap used up', '50000', '20000', '1000.00', {}, '0.00'],
    [
      'out of county but referred, in the city',
      '50000',
      '0',
      '1000.00',
      { area: 'lezhi', referral: 'referred' },
      '500.00',
    ],
    ['out of county, not referred: not for this claim', '50000', '0', '1000.00', { area: 'lezhi' }, '0.00'],
    [
      'out of province, even referred: not for this claim',
      '50000',
      '0',
      '1000.00',
      { area: 'other-province', referral: 'referred' },
      '0.00',
    ],
  ] as const)('tilted assistance: %s', (_n, burden, paidBefore, amount, where, paid) => {
    const s = in2022(
      'marginal',
      amount,
      { ...usedUp, 'tilted-assistance.burden': yuan(burden), 'tilted-assistance.paid': yuan(paidBefore) },
      where,
    );
    expect(line(s, 'medical-assistance')).toBe('0.00');
    expect(line(s, 'tilted-assistance')).toBe(paid);
  });

  it.each([
    ['the core group’s halved deductible of 5,000, exactly', 'dibao', '4000', '0', '1000.00', '0.00'],
    ['one fen past it (0.01 × 60% = 0.006 → 0.01)', 'dibao', '4000', '0', '1000.01', '0.01'],
    ['the general deductible of 10,000 is not halved', 'general', '4000', '0', '1000.00', '0.00'],
    [
      'the core group is paid beyond the 300,000 cap (1,000 × 80%)',
      'extreme-poor',
      '200000',
      '300000',
      '1000.00',
      '800.00',
    ],
    ['others stop at the cap', 'marginal', '200000', '300000', '1000.00', '0.00'],
    ['others with 0.01 of the cap left', 'general', '200000', '299999.99', '1000.00', '0.01'],
  ] as const)('serious illness: %s', (_n, category, burden, paidBefore, amount, paid) => {
    const s = in2022(category, amount, {
      'serious-illness-insurance.burden': yuan(burden),
      'serious-illness-insurance.paid': yuan(paidBefore),
    });
    expect(line(s, 'basic-insurance')).toBe('0.00');
    expect(line(s, 'serious-illness-insurance')).toBe(paid);
  });
});
