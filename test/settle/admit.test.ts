/**
 * Admission (src/settle/admit.ts): one function decides whether a valid claim is settled under a
 * rule book and its person-year's ledger, in one order (duplicate, date, ledger of another
 * person-year, values of another rule set, exact range), for settleClaim, the batch and the
 * simulation alike (issue 21).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claim/claim.js';
import { ClaimRecord, recordClaim } from '../../src/claim/claim-record.js';
import { vocabularyIndex } from '../../src/claim/vocabulary-index.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { type AdmissionLedger, admit, isRefusal } from '../../src/settle/admit.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { DUPLICATE_DETAIL } from '../../src/ledger/duplicate-detail.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { settleBatch } from '../../src/contract/settle-json.js';
import { baseClaim } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const book = defaultRules();
const valid = (overrides: Record<string, unknown> = {}): Claim => {
  const r = parseClaim(baseClaim(overrides));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const visit2021 = { kind: 'inpatient', discharged: '2021-03-01' };
/** A ledger that has settled `ids`, of `personId` in `year` when given, with every counter at `counter`. */
const ledger = (o: { ids?: string[]; personId?: string; year?: number; counter?: number } = {}): AdmissionLedger => ({
  personId: o.personId,
  year: o.year,
  settled: (id) => (o.ids?.includes(id) ? { zh: '已结算', en: 'settled' } : undefined),
  counters: (policy) => policy.scheme.counters.map(() => o.counter ?? 0),
});
const vocabulary = vocabularyIndex(claimVocabulary(book));
/** Admission of a claim as settleClaim asks for it: recorded with the book's vocabulary, the claim given for its text. */
const admitClaim = (claim: Claim, l: AdmissionLedger, lang?: 'en') => {
  const record = new ClaimRecord();
  recordClaim(claim, vocabulary, record);
  return admit(record, book, vocabulary, l, lang, claim);
};
const codes = (a: ReturnType<typeof admit>) => (isRefusal(a) ? a.map((i) => [i.code, i.path]) : 'admitted');

describe('a valid claim is admitted, or refused for the first reason in this order', () => {
  it.each([
    ['a claim with nothing against it is admitted', valid(), ledger(), 'admitted'],
    ['a claim id already settled', valid(), ledger({ ids: ['T1'] }), [['duplicate_claim', 'id']]],
    [
      'a duplicate discharged when no rule set is in force is refused as a duplicate',
      valid({ visit: visit2021 }),
      ledger({ ids: ['T1'] }),
      [['duplicate_claim', 'id']],
    ],
    [
      'a claim discharged when no rule set is in force',
      valid({ visit: visit2021 }),
      ledger({ personId: 'OTHER', year: 2017 }),
      [['no_rules_for_date', 'visit.discharged']],
    ],
    ["another person's ledger", valid(), ledger({ personId: 'OTHER', year: 2017 }), [['ledger_mismatch', 'person.id']]],
    [
      "another year's ledger",
      valid(),
      ledger({ personId: 'PT', year: 2018 }),
      [['ledger_mismatch', 'visit.discharged']],
    ],
    [
      'values of the 2022 scheme on a 2017 claim, every one of them',
      valid({
        person: { id: 'PT', county: 'anyue', category: 'dibao' },
        hospital: { level: 'county', area: 'anyue' },
      }),
      ledger({ counter: Number.MAX_SAFE_INTEGER }),
      [['invalid_enum', 'person.category']],
    ],
    [
      'a claim that could carry a counter past 2^53 fen',
      valid(),
      ledger({ counter: Number.MAX_SAFE_INTEGER - 100 }),
      [['ledger_overflow', 'items']],
    ],
  ] as const)('%s', (_, claim, l, expected) => {
    expect(codes(admitClaim(claim, l, 'en'))).toEqual(expected);
  });

  it('gives back the policy in force on the discharge date when it admits', () => {
    const a = admitClaim(valid(), ledger());
    expect(isRefusal(a) ? null : [a.policy.id, a.policy.version]).toEqual(['ziyang-2017', '2017-03-17']);
  });
});

