/**
 * `bashunwei settle [FILE|-] [--rules DIR] [--ledger FILE] [--ledger-out FILE] [--format json|ndjson|text|html|csv|fhir|nhsa]`
 *
 * Settles one claim or an NDJSON stream in input order with the ledger threaded per person and
 * year. A bad claim yields one error line and the rest go on. Exit 0 when all settled, 1 when some
 * claim was rejected, 2 for usage errors, unreadable files and invalid rules or ledgers.
 */
import type { Io } from './io.js';
import { writeFileSync } from 'node:fs';
import { CSV_EOL, csvRecord } from '../csv/write.js';
import { prettifyIssues } from '../errors/issue.js';
import { claimResponse, isFhirDateTime } from '../format/fhir-claim-response.js';
import { nhsaSettlement } from '../format/nhsa-settlement.js';
import { operationOutcome } from '../format/operation-outcome.js';
import { settlementCsvColumns, settlementCsvRow } from '../format/settlement-csv.js';
import { settlementToJson } from '../format/settlement-json.js';
import { statementHtml } from '../format/statement-html.js';
import { formatStatements } from '../format/text.js';
import { ledgerToJson, parseLedgerJson } from '../ledger/ledger-json.js';
import type { Ledger } from '../ledger/year-ledger.js';
import type { RuleBook } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';
import { loadRuleFolder } from '../node/load-rule-folder.js';
import { type BatchOutcome, createBatch } from '../settle/batch.js';
import type { SettlementRecord } from '../settle/settle-claim.js';
import { langOf, parseArgs, UsageError } from './args.js';
import { readJsonFile } from './json-file.js';
import { openInput, readClaims } from '../node/input.js';

/** Output formats: the contract's JSON (one pretty document, or NDJSON), the cashier's text or printable HTML statement, a CSV row per claim, FHIR R4 ClaimResponse. */
const FORMATS = ['json', 'ndjson', 'text', 'html', 'csv', 'fhir', 'nhsa'] as const;

/**
 * Runs `settle` and returns the exit code.
 *
 * @example
 * process.exitCode = await settleCommand(['claim.json', '--format', 'text'], io);
 */
