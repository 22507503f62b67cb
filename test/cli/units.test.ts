/** Small units as tables: terminal width, argument parsing, the ledger file format, rule books. */
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { displayWidth } from '../../src/format/text.js';
import { ledgerToJson, parseLedgerJson } from '../../src/ledger/ledger-json.js';
import { emptyYearLedger, ledgerKey, ledgerYear } from '../../src/ledger/year-ledger.js';
import { describeBook } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { type FundDraw, drawFunds, drawsOf } from '../../src/kinds/shared/funds.js';
import { Scratch } from '../../src/kinds/shared/scratch.js';
import { baseLocation } from '../../src/settle/claim-facts.js';
import { poolIndex } from '../../src/kinds/shared/pools.js';
import { isCalendarDate } from '../../src/claim/schema.js';
import type { Fen } from '../../src/money/fen.js';

describe('display width counts CJK and full-width characters as two columns', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['基本医保', 8],
    ['\u10ff', 1],
    ['\u1100', 2],
    ['\u115f', 2],
    ['\u1160', 1],
    ['\u2e7f', 1],
    ['\u2e80', 2],
    ['\ua4cf', 2],
    ['\ua4d0', 1],
    ['\uabff', 1],
    ['\uac00', 2],
    ['\ud7a3', 2],
    ['\ud7a4', 1],
    ['\uf8ff', 1],
    ['\uf900', 2],
    ['\ufaff', 2],
    ['\ufb00', 1],
    ['\ufe2f', 1],
    ['\ufe30', 2],
    ['\ufe4f', 2],
    ['\ufe50', 1],
    ['\ufeff', 1],
    ['\uff00', 2],
    ['\uff60', 2],
    ['\uff61', 1],
    ['\uffdf', 1],
    ['\uffe0', 2],
    ['\uffe6', 2],
    ['\uffe7', 1],
    ['—', 1],
  ])('%j is %i wide', (s, w) => {
    expect(displayWidth(s)).toBe(w);
  });
});

describe('argument parsing', () => {
  const known = { format: true, quiet: false };
  it.each([
    [['a.json'], { positional: ['a.json'], flags: {} }],
    [['-'], { positional: ['-'], flags: {} }],
    [['--format', 'text', 'a'], { positional: ['a'], flags: { format: 'text' } }],
    [['--format=text'], { positional: [], flags: { format: 'text' } }],
    [['--format=a=b'], { positional: [], flags: { format: 'a=b' } }],
    [['-format', 'x'], { positional: [], flags: { format: 'x' } }],
    [['--quiet'], { positional: [], flags: { quiet: true } }],
  ])('%j parses', (argv, want) => {
    expect(parseArgs(argv, known)).toEqual(want);
  });

  it.each([
    [['--nope'], 'unknown option --nope'],
    [['--format'], 'option --format needs a value'],
    [['--format', '--quiet'], 'option --format needs a value'],
    [['--quiet=1'], 'option --quiet takes no value'],
    [['--quiet', '--quiet'], 'option --quiet given twice'],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(() => parseArgs(argv, known)).toThrow(new UsageError(message));
  });
});

