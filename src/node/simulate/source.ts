/**
 * Reading a simulation's input file in one worker's share: NDJSON claims, one per line, or CSV
 * with one row per item (see {@link csvClaims}). The file is read in large chunks and split on
 * newlines; only the lines this worker owns are decoded, so memory is one chunk whatever the size.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_LINE_BYTES } from '../input.js';
import type { Lang } from '../../i18n/lang.js';
import { shardOfPerson } from '../../simulate/scale/shard.js';
import { shardOfLine } from './line-route.js';
import { addClaimCsvRow } from '../../simulate/output/claim-csv.js';
import { csvFileRecords } from '../read-csv-file.js';
import { type InputRecord, csvProblem, notUtf8, tooLong } from '../../simulate/scale/input-records.js';

/** Which share of the input to read, and whom to tell how far the reading got. */
export interface ShareOptions {
  readonly shard: number;
  readonly shards: number;
  /** Called now and then with the bytes read since the last call. */
  readonly progress?: (bytes: number) => void;
  /** The language of the messages of unreadable lines (default zh-CN). */
  readonly lang?: Lang;
}

const CHUNK = 4 << 20;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The raw lines of a file (without the newline, a final CR removed), each with its number. With
 * `range`, only the lines that start in `[range.start, range.end)` of the file, numbered from 1 at
 * the first of them (so that ranges split at any bytes read every line once, in parallel).
 *
 * @example
 * for (const l of fileLines('claims.ndjson')) l.buf.subarray(l.from, l.to)
 */
export function* fileLines(
  file: string,
  progress?: (bytes: number) => void,
  range?: { readonly start: number; readonly end: number },
): Generator<{ line: number; buf: Buffer; from: number; to: number } | { line: number; tooLong: number }> {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    const stop = range?.end ?? Infinity;
    // A range that starts inside a line leaves that line to the range before: read from the byte
    // before the start and skip up to its first newline (the byte itself, when a line starts there).
    let position = range && range.start > 0 ? range.start - 1 : 0;
    let head = range !== undefined && range.start > 0;
    let base = position; // the file offset of buf[0]
    let lineStart = position; // the file offset of the line being read
    let have = 0;
    let line = 0;
    let skipping = 0; // > 0 while inside a line already known to be too long
    for (;;) {
      const n = readSync(fd, buf, have, buf.length - have, position);
      position += n;
      progress?.(n);
      const end = have + n;
      let start = 0;
      if (head) {
        const nl = buf.indexOf(0x0a, 0);
        if (nl < 0 || nl >= end) {
          if (n === 0) return;
          base += end;
          have = 0;
          continue;
        }
        head = false;
        start = nl + 1;
        lineStart = base + start;
      }
      for (let nl = buf.indexOf(0x0a, start); nl >= 0 && nl < end; nl = buf.indexOf(0x0a, start)) {
        if (lineStart >= stop) return;
        line++;
        // A line is too long by its length alone, wherever the chunks happen to cut the file.
        if (skipping > 0 || nl - start > MAX_LINE_BYTES) yield { line, tooLong: skipping + nl - start };
        else yield { line, buf, from: start, to: nl > start && buf[nl - 1] === 0x0d ? nl - 1 : nl };
        skipping = 0;
        start = nl + 1;
        lineStart = base + start;
      }
      if (n === 0) {
        if (lineStart >= stop) return;
        if (skipping > 0 || end - start > MAX_LINE_BYTES) yield { line: line + 1, tooLong: skipping + end - start };
        else if (end > start) yield { line: line + 1, buf, from: start, to: end };
        return;
      }
      const rest = end - start;
      if (skipping > 0 || rest > MAX_LINE_BYTES) {
        skipping += rest;
        base += end;
        have = 0;
        continue;
      }
      // Keep the unfinished line at the front of the same buffer: every line yielded from it has
      // been consumed by now (the generator runs only when asked for the next line), and one
      // buffer for the whole file keeps memory flat (a fresh 4 MiB per chunk grew the RSS).
      buf.copy(buf, 0, start, end);
      base += start;
      have = rest;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of `buf[from, to)` as strict UTF-8, or `undefined` when the bytes are not UTF-8.
 *
 * @example
 * decode(Buffer.from('{"id":"C1"}'), 0, 11) // '{"id":"C1"}'
 */
export function decode(buf: Uint8Array, from: number, to: number): string | undefined {
  try {
    return strictUtf8.decode(buf.subarray(from, to));
  } catch {
    return undefined;
  }
}

/**
 * This worker's claims of an NDJSON file, as JSON texts (blank lines skipped).
 *
 * @example
 * for (const r of ndjsonClaims('claims.ndjson', { shard: 0, shards: 1 })) sim.addText(r.text)
 */
export function* ndjsonClaims(file: string, share: ShareOptions): Generator<InputRecord> {
  for (const l of fileLines(file, share.progress)) {
    if ('tooLong' in l) {
      if (l.line % share.shards === share.shard) yield tooLong(l.line, l.tooLong, share.lang);
      continue;
    }
    if (isBlank(l.buf, l.from, l.to)) continue;
    if (shardOfLine(l.buf, l.from, l.to, l.line, share.shards) !== share.shard) continue;
    const text = decode(l.buf, l.from, l.to);
    yield text === undefined ? notUtf8(l.line, share.lang) : { line: l.line, text };
  }
}

/**
 * True when `buf[from, to)` holds only spaces, tabs and carriage returns (a blank line is skipped, not counted).
 *
 * @example
 * isBlank(Buffer.from(' \t'), 0, 2) // true
 */
export function isBlank(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = buf[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/**
 * This worker's claims of a CSV file with one row per item and a header of the contract's field
 * paths (`id`, `person.id`, `visit.kind`, …, `item.amount`); consecutive rows with the same `id`
 * are one claim. The records are read by the project's RFC 4180 reader (`src/csv/`: quoted cells
 * may hold commas, quotes and line breaks) and assembled by {@link addClaimCsvRow}.
 *
 * @example
 * for (const r of csvClaims('claims.csv', { shard: 0, shards: 1 })) sim.add(r.value)
 */
export function* csvClaims(file: string, share: ShareOptions): Generator<InputRecord> {
  let header: string[] | undefined;
  let personCol = -1;
  let idCol = -1;
  let claim: { line: number; id: string; value: Record<string, unknown> } | undefined;
  for (const r of csvFileRecords(file, { maxRecordBytes: MAX_LINE_BYTES, progress: share.progress })) {
    if ('problem' in r) {
      if (r.line % share.shards === share.shard) yield csvProblem(r.line, r.problem, share.lang);
      continue;
    }
    const cells = r.cells;
    if (!header) {
      header = cells;
      personCol = header.indexOf('person.id');
      idCol = header.indexOf('id');
      continue;
    }
    const person = cells[personCol] ?? '';
    if ((person === '' ? r.line % share.shards : shardOfPerson(person, share.shards)) !== share.shard) continue;
    const id = cells[idCol] ?? '';
    if (claim && claim.id !== id) {
      yield { line: claim.line, value: claim.value };
      claim = undefined;
    }
    claim ??= { line: r.line, id, value: {} };
    addClaimCsvRow(claim.value, header, cells);
  }
  if (claim) yield { line: claim.line, value: claim.value };
}
