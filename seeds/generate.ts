/**
 * Writes synthetic claims as NDJSON (or CSV, one row per item) to stdout.
 *
 *   npx tsx seeds/generate.ts --claims 100000 --seed 7 [--year 2018 | --years 2023 | --years 2019-2023] [--format csv] > claims.ndjson
 *
 * Options are read strictly (Node's util.parseArgs): an unknown option or a missing value is a
 * usage error (exit 2, the usage line on stderr), `--help` prints the usage, and a year no rule
 * set covers (2021) is one line on stderr, exit 2. The claims themselves come from
 * seeds/generator.ts, which has no Node import (the workbench page runs it in a browser and must
 * write the same bytes for the same options).
 */
import { parseArgs } from 'node:util';
import { CSV_EOL, csvRecord } from '../src/csv/write.js';
import { describeBook } from '../src/scheme/book.js';
import { defaultRules } from '../src/scheme/embedded.js';
import { CLAIM_CSV_COLUMNS, claimCsvRows } from '../src/simulate/output/claim-csv.js';
import { generateClaims } from './generator.js';

const USAGE =
  'usage: tsx seeds/generate.ts --claims N --seed S [--year Y | --years Y|FROM-TO] [--format ndjson|csv] (defaults: 1000 claims, seed 1, year 2018, ndjson)\n';

/** Ends the script: a message and the usage line on stderr, exit 2. */
function usageError(message: string): never {
  process.stderr.write(`seeds/generate.ts: ${message}\n${USAGE}`);
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: false,
    options: {
      claims: { type: 'string' },
      seed: { type: 'string' },
      year: { type: 'string' },
      years: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (e) {
  usageError((e as Error).message);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const option = (name: string): string | undefined => values[name] as string | undefined;
const claims = Number(option('claims') ?? 1000);
const seed = Number(option('seed') ?? 1);
const year = Number(option('year') ?? 2018);
// --years takes a span FROM-TO or one year (the workbench's links write either, docs/app.md).
const span = option('years')
  ?.split('-')
  .map((y) => (/^\d{4}$/.test(y) ? Number(y) : Number.NaN));
const years =
  span && span.every(Number.isSafeInteger)
    ? span.length === 2
      ? ([span[0]!, span[1]!] as const)
      : span.length === 1
        ? ([span[0]!, span[0]!] as const)
        : undefined
    : undefined;
const format = option('format') ?? 'ndjson';
if (!Number.isSafeInteger(claims) || claims < 0) usageError(`--claims must be a whole number, 0 or more`);
if (!Number.isSafeInteger(seed)) usageError('--seed must be a whole number');
if (!Number.isSafeInteger(year)) usageError('--year must be a year, like 2018');
if (option('years') !== undefined && !years)
  usageError('--years must be a year or a span of years, like 2023 or 2019-2023');
if (format !== 'ndjson' && format !== 'csv') usageError('--format must be ndjson or csv');

const generated = generateClaims({ claims, seed, year, years });
let next: IteratorResult<Record<string, unknown>>;
try {
  next = generated.next();
} catch (e) {
  // The generator refuses a span no rule set covers before it yields a claim (2021 has none).
  if (!(e instanceof RangeError)) throw e;
  const when = years ? `${years[0]}–${years[1]}` : String(year);
  process.stderr.write(
    `seeds/generate.ts: no rule set is in force in ${when} (${describeBook(defaultRules(), 'en')}): there is no claim to make\n`,
  );
  process.exit(2);
}
let buf = format === 'csv' ? `${csvRecord(CLAIM_CSV_COLUMNS)}${CSV_EOL}` : '';
for (; !next.done; next = generated.next()) {
  const c = next.value;
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
