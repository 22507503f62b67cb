/**
 * Reading claims from a file or stdin: either one JSON document (a claim, possibly pretty-printed
 * over many lines) or NDJSON, one claim per line, streamed. Bytes are split on newlines and each
 * line decoded as strict UTF-8; a line beyond {@link MAX_LINE_BYTES} is refused without being
 * held in memory, so a 50 MB line costs nothing but its error.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { claimIssue } from '../claim/parse.js';
import { jsonProblemDetail } from '../errors/claim-message.js';
import { ClaimErrorCode } from '../errors/codes.js';
import { jsonSyntaxError } from '../errors/json-syntax.js';
import type { ClaimIssue } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import { bytesIn, lineIn } from '../i18n/say.js';
import { MAX_RECORD_BYTES } from '../simulate/scale/input-records.js';

/** Largest claim line accepted, in bytes (1 MiB: thousands of items), the one limit every reader of claims files keeps. */
export const MAX_LINE_BYTES = MAX_RECORD_BYTES;
/** Largest single JSON document accepted, in bytes. */
export const MAX_DOCUMENT_BYTES = 8 << 20;

/** One input unit: the JSON text of a claim, or why it cannot be read, with its line number. */
export type InputRecord =
  | { readonly line: number; readonly text: string }
  | { readonly line: number; readonly error: ClaimIssue };

/**
 * Opens FILE, or stdin for `-` / no file.
 *
 * @example
 * const stream = openInput('claims.ndjson');
 */
export function openInput(file: string | undefined, stdin: Readable = process.stdin): Readable {
  return file === undefined || file === '-' ? stdin : createReadStream(file);
}

type RawLine = { readonly line: number; readonly bytes: Buffer } | { readonly line: number; readonly tooLong: number };

/**
 * Splits a byte stream into lines without holding any line longer than `max` bytes.
 *
 * @example
 * for await (const l of byteLines(stream, MAX_LINE_BYTES)) …
 */
export async function* byteLines(
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  max: number,
): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let line = 0;
  const finish = (): RawLine => {
    line++;
    const out: RawLine = size > max ? { line, tooLong: size } : { line, bytes: stripCr(Buffer.concat(parts, size)) };
    parts = [];
    size = 0;
    return out;
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      take(buf.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    take(buf.subarray(start));
  }
  if (size > 0) yield finish();

  function take(b: Buffer): void {
    if (b.length === 0) return;
    if (size + b.length <= max) parts.push(b);
    size += b.length;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Buffer): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Yields the claims of a stream as JSON texts. When the first non-empty line is not JSON by
 * itself, the whole input is read as one JSON document; if that fails too, it is NDJSON with a
 * broken first line when some later line is a claim object by itself (then every line is read on
 * its own), and otherwise one broken document: one `invalid_json` error with its line and column.
 *
 * @example
 * for await (const rec of readClaims(openInput(file))) handle(rec);
 */
export async function* readClaims(
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  limits: { readonly line: number; readonly document: number } = { line: MAX_LINE_BYTES, document: MAX_DOCUMENT_BYTES },
  lang?: Lang,
): AsyncGenerator<InputRecord> {
  let mode: 'unknown' | 'ndjson' | 'document' = 'unknown';
  const held: { line: number; text: string }[] = [];
  let heldBytes = 0;
  for await (const raw of byteLines(stream, limits.line)) {
    if ('tooLong' in raw) {
      const error = claimIssue(
        ClaimErrorCode.INPUT_TOO_LARGE,
        '',
        { received: bytesIn(lang, raw.tooLong), detail: bytesIn(lang, limits.line) },
        lang,
      );
      if (mode === 'document') return yield { line: raw.line, error };
      mode = mode === 'unknown' ? 'ndjson' : mode;
      yield { line: raw.line, error };
      continue;
    }
    const text = decode(raw.bytes);
    if (text === undefined) {
      const error = claimIssue(ClaimErrorCode.INVALID_UTF8, '', { detail: lineIn(lang, raw.line) }, lang);
      if (mode === 'document') return yield { line: raw.line, error };
      mode = mode === 'unknown' ? 'ndjson' : mode;
      yield { line: raw.line, error };
      continue;
    }
    if (mode === 'document') {
      heldBytes += raw.bytes.length + 1;
      if (heldBytes > limits.document) {
        return yield {
          line: 1,
          error: claimIssue(
            ClaimErrorCode.INPUT_TOO_LARGE,
            '',
            { received: bytesIn(lang, limits.document, true), detail: bytesIn(lang, limits.document) },
            lang,
          ),
        };
      }
      held.push({ line: raw.line, text });
      continue;
    }
    if (text.trim() === '') continue;
    if (mode === 'unknown') {
      if (parses(text)) mode = 'ndjson';
      else {
        mode = 'document';
        heldBytes = raw.bytes.length + 1;
        held.push({ line: raw.line, text });
        continue;
      }
    }
    yield { line: raw.line, text };
  }
  if (mode !== 'document') return;
  const whole = held.map((h) => h.text).join('\n');
  const at = parses(whole) ? undefined : jsonSyntaxError(whole);
  if (at === undefined) {
    yield { line: held[0]!.line, text: whole };
    return;
  }
  // NDJSON whose first line is broken: a later line is a claim object by itself, so every line is
  // read on its own (the good ones settle, each bad one gets its error). Otherwise the input is a
  // broken document: one error, with the line and column where it stops being JSON.
  if (held.some((h, k) => k > 0 && isObjectLine(h.text))) {
    for (const h of held) if (h.text.trim() !== '') yield h;
    return;
  }
  yield {
    line: held[0]!.line,
    error: claimIssue(ClaimErrorCode.INVALID_JSON, '', { detail: jsonProblemDetail(at, lang, held[0]!.line) }, lang),
  };
}

function isObjectLine(text: string): boolean {
  return text.trimStart().startsWith('{') && parses(text);
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function stripCr(b: Buffer): Buffer {
  return b.length > 0 && b[b.length - 1] === 0x0d ? b.subarray(0, b.length - 1) : b;
}
