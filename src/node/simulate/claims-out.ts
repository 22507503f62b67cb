/**
 * `simulate --claims-out FILE.csv|FILE.parquet`: the per-claim rows of a simulation in a file for
 * other tools. Each share of a parallel run writes its rows to a part file as it settles (memory
 * stays one buffer); the parts are then merged in input order — by line, then variant — into
 * CSV (RFC 4180 through src/csv, formula cells neutralised, CRLF) or Parquet (hyparquet-writer, amounts as
 * DECIMAL(18,2), the discharge date as a DATE, row groups of 100,000), so that the file is the same
 * whatever the workers. Both have the same snake_case column names (src/simulate/output/claim-rows.ts).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { SchemaElement } from 'hyparquet';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Fen, formatFen } from '../../money/fen.js';
import { CSV_EOL, csvRecord } from '../../csv/write.js';
import type { RuleBook } from '../../scheme/book.js';
import { chunkedFile, mergedRows } from './claim-parts.js';
import {
  type ClaimColumn,
  type ClaimColumnKind,
  type ClaimRowLayout,
  type ClaimRowValues,
  claimRowLayout,
} from '../../simulate/output/claim-rows.js';
import { type FileJob, simulateFile } from './parallel.js';
import { variantRules } from './variants.js';
import type { SimulationResult } from '../../simulate/core/simulation.js';

/** The formats of `--claims-out`, chosen by the file's extension. */
export type ClaimsOutFormat = 'csv' | 'parquet';

/**
 * The format of a `--claims-out` file by its extension, or `undefined`.
 *
 * @example
 * claimsOutFormat('rows.parquet') // "parquet"
 */
export function claimsOutFormat(file: string): ClaimsOutFormat | undefined {
  const lower = file.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.parquet') ? 'parquet' : undefined;
}

/** Rows per Parquet row group: large enough for fast scans, small enough to hold in memory. */
const ROW_GROUP = 100_000;

const csvValue = (c: ClaimColumn, v: ClaimRowValues[number]): string =>
  v === null ? '' : c.kind === 'amount' ? formatFen(v as Fen) : String(v);

function writeCsv(file: string, layout: ClaimRowLayout, rows: Iterable<ClaimRowValues>): number {
  const out = chunkedFile(file);
  out.write(csvRecord(layout.columns.map((c) => c.name)) + CSV_EOL);
  let n = 0;
  for (const row of rows) {
    out.write(csvRecord(row.map((v, i) => csvValue(layout.columns[i]!, v))) + CSV_EOL);
    n++;
  }
  out.close();
  return n;
}