describe('each refusal says what and where, word for word in both languages', () => {
  /** The claim with its county and its hospital's area changed (a claim read for another book: its record cannot hold them). */
  const elsewhere = (county: string, area: string): Claim => {
    const c = valid();
    return { ...c, person: { ...c.person, county }, hospital: { ...c.hospital, area } };
  };
  const settledEarlier: AdmissionLedger = {
    ...ledger(),
    settled: (id) => (id === 'T1' ? DUPLICATE_DETAIL : undefined),
  };
  it.each([
    [
      'a claim id already settled, with where it was seen',
      valid(),
      settledEarlier,
      [
        {
          code: 'duplicate_claim',
          path: 'id',
          zh: '报销申请 T1 已经结算过（本批次前面或台账中已有）；同一申请编号只结算一次：请核对编号，或从不含该申请的台账开始',
          en: 'claim T1 was already settled (earlier in this batch or in the ledger); a claim id is settled once: check the id, or start from a ledger without it',
        },
      ],
    ],
    [
      "another person's ledger, with both person-years",
      valid(),
      ledger({ personId: 'OTHER', year: 2017 }),
      [
        {
          code: 'ledger_mismatch',
          path: 'person.id',
          zh: '传入的年度累计台账不属于本报销申请的患者和年度（台账属于 OTHER|2017，报销申请属于 PT|2017）',
          en: "the year-to-date ledger passed in is not this claim's person and year (ledger of OTHER|2017, claim of PT|2017)",
        },
      ],
    ],
    [
      'a county and an area no rule set of the book has, each with the values of the rule set in force',
      elsewhere('nowhere', 'abroad'),
      ledger(),
      [
        {
          code: 'invalid_enum',
          path: 'person.county',
          zh: '字段 person.county 应为以下之一："yanjiang", "anyue", "lezhi"，收到的是 "nowhere"（2017-06-10 适用 ziyang-2017）',
          en: 'person.county must be one of "yanjiang", "anyue", "lezhi", not "nowhere" (ziyang-2017, in force on 2017-06-10)',
        },
        {
          code: 'invalid_enum',
          path: 'hospital.area',
          zh: '字段 hospital.area 应为以下之一："yanjiang", "anyue", "lezhi", "sichuan", "other-province"，收到的是 "abroad"（2017-06-10 适用 ziyang-2017）',
          en: 'hospital.area must be one of "yanjiang", "anyue", "lezhi", "sichuan", "other-province", not "abroad" (ziyang-2017, in force on 2017-06-10)',
        },
      ],
    ],
  ] as const)('%s', (_, claim, l, expected) => {
    const issues = (lang?: 'en') => {
      const a = admitClaim(claim, l, lang);
      return isRefusal(a) ? a : 'admitted';
    };
    expect([issues(), issues('en')]).toEqual([
      expected.map((i) => ({ code: i.code, path: i.path, message: i.zh })),
      expected.map((i) => ({ code: i.code, path: i.path, message: i.en })),
    ]);
  });

  it('compares the ledger with the claim only when it names both its person and its year', () => {
    expect([
      codes(admitClaim(valid(), ledger({ personId: 'OTHER' }))),
      codes(admitClaim(valid(), ledger({ year: 2018 }))),
    ]).toEqual(['admitted', 'admitted']);
  });
});

describe('a ledger that knows a bound on its counters is read only when the claim could reach 2^53 − 1 fen', () => {
  const TOTAL = 820_000; // the base claim: 3,200.00 + 5,000.00 yuan
  /** A ledger whose counters are at `counter`, none above `atMost`, that counts how often its counters are read. */
  const bounded = (atMost: number | undefined, counter: number) => {
    const reads = { n: 0 };
    const l: AdmissionLedger = {
      ...ledger(),
      counters: (policy) => {
        reads.n++;
        return policy.scheme.counters.map(() => counter);
      },
      ...(atMost === undefined ? {} : { atMost: () => atMost }),
    };
    return { l, reads };
  };
  const MAX = Number.MAX_SAFE_INTEGER;
  it.each([
    ['a bound that keeps the claim within the limit: not read', MAX - TOTAL, MAX - TOTAL, 0, 'admitted'],
    ['a small bound: not read', 0, 0, 0, 'admitted'],
    ['a bound one fen past the limit: read, and the counters are within it', MAX - TOTAL + 1, 0, 1, 'admitted'],
    [
      'a bound one fen past the limit: read, and a counter would pass it',
      MAX - TOTAL + 1,
      MAX - TOTAL + 1,
      1,
      [['ledger_overflow', 'items']],
    ],
    ['no bound: always read', undefined, 0, 1, 'admitted'],
  ] as const)('%s', (_, atMost, counter, reads, expected) => {
    const b = bounded(atMost, counter);
    expect([codes(admitClaim(valid(), b.l)), b.reads.n]).toEqual([expected, reads]);
  });
});

describe('the batch and the simulation refuse through it, with the same codes and paths', () => {
  it('a duplicate, a date without rules and values of another scheme, in one input', () => {
    const inputs = [
      baseClaim({ id: 'A' }),
      baseClaim({ id: 'A' }),
      baseClaim({ id: 'B', visit: visit2021 }),
      baseClaim({ id: 'C', person: { id: 'PT', county: 'anyue', category: 'dibao' } }),
    ];
    const batch = settleBatch(inputs).outcomes.map((o) => (o.ok ? 'ok' : `${o.errors[0]!.code} ${o.errors[0]!.path}`));
    const sim = createSimulation({ variants: [{ name: 'baseline', rules: book }] });
    for (const c of inputs) sim.add(c);
    const refused = sim.result().rejections.map((r) => `${r.code} ${r.path}`);
    expect(batch).toEqual([
      'ok',
      'duplicate_claim id',
      'no_rules_for_date visit.discharged',
      'invalid_enum person.category',
    ]);
    expect(refused).toEqual(batch.slice(1));
  });

  it('no module but admit.ts decides these refusals of a valid claim', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const deciding = files(join(ROOT, 'src'))
      .filter((f) =>
        /ClaimErrorCode\.(LEDGER_OVERFLOW|LEDGER_MISMATCH)\b|ledgerOverflow\(|schemeIssues\(claim/.test(
          readFileSync(f, 'utf8'),
        ),
      )
      .map((f) => relative(ROOT, f));
    expect(deciding.sort()).toEqual(['src/ledger/overflow.ts', 'src/settle/admit.ts']);
  });
});
