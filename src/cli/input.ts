/**
 * Reading claims from a file or stdin: either one JSON document (a claim, possibly pretty-printed
 * over many lines) or NDJSON, one claim per line, streamed line by line.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** One input unit: the parsed JSON of a claim, or why it could not be parsed, with its line. */
export type InputRecord = { readonly line: number; readonly json: unknown } | { readonly line: number; readonly parseError: string; readonly raw: string };

/**
 * Opens FILE, or stdin for `-` / no file.
 *
 * @example
 * const stream = openInput('claims.ndjson');
 */
export function openInput(file: string | undefined, stdin: Readable = process.stdin): Readable {
  return file === undefined || file === '-' ? stdin : createReadStream(file);
}

/**
 * Yields the claims of a stream. When the first non-empty line is not JSON by itself, the whole
 * input is read as one JSON document; if that fails too, it is read as NDJSON line by line so that
 * every bad line gets its own error.
 *
 * @example
 * for await (const rec of readClaims(openInput(file))) handle(rec);
 */
export async function* readClaims(stream: Readable): AsyncGenerator<InputRecord> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let mode: 'unknown' | 'ndjson' | 'document' = 'unknown';
  const held: string[] = [];
  for await (const raw of rl) {
    lineNo++;
    if (mode === 'document') {
      held.push(raw);
      continue;
    }
    if (raw.trim() === '') continue;
    if (mode === 'unknown') {
      const first = tryParse(raw);
      if (first.ok) mode = 'ndjson';
      else {
        mode = 'document';
        // Keep blank lines before the first one so that line numbers stay right on fallback.
        for (let i = 1; i < lineNo; i++) held.push('');
        held.push(raw);
        continue;
      }
    }
    yield parseLine(raw, lineNo);
  }
  if (mode !== 'document') return;
  const whole = tryParse(held.join('\n'));
  if (whole.ok) {
    yield { line: 1, json: whole.value };
    return;
  }
  for (let i = 0; i < held.length; i++) if (held[i]!.trim() !== '') yield parseLine(held[i]!, i + 1);
}

function parseLine(raw: string, line: number): InputRecord {
  const r = tryParse(raw);
  return r.ok ? { line, json: r.value } : { line, parseError: r.error, raw };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
