/**
 * A batch (src/settle/batch.ts; docs/claim.md, "The ledger"): inputs numbered by their position
 * unless a line is given, a refused input named by its id when it has a string one, the relief
 * funds threaded from claim to claim, and a starting `Ledger` map whose entries are not filed
 * under their own person and year refused at each entry, in both languages, at most 100 problems.
 */
import { describe, expect, it } from 'vitest';
import { emptyYearLedger } from '../../src/ledger/year-ledger.js';
import type { Fen } from '../../src/money/fen.js';
import { createBatch } from '../../src/settle/batch.js';
import { cases } from '../support/helpers.js';

/** A registered-poor mother's delivery of 9,000 yuan: 7,000.00 above the delivery limit is the relief funds'. */
const delivery = (id: string) => ({
  id,
  person: { id: 'PM', county: 'anyue', category: 'registered-poor' },
  visit: { kind: 'delivery', deliveryMode: 'vaginal', discharged: '2018-05-05' },
  hospital: { level: 'county', area: 'anyue' },
  items: [{ category: 'drug', catalog: 'A', amount: '9000.00' }],
});
const lineOf = (o: { line: number }) => o.line;

describe('inputs are numbered by their position in the batch unless the caller numbers them', () => {
  it('claims and JSON texts share one count; a line given numbers that input and leaves the count alone', () => {
    const batch = createBatch();
    expect([
      lineOf(batch.settleText(JSON.stringify(delivery('T1')))),
      lineOf(batch.settle(delivery('T2'))),
      lineOf(batch.settleText(JSON.stringify(delivery('T3')), 40)),
      lineOf(batch.settleText('{ not json')),
      lineOf(batch.settle(delivery('T5'), 7)),
      lineOf(batch.settleText(JSON.stringify(delivery('T6')))),
    ]).toEqual([1, 2, 40, 3, 7, 4]);
  });
});

describe('a refused input is named by its id when it has a string one', () => {
  it.each(
    cases([
      { name: 'a claim object with a string id', input: { id: 'R-1' }, claimId: 'R-1' },
      { name: 'a claim object whose id is a number', input: { id: 42 }, claimId: null },
      { name: 'a claim object without an id', input: { person: {} }, claimId: null },
      { name: 'an array', input: ['R-1'], claimId: null },
      { name: 'null', input: null, claimId: null },
    ]),
  )('%s', (_name, c) => {
    const out = createBatch().settle(c.input);
    expect([out.ok, out.ok ? undefined : out.claimId]).toEqual([false, c.claimId]);
  });

  it.each(
    cases([
      { name: 'a JSON text with a string id', text: '{"id": "R-2", "person": 1}', claimId: 'R-2' },
      { name: 'a JSON text whose id is a number', text: '{"id": 7}', claimId: null },
      { name: 'a text that is not JSON', text: '{"id": "R-3"', claimId: null },
    ]),
  )('%s', (_name, c) => {
    const out = createBatch().settleText(c.text);
    expect([out.ok, out.ok ? undefined : out.claimId]).toEqual([false, c.claimId]);
  });
});

describe('the relief-fund balances are threaded through the batch', () => {
  it('a batch given no balances starts with none written (unlimited funds)', () => {
    expect(createBatch().funds()).toEqual({});
  });

  it('the 7,000.00 above a delivery limit drains 3,000.00 of health-poverty relief, then 4,000.00 of major-disease charity', () => {
    const batch = createBatch({
      funds: { 'health-poverty-relief': 300000 as Fen, 'major-disease-charity': 1000000 as Fen },
    });
    const first = batch.settle(delivery('F1'));
    expect([first.ok, batch.funds()]).toEqual([true, { 'health-poverty-relief': 0, 'major-disease-charity': 600000 }]);
    batch.settle(delivery('F2'));
    expect(batch.funds()).toEqual({ 'health-poverty-relief': 0, 'major-disease-charity': 0 });
  });
});

describe('a starting Ledger map is checked entry by entry', () => {
  const misfiled = new Map([['P9|2017', emptyYearLedger('P1', 2017)]]);

  it.each([
    [
      'zh-CN',
      '传入的年度累计台账不是有效的台账，位置 ledger["P9|2017"]（以 P9|2017 为键，却是 P1|2017 的台账）；请传入 settle() 与结算结果一同返回的年度台账（r.ledger）、--ledger-out 文件中的条目，或用 parseYearLedgerJson 读取的台账',
    ],
    [
      'en',
      'the year-to-date ledger passed in is not a ledger at ledger["P9|2017"] (filed under P9|2017, but the ledger of P1|2017); pass the year ledger settle() handed back beside its settlement (r.ledger), an entry of a --ledger-out file, or one read with parseYearLedgerJson',
    ],
  ] as const)('a ledger filed under another person’s key refuses every claim, in %s', (lang, message) => {
    const batch = createBatch({ ledger: misfiled, lang });
    const expected = { code: 'ledger_invalid', path: 'ledger["P9|2017"]', message };
    expect([batch.settle(delivery('M1')), batch.settle(delivery('M2'))]).toEqual([
      { ok: false, line: 1, claimId: 'M1', errors: [expected] },
      { ok: false, line: 2, claimId: 'M2', errors: [expected] },
    ]);
    expect(batch.ledger()).toEqual(new Map());
  });

  const misfiledEntries = (n: number) =>
    Array.from({ length: n }, (_, i) => [`P${i}|2016`, emptyYearLedger(`P${i}`, 2017)] as const);
  /** A year ledger of person Q with 20 problems (negative fen under 25 counters of no tier). */
  const twentyProblems = {
    personId: 'Q',
    year: 2017,
    claimIds: [],
    counters: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`no-such-tier.c${i}`, -1])),
  };
  const refusal = (ledger: Map<string, unknown>) => {
    const out = createBatch({ ledger: ledger as never, lang: 'en' }).settle(delivery('L1'));
    return out.ok ? [] : out.errors.map((e) => e.path);
  };

  it.each(
    cases([
      { name: '100 misfiled entries: all 100 listed', entries: 100, last: 'ledger["P99|2016"]' },
      { name: '101 misfiled entries: the first 100 listed', entries: 101, last: 'ledger["P99|2016"]' },
    ]),
  )('%s', (_name, c) => {
    const paths = refusal(new Map(misfiledEntries(c.entries)));
    expect([paths.length, paths[0], paths.at(-1)]).toEqual([100, 'ledger["P0|2016"]', c.last]);
  });

  it('99 misfiled entries then one with 20 problems: 100 problems listed, not 119', () => {
    const paths = refusal(new Map<string, unknown>([...misfiledEntries(99), ['Q|2017', twentyProblems]]));
    expect([paths.length, paths[98], paths[99]]).toEqual([
      100,
      'ledger["P98|2016"]',
      'ledger["Q|2017"].counters.no-such-tier.c0',
    ]);
  });
});