describe('the ledger file format', () => {
  // Counters given out of order, so that writing them sorted shows.
  const l = (personId: string, year: number) => ({
    ...emptyYearLedger(personId, year),
    counters: {
      'supplementary-insurance.paid': 1234 as Fen,
      'basic-insurance.paid.general-outpatient': 7 as Fen,
      'basic-insurance.paid.basic': 5 as Fen,
    },
  });
  const entry = () => ledgerToJson(new Map([['k', l('P', 2017)]])).entries[0]!;

  it('writes version 2, entries sorted by person then year, counters with sorted names, and reads them back', () => {
    const ledger = new Map([
      [ledgerKey('P2', 2017), l('P2', 2017)],
      [ledgerKey('P1', 2018), l('P1', 2018)],
      [ledgerKey('P1', 2017), l('P1', 2017)],
    ]);
    const json = ledgerToJson(ledger);
    expect(json.version).toBe(2);
    expect(json.entries.map((e) => `${e.personId}/${e.year}`)).toEqual(['P1/2017', 'P1/2018', 'P2/2017']);
    expect(Object.keys(json.entries[0]!.counters)).toEqual([
      'basic-insurance.paid.basic',
      'basic-insurance.paid.general-outpatient',
      'supplementary-insurance.paid',
    ]);
    expect(json.entries[0]!.counters['supplementary-insurance.paid']).toBe('12.34');
    const back = parseLedgerJson(JSON.parse(JSON.stringify(json)));
    expect(back.ok && back.value).toEqual(ledger);
  });

  it.each([
    [{ version: 3, entries: [] }, 'version'],
    [{ version: 2 }, 'entries'],
    [
      {
        version: 2,
        entries: [{ ...entry(), counters: { ...entry().counters, 'supplementary-insurance.paid': '1.234' } }],
      },
      'entries[0].counters.supplementary-insurance.paid',
    ],
    [{ version: 2, entries: [{ ...entry(), extra: 1 }] }, 'entries[0]'],
    [{ version: 1, entries: [{ ...entry() }] }, 'entries[0].basicInsurancePaid'],
  ])('refuses %j at %s', (json, path) => {
    const r = parseLedgerJson(json, 'ledger.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'ledger_invalid', file: 'ledger.json', path });
  });

  it('refuses two entries for one person-year', () => {
    const e = entry();
    const r = parseLedgerJson({ version: 2, entries: [e, e] });
    expect(!r.ok && r.errors[0]!.message).toBe('two entries for person P in 2017');
  });

  it('keys and years', () => {
    expect(ledgerKey('P1', 2017)).toBe('P1|2017');
    expect(ledgerYear('2019-12-31')).toBe(2019);
  });
});

describe('small policy pieces', () => {
  it('says which periods a rule book covers', () => {
    expect(describeBook(defaultRules())).toBe('ziyang-2017：2017-03-17 至 2020-12-31；ziyang-2022：2022-01-01 起');
    expect(describeBook(defaultRules(), 'en')).toBe(
      'ziyang-2017: 2017-03-17 to 2020-12-31; ziyang-2022: 2022-01-01 on',
    );
  });

  it.each([
    ['anyue', 'anyue', 'in-county'],
    ['anyue', 'lezhi', 'in-city'],
    ['lezhi', 'yanjiang', 'in-city'],
    ['yanjiang', 'sichuan', 'in-province'],
    ['yanjiang', 'other-province', 'out-of-province'],
  ] as const)('a %s resident at a hospital in %s is %s', (county, area, loc) => {
    for (const set of defaultRules().sets) expect(baseLocation(set.scheme, county, area), set.id).toBe(loc);
  });

  it.each([
    ['A', false, true, 0],
    ['A', true, false, 1],
    ['B', false, true, 2],
    ['B', true, false, 3],
    ['C', true, true, 4],
    ['C', true, false, 5],
    ['C', false, true, 6],
    ['C', false, false, 7],
  ] as const)('catalog %s (necessary %s, drug %s) goes to pool %i', (catalog, necessary, drug, i) => {
    expect(poolIndex(catalog, necessary, drug)).toBe(i);
  });

  it('draws on funds in order, skipping empty ones, and merges draws of one fund', () => {
    const balances: Partial<Record<string, Fen>> = { 'emergency-relief': 3 as Fen, 'charity-care': 0 as Fen };
    // The draws a settlement made, in order, as the scratch state records them.
    const drawsIn = (s: Scratch): FundDraw[] =>
      Array.from({ length: s.drawCount }, (_, i) => ({ fund: s.drawFunds[i]!, amount: s.drawAmounts[i]! as Fen }));
    const s = new Scratch(1, 0);
    s.balances = balances;
    expect(drawFunds(s, ['emergency-relief', 'charity-care', 'health-poverty-relief'], 10 as Fen)).toBe(10);
    const draws = drawsIn(s);
    expect(draws).toEqual([
      { fund: 'emergency-relief', amount: 3 },
      { fund: 'health-poverty-relief', amount: 7 },
    ]);
    expect(balances).toEqual({ 'emergency-relief': 0, 'charity-care': 0 });
    const empty = new Scratch(1, 0);
    expect(drawFunds(empty, ['charity-care'], 0 as Fen)).toBe(0);
    const none = drawsIn(empty);
    expect(none).toEqual([]);
    const three = new Scratch(1, 0);
    three.draw('charity-care', 1 as Fen);
    three.draw('emergency-relief', 0 as Fen);
    three.draw('charity-care', 2 as Fen);
    expect(drawsOf(three, three.drawCount)).toEqual([{ fund: 'charity-care', amount: 3 }]);
  });
});

describe('calendar dates, read by character codes', () => {
  // The oracle is the Date-based check the reader used before (years before 0100 included).
  const byDate = (text: string): boolean => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = new Date(Date.UTC(y, mo - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
  };
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');

  it('agrees with the Date-based check on every day-of-month 00–32 of months 00–13 of years 0000–2100', () => {
    let differ = 0;
    for (let y = 0; y <= 2100; y++)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          if (isCalendarDate(s) !== byDate(s)) differ++;
        }
    expect(differ).toBe(0);
  });

  it.each(['2016-02-29', '2000-02-29', '2018-12-31'])('%s is a date', (s) => expect(isCalendarDate(s)).toBe(true));
  it.each([
    '2018-02-29',
    '1900-02-29',
    '2018-1-01',
    '2018-01-01 ',
    '2018/01/01',
    '２０１８-01-01',
    '2018-01-0a',
    '',
    '0099-01-01',
  ])('%j is not a date', (s) => expect(isCalendarDate(s)).toBe(false));
});
