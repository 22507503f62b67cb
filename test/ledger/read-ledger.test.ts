/**
 * A year ledger from outside, checked (src/ledger/read-ledger.ts; docs/claim.md, "The ledger"):
 * each problem at its path, in both languages, word for word, as a person reads it.
 */
import { describe, expect, it } from 'vitest';
import { checkYearLedger, countersOfYear, ledgerInvalid } from '../../src/ledger/read-ledger.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { ruleBook } from '../../src/scheme/book.js';

const book = defaultRules();
const good = { personId: 'P1', year: 2017, claimIds: ['C1'], counters: { 'basic-insurance.paid.basic': '1495.00' } };
const problems = (value: unknown, amounts: 'yuan' | 'fen' = 'yuan') => checkYearLedger(value, book, amounts);
const YEAR = { zh: '应为 1900 至 9999 之间的整数年份', en: 'must be a whole year from 1900 to 9999' };
const COUNTERS = { zh: '应为 {计数器名: 金额} 对象', en: 'must be an object { counter name: amount }' };

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

  it.each([
    [
      'a ledger summary that also has a field no ledger has: both said',
      { personId: 'P1', year: 2017, claims: 2, counters: {}, extra: 1 },
      [
        {
          path: '',
          words: {
            zh: '有台账没有的字段：extra（台账只有 personId、year、claimIds、counters）',
            en: 'fields a ledger does not have: extra (a ledger has personId, year, claimIds, counters)',
          },
        },
        {
          path: 'claimIds',
          words: {
            zh: '缺失：这是结算结果中的台账摘要（只有笔数 claims，没有编号），无法拒绝重复结算；请传入 settle() 与结算结果一同返回的年度台账（r.ledger）、--ledger-out 文件中的条目，或 parseYearLedgerJson 读取的台账',
            en: "missing: this is a settlement's ledger summary (a count of claims, not their ids), which cannot refuse a claim settled twice; pass the year ledger settle() hands back beside the settlement (r.ledger), an entry of a --ledger-out file, or one read with parseYearLedgerJson",
          },
        },
      ],
    ],
    [
      'a count of claims beside the claim ids is a field a ledger does not have',
      { ...good, claims: 1 },
      [
        {
          path: '',
          words: {
            zh: '有台账没有的字段：claims（台账只有 personId、year、claimIds、counters）',
            en: 'fields a ledger does not have: claims (a ledger has personId, year, claimIds, counters)',
          },
        },
      ],
    ],
    [
      'two fields a ledger does not have, listed together',
      { ...good, total: 1, paid: 2 },
      [
        {
          path: '',
          words: {
            zh: '有台账没有的字段：total、paid（台账只有 personId、year、claimIds、counters）',
            en: 'fields a ledger does not have: total, paid (a ledger has personId, year, claimIds, counters)',
          },
        },
      ],
    ],
    [
      'a person id of 129 characters',
      { ...good, personId: 'P'.repeat(129) },
      [{ path: 'personId', words: { zh: '应为 1 至 128 个字符的编号', en: 'must be an id of 1 to 128 characters' } }],
    ],
    ['a year before 1900', { ...good, year: 1899 }, [{ path: 'year', words: YEAR }]],
    ['a year with a fraction', { ...good, year: 2017.5 }, [{ path: 'year', words: YEAR }]],
    ['a year written as text', { ...good, year: '2017' }, [{ path: 'year', words: YEAR }]],
    [
      'no year',
      { personId: 'P1', claimIds: [], counters: {} },
      [
        {
          path: 'year',
          words: {
            zh: '缺失，应为 1900 至 9999 之间的整数年份',
            en: 'missing: it must be a whole year from 1900 to 9999',
          },
        },
      ],
    ],
    ['counters that are null', { ...good, counters: null }, [{ path: 'counters', words: COUNTERS }]],
    ['counters that are a list', { ...good, counters: [] }, [{ path: 'counters', words: COUNTERS }]],
  ] as const)('%s', (_, value, expected) => {
    expect(problems(value)).toEqual(expected);
  });

  it.each([
    [
      'an id of 128 characters',
      { ...good, personId: 'P'.repeat(128) },
      { ...good, personId: 'P'.repeat(128), counters: { 'basic-insurance.paid.basic': 149500 } },
    ],
    [
      'the year 1900',
      { personId: 'P1', year: 1900, claimIds: [], counters: {} },
      { personId: 'P1', year: 1900, claimIds: [], counters: {} },
    ],
    [
      'the year 9999',
      { personId: 'P1', year: 9999, claimIds: [], counters: {} },
      { personId: 'P1', year: 9999, claimIds: [], counters: {} },
    ],
  ] as const)('accepts %s', (_, value, expected) => {
    expect(problems(value)).toEqual(expected);
  });

  it('refuses a negative number of fen in a YearLedger of the library', () => {
    expect(problems({ ...good, counters: { 'basic-insurance.paid.basic': -1 } }, 'fen')).toEqual([
      {
        path: 'counters.basic-insurance.paid.basic',
        words: {
          zh: '应为以分为单位的非负整数（YearLedger 的金额以分计）',
          en: "must be a whole, non-negative number of fen (a YearLedger's amounts are fen)",
        },
      },
    ]);
  });

  it('says word for word, in both languages, that the ledger passed in with a claim is refused, and where', () => {
    const p = problems({ ...good, year: 10000 });
    if (!Array.isArray(p)) throw new Error('expected problems');
    expect([ledgerInvalid(p), ledgerInvalid(p, 'en')]).toEqual([
      [
        {
          code: 'ledger_invalid',
          path: 'ledger.year',
          message:
            '传入的年度累计台账不是有效的台账，位置 ledger.year（应为 1900 至 9999 之间的整数年份）；请传入 settle() 与结算结果一同返回的年度台账（r.ledger）、--ledger-out 文件中的条目，或用 parseYearLedgerJson 读取的台账',
        },
      ],
      [
        {
          code: 'ledger_invalid',
          path: 'ledger.year',
          message:
            'the year-to-date ledger passed in is not a ledger at ledger.year (must be a whole year from 1900 to 9999); pass the year ledger settle() handed back beside its settlement (r.ledger), an entry of a --ledger-out file, or one read with parseYearLedgerJson',
        },
      ],
    ]);
  });

  it('knows the counters of a year from the rule sets in force in it', () => {
    expect(countersOfYear(book, 2017).has('basic-insurance.paid.basic')).toBe(true);
    expect(countersOfYear(book, 2021).size).toBe(0);
  });
});

