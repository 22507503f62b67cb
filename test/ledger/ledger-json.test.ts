/**
 * The ledger as JSON (src/ledger/ledger-json.ts; docs/claim.md, "The ledger"): written with its
 * counters sorted and its entries ordered by person and year, so that the same state prints the
 * same bytes; read back from a `--ledger` file (version 2, or version 1 of the first releases) or
 * one year ledger, every problem as `ledger_invalid` at its path in the file, in the reader's
 * language (English by default).
 */
import { describe, expect, it } from 'vitest';
import {
  ledgerToJson,
  parseLedgerJson,
  parseYearLedgerJson,
  readLedgerFile,
  settlementLedgerToJson,
  yearLedgerFromJson,
  yearLedgerToJson,
} from '../../src/ledger/ledger-json.js';
import type { YearLedger } from '../../src/ledger/year-ledger.js';
import type { Fen } from '../../src/money/fen.js';
import { defaultRules } from '../../src/scheme/embedded.js';

const yearLedger = (personId: string, year: number, counters: Record<string, number> = {}, claimIds = ['C1']) =>
  ({ personId, year, claimIds, counters: counters as Record<string, Fen> }) satisfies YearLedger;
const entry = { personId: 'P1', year: 2017, claimIds: ['C1'], counters: { 'basic-insurance.paid.basic': '1495.00' } };
const issue = (path: string, message: string, file = 'ledger') => ({ code: 'ledger_invalid', file, path, message });
/** The errors of a failed read, or the value of a successful one. */
const outcome = <T>(r: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }) =>
  r.ok ? r.value : r.errors;

describe('a ledger is written with its counters sorted, whatever order it holds them in', () => {
  it('prints each ledger with its own counters, sorted, however the one before was keyed', () => {
    // The sorted keys of the last ledger are remembered: a shorter list, a list of the same length
    // with other keys (one of them at the same place, or none), or the same keys in another order
    // must each be sorted afresh.
    const printed = (
      [
        { 'serious-illness-insurance.burden': 100, 'basic-insurance.paid.basic': 5 },
        { 'serious-illness-insurance.burden': 100 },
        { 'medical-assistance.paid': 1, 'basic-insurance.paid.basic': 2 },
        { 'supplementary-insurance.paid': 3, 'basic-insurance.paid.basic': 4 },
        { 'basic-insurance.paid.basic': 4, 'supplementary-insurance.paid': 3 },
        { 'medical-assistance.paid': 1, 'serious-illness-insurance.burden': 2 },
        {},
      ] as Record<string, number>[]
    ).map((c) => JSON.stringify(yearLedgerToJson(yearLedger('P1', 2017, c)).counters));
    expect(printed).toEqual([
      '{"basic-insurance.paid.basic":"0.05","serious-illness-insurance.burden":"1.00"}',
      '{"serious-illness-insurance.burden":"1.00"}',
      '{"basic-insurance.paid.basic":"0.02","medical-assistance.paid":"0.01"}',
      '{"basic-insurance.paid.basic":"0.04","supplementary-insurance.paid":"0.03"}',
      '{"basic-insurance.paid.basic":"0.04","supplementary-insurance.paid":"0.03"}',
      '{"medical-assistance.paid":"0.01","serious-illness-insurance.burden":"0.02"}',
      '{}',
    ]);
  });

  it("a settlement's ledger is a summary: its counters and how many claims, not their ids", () => {
    expect(
      settlementLedgerToJson(yearLedger('P1', 2017, { 'medical-assistance.paid': 12345 }, ['C1', 'C2', 'C3'])),
    ).toEqual({ personId: 'P1', year: 2017, claims: 3, counters: { 'medical-assistance.paid': '123.45' } });
  });
});

