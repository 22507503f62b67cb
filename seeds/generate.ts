/**
 * Writes synthetic claims as NDJSON (or CSV, one row per item) to stdout.
 *
 *   npx tsx seeds/generate.ts --claims 100000 --seed 7 [--year 2018 | --years 2019-2023] [--format csv] > claims.ndjson
 */
import { CSV_EOL, csvRecord } from '../src/csv/write.js';
import { CLAIM_CSV_COLUMNS, claimCsvRows } from '../src/simulate/output/claim-csv.js';
import { generateClaims } from './generator.js';

const args = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args.set(argv[i]!.replace(/^--/, ''), argv[i + 1] ?? '');
const claims = Number(args.get('claims') ?? 1000);
const seed = Number(args.get('seed') ?? 1);
const year = Number(args.get('year') ?? 2018);
const span = args.get('years')?.split('-').map(Number);
const years =
  span && span.length === 2 && span.every(Number.isSafeInteger) ? ([span[0]!, span[1]!] as const) : undefined;
const format = args.get('format') ?? 'ndjson';
if (
  !Number.isSafeInteger(claims) ||
  claims < 0 ||
  !Number.isSafeInteger(seed) ||
  !Number.isSafeInteger(year) ||
  (format !== 'ndjson' && format !== 'csv') ||
  (args.has('years') && !years)
) {
  process.stderr.write(
    'usage: tsx seeds/generate.ts --claims N --seed S [--year Y | --years FROM-TO] [--format ndjson|csv]\n',
  );
  process.exit(2);
}
let buf = format === 'csv' ? `${csvRecord(CLAIM_CSV_COLUMNS)}${CSV_EOL}` : '';
for (const c of generateClaims({ claims, seed, year, years })) {
  buf +=
    format === 'csv'
      ? claimCsvRows(c)
          .map((r) => `${r}${CSV_EOL}`)
          .join('')
      : `${JSON.stringify(c)}\n`;
  if (buf.length > 1 << 16) {
    process.stdout.write(buf);
    buf = '';
  }
}
process.stdout.write(buf);
