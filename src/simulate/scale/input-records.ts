/**
 * One input of a claims file as a simulation reads it, wherever it is read (the command's worker
 * threads, src/node/simulate/source.ts; the workbench's Web Workers, src/app/run/claim-records.ts):
 * a claim's JSON text (NDJSON), its value (CSV rows of one claim), or why the record cannot be
 * read, with the same codes and messages in both places (README, "Input").
 */
import { claimIssue } from '../../claim/parse.js';
import type { CsvProblem } from '../../csv/read.js';
import { ClaimErrorCode } from '../../errors/codes.js';
import type { ClaimIssue } from '../../errors/issue.js';
import type { Lang } from '../../i18n/lang.js';
import { bytesIn, lineIn, say } from '../../i18n/say.js';

/** One input of a file: a claim's JSON text (NDJSON), its value (CSV), or why it cannot be read. */
export type InputRecord =
  | { readonly line: number; readonly text: string }
  | { readonly line: number; readonly value: Record<string, unknown> }
  | { readonly line: number; readonly error: ClaimIssue };

/** An input that cannot be read. */
export type InputProblem = { readonly line: number; readonly error: ClaimIssue };

/** The longest claim line or CSV record read, in bytes (README, "Input"). */
export const MAX_RECORD_BYTES = 1 << 20;

/**
 * A record longer than {@link MAX_RECORD_BYTES}: `input_too_large`.
 *
 * @example
 * tooLong(3, 2_000_000, 'en').error.code // "input_too_large"
 */
export const tooLong = (line: number, bytes: number, lang?: Lang): InputProblem => ({
  line,
  error: claimIssue(
    ClaimErrorCode.INPUT_TOO_LARGE,
    '',
    { received: bytesIn(lang, bytes), detail: bytesIn(lang, MAX_RECORD_BYTES) },
    lang,
  ),
});

/**
 * A line that is not UTF-8: `invalid_utf8`.
 *
 * @example
 * notUtf8(3, 'en').error.code // "invalid_utf8"
 */
export const notUtf8 = (line: number, lang?: Lang): InputProblem => ({
  line,
  error: claimIssue(ClaimErrorCode.INVALID_UTF8, '', { detail: lineIn(lang, line) }, lang),
});

/**
 * A CSV reader's problem as the refusal of its record.
 *
 * @example
 * csvProblem(4, { kind: 'invalid_utf8' }, 'en').error.code // "invalid_utf8"
 */
export function csvProblem(line: number, problem: CsvProblem, lang?: Lang): InputProblem {
  if (problem.kind === 'too_long') return tooLong(line, problem.bytes, lang);
  if (problem.kind === 'invalid_utf8') return notUtf8(line, lang);
  return {
    line,
    error: claimIssue(
      ClaimErrorCode.INVALID_CSV,
      '',
      { detail: `${lineIn(lang, line)}${say(lang, { zh: `，${problem.zh}`, en: `, ${problem.detail}` })}` },
      lang,
    ),
  };
}