describe('a ledger file lists its entries by person, then by year', () => {
  it.each([
    ['the later year first in the map', ['P2|2017', 'P1|2018', 'P10|2017', 'P1|2017']],
    ['the earlier year first in the map', ['P1|2017', 'P2|2017', 'P1|2018', 'P10|2017']],
    ['one person after another, the same year', ['P2|2017', 'P10|2017', 'P1|2018', 'P1|2017']],
  ])('%s', (_, keys) => {
    const map = new Map(
      keys.map((k) => {
        const [person, year] = k.split('|') as [string, string];
        return [k, yearLedger(person, Number(year))];
      }),
    );
    expect(ledgerToJson(map).entries.map((e) => `${e.personId} ${e.year}`)).toEqual([
      'P1 2017',
      'P1 2018',
      'P10 2017',
      'P2 2017',
    ]);
  });

  it('writes the version and each entry with its counters as yuan strings', () => {
    const map = new Map([['P1|2017', yearLedger('P1', 2017, { 'basic-insurance.paid.basic': 149500 })]]);
    expect(ledgerToJson(map)).toEqual({ version: 2, entries: [entry] });
  });
});

describe('a ledger file is refused at the path of its problem, in the reader’s language', () => {
  it.each([
    [
      'a file that is no object',
      [entry],
      '',
      '应为对象 {"version": 2, "entries": [...]}',
      'must be an object {"version": 2, "entries": [...]}',
    ],
    [
      'a field a ledger file does not have',
      { version: 2, entries: [], note: 'x' },
      'note',
      '不是台账文件的字段（version、entries）',
      'is not a field of a ledger file (version, entries)',
    ],
    ['no version', { entries: [] }, 'version', '应为 2（或早期版本的 1）', 'must be 2 (or 1, of the first releases)'],
    [
      'a version to come',
      { version: 3, entries: [] },
      'version',
      '应为 2（或早期版本的 1）',
      'must be 2 (or 1, of the first releases)',
    ],
    [
      'entries that are no list',
      { version: 2, entries: {} },
      'entries',
      '应为年度台账的数组',
      'must be an array of year ledgers',
    ],
    [
      'two entries for one person-year',
      { version: 2, entries: [entry, { ...entry, claimIds: ['C2'] }] },
      'entries',
      '患者 P1 2017 年有两个条目（一个患者一年一个条目）',
      'two entries for person P1 in 2017',
    ],
    [
      'an entry that is no object, at its index',
      { version: 2, entries: [entry, 'P1'] },
      'entries[1]',
      '应为对象 {personId, year, claimIds, counters}',
      'must be an object { personId, year, claimIds, counters }',
    ],
    [
      "a problem of an entry, at its path under the entry's index",
      {
        version: 2,
        entries: [
          { ...entry, personId: 'P2' },
          { ...entry, year: 1899 },
        ],
      },
      'entries[1].year',
      '应为 1900 至 9999 之间的整数年份',
      'must be a whole year from 1900 to 9999',
    ],
  ] as const)('%s', (_, json, path, zh, en) => {
    expect([
      outcome(parseLedgerJson(json, { lang: 'zh-CN' })),
      outcome(parseLedgerJson(json)),
      outcome(parseLedgerJson(json, 'ledger.json')),
    ]).toEqual([[issue(path, zh)], [issue(path, en)], [issue(path, en, 'ledger.json')]]);
  });

  it('reports the first 100 problems of a file, in file order', () => {
    const r = readLedgerFile({ version: 2, entries: Array.from({ length: 150 }, () => 1) }, defaultRules());
    expect(Array.isArray(r) && [r.length, r[0]!.path, r[99]!.path]).toEqual([100, 'entries[0]', 'entries[99]']);
  });

  it('stops at 100 problems even when the entry that reaches the limit has several (99 bad entries, then one with 20: 119 were listed)', () => {
    const veryBad = { personId: 1, year: 'x', claimIds: 2, counters: 3, a: 1, b: 2 };
    const r = readLedgerFile(
      { version: 2, entries: [...Array.from({ length: 99 }, () => 1), veryBad] },
      defaultRules(),
    );
    expect(Array.isArray(r) && [r.length, r[98]!.path, r[99]!.path.startsWith('entries[99]')]).toEqual([
      100,
      'entries[98]',
      true,
    ]);
  });

  it('reads every entry of a valid file into its person-year, in fen', () => {
    const second = { personId: 'P2', year: 2022, claimIds: [], counters: { 'tilted-assistance.paid': '0.01' } };
    const r = parseLedgerJson({ version: 2, entries: [entry, second] });
    expect(r.ok && [...r.value]).toEqual([
      ['P1|2017', { personId: 'P1', year: 2017, claimIds: ['C1'], counters: { 'basic-insurance.paid.basic': 149500 } }],
      ['P2|2022', { personId: 'P2', year: 2022, claimIds: [], counters: { 'tilted-assistance.paid': 1 } }],
    ]);
  });

  it('checks the counters against the rule book passed in', () => {
    const r = parseLedgerJson({ version: 2, entries: [entry] }, { rules: { sets: [], policies: [] }, file: 'l.json' });
    expect(outcome(r)).toEqual([
      issue(
        'entries[0].counters.basic-insurance.paid.basic',
        'no rule set is in force in 2017: it keeps no counter',
        'l.json',
      ),
    ]);
  });
});