describe('the counters of a year are those of every rule set in force on any day of it', () => {
  // The 2017 rules ending on the first day of 2021 and the 2022 rules beginning on its last day:
  // both are in force in 2021, one day each.
  const [s2017, s2022] = book.sets as [(typeof book.sets)[0], (typeof book.sets)[0]];
  const shared = ruleBook([
    { ...s2017, inForce: { from: s2017.inForce.from, to: '2021-01-01' } },
    { ...s2022, inForce: { from: '2021-12-31', to: s2022.inForce.to } },
  ]);
  if (!shared.ok) throw new Error(JSON.stringify(shared.errors));
  const check = (year: number, counter: string) =>
    checkYearLedger({ personId: 'P1', year, claimIds: [], counters: { [counter]: '1.00' } }, shared.value, 'yuan');
  const accepted = (year: number, counter: string) => ({
    personId: 'P1',
    year,
    claimIds: [],
    counters: { [counter]: 100 },
  });
  const notOf = (counter: string, zh: string, en: string) => [
    {
      path: `counters.${counter}`,
      words: {
        zh: `不是 ${zh} 的计数器（拼错的或另一方案的计数器不会被任何支付层级读取）`,
        en: `not a counter of ${en} (a misspelt counter, or one of another scheme, is read by no tier)`,
      },
    },
  ];

  it.each([
    [
      'a counter of the 2017 rules only, in force on the first day of 2021',
      2021,
      'supplementary-insurance.paid',
      accepted(2021, 'supplementary-insurance.paid'),
    ],
    [
      'a counter of the 2022 rules only, in force on the last day of 2021',
      2021,
      'tilted-assistance.paid',
      accepted(2021, 'tilted-assistance.paid'),
    ],
    [
      'a misspelt counter in 2021: both rule sets named',
      2021,
      'basic-insurance.paid.basik',
      notOf('basic-insurance.paid.basik', 'ziyang-2017、ziyang-2022', 'ziyang-2017, ziyang-2022'),
    ],
    [
      'a counter of the 2022 rules in 2020, when only the 2017 rules are in force',
      2020,
      'tilted-assistance.paid',
      notOf('tilted-assistance.paid', 'ziyang-2017', 'ziyang-2017'),
    ],
    [
      'a counter of the 2017 rules only in 2022, when only the 2022 rules are in force',
      2022,
      'supplementary-insurance.paid',
      notOf('supplementary-insurance.paid', 'ziyang-2022', 'ziyang-2022'),
    ],
  ] as const)('%s', (_, year, counter, expected) => {
    expect(check(year, counter)).toEqual(expected);
  });
});
