/**
 * `bashunwei settle [FILE|-] [--rules DIR] [--ledger FILE] [--ledger-out FILE] [--format F]`
 *
 * Settles one claim or an NDJSON stream in input order with the ledger threaded per person and
 * year, and writes each outcome in the output format chosen among the registry's
 * (src/format/outputs.ts): the command knows no format by name. A bad claim yields its refusal and
 * the rest go on. Exit 0 when all settled, 1 when some claim was rejected, 2 for usage errors,
 * unreadable files and invalid rules or ledgers.
 */
import type { Io } from './io.js';
import { writeFileSync } from 'node:fs';
import { prettifyIssues } from '../errors/issue.js';
import { isFhirDateTime } from '../format/fhir-claim-response.js';
import type { OutputFormat, Written } from '../format/output-format.js';
import { OUTPUT_FORMATS, outputFormat } from '../format/outputs.js';
import { ledgerToJson, parseLedgerJson } from '../ledger/ledger-json.js';
import type { Ledger } from '../ledger/year-ledger.js';
import type { RuleBook } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';
import { loadRuleFolder } from '../node/load-rule-folder.js';
import { type BatchOutcome, createBatch } from '../settle/batch.js';
import { langOf, parseArgs, UsageError } from './args.js';
import { readJsonFile } from './json-file.js';
import { openInput, readClaims } from '../node/input.js';

/**
 * Runs `settle` and returns the exit code; `formats` are the output formats it offers (default:
 * the registry).
 *
 * @example
 * process.exitCode = await settleCommand(['claim.json', '--ledger', 'ledger.json'], io);
 */
export async function settleCommand(
  argv: readonly string[],
  io: Io,
  formats: readonly OutputFormat[] = OUTPUT_FORMATS,
): Promise<number> {
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
  const format = outputFormat((args.flags.format ?? formats[0]!.id) as string, formats);
  if (!format) throw new UsageError(`--format must be one of ${formats.map((f) => f.id).join(', ')}`);
  const created = createdOf(args.flags.created, format, formats, io.env ?? process.env);

  const rules = loadRules(args.flags.rules as string | undefined, io);
  if (!rules) return 2;
  const ledger = loadLedger(args.flags.ledger as string | undefined, rules, io);
  if (!ledger) return 2;

  const batch = createBatch({ rules, ledger, lang });
  const run = format.open({ lang, rules, created });
  const write = (w: Written): void => {
    if (w.out) io.out(w.out);
    if (w.err) io.err(w.err);
  };
  const file = args.positional[0];
  let rejected = 0;
  let count = 0;
  write(run.start());
  try {
    for await (const rec of readClaims(openInput(file, io.stdin), undefined, lang)) {
      const o: BatchOutcome =
        'text' in rec
          ? batch.settleText(rec.text, rec.line)
          : { ok: false, line: rec.line, claimId: null, errors: [rec.error] };
      count++;
      if (!o.ok) rejected++;
      write(o.ok ? run.settled(o.record) : run.refused(o));
    }
  } catch (e) {
    io.err(`bashunwei: cannot read ${file ?? 'stdin'}: ${(e as Error).message}\n`);
    return 2;
  }
  write(run.end());
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
 * The creation time of a dated format's documents (FHIR's `created`): `--created` (an R4
 * dateTime), else `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention), else now.
 */
function createdOf(
  flag: string | true | undefined,
  format: OutputFormat,
  formats: readonly OutputFormat[],
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (flag !== undefined) {
    if (!format.dated)
      throw new UsageError(
        `--created goes with --format ${formats
          .filter((f) => f.dated)
          .map((f) => f.id)
          .join(' or ')}`,
      );
    if (typeof flag !== 'string' || !isFhirDateTime(flag))
      throw new UsageError('--created must be a FHIR dateTime such as 2017-05-10T09:30:00+08:00');
    return flag;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (!format.dated || epoch === undefined || epoch === '') return undefined;
  if (!/^\d{1,12}$/.test(epoch)) throw new UsageError('SOURCE_DATE_EPOCH must be a whole number of seconds since 1970');
  return new Date(Number(epoch) * 1000).toISOString().replace('.000Z', 'Z');
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
