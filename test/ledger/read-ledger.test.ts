/**
 * A year ledger from outside, checked (src/ledger/read-ledger.ts; docs/claim.md, "The ledger"):
 * each problem at its path, in both languages, word for word, as a person reads it.
 */
import { describe, expect, it } from 'vitest';
import { checkYearLedger, countersOfYear, ledgerInvalid } from '../../src/ledger/read-ledger.js';
import { defaultRules } from '../../src/scheme/embedded.js';

const book = defaultRules();
const good = { personId: 'P1', year: 2017, claimIds: ['C1'], counters: { 'basic-insurance.paid.basic': '1495.00' } };
const problems = (value: unknown, amounts: 'yuan' | 'fen' = 'yuan') => checkYearLedger(value, book, amounts);

describe('a ledger from outside is refused at each path, with words a person can act on', () => {
  it.each([
    [
      'a ledger that is no object',
      [1],
      [
        {
          path: '',
          words: {
            zh: '应为对象 {personId, year, claimIds, counters}',
            en: 'must be an object { personId, year, claimIds, counters }',
          },
        },
      ],
    ],
    [
      'a field a ledger does not have',
      { ...good, extra: 1 },
      [
        {
          path: '',
          words: {
            zh: '有台账没有的字段：extra（台账只有 personId、year、claimIds、counters）',
            en: 'fields a ledger does not have: extra (a ledger has personId, year, claimIds, counters)',
          },
        },
      ],
    ],
    [
      'claim ids missing',
      { personId: 'P1', year: 2017, counters: {} },
      [{ path: 'claimIds', words: { zh: '缺失，应为编号的数组', en: 'missing: it must be an array of ids' } }],
    ],
    [
      'an id listed twice',
      { ...good, claimIds: ['C1', 'C2', 'C1'] },
      [{ path: 'claimIds[2]', words: { zh: 'C1 列了两次', en: 'C1 listed twice' } }],
    ],
    [
      'an id with a control character',
      { ...good, claimIds: ['C\u0001'] },
      [
        {
          path: 'claimIds[0]',
          words: { zh: '编号含有控制字符或不成对的代理项', en: 'an id with a control character or a lone surrogate' },
        },
      ],
    ],
    [
      'an empty person id',
      { ...good, personId: '' },
      [{ path: 'personId', words: { zh: '应为 1 至 128 个字符的编号', en: 'must be an id of 1 to 128 characters' } }],
    ],
    [
      'a year out of range',
      { ...good, year: 10000 },
      [
        {
          path: 'year',
          words: { zh: '应为 1900 至 9999 之间的整数年份', en: 'must be a whole year from 1900 to 9999' },
        },
      ],
    ],
    [
      'counters missing',
      { personId: 'P1', year: 2017, claimIds: [] },
      [
        {
          path: 'counters',
          words: {
            zh: '缺失，应为 {计数器名: 金额} 对象',
            en: 'missing: it must be an object { counter name: amount }',
          },
        },
      ],
    ],
    [
      'a counter written as a number',
      { ...good, counters: { 'basic-insurance.paid.basic': 149500 } },
      [
        {
          path: 'counters.basic-insurance.paid.basic',
          words: {
            zh: '收到数字 149500：金额应写成以元为单位的字符串，如 "1495.00"（数字无法区分元与分）',
            en: 'the number 149500: write the amount in yuan as a string, like "1495.00" (a number could be fen or yuan)',
          },
        },
      ],
    ],
    [
      'a counter with three decimals',
      { ...good, counters: { 'basic-insurance.paid.basic': '1.005' } },
      [
        {
          path: 'counters.basic-insurance.paid.basic',
          words: {
            zh: '应为以元为单位、最多两位小数的金额字符串，如 "1495.00"',
            en: 'must be an amount in yuan with at most two decimals, like "1495.00"',
          },
        },
      ],
    ],
    [
      'a misspelt counter',
      { ...good, counters: { 'basic-insurance.paid.basik': '1.00' } },
      [
        {
          path: 'counters.basic-insurance.paid.basik',
          words: {
            zh: '不是 ziyang-2017 的计数器（拼错的或另一方案的计数器不会被任何支付层级读取）',
            en: 'not a counter of ziyang-2017 (a misspelt counter, or one of another scheme, is read by no tier)',
          },
        },
      ],
    ],
    [
      'a counter in a year no rule set covers',
      { ...good, year: 2021 },
      [
        {
          path: 'counters.basic-insurance.paid.basic',
          words: {
            zh: '2021 年没有生效的规则，不记任何计数器',
            en: 'no rule set is in force in 2021: it keeps no counter',
          },
        },
      ],
    ],
  ] as const)('%s', (_, value, expected) => {
    expect(problems(value)).toEqual(expected);
  });

  it('reads a YearLedger of the library in fen, and refuses a fraction of a fen there', () => {
    expect(problems({ ...good, counters: { 'basic-insurance.paid.basic': 149500 } }, 'fen')).toEqual({
      ...good,
      counters: { 'basic-insurance.paid.basic': 149500 },
    });
    expect(problems({ ...good, counters: { 'basic-insurance.paid.basic': 1.5 } }, 'fen')).toEqual([
      {
        path: 'counters.basic-insurance.paid.basic',
        words: {
          zh: '应为以分为单位的非负整数（YearLedger 的金额以分计）',
          en: "must be a whole, non-negative number of fen (a YearLedger's amounts are fen)",
        },
      },
    ]);
  });

  it('lists at most 20 problems, however many ids are wrong', () => {
    const many = problems({ ...good, claimIds: Array.from({ length: 50 }, () => '') });
    expect(Array.isArray(many) && many.length).toBe(20);
  });

  it('names the ledger option in the path of the refusal, or the ledger itself for a problem of the whole', () => {
    const p = problems({ ...good, year: 10000, extra: 1 });
    if (!Array.isArray(p)) throw new Error('expected problems');
    expect(ledgerInvalid(p, 'en').map((i) => [i.code, i.path])).toEqual([
      ['ledger_invalid', 'ledger'],
      ['ledger_invalid', 'ledger.year'],
    ]);
    expect(ledgerInvalid(p, 'en', 'ledgers[0]').map((i) => i.path)).toEqual(['ledgers[0]', 'ledgers[0].year']);
  });

  it('knows the counters of a year from the rule sets in force in it', () => {
    expect(countersOfYear(book, 2017).has('basic-insurance.paid.basic')).toBe(true);
    expect(countersOfYear(book, 2021).size).toBe(0);
  });
});
