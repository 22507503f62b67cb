/**
 * Reversal (冲正, docs/claim.md "The ledger"; README, "Reversal and re-settlement"), on the worked
 * year of three admissions (spec example 10): the later claims re-settled to the fen as if the
 * reversed one never came, the ledger exactly the year's without it; and every refusal of
 * `reverseClaim` at its path, word for word in both languages, nothing reversed and nothing thrown.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claim/claim.js';
import type { Lang } from '../../src/i18n/lang.js';
import type { YearLedger } from '../../src/ledger/year-ledger.js';
import { formatFen } from '../../src/money/fen.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { type ReverseOptions, reverseClaim } from '../../src/settle/reverse.js';
import { cases, specExamples } from '../support/helpers.js';

/** The claims of spec example 10 as sent: P10 (rural dibao, lezhi), admitted three times in 2018. */
const sent = specExamples().find((e) => e.file === '10-year-sequence.json')!.claims as Record<string, unknown>[];
const read = (json: unknown): Claim => {
  const r = parseClaim(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const [a, b, c] = sent.map(read) as [Claim, Claim, Claim];
/** The year's ledger as the back office keeps it, in fen; absent counters are 0 (docs/claim.md). */
const ledgerOf = (claimIds: string[]): YearLedger => ({ personId: 'P10', year: 2018, claimIds, counters: {} });
/** The year's ledger a reversal hands back: every counter of the 2017 rule set, those not named 0. */
const yearLedger = (claimIds: string[], paid: Record<string, number>) => ({
  personId: 'P10',
  year: 2018,
  claimIds,
  counters: {
    'basic-insurance.paid.basic': 0,
    'basic-insurance.paid.general-outpatient': 0,
    'basic-insurance.deductible.general-outpatient': 0,
    'basic-insurance.deductible.special-outpatient-employee': 0,
    'basic-insurance.deductible.special-outpatient-resident': 0,
    'serious-illness-insurance.burden': 0,
    'serious-illness-insurance.paid': 0,
    'supplementary-insurance.paid': 0,
    'medical-assistance.paid': 0,
    ...paid,
  },
});
/** What a reversal changed, in yuan: per later claim, the tiers whose amount changed and the personal pay. */
const differences = (r: ReturnType<typeof reverseClaim>) =>
  r.ok
    ? r.value.resettled.map((x) => ({
        claimId: x.claimId,
        lines: Object.fromEntries(Object.entries(x.difference.lines).map(([id, f]) => [id, formatFen(f)])),
        personal: formatFen(x.difference.personal),
      }))
    : r.errors;
const refusal = (r: ReturnType<typeof reverseClaim>) => (r.ok ? 'reversed' : r.errors);

/** The first admission reversed: the second claim's and the third's differences, the ledger of those two. */
const withoutTheFirst = {
  id: 'C10a',
  reversedPersonal: '0.00',
  differences: [
    {
      claimId: 'C10b',
      lines: {
        'serious-illness-insurance': '-5475.50',
        'supplementary-insurance': '1095.10',
        'special-supplementary-insurance': '4380.40',
      },
      personal: '0.00',
    },
    {
      claimId: 'C10c',
      lines: {
        'basic-insurance': '10695.00',
        'serious-illness-insurance': '-8216.25',
        'supplementary-insurance': '-495.75',
        'special-supplementary-insurance': '-1983.00',
      },
      personal: '0.00',
    },
  ],
  ledger: yearLedger(['C10b', 'C10c'], {
    'basic-insurance.paid.basic': 10_970_000,
    'serious-illness-insurance.burden': 6_900_000,
    'serious-illness-insurance.paid': 4_350_000,
    'supplementary-insurance.paid': 510_000,
    'medical-assistance.paid': 210_000,
  }),
};

describe('reversing a claim of the worked year re-settles the later ones as if it never came', () => {
  it.each(
    cases([
      {
        name: 'the first admission, the claims in settling order: the second loses 5,475.50 of serious-illness insurance to the supplementary schemes, the third gains 10,695.00 of basic insurance, the personal pay unchanged',
        claims: [a, b, c],
        options: {},
        ...withoutTheFirst,
      },
      {
        name: 'the first admission, the claims in another order with the ledger, which decides the order: the same',
        claims: [c, a, b],
        options: { ledger: ledgerOf(['C10a', 'C10b', 'C10c']) },
        ...withoutTheFirst,
      },
      {
        name: 'the second admission: only the third is re-settled, 10,695.00 more of basic insurance and 10,695.00 less of the others',
        claims: [a, b, c],
        options: {},
        id: 'C10b',
        reversedPersonal: '900.00',
        differences: [
          {
            claimId: 'C10c',
            lines: {
              'basic-insurance': '10695.00',
              'serious-illness-insurance': '-8526.25',
              'supplementary-insurance': '-433.75',
              'special-supplementary-insurance': '-1735.00',
            },
            personal: '0.00',
          },
        ],
        ledger: yearLedger(['C10a', 'C10c'], {
          'basic-insurance.paid.basic': 6_259_500,
          'serious-illness-insurance.burden': 2_535_500,
          'serious-illness-insurance.paid': 1_323_075,
          'supplementary-insurance.paid': 242_485,
        }),
      },
      {
        name: 'the latest admission: nothing is re-settled, and the ledger is the one of the first two',
        claims: [a, b, c],
        options: {},
        id: 'C10c',
        reversedPersonal: '0.00',
        differences: [],
        ledger: yearLedger(['C10a', 'C10b'], {
          'basic-insurance.paid.basic': 14_909_500,
          'serious-illness-insurance.burden': 8_815_500,
          'serious-illness-insurance.paid': 5_786_625,
          'supplementary-insurance.paid': 605_775,
          'medical-assistance.paid': 210_000,
        }),
      },
    ]),
  )('reversing %s', (_, t) => {
    const r = reverseClaim(t.claims, t.id, t.options as ReverseOptions);
    expect(r.ok && r.value.reversed.claim.id).toBe(t.id);
    expect(r.ok && formatFen(r.value.reversed.personal)).toBe(t.reversedPersonal);
    expect(differences(r)).toEqual(t.differences);
    expect(r.ok && r.value.ledger).toEqual(t.ledger);
  });
});

/** What unvalidated_claim says of the value at [i] (docs/claim.md, "The claim object"). */
const unvalidated = (i: number) => ({
  zh: `字段 [${i}] 不是 parseClaim 或 parseClaimText 返回的（普通对象、JSON.parse 的结果或已校验申请的副本，其金额无法区分元与分）；请先用 parseClaim 校验，或用 settle() 结算其 JSON`,
  en: `[${i}] did not come from parseClaim or parseClaimText (a plain object, JSON.parse output or a copy of a validated claim, whose amounts could be yuan or fen); validate it with parseClaim first, or settle its JSON with settle()`,
});
/** A function carrying a claim's fields: no claim (a claim is an object), whatever it holds. */
const dressed = Object.assign(() => undefined, {
  id: 'C10x',
  person: { id: 'P11' },
  visit: { discharged: '2018-03-01' },
});
const other = (changes: Record<string, unknown>) => read({ ...sent[1], id: 'C10x', ...changes });

describe('a reversal that cannot be done is refused at its path, in both languages, and nothing is reversed', () => {
  it.each<[string, () => [unknown, unknown, ReverseOptions?], string, string, { zh: string; en: string }]>([
    [
      'settled claims that are not a list',
      () => [a, 'C10a'],
      'invalid_type',
      '',
      {
        zh: '报销申请应为 本年度已结算的报销申请数组',
        en: 'the claim must be an array of the settled claims of the year',
      },
    ],
    [
      'a claim id that is not text',
      () => [[a, b], 10],
      'invalid_type',
      'id',
      { zh: '字段 id 应为 申请编号', en: 'id must be a claim id' },
    ],
    [
      'a claim id that is not among the claims given',
      () => [[a, b, c], 'C10d'],
      'not_settled',
      'id',
      {
        zh: '报销申请 C10d 不在该患者本年度已结算的报销申请中（共给出 3 件）；未做任何冲正',
        en: 'claim C10d is not among the settled claims of its person-year (3 claims given); nothing was reversed',
      },
    ],
    [
      'a claim id held only by a function dressed as a claim, which is none',
      () => [[dressed, a, b], 'C10x'],
      'not_settled',
      'id',
      {
        zh: '报销申请 C10x 不在该患者本年度已结算的报销申请中（共给出 3 件）；未做任何冲正',
        en: 'claim C10x is not among the settled claims of its person-year (3 claims given); nothing was reversed',
      },
    ],
    [
      'claims of another person',
      () => [[a, other({ person: { id: 'P11', county: 'lezhi', category: 'rural-dibao' } }), b], 'C10a'],
      'mixed_person_year',
      'id',
      {
        zh: '重新结算的报销申请必须属于同一患者、同一年度（P10|2018 与 C10x）',
        en: 'the claims to re-settle must all be of one person and one year (P10|2018 and C10x)',
      },
    ],
    [
      'claims of another year',
      () => [[a, b, other({ visit: { kind: 'inpatient', discharged: '2019-01-05', admitted: '2018-12-28' } })], 'C10b'],
      'mixed_person_year',
      'id',
      {
        zh: '重新结算的报销申请必须属于同一患者、同一年度（P10|2018 与 C10x）',
        en: 'the claims to re-settle must all be of one person and one year (P10|2018 and C10x)',
      },
    ],
    [
      'a claim id settled twice in the year (its second settlement is refused, as any duplicate)',
      () => [[a, b, other({ id: 'C10a' })], 'C10a'],
      'duplicate_claim',
      'id',
      {
        zh: '报销申请 C10a 已经结算过（已在 P10 2018 年的台账中）；同一申请编号只结算一次：请核对编号，或从不含该申请的台账开始',
        en: 'claim C10a was already settled (in the ledger of P10 for 2018); a claim id is settled once: check the id, or start from a ledger without it',
      },
    ],
    [
      'a claim given that the ledger does not hold, even the first',
      () => [[a, b, c], 'C10b', { ledger: ledgerOf(['C10b', 'C10c']) }],
      'not_settled',
      '[0]',
      {
        zh: '报销申请 C10a 不在该患者本年度已结算的报销申请中（台账中没有）；未做任何冲正',
        en: 'claim C10a is not among the settled claims of its person-year (not in the ledger); nothing was reversed',
      },
    ],
    [
      'a claim the ledger holds that is not given, even its first',
      () => [[b, c], 'C10b', { ledger: ledgerOf(['C10a', 'C10b', 'C10c']) }],
      'missing_claim',
      'ledger.claimIds[0]',
      {
        zh: '该患者本年度台账中的报销申请 C10a 不在给出的报销申请中；请给出本年度全部已结算的报销申请：未做任何冲正',
        en: "claim C10a of the person-year's ledger is not among the claims given; give every settled claim of the year: nothing was reversed",
      },
    ],
  ])('refuses %s', (_, args, code, path, message) => {
    const [settled, id, options] = args();
    for (const lang of ['zh-CN', 'en'] as Lang[]) {
      const r = reverseClaim(settled as Claim[], id as string, { ...options, lang });
      expect(refusal(r)).toEqual([{ code, path, message: lang === 'en' ? message.en : message.zh }]);
    }
  });

  it.each<[string, unknown]>([
    ['nothing (null)', null],
    ['a claim id instead of a claim', 'C10a'],
    ['an empty object', {}],
    ['an object whose person id is a number', { id: 'C10x', person: { id: 10 }, visit: { discharged: '2018-03-01' } }],
    ['an object with a person and no visit', { id: 'C10x', person: { id: 'P10' } }],
    [
      'an object whose discharge date is a number',
      { id: 'C10x', person: { id: 'P10' }, visit: { discharged: 20180301 } },
    ],
    ['a function dressed as a claim of another person', dressed],
    ['the worked claim read back with JSON.parse', JSON.parse(JSON.stringify(b))],
  ])('refuses %s before the claims, as unvalidated_claim at [0], without reading more of it', (_, value) => {
    for (const lang of ['zh-CN', 'en'] as Lang[]) {
      const r = reverseClaim([value, a, b] as Claim[], 'C10a', { lang });
      expect(refusal(r)).toEqual([
        { code: 'unvalidated_claim', path: '[0]', message: unvalidated(0)[lang === 'en' ? 'en' : 'zh'] },
      ]);
    }
  });
});