/** Days since 1970-01-01 of an ISO date: how Parquet stores a DATE. */
const epochDay = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Each kind of column in Parquet: its schema element (after the name) and its values as the writer takes them. */
const PARQUET: Record<ClaimColumnKind, { element: Omit<SchemaElement, 'name'>; values: (vs: unknown[]) => unknown[] }> =
  {
    text: {
      element: {
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        logical_type: { type: 'STRING' },
        repetition_type: 'REQUIRED',
      },
      values: (vs) => vs,
    },
    // Line numbers and amounts (fen) go in as bigints: the writer stores them unscaled, exactly.
    int: {
      element: { type: 'INT64', repetition_type: 'REQUIRED' },
      values: (vs) => vs.map((v) => BigInt(v as number)),
    },
    amount: {
      element: {
        type: 'INT64',
        converted_type: 'DECIMAL',
        logical_type: { type: 'DECIMAL', precision: 18, scale: 2 },
        precision: 18,
        scale: 2,
        repetition_type: 'REQUIRED',
      },
      values: (vs) => vs.map((v) => BigInt(v as number)),
    },
    // A DATE (days since 1970-01-01, no time zone), so that SQL compares and groups dates as dates.
    date: {
      element: { type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type: 'REQUIRED' },
      values: (vs) => vs.map((v) => epochDay(v as string)),
    },
    bool: { element: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' }, values: (vs) => vs },
  };

async function writeParquet(file: string, layout: ClaimRowLayout, rows: Iterable<ClaimRowValues>): Promise<number> {
  // ESM-only and needed by this one command: loaded on use (the CommonJS build can import() it too).
  const { ParquetWriter, fileWriter } = await import('hyparquet-writer');
  const schema = [
    { name: 'root', num_children: layout.columns.length },
    ...layout.columns.map((c) => ({ name: c.name, ...PARQUET[c.kind].element })),
  ];
  const writer = new ParquetWriter({ writer: fileWriter(file), schema, createdBy: 'bashunwei' });
  let columns: unknown[][] = layout.columns.map(() => []);
  let n = 0;
  const flush = (): void => {
    if (columns[0]!.length === 0) return;
    const data = columns.map((values, i) => {
      const c = layout.columns[i]!;
      return { name: c.name, data: PARQUET[c.kind].values(values) };
    });
    void writer.write({ columnData: data as never, rowGroupSize: ROW_GROUP });
    columns = layout.columns.map(() => []);
  };
  for (const row of rows) {
    row.forEach((v, i) => columns[i]!.push(v));
    if (++n % ROW_GROUP === 0) flush();
  }
  flush();
  writer.finish();
  return n;
}

/**
 * Merges the part files of a run into `file` (CSV or Parquet by its extension) and returns the
 * number of rows written.
 *
 * @example
 * await writeClaimsOut('rows.parquet', [baseline, reform], ['/tmp/x/part.0', '/tmp/x/part.1'])
 */
export async function writeClaimsOut(
  file: string,
  books: readonly RuleBook[],
  parts: readonly string[],
): Promise<number> {
  const format = claimsOutFormat(file);
  if (!format) throw new Error(`${file}: --claims-out writes .csv or .parquet`);
  const layout = claimRowLayout(books);
  return format === 'csv' ? writeCsv(file, layout, mergedRows(parts)) : writeParquet(file, layout, mergedRows(parts));
}

/** The `--claims-out` file could not be written (its folder is missing, not writable, the disk full). */
export class ClaimsOutError extends Error {}

/**
 * Runs a simulation that writes its per-claim rows to part files (`run` is given their prefix,
 * in a temporary folder under `tmp`), then merges the parts into `out` (`.csv` or `.parquet`),
 * in input order, the same whatever the workers; the temporary folder is removed in any case.
 *
 * @example
 * await withClaimsOut('rows.parquet', books, (rows) => simulateFile({ ...job, claimsOut: rows }))
 */
export async function withClaimsOut(
  out: string,
  books: readonly RuleBook[],
  run: (rows: string) => Promise<SimulationResult>,
  tmp?: string,
): Promise<SimulationResult> {
  if (!claimsOutFormat(out)) throw new Error(`${out}: --claims-out writes .csv or .parquet`);
  const dir = mkdtempSync(join(tmp ?? tmpdir(), 'bashunwei-claims-'));
  try {
    const result = await run(join(dir, 'part'));
    const parts = readdirSync(dir)
      .sort()
      .map((f) => join(dir, f));
    try {
      await writeClaimsOut(out, books, parts);
    } catch (e) {
      throw new ClaimsOutError((e as Error).message);
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * {@link simulateFile} that also writes one row per settled claim and variant to `out`
 * (`.csv` or `.parquet`), in input order, the same whatever the number of workers.
 *
 * @example
 * const result = await simulateWithClaimsOut({ file: 'claims.ndjson', format: 'ndjson', variants }, 'rows.parquet');
 */
export function simulateWithClaimsOut(job: FileJob, out: string): Promise<SimulationResult> {
  return withClaimsOut(out, job.variants.map(bookOf), (rows) => simulateFile({ ...job, claimsOut: rows }), job.tmp);
}

/** A variant's rule book (the command checked it before the run: failing here is a bug). */
function bookOf(v: FileJob['variants'][number]): RuleBook {
  const r = variantRules(v);
  if (!r.ok) throw new Error(`rules of ${v.name}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}