describe('a version 1 file (the first releases, the 2017 counters as fields) is read into the counters of today', () => {
  const v1 = {
    personId: 'P1',
    year: 2017,
    claimIds: ['C1', 'C2'],
    basicInsurancePaid: { basic: '100.00', 'general-outpatient': '2.50' },
    basicDeductibleUsed: { 'general-outpatient': '0.75' },
    seriousIllnessBurden: '3000.00',
    seriousIllnessPaid: '1200.00',
    supplementaryPaid: '10.01',
    assistancePaid: '0.99',
  };

  // One test: the schema of version 1 is built on the first read of such a file, and the mutation
  // run credits all of it (its words, its conversion) to the test that builds it.
  it('reads each field into the counter the 2017 tiers keep, and refuses an amount that is no amount string at its field', () => {
    const read = parseLedgerJson({ version: 1, entries: [v1] });
    const refused = parseLedgerJson({
      version: 1,
      entries: [v1, { ...v1, personId: 'P2', seriousIllnessBurden: '1.005' }],
    });
    expect([read.ok && [...read.value], outcome(refused)]).toEqual([
      [
        [
          'P1|2017',
          {
            personId: 'P1',
            year: 2017,
            claimIds: ['C1', 'C2'],
            counters: {
              'basic-insurance.paid.basic': 10000,
              'basic-insurance.paid.general-outpatient': 250,
              'basic-insurance.deductible.general-outpatient': 75,
              'serious-illness-insurance.burden': 300000,
              'serious-illness-insurance.paid': 120000,
              'supplementary-insurance.paid': 1001,
              'medical-assistance.paid': 99,
            },
          },
        ],
      ],
      [issue('entries[1].seriousIllnessBurden', 'must be an amount string like "12.50"')],
    ]);
  });

  it.each([
    [
      'a field it never had',
      { ...v1, extra: 1 },
      'entries[0]',
      'extra 不是第 1 版台账条目的字段',
      'extra is not a field of a version 1 ledger entry',
    ],
    [
      "two fields it never had, joined in the reader's language",
      { ...v1, a: 1, b: 2 },
      'entries[0]',
      'a、b 不是第 1 版台账条目的字段',
      'a, b are not fields of a version 1 ledger entry',
    ],
    [
      'an empty person id',
      { ...v1, personId: '' },
      'entries[0].personId',
      '应为非空文本（患者编号）',
      'must be a non-empty text (the person id)',
    ],
    [
      'a year before 1900',
      { ...v1, year: 1800 },
      'entries[0].year',
      '应为 1900 到 9999 之间的整数',
      'must be a whole number from 1900 to 9999',
    ],
    [
      'claim ids not a list',
      { ...v1, claimIds: 'C1' },
      'entries[0].claimIds',
      '应为结算单编号（非空文本）的数组',
      'must be an array of claim ids (non-empty texts)',
    ],
    [
      'a claim id that is a number',
      { ...v1, claimIds: [1] },
      'entries[0].claimIds[0]',
      '应为结算单编号（非空文本）的数组',
      'must be an array of claim ids (non-empty texts)',
    ],
    [
      'a benefit paid as a number',
      { ...v1, basicInsurancePaid: { basic: 12 } },
      'entries[0].basicInsurancePaid.basic',
      '应为金额字符串，如 "12.50"',
      'must be an amount string like "12.50"',
    ],
    [
      'the benefits paid as a list',
      { ...v1, basicDeductibleUsed: [] },
      'entries[0].basicDeductibleUsed',
      '应为对象 {待遇: 金额字符串}',
      'must be an object {benefit: amount string}',
    ],
    [
      'an amount left out',
      (({ assistancePaid: _, ...rest }) => rest)(v1),
      'entries[0].assistancePaid',
      '应为金额字符串，如 "12.50"',
      'must be an amount string like "12.50"',
    ],
    [
      'an entry that is no object',
      7,
      'entries[0]',
      '应为第 1 版的年度台账对象',
      'must be a year ledger object of version 1',
    ],
  ])(
    "words a problem of a version 1 entry by its field, in both languages (it was zod's English in both): %s",
    (_, e, path, zh, en) => {
      const file = { version: 1, entries: [e] };
      expect([outcome(parseLedgerJson(file, { lang: 'zh-CN' })), outcome(parseLedgerJson(file))]).toEqual([
        [issue(path, zh)],
        [issue(path, en)],
      ]);
    },
  );

  it('makes only counters the 2017 rule set keeps', () => {
    const read = parseLedgerJson({ version: 1, entries: [v1] });
    const layout = defaultRules().sets.find((s) => s.id === 'ziyang-2017')!.scheme.counters;
    const counters = Object.keys(read.ok ? read.value.get('P1|2017')!.counters : {});
    expect(counters.length).toBe(7);
    for (const name of counters) expect(layout).toContain(name);
  });

  it('checks a converted entry as any year ledger: an id listed twice', () => {
    const r = parseLedgerJson({ version: 1, entries: [{ ...v1, claimIds: ['C1', 'C1'] }] }, { lang: 'zh-CN' });
    expect(outcome(r)).toEqual([issue('entries[0].claimIds[1]', 'C1 列了两次')]);
  });
});

