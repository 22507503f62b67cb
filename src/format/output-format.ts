/**
 * What an output format is (issue 21, "each output format is one module in one registry"): what it
 * writes at the start of a run, for each settled claim, for each refused one and at the end, its
 * media type, and whether it needs the whole run before it writes. `bashunwei settle --format` and
 * the service loop over the registry (outputs.ts); a new format is one module in `outputs/` and
 * one line there. Nothing here touches Node: a format returns text, the caller writes it.
 */
import type { ClaimIssue } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import type { RuleBook } from '../scheme/book.js';
import type { SettlementRecord } from '../settle/settle-claim.js';

/** What a format is told about a run. */
export interface FormatOptions {
  /** The language of explanations and messages. */
  readonly lang: Lang;
  /** The rule book the claims are settled by (CSV's columns are its tiers). */
  readonly rules: RuleBook;
  /** A creation time for the documents of a {@link OutputFormat.dated} format (FHIR's `created`); default now. */
  readonly created?: string;
}

/** Text for the output (`out`, the command's stdout) and for refusals kept out of it (`err`, stderr). */
export interface Written {
  readonly out?: string;
  readonly err?: string;
}

/** Nothing written. */
export const NOTHING: Written = {};

/** A refused input: its line, its claim id when known, and every problem. */
export interface Refusal {
  readonly line: number;
  readonly claimId: string | null;
  readonly errors: readonly ClaimIssue[];
}

/** One run of a format: call `start`, then `settled` or `refused` for each input in order, then `end`. */
export interface FormatRun {
  start(): Written;
  settled(record: SettlementRecord): Written;
  refused(refusal: Refusal): Written;
  end(): Written;
}

/** An output format of the settlements. */
export interface OutputFormat {
  /** Its name, as `--format` and `?format=` take it. */
  readonly id: string;
  /** What it is, in a few words, for the usage text. */
  readonly summary: string;
  /** The media type of what it writes to `out`. */
  readonly mediaType: string;
  /** It writes nothing of the settlements until the end (a page or a statement of the whole run). */
  readonly wholeRun: boolean;
  /** Its documents carry a creation time (`--created`, `SOURCE_DATE_EPOCH`). */
  readonly dated: boolean;
  /** Starts a run. */
  open(options: FormatOptions): FormatRun;
}

/**
 * Joins what two steps wrote, in order.
 *
 * @example
 * joinWritten({ out: 'a' }, { out: 'b', err: 'x' }) // { out: 'ab', err: 'x' }
 */
export function joinWritten(a: Written, b: Written): Written {
  const out = (a.out ?? '') + (b.out ?? '');
  const err = (a.err ?? '') + (b.err ?? '');
  return { ...(out ? { out } : {}), ...(err ? { err } : {}) };
}

/**
 * The error line of docs/claim.md, "Errors": the first problem in `error`, all of them in `errors`.
 *
 * @example
 * errorLine({ line: 2, claimId: 'C1', errors: [issue] }) // { claimId: 'C1', line: 2, error: issue }
 */
export function errorLine(r: Refusal): Record<string, unknown> {
  const [first] = r.errors;
  return { claimId: r.claimId, line: r.line, error: first, ...(r.errors.length > 1 ? { errors: r.errors } : {}) };
}

/**
 * The run of a format that writes each input as one JSON document, and a run of a single input
 * as one pretty document: each piece is held until the next shows that there is more than one.
 *
 * @example
 * open: (o) => oneDocumentOrLines({ settled: (r, pretty) => json(settlementToJson(r, o), pretty), refused: … })
 */
export function oneDocumentOrLines(each: {
  readonly start?: () => Written;
  readonly settled: (record: SettlementRecord, pretty: boolean) => Written;
  readonly refused: (refusal: Refusal, pretty: boolean) => Written;
}): FormatRun {
  let held: ((pretty: boolean) => Written) | undefined;
  let count = 0;
  const take = (write: (pretty: boolean) => Written): Written => {
    count++;
    if (count === 1) {
      held = write;
      return NOTHING;
    }
    const first = held ? held(false) : NOTHING;
    held = undefined;
    return joinWritten(first, write(false));
  };
  return {
    start: each.start ?? (() => NOTHING),
    settled: (r) => take((pretty) => each.settled(r, pretty)),
    refused: (f) => take((pretty) => each.refused(f, pretty)),
    end: () => (held ? held(true) : NOTHING),
  };
}

/**
 * One JSON value as a line, or as a pretty document.
 *
 * @example
 * jsonText({ a: 1 }, false) // '{"a":1}\n'
 */
export function jsonText(value: unknown, pretty: boolean): string {
  return `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`;
}

/**
 * Everything a format writes for one settlement, start to end: a document of its own (what a
 * service answers for one claim).
 *
 * @example
 * formatOne(outputFormat('html')!, record, { lang: 'zh-CN', rules }).out // "<!doctype html>…"
 */
export function formatOne(format: OutputFormat, record: SettlementRecord, options: FormatOptions): Written {
  const run = format.open(options);
  return [run.start(), run.settled(record), run.end()].reduce(joinWritten, NOTHING);
}
