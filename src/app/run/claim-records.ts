/**
 * A claims file read in the browser, as `bashunwei simulate FILE` reads it (README,
 * "Simulation", Input): NDJSON one claim per line (a final CR removed, blank lines skipped and not
 * counted, a line beyond 1 MiB refused as `input_too_large`, a line that is not UTF-8 as
 * `invalid_utf8`), or CSV with one row per item whose consecutive rows of one `id` are one claim
 * (a record RFC 4180 cannot read refused as `invalid_csv`), each with the line it starts on and
 * the same messages. The file never leaves the browser: its bytes are read here, in a worker.
 */
import { CsvReader } from '../../csv/read.js';
import {
  type InputRecord,
  MAX_RECORD_BYTES,
  csvProblem,
  notUtf8,
  tooLong,
} from '../../simulate/scale/input-records.js';
import type { Lang } from '../../i18n/lang.js';
import { addClaimCsvRow } from '../../simulate/output/claim-csv.js';

export type { InputRecord } from '../../simulate/scale/input-records.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The claims of an NDJSON file's bytes, in order.
 *
 * @example
 * ndjsonRecords(new TextEncoder().encode('{"id":"C1"}\n\n{"id":"C2"}\n')) // lines 1 and 3
 */
export function ndjsonRecords(bytes: Uint8Array, lang?: Lang): InputRecord[] {
  const out: InputRecord[] = [];
  let line = 0;
  let start = 0;
  const take = (end: number): void => {
    line++;
    const to = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
    if (end - start > MAX_RECORD_BYTES) return void out.push(tooLong(line, end - start, lang));
    let blank = true;
    for (let i = start; i < to && blank; i++) blank = bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0d;
    if (blank) return;
    try {
      out.push({ line, text: strictUtf8.decode(bytes.subarray(start, to)) });
    } catch {
      out.push(notUtf8(line, lang));
    }
  };
  for (let nl = bytes.indexOf(0x0a); nl >= 0; nl = bytes.indexOf(0x0a, start)) {
    take(nl);
    start = nl + 1;
  }
  if (start < bytes.length) take(bytes.length);
  return out;
}

/**
 * The claims of a CSV file's bytes (one row per item, a header of field paths), in order.
 *
 * @example
 * csvRecords(new TextEncoder().encode('id,person.id,item.amount\nC1,P1,10\nC1,P1,5\n')) // one claim of two items, line 2
 */
export function csvRecords(bytes: Uint8Array, lang?: Lang): InputRecord[] {
  const out: InputRecord[] = [];
  const reader = new CsvReader(MAX_RECORD_BYTES);
  let header: string[] | undefined;
  let idCol = -1;
  let claim: { line: number; id: string; value: Record<string, unknown> } | undefined;
  for (const r of [...reader.push(bytes), ...reader.end()]) {
    if ('problem' in r) {
      out.push(csvProblem(r.line, r.problem, lang));
      continue;
    }
    if (!header) {
      header = r.cells;
      idCol = header.indexOf('id');
      continue;
    }
    const id = r.cells[idCol] ?? '';
    if (claim && claim.id !== id) {
      out.push({ line: claim.line, value: claim.value });
      claim = undefined;
    }
    claim ??= { line: r.line, id, value: {} };
    addClaimCsvRow(claim.value, header, r.cells);
  }
  if (claim) out.push({ line: claim.line, value: claim.value });
  // The command lists a claim at the line its first row starts on, and a refused record at its own.
  return out.sort((a, b) => a.line - b.line);
}

/** What routes a record to a worker: its person id and claim id, when it has them as strings. */
export interface RecordKeys {
  readonly person: string | null;
  readonly id: string | null;
}

/**
 * The person id and claim id of a record (an unreadable record has neither: it is refused
 * wherever it is settled).
 *
 * @example
 * recordKeys({ line: 1, text: '{"id":"C1","person":{"id":"P1"}}' }) // { person: 'P1', id: 'C1' }
 */
export function recordKeys(r: InputRecord): RecordKeys {
  let json: unknown;
  if ('error' in r) return { person: null, id: null };
  if ('value' in r) json = r.value;
  else
    try {
      json = JSON.parse(r.text);
    } catch {
      return { person: null, id: null };
    }
  const o = json as { id?: unknown; person?: { id?: unknown } } | null;
  const person = typeof o === 'object' && o !== null ? o.person?.id : undefined;
  const id = typeof o === 'object' && o !== null ? o.id : undefined;
  return { person: typeof person === 'string' ? person : null, id: typeof id === 'string' ? id : null };
}
