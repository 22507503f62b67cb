/**
 * Reading CSV (RFC 4180), incrementally from bytes: a quoted cell may hold commas, quotes (doubled)
 * and line breaks, records end with LF or CRLF, blank lines are skipped. The reader takes chunks
 * of any size and yields each record as soon as it is complete, so a file of any length is read in
 * the memory of one chunk plus one record; a record longer than `maxRecordBytes` is reported
 * without being held. Each record is decoded as strict UTF-8 on its own (quotes, commas and line
 * breaks are single bytes that never occur inside a multi-byte UTF-8 sequence, so records can be
 * found in the bytes before decoding).
 *
 * Strict where RFC 4180 is: a quote inside an unquoted cell, text after a closing quote and a
 * quote left open at the end of the input are errors, never guessed at. Every cell goes through
 * {@link restoreFormula}, the inverse of what our writer does against formula injection.
 */
import { restoreFormula } from './formula.js';

/** Why a record could not be read. */
export type CsvProblem =
  | { readonly kind: 'too_long'; readonly bytes: number }
  | { readonly kind: 'invalid_utf8' }
  | { readonly kind: 'malformed'; readonly detail: string; readonly zh: string };

/** A record and the line of the input it starts on (1-based), or why it cannot be read. */
export type CsvRecord =
  | { readonly line: number; readonly cells: string[] }
  | { readonly line: number; readonly problem: CsvProblem };

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An incremental CSV reader: `push` chunks, then `end`; both yield the records completed.
 *
 * @example
 * const reader = new CsvReader(1 << 20);
 * for (const chunk of chunks) for (const r of reader.push(chunk)) use(r);
 * for (const r of reader.end()) use(r);
 */
export class CsvReader {
  /** Inside a quoted cell (quotes toggle it: a doubled quote toggles twice). */
  private quoted = false;
  /** The bytes of the unfinished record from earlier chunks (copies), and their size. */
  private parts: Uint8Array[] = [];
  private size = 0;
  /** The record being read starts on this line; `lines` counts the line breaks seen. */
  private start = 1;
  private lines = 0;

  /** @param maxRecordBytes the longest record held; a longer one is reported as `too_long`. */
  constructor(private readonly maxRecordBytes: number) {}

  /**
   * Reads one chunk (it may be reused by the caller afterwards).
   *
   * @example
   * [...reader.push(new TextEncoder().encode('a,b\n'))] // [{ line: 1, cells: ['a', 'b'] }]
   */
  *push(chunk: Uint8Array): Generator<CsvRecord> {
    // Plain bytes, no Node Buffer: the reader runs in a browser too (the workbench reads CSV files
    // there). A Buffer given on Node keeps its own fast indexOf.
    const buf = chunk;
    let from = 0;
    let quote = buf.indexOf(QUOTE, 0);
    for (let nl = buf.indexOf(LF, 0); nl >= 0; nl = buf.indexOf(LF, nl + 1)) {
      while (quote >= 0 && quote < nl) {
        this.quoted = !this.quoted;
        quote = buf.indexOf(QUOTE, quote + 1);
      }
      this.lines++;
      if (this.quoted) continue; // a line break inside a quoted cell
      this.take(buf, from, nl);
      from = nl + 1;
      const r = this.finish();
      if (r) yield r;
    }
    while (quote >= 0) {
      this.quoted = !this.quoted;
      quote = buf.indexOf(QUOTE, quote + 1);
    }
    this.take(buf, from, buf.length, true);
  }

  /**
   * Ends the input: yields the last record if it had no line end, or the open quote's error.
   *
   * @example
   * [...reader.end()]
   */
  *end(): Generator<CsvRecord> {
    if (this.quoted && this.size > 0) {
      const line = this.start;
      const bytes = this.size;
      this.reset();
      yield {
        line,
        problem:
          bytes > this.maxRecordBytes
            ? { kind: 'too_long', bytes }
            : {
                kind: 'malformed',
                detail: 'a quoted cell is not closed before the end of the input',
                zh: '带引号的单元格到输入结束仍未闭合',
              },
      };
      return;
    }
    this.lines++;
    const r = this.finish();
    if (r) yield r;
  }

  private take(buf: Uint8Array, from: number, to: number, copy = false): void {
    if (to <= from) return;
    const n = to - from;
    if (this.size + n <= this.maxRecordBytes)
      this.parts.push(copy ? new Uint8Array(buf.subarray(from, to)) : buf.subarray(from, to));
    else this.parts = [];
    this.size += n;
  }

  private reset(): void {
    this.parts = [];
    this.size = 0;
    this.start = this.lines + 1;
  }

  /** The record read so far, ended by a line break (or the end of the input). */
  private finish(): CsvRecord | undefined {
    const line = this.start;
    const size = this.size;
    if (size > this.maxRecordBytes) {
      this.reset();
      return { line, problem: { kind: 'too_long', bytes: size } };
    }
    let bytes = this.parts.length === 1 ? this.parts[0]! : concat(this.parts, size);
    this.reset();
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    if (isBlank(bytes)) return undefined;
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      return { line, problem: { kind: 'invalid_utf8' } };
    }
    const cells = splitRecord(text);
    return Array.isArray(cells)
      ? { line, cells }
      : { line, problem: { kind: 'malformed', detail: cells.en, zh: cells.zh } };
  }
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09) return false;
  return true;
}

/** The parts of a record, one after the other, in a new array of `size` bytes. */
function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The cells of one record's text (without its line end), or what is wrong with it, in English
 * and in Chinese (the messages of both languages quote it).
 *
 * @example
 * splitRecord('a,"b,""c""",d') // ["a", "b,\"c\"", "d"]
 */
export function splitRecord(text: string): string[] | { readonly en: string; readonly zh: string } {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell: string;
    if (text[i] === '"') {
      cell = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0)
          return {
            en: `cell ${cells.length + 1}: a quoted cell is not closed`,
            zh: `第 ${cells.length + 1} 个单元格：引号未闭合`,
          };
        cell += text.slice(from, q);
        if (text[q + 1] === '"') {
          cell += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (i < text.length && text[i] !== ',')
        return {
          en: `cell ${cells.length + 1}: text after the closing quote`,
          zh: `第 ${cells.length + 1} 个单元格：闭合引号之后还有文字`,
        };
    } else {
      const comma = text.indexOf(',', i);
      const to = comma < 0 ? text.length : comma;
      cell = text.slice(i, to);
      if (cell.includes('"'))
        return {
          en: `cell ${cells.length + 1}: a quote inside a cell that is not quoted`,
          zh: `第 ${cells.length + 1} 个单元格：未加引号的单元格中有引号`,
        };
      i = to;
    }
    cells.push(restoreFormula(cell));
    if (i >= text.length) return cells;
    i++; // the comma
  }
}

/**
 * Every record of a CSV text (for tests and small inputs; files go through {@link CsvReader}).
 *
 * @example
 * parseCsv('id,name\r\nC1,"a\nb"\r\n') // [{ line: 1, cells: ['id', 'name'] }, { line: 2, cells: ['C1', 'a\nb'] }]
 */
export function parseCsv(text: string, maxRecordBytes = Number.MAX_SAFE_INTEGER): CsvRecord[] {
  const reader = new CsvReader(maxRecordBytes);
  return [...reader.push(new TextEncoder().encode(text)), ...reader.end()];
}