export async function settleCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    rules: true,
    ledger: true,
    'ledger-out': true,
    format: true,
    lang: true,
    created: true,
  });
  const lang = langOf(args.flags.lang);
  if (args.positional.length > 1) throw new UsageError('settle reads one FILE (or - for stdin)');
  const format = (args.flags.format ?? 'json') as string;
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const created = createdOf(args.flags.created, format, io.env ?? process.env);

  const rules = loadRules(args.flags.rules as string | undefined, io);
  if (!rules) return 2;
  const ledger = loadLedger(args.flags.ledger as string | undefined, rules, io);
  if (!ledger) return 2;

  const batch = createBatch({ rules, ledger, lang });
  const file = args.positional[0];
  let rejected = 0;
  let count = 0;
  let held: BatchOutcome | undefined;
  const records: SettlementRecord[] = [];
  // In text, refusals follow the statements (in input order), so that a statement is never
  // preceded by the refusal of a later line.
  const textRefusals: string[] = [];
  // The statements (text, HTML) are printed at the end; CSV keeps its rows and sends refusals to
  // stderr, so that what it prints is a valid CSV file.
  const collect = format === 'text' || format === 'html';
  if (format === 'csv') io.out(`${csvRecord(settlementCsvColumns(rules))}${CSV_EOL}`);
  const emit = (o: BatchOutcome, pretty: boolean): void => {
    if (format === 'text') {
      if (!o.ok)
        textRefusals.push(`✖ 第${o.line}行${o.claimId ? ` ${o.claimId}` : ''} 未结算：\n${prettifyIssues(o.errors)}\n`);
      return;
    }
    if (format === 'html' || format === 'csv' || format === 'nhsa') {
      if (!o.ok) io.err(`${JSON.stringify(errorLine(o))}\n`);
      else if (format === 'csv') io.out(`${settlementCsvRow(settlementToJson(o.record, { lang }), rules)}${CSV_EOL}`);
      else if (format === 'nhsa') io.out(`${JSON.stringify(nhsaSettlement(o.record), null, pretty ? 2 : undefined)}\n`);
      return;
    }
    // FHIR: stdout holds ClaimResponses only; a refusal is an OperationOutcome on stderr.
    if (format === 'fhir' && !o.ok) return io.err(`${JSON.stringify(operationOutcome(o.errors, o))}\n`);
    const body = !o.ok
      ? errorLine(o)
      : format === 'fhir'
        ? claimResponse(o.record, { lang, created })
        : settlementToJson(o.record, { lang });
    io.out(pretty ? `${JSON.stringify(body, null, 2)}\n` : `${JSON.stringify(body)}\n`);
  };

  try {
    for await (const rec of readClaims(openInput(file, io.stdin), undefined, lang)) {
      const o: BatchOutcome =
        'text' in rec
          ? batch.settleText(rec.text, rec.line)
          : { ok: false, line: rec.line, claimId: null, errors: [rec.error] };
      count++;
      if (!o.ok) rejected++;
      else if (collect) records.push(o.record);
      // One claim prints as a pretty document; hold the first until we know there is a second.
      if (count === 1 && (format === 'json' || format === 'nhsa' || (format === 'fhir' && o.ok))) held = o;
      else {
        if (held) emit(held, false);
        held = undefined;
        emit(o, false);
      }
    }
  } catch (e) {
    io.err(`bashunwei: cannot read ${file ?? 'stdin'}: ${(e as Error).message}\n`);
    return 2;
  }
  if (held) emit(held, true);
  if (format === 'text' && records.length > 0) io.out(`${formatStatements(records)}\n`);
  if (textRefusals.length > 0) io.out(`${records.length > 0 ? '\n' : ''}${textRefusals.join('\n')}`);
  if (format === 'html' && records.length > 0) io.out(statementHtml(records));
  if (count === 0) {
    io.err('bashunwei: no claim in the input\n');
    return 2;
  }

  const out = args.flags['ledger-out'];
  if (typeof out === 'string') {
    try {
      writeFileSync(out, `${JSON.stringify(ledgerToJson(batch.ledger()), null, 2)}\n`);
    } catch (e) {
      io.err(`bashunwei: cannot write the ledger to ${out}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  if (rejected > 0) io.err(`bashunwei: ${count - rejected} settled, ${rejected} rejected\n`);
  return rejected > 0 ? 1 : 0;
}

/**
 * FHIR's `created`: `--created` (an R4 dateTime), else `SOURCE_DATE_EPOCH` (seconds, the
 * reproducible-builds convention), else now; only with `--format fhir`.
 */
function createdOf(
  flag: string | true | undefined,
  format: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (flag !== undefined) {
    if (format !== 'fhir') throw new UsageError('--created goes with --format fhir');
    if (typeof flag !== 'string' || !isFhirDateTime(flag))
      throw new UsageError('--created must be a FHIR dateTime such as 2017-05-10T09:30:00+08:00');
    return flag;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (format !== 'fhir' || epoch === undefined || epoch === '') return undefined;
  if (!/^\d{1,12}$/.test(epoch)) throw new UsageError('SOURCE_DATE_EPOCH must be a whole number of seconds since 1970');
  return new Date(Number(epoch) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The error line of docs/claim.md, "Errors": first problem in `error`, all of them in `errors`. */
function errorLine(o: Extract<BatchOutcome, { ok: false }>) {
  const [first] = o.errors;
  return { claimId: o.claimId, line: o.line, error: first, ...(o.errors.length > 1 ? { errors: o.errors } : {}) };
}

/**
 * The rule book of `--rules DIR`, or the embedded rules; prints problems and returns undefined.
 *
 * @example
 * const rules = loadRules('rules/ziyang-2017', io);
 */
export function loadRules(dir: string | undefined, io: Io): RuleBook | undefined {
  if (dir === undefined) return defaultRules();
  const r = loadRuleFolder(dir);
  if (r.ok) return r.value;
  io.err(`bashunwei: the rules in ${dir} are invalid:\n${prettifyIssues(r.errors)}\n`);
  return undefined;
}

/** The ledger of `--ledger FILE`, checked as `settle()` and `createBatch()` check one (its counters those of `rules`). */
function loadLedger(file: string | undefined, rules: RuleBook, io: Io): Ledger | undefined {
  if (file === undefined) return new Map();
  const read = readJsonFile(file, 'the ledger', io);
  if (!read) return undefined;
  const r = parseLedgerJson(read.json, { file, rules });
  if (r.ok) return r.value;
  io.err(`bashunwei: the ledger ${file} is invalid:\n${prettifyIssues(r.errors)}\n`);
  return undefined;
}
