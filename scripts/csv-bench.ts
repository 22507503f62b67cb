/**
 * Does reading and writing CSV through csv-parse / csv-stringify cost a simulation more than 5%
 * (issue 21)? Times, on the same file and in interleaved rounds: our reader (src/csv/read.ts, as
 * `simulate` reads a CSV file: 4 MiB chunks) against csv-parse (its Node stream and its sync
 * API), our writer (src/csv/write.ts) against csv-stringify on the same records, and the whole
 * `bashunwei simulate FILE --workers 1` for scale. Run with a CSV file of claims:
 *
 *   npx tsx seeds/generate.ts --claims 70000 --seed 7 --year 2018 --format csv | head -n 200001 > rows.csv
 *   npx tsx scripts/csv-bench.ts rows.csv
 */
import { execFileSync } from 'node:child_process';
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { parse as parseStream } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CsvReader } from '../src/csv/read.js';
import { csvRecord } from '../src/csv/write.js';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx scripts/csv-bench.ts FILE.csv');
const CHUNK = 4 << 20;
/** csv-parse as strict as ours: RFC 4180 quotes, blank lines skipped, the line of each record, a size limit. */
const strict = { relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 1 << 20 } as const;

function readOurs(): number {
  const reader = new CsvReader(1 << 20);
  const fd = openSync(file!, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let n = 0;
  for (let k = readSync(fd, buf, 0, CHUNK, null); k > 0; k = readSync(fd, buf, 0, CHUNK, null))
    for (const _ of reader.push(buf.subarray(0, k))) n++;
  for (const _ of reader.end()) n++;
  closeSync(fd);
  return n;
}

async function readStream(): Promise<number> {
  let n = 0;
  for await (const _ of createReadStream(file!, { highWaterMark: CHUNK }).pipe(parseStream(strict))) n++;
  return n;
}

const readSyncWhole = (): number => parseSync(readFileSync(file!), strict).length;

const records = parseSync(readFileSync(file!), { relax_column_count: true }) as string[][];
const writeOurs = (): number => records.reduce((s, r) => s + csvRecord(r).length + 2, 0);
const writeTheirs = (): number => stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ }).length;

const simulate = (): void => {
  execFileSync(process.execPath, ['scripts/bashunwei.mjs', 'simulate', file!, '--workers', '1'], { stdio: 'ignore' });
};

const runs: [string, () => unknown][] = [
  ['read: ours (CsvReader, 4 MiB chunks)', readOurs],
  ['read: csv-parse (Node stream)', readStream],
  ['read: csv-parse/sync (whole file)', readSyncWhole],
  ['write: ours (csvRecord)', writeOurs],
  ['write: csv-stringify/sync', writeTheirs],
  ['bashunwei simulate FILE --workers 1', simulate],
];
simulate(); // builds dist/ if a source is newer, outside the timings
const times = new Map<string, number[]>();
const ROUNDS = 5;
for (let round = 0; round < ROUNDS; round++)
  for (const [name, f] of runs) {
    const t = performance.now();
    await f();
    times.set(name, [...(times.get(name) ?? []), performance.now() - t]);
  }
console.log(`${records.length - 1} rows, ${ROUNDS} interleaved rounds (median, min–max):`);
for (const [name, t] of times) {
  t.sort((a, b) => a - b);
  const ms = (x: number): string => `${Math.round(x)}`;
  console.log(`  ${name.padEnd(40)} ${ms(t[t.length >> 1]!).padStart(6)} ms  (${ms(t[0]!)}–${ms(t[t.length - 1]!)})`);
}
