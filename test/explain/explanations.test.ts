/**
 * The explanation of every kind of line and every branch of its sentence (not designated, not
 * applicable, capped, limited, deductible not reached, subsidy not granted, target missed, no
 * target, delivery excess; 2022: yearly deductible and limit, no cap for the core group, tilted
 * threshold), in both eras, pinned in a golden file that a person reviews.
 */
import { it } from 'vitest';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { explainLineEn } from '../../src/explain/explain-line.js';
import { formatStatement } from '../../src/format/text.js';
import { emptyYearLedger } from '../../src/ledger/year-ledger.js';
import type { Fen } from '../../src/money/fen.js';
import { settleClaim, type SettleOptions } from '../../src/settle/settle-claim.js';
import { expectGolden } from '../support/helpers.js';

const P = (category: string, illnessInduced = false, county = 'anyue') => ({
  id: 'P',
  county,
  category,
  illnessInduced,
});
const A = (amount: string, category = 'drug', catalog = 'A', extra: object = {}) => ({
  category,
  catalog,
  amount,
  ...extra,
});
const fen = (n: number) => n as Fen;
/** A discharge date of ziyang-2022. */
const D2022 = { discharged: '2023-05-05' };

const cases: [string, object, SettleOptions?][] = [
  [
    'protected inpatient in county, all tiers',
    {
      person: P('registered-poor', true),
      items: [
        A('3200'),
        A('5000', 'treatment'),
        A('800', 'drug', 'B'),
        A('600', 'material', 'C', { necessary: true }),
        A('400', 'exam', 'A', { compliant: false }),
      ],
    },
  ],
  [
    'not designated',
    {
      person: P('registered-poor', true),
      hospital: { level: 'county', area: 'anyue', designated: false },
      items: [A('1000')],
    },
  ],
  ['general resident: not applicable lines', { person: P('general'), items: [A('20000')] }],
  [
    'general outpatient',
    {
      person: P('rural-dibao'),
      visit: { kind: 'general-outpatient' },
      hospital: { level: 'township', area: 'anyue' },
      items: [A('100')],
    },
  ],
  [
    'caps bind',
    { person: P('general'), hospital: { level: 'provincial', area: 'other-province' }, items: [A('1000000')] },
  ],
  [
    'assistance limited',
    { person: P('rural-dibao'), hospital: { level: 'county', area: 'sichuan' }, items: [A('100000', 'drug', 'B')] },
    { ledger: { ...emptyYearLedger('P', 2018), counters: { 'medical-assistance.paid': fen(4_999_000) } } },
  ],
  [
    'special outpatient, yearly deductible',
    { person: P('general'), visit: { kind: 'special-outpatient' }, items: [A('500')] },
  ],
  [
    'chronic target',
    {
      person: P('registered-poor'),
      visit: { kind: 'special-outpatient', chronic: true },
      hospital: { level: 'township', area: 'sichuan' },
      items: [A('555.55'), A('1000', 'drug', 'C')],
    },
  ],
  [
    'no target out of county',
    { person: P('registered-poor', true), hospital: { level: 'provincial', area: 'sichuan' }, items: [A('20000')] },
  ],
  [
    'protected delivery with excess',
    {
      person: P('registered-poor'),
      visit: { kind: 'delivery', deliveryMode: 'cesarean' },
      items: [A('1500'), A('3000', 'surgery'), A('1000', 'bed')],
    },
  ],
  [
    'general delivery',
    {
      person: P('general'),
      visit: { kind: 'delivery', deliveryMode: 'vaginal' },
      items: [A('1500'), A('1000', 'treatment')],
    },
  ],
  [
    'delivery at a hospital not designated',
    {
      person: P('registered-poor'),
      visit: { kind: 'delivery', deliveryMode: 'vaginal' },
      hospital: { level: 'county', area: 'anyue', designated: false },
      items: [A('1500')],
    },
  ],
  [
    'funds run dry',
    { person: P('registered-poor', true), items: [A('3200'), A('5000', 'treatment'), A('800', 'drug', 'B')] },
    {
      funds: {
        'emergency-relief': fen(1000),
        'charity-care': fen(0),
        'health-poverty-relief': fen(500),
        'major-disease-charity': fen(0),
      },
    },
  ],
  [
    'Yanjiang city hospital',
    {
      person: P('registered-poor', true, 'yanjiang'),
      hospital: { id: 'H-YJ', name: '资阳市第一人民医院', level: 'city', area: 'yanjiang' },
      items: [A('10000', 'surgery')],
    },
  ],
  // ziyang-2022: every branch of the yearly-assistance and brackets lines, and what does not apply.
  [
    '2022 core group in county, every layer',
    {
      person: P('dibao'),
      visit: D2022,
      items: [
        A('30000'),
        A('20000', 'western-drug'),
        A('5000', '09', 'B'),
        A('2000', 'material', 'C', { necessary: true }),
      ],
    },
  ],
  [
    '2022 marginal: the yearly assistance deductible not reached',
    { person: P('marginal'), visit: D2022, items: [A('5000')] },
  ],
  [
    '2022 illness-poor: the deductible partly consumed earlier, tilted below its threshold',
    { person: P('illness-poor'), visit: D2022, items: [A('20000')] },
    { ledger: { ...emptyYearLedger('P', 2023), counters: { 'medical-assistance.deductible': fen(500_000) } } },
  ],
  [
    '2022 extreme poor, referred: no serious-illness cap, assistance and tilted limits bind',
    {
      person: P('extreme-poor'),
      visit: { ...D2022, referral: 'referred' },
      hospital: { level: 'provincial', area: 'sichuan' },
      items: [A('1000000')],
    },
  ],
  [
    '2022 general resident: assistance and tilted not applicable, serious-illness cap binds',
    {
      person: P('general'),
      visit: D2022,
      hospital: { level: 'provincial', area: 'other-province' },
      items: [A('1000000')],
    },
  ],
  [
    '2022 returned poor out of county, not referred',
    { person: P('returned-poor'), visit: D2022, hospital: { level: 'city', area: 'lezhi' }, items: [A('50000')] },
  ],
  [
    '2022 general outpatient',
    {
      person: P('dibao'),
      visit: { ...D2022, kind: 'general-outpatient' },
      hospital: { level: 'township', area: 'anyue' },
      items: [A('100')],
    },
  ],
  [
    '2022 not designated',
    {
      person: P('dibao'),
      visit: D2022,
      hospital: { level: 'county', area: 'anyue', designated: false },
      items: [A('1000')],
    },
  ],
];

function settled(name: string, c: object, options?: SettleOptions) {
  const { visit, ...rest } = c as { visit?: object };
  const claim = parseClaim({
    id: 'X',
    hospital: { level: 'county', area: 'anyue' },
    ...rest,
    visit: { kind: 'inpatient', discharged: '2018-05-05', ...visit },
  });
  if (!claim.ok) throw new Error(`${name}: ${JSON.stringify(claim.errors)}`);
  const r = settleClaim(claim.value, options);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return r.value;
}

it("every branch of every explanation reads as reviewed, in Chinese (the cashier's statement)", () => {
  const out = cases.map(([name, c, options]) => `## ${name}\n${formatStatement(settled(name, c, options))}\n`);
  expectGolden('explanations.txt', out.join('\n'));
});

it('every branch of every explanation reads as reviewed, in English', () => {
  const out = cases.map(([name, c, options]) => {
    const r = settled(name, c, options);
    return `## ${name}\n${r.lines.map((l) => `${l.tier} ${l.id} ${l.amount}: ${explainLineEn(l)}`).join('\n')}\n`;
  });
  expectGolden('explanations.en.txt', out.join('\n'));
});
