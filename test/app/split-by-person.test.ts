/**
 * How the page splits a file across its workers (src/app/run): it reads the file as `bashunwei
 * simulate` reads it (lines, refusals and their messages), and splits it by person with the persons
 * that share a claim id kept together, so that the parts added up are the report of one stream:
 * a claim id repeated under another person is refused exactly where one stream refuses it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import { assignWorkers } from '../../src/app/run/assign-workers.js';
import { type InputRecord, csvRecords, ndjsonRecords, recordKeys } from '../../src/app/run/claim-records.js';
import { personHash } from '../../src/app/run/person-shard.js';
import { csvClaims, ndjsonClaims } from '../../src/node/simulate/source.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { reformRules } from '../../src/scheme/reform.js';
import { hashBytes } from '../../src/simulate/scale/shard.js';
import { mergeResults } from '../../src/simulate/scale/merge.js';
import { createSimulation, type Simulation } from '../../src/simulate/core/simulation.js';
import { simulationReport } from '../../src/simulate/report/summary.js';
import { CLAIM_CSV_COLUMNS, claimCsvRows } from '../../src/simulate/output/claim-csv.js';
import { csvRecord } from '../../src/csv/write.js';
import { tempDir } from '../support/helpers.js';

const dir = tempDir('app-split');
const enc = new TextEncoder();

describe('a file read in the browser', () => {
  it('gives the records bashunwei simulate reads from NDJSON: lines, blanks skipped, CRLF, too long, not UTF-8', () => {
    const claims = [...generateClaims({ claims: 5, seed: 1 })].map((c) => JSON.stringify(c));
    const bytes = Buffer.concat([
      Buffer.from(`${claims[0]}\r\n\n   \n${claims[1]}\n`),
      Buffer.from(`{"id":"x${'a'.repeat(1 << 20)}"}\n`),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
      Buffer.from(`not json\n${claims[2]}`),
    ]);
    const file = join(dir, 'mixed.ndjson');
    writeFileSync(file, bytes);
    for (const lang of ['zh-CN', 'en'] as const)
      expect(ndjsonRecords(new Uint8Array(bytes), lang)).toEqual([
        ...ndjsonClaims(file, { shard: 0, shards: 1, lang }),
      ]);
  });

  it('gives the claims bashunwei simulate reads from CSV: rows of one id joined, a broken record refused at its line', () => {
    const claims = [...generateClaims({ claims: 4, seed: 2 })];
    const rows = claims.flatMap((c) => claimCsvRows(c));
    const text = [csvRecord(CLAIM_CSV_COLUMNS), ...rows.slice(0, 3), 'C9,"P9,broken', ...rows.slice(3)].join('\r\n');
    const file = join(dir, 'claims.csv');
    writeFileSync(file, text);
    const page = csvRecords(enc.encode(text), 'en');
    const command = [...csvClaims(file, { shard: 0, shards: 1, lang: 'en' })].sort((a, b) => a.line - b.line);
    expect(page).toEqual(command);
    expect(page.some((r) => 'error' in r && r.error.code === 'invalid_csv')).toBe(true);
  });

  it('hashes a person id as the command does (FNV-1a of its UTF-8 bytes)', () => {
    for (const id of ['P00000001', 'P-000001', '患者七', 'é'])
      expect(personHash(id)).toBe(hashBytes(Buffer.from(id), 0, Buffer.byteLength(id)));
  });
});

describe('a file split by person across workers', () => {
  it('keeps in one worker every person who shares a claim id with another', () => {
    const owners = assignWorkers(
      [
        { person: 'P1', id: 'C1' },
        { person: 'P2', id: 'C2' },
        { person: 'P3', id: 'C1' },
        { person: 'P4', id: 'C2' },
        { person: 'P4', id: 'C3' },
        { person: 'P2', id: 'C4' },
        { person: null, id: 'C1' },
      ],
      7,
    );
    expect(owners[2]).toBe(owners[0]);
    expect([owners[3], owners[4], owners[5]]).toEqual([owners[1], owners[1], owners[1]]);
  });

  const reform = reformRules(defaultRules(), [
    { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.35' },
  ]);
  if (!reform.ok) throw new Error('reform');
  const variants = [
    { name: 'baseline', rules: defaultRules() },
    { name: 'reform', rules: reform.value },
  ];
  const add = (sim: Simulation, r: InputRecord) =>
    'text' in r ? sim.addText(r.text, r.line) : 'value' in r ? sim.add(r.value, r.line) : sim.addIssue(r.error, r.line);

  it('adds up to the report of one stream, duplicate ids across persons refused as one stream refuses them (any worker count)', () => {
    const base = [...generateClaims({ claims: 300, seed: 4, years: [2019, 2020] })];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(299), fc.nat(299)), { maxLength: 25 }),
        fc.array(fc.nat(299), { maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (copies, broken, workers) => {
          // Claim b gets claim a's id (another person, usually); some lines are broken.
          const claims = base.map((c) => structuredClone(c));
          for (const [a, b] of copies) claims[b]!.id = claims[a]!.id;
          const text = claims
            .map((c, i) => (broken.includes(i) ? `{"id":"${c.id}","person":` : JSON.stringify(c)))
            .join('\n');
          const records = ndjsonRecords(enc.encode(text), 'en');
          const one = createSimulation({ variants, lang: 'en' });
          for (const r of records) add(one, r);
          const owners = assignWorkers(records.map(recordKeys), workers);
          const parts = Array.from({ length: workers }, () => createSimulation({ variants, lang: 'en' }));
          records.forEach((r, i) => add(parts[owners[i]!]!, r));
          const books = variants.map((v) => v.rules);
          const split = simulationReport(
            mergeResults(
              parts.map((p) => p.result()),
              10,
            ),
            books,
          );
          const whole = simulationReport(one.result(), books);
          expect(split).toEqual(whole);
          return true;
        },
      ),
      { numRuns: 25 },
    );
  });
});