describe('one year ledger is read as an entry is, its problems at their paths', () => {
  it.each([
    ['a valid ledger, in fen', entry, undefined, { ...entry, counters: { 'basic-insurance.paid.basic': 149500 } }],
    [
      'a ledger summary, refused in English by default',
      { personId: 'P1', year: 2017, claims: 2, counters: {} },
      undefined,
      [
        issue(
          'claimIds',
          "missing: this is a settlement's ledger summary (a count of claims, not their ids), which cannot refuse a claim settled twice; pass the year ledger settle() hands back beside the settlement (r.ledger), an entry of a --ledger-out file, or one read with parseYearLedgerJson",
        ),
      ],
    ],
    [
      'a year out of range, in Chinese when asked',
      { ...entry, year: 10000 },
      { lang: 'zh-CN' },
      [issue('year', '应为 1900 至 9999 之间的整数年份')],
    ],
    [
      'a year out of range, named by the file given alone',
      { ...entry, year: 10000 },
      'p1.json',
      [issue('year', 'must be a whole year from 1900 to 9999', 'p1.json')],
    ],
    [
      'a counter of no rule set of the book passed in, with the file given',
      entry,
      { rules: { sets: [], policies: [] }, file: 'p1.json' },
      [issue('counters.basic-insurance.paid.basic', 'no rule set is in force in 2017: it keeps no counter', 'p1.json')],
    ],
  ] as const)('%s', (_, json, options, expected) => {
    expect(outcome(parseYearLedgerJson(json, options))).toEqual(expected);
  });
});

describe("the library's own store is read back trusted", () => {
  it('reads what it wrote', () => {
    const l = yearLedger('P1', 2017, { 'serious-illness-insurance.burden': 12345, 'basic-insurance.paid.basic': 0 });
    expect(yearLedgerFromJson(yearLedgerToJson(l))).toEqual(l);
  });

  it('throws on a counter that is no amount (the store was tampered with)', () => {
    const bad = { ...entry, counters: { 'basic-insurance.paid.basic': 'abc' } };
    expect(() => yearLedgerFromJson(bad)).toThrow(
      new RangeError('counter basic-insurance.paid.basic is not an amount: abc'),
    );
  });
});
