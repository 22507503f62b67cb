/**
 * `bashunwei simulate FILE [--rules DIR] [--baseline DIR] [--out report.html] [--workers N]
 * [--funds FILE] [--input ndjson|csv] [--tmp DIR] [--aggregates-out FILE] [--claims-out FILE]`,
 * and `bashunwei simulate --merge A.json B.json … [--rules DIR] [--baseline DIR] [--out report.html]`
 *
 * Settles every claim of FILE (NDJSON, or CSV with one row per item; `-` or none: stdin) with a
 * ledger per person-year, in any order, in bounded memory (the claims are partitioned by person
 * into temporary files in `--tmp`, removed afterwards), under the rules (`--rules`, default the
 * embedded ones) and, with `--baseline`, under the baseline too, and prints the aggregates as
 * JSON; `--out` also writes the HTML report; `--aggregates-out` writes the mergeable aggregates
 * that `--merge` adds up (a run sharded across machines); `--claims-out` one row per settled
 * claim and variant (CSV or Parquet, by extension). Exit 0 when every claim settled, 1 when
 * some were refused (they are counted and listed, the rest settled), 2 for usage errors,
 * unreadable files, invalid rules, and a temporary directory that is full or not writable.
 */
import { statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { prettifyIssues } from '../errors/issue.js';
import type { RuleBook } from '../scheme/book.js';
import { type Fen, parseAmount } from '../money/fen.js';
import {
  type AggregatesFile,
  aggregatesFile,
  readAggregatesFile,
  rulesFingerprint,
} from '../node/simulate/aggregates-file.js';
import { ClaimsOutError, claimsOutFormat, withClaimsOut } from '../node/simulate/claims-out.js';
import { dimensionsOf } from '../simulate/core/dimensions.js';
import { mergeResults } from '../simulate/scale/merge.js';
import { simulationHtml } from '../simulate/report/html.js';
import { simulateFile, simulateStream } from '../node/simulate/parallel.js';
import type { SimulationResult } from '../simulate/core/simulation.js';
import { type SimulationReport, TotalBeyondRangeError, simulationReport } from '../simulate/report/summary.js';
import { TempSpaceError } from '../node/simulate/temp-space.js';
import { type VariantSpec, variantRules } from '../node/simulate/variants.js';
import { langOf, parseArgs, UsageError } from './args.js';
import { readClaims } from '../node/input.js';
import { readJsonFile } from './json-file.js';
import type { Io } from './io.js';

/** Where the command draws its progress bar (only when stderr is a terminal). */
export interface ProgressIo {
  readonly isTTY: boolean;
  readonly write: (s: string) => void;
}

/**
 * Runs `simulate` and returns the exit code.
 *
 * @example
 * process.exitCode = await simulateCommand(['claims.ndjson', '--baseline', 'rules/ziyang-2017'], io);
 */
export async function simulateCommand(argv: readonly string[], io: Io & { progress?: ProgressIo }): Promise<number> {
  const args = parseArgs(argv, {
    rules: true,
    baseline: true,
    out: true,
    workers: true,
    grouped: false,
    funds: true,
    input: true,
    lang: true,
    tmp: true,
    'aggregates-out': true,
    'claims-out': true,
    merge: false,
  });
  const claimsOut = args.flags['claims-out'] as string | undefined;
  if (claimsOut !== undefined && !claimsOutFormat(claimsOut))
    throw new UsageError('--claims-out writes a .csv or a .parquet file');
  const lang = langOf(args.flags.lang);
  const merging = args.flags.merge === true;
  if (merging) {
    if (args.positional.length === 0) throw new UsageError('simulate --merge reads one or more aggregates files');
    for (const f of ['funds', 'input', 'workers', 'tmp', 'grouped', 'claims-out'] as const)
      if (args.flags[f] !== undefined) throw new UsageError(`--${f} does not apply to --merge`);
  } else if (args.positional.length > 1)
    throw new UsageError(
      'simulate reads one FILE (or - for stdin); several aggregates files are added up with --merge',
    );
  const file = args.positional[0];
  const input = (args.flags.input as string | undefined) ?? (file?.endsWith('.csv') ? 'csv' : 'ndjson');
  if (input !== 'ndjson' && input !== 'csv') throw new UsageError('--input must be ndjson or csv');
  const workers = args.flags.workers === undefined ? undefined : Number(args.flags.workers);
  if (workers !== undefined && (!Number.isSafeInteger(workers) || workers < 1))
    throw new UsageError('--workers must be a whole number ≥ 1');

  const variants: VariantSpec[] = [];
  const baseline = args.flags.baseline as string | undefined;
  const rulesDir = args.flags.rules as string | undefined;
  if (baseline !== undefined) variants.push({ name: 'baseline', rules: baseline });
  variants.push({ name: baseline === undefined ? 'rules' : 'reform', rules: rulesDir });
  const books: RuleBook[] = [];
  for (const v of variants) {
    const r = variantRules(v);
    if (!r.ok) {
      io.err(`bashunwei: the rules in ${v.rules ?? '(embedded)'} are invalid:\n${prettifyIssues(r.errors)}\n`);
      return 2;
    }
    books.push(r.value);
  }
  const funds = args.flags.funds === undefined ? undefined : readFunds(args.flags.funds as string, books, io);
  if (funds === null) return 2;

  let result: SimulationResult;
  if (merging) {
    const merged = mergeFiles(args.positional, books, io);
    if (!merged) return 2;
    result = merged;
  } else {
    const bar = progressBar(io.progress);
    const tmp = args.flags.tmp as string | undefined;
    const job = {
      variants,
      funds,
      workers,
      progress: bar?.update,
      lang,
      tmp,
      notice: (m: string) => io.err(`bashunwei: ${m}\n`),
    };
    let size = 0;
    if (file !== undefined && file !== '-') {
      try {
        const stat = statSync(file);
        if (stat.isDirectory()) throw new Error('it is a directory');
        size = stat.size;
      } catch (e) {
        io.err(`bashunwei: cannot read ${file}: ${(e as Error).message}\n`);
        return 2;
      }
    }
    if ((file === undefined || file === '-') && input === 'csv')
      throw new UsageError('CSV input is read from a FILE, not stdin');
    // With --claims-out the run's rows go to part files beside its partitions, merged at the end.
    const run = (rows?: string): Promise<SimulationResult> =>
      file === undefined || file === '-'
        ? simulateStream(readClaims(io.stdin ?? process.stdin, undefined, lang), { ...job, claimsOut: rows })
        : simulateFile({ ...job, file, format: input, size, claimsOut: rows });
    try {
      result = claimsOut === undefined ? await run() : await withClaimsOut(claimsOut, books, run, tmp);
    } catch (e) {
      bar?.done();
      if (e instanceof TempSpaceError) {
        io.err(`bashunwei: ${e.message}\n`);
        return 2;
      }
      if (claimsOut !== undefined && e instanceof ClaimsOutError) {
        io.err(`bashunwei: cannot write ${claimsOut}: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    bar?.done();
  }
  let report: SimulationReport;
  try {
    report = simulationReport(result, books);
  } catch (e) {
    if (!(e instanceof TotalBeyondRangeError)) throw e;
    io.err(`bashunwei: ${e.message}\n`);
    return 2;
  }
  io.out(`${JSON.stringify(report, null, 2)}\n`);
  const writes: [string | true | undefined, string, () => string][] = [
    [args.flags.out, 'the report', () => simulationHtml(report)],
    [
      args.flags['aggregates-out'],
      'the aggregates',
      () =>
        `${JSON.stringify(aggregatesFile(file === undefined || merging ? '-' : basename(file), result, books, funds))}\n`,
    ],
  ];
  for (const [target, what, content] of writes) {
    if (typeof target !== 'string') continue;
    try {
      writeFileSync(target, content());
    } catch (e) {
      io.err(`bashunwei: cannot write ${what} to ${target}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  for (const s of report.summary) {
    if (!s.comparable)
      io.err(
        `bashunwei: ${s.unlike} claims were settled by one of ${s.baseline} and ${s.reform} and refused by the other (${s.claims.baseline} and ${s.claims.reform} settled): the differences include claims only one of them paid (see counts.variants in the report)\n`,
      );
  }
  // Exit 1 when any variant refused a claim, not only the baseline (a reform may refuse what the baseline settles).
  return result.variants.some((v) => Object.values(v.aggregates.rejected).some((n) => n > 0)) ? 1 : 0;
}

/**
 * Adds up the aggregates files of the parts of a run, after checking that each was simulated
 * under the rules given now and without finite fund balances; says what is wrong and returns
 * undefined otherwise.
 */
function mergeFiles(files: readonly string[], books: readonly RuleBook[], io: Io): SimulationResult | undefined {
  const fingerprints = books.map(rulesFingerprint);
  const parts: AggregatesFile[] = [];
  for (const f of files) {
    const read = readJsonFile(f, 'the aggregates', io);
    if (!read) return undefined;
    const part = readAggregatesFile(read.json, books);
    const problem =
      typeof part === 'string'
        ? part
        : part.funds !== null
          ? 'it was simulated with finite fund balances, which are drawn in input order across persons: such a run cannot be split into parts'
          : part.variants.length !== books.length || part.variants.some((v, i) => v.rules !== fingerprints[i])
            ? 'it was simulated under other rules than the ones given now (--rules, --baseline): give the same rule folders as the runs'
            : undefined;
    if (problem !== undefined || typeof part === 'string') {
      io.err(`bashunwei: cannot merge ${f}: ${problem}\n`);
      return undefined;
    }
    parts.push(part);
  }
  // Each part's refusals name their own input (or, when inputs share a name, the part's aggregates file).
  const distinct = new Set(parts.map((p) => p.input)).size === parts.length;
  const results = parts.map((p, i) =>
    parts.length === 1
      ? p.result
      : { ...p.result, rejections: p.result.rejections.map((r) => ({ ...r, file: distinct ? p.input : files[i]! })) },
  );
  return mergeResults(results, 10);
}

/** Reads `{"fund-id": "yuan", …}`: each fund's balance for every year of the simulation. */
function readFunds(file: string, books: readonly RuleBook[], io: Io): Partial<Record<string, Fen>> | null {
  const read = readJsonFile(file, 'the fund balances', io);
  if (!read) return null;
  const json = read.json;
  const problems: string[] = [];
  const out: Partial<Record<string, Fen>> = {};
  // The funds the variants' rule sets draw on (their top-up tiers list them).
  const known = [...new Set(books.flatMap((b) => dimensionsOf(b).funds.map((f) => f.id)))];
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    problems.push('must be an object {"fund-id": "amount"}');
  else
    for (const [k, v] of Object.entries(json)) {
      const amount = parseAmount(v);
      if (!known.includes(k)) problems.push(`${k}: not a fund of the rules (${known.join(', ')})`);
      else if (amount === undefined) problems.push(`${k}: not an amount like "1000000.00"`);
      else out[k] = amount;
    }
  if (problems.length === 0) return out;
  io.err(`bashunwei: the fund balances ${file} are invalid:\n${problems.map((p) => `  ✖ ${p}`).join('\n')}\n`);
  return null;
}

function progressBar(tty: ProgressIo | undefined): { update: (f: number) => void; done: () => void } | undefined {
  if (!tty?.isTTY) return undefined;
  const start = Date.now();
  let last = -1;
  return {
    update: (f) => {
      const pct = Math.floor(f * 100);
      if (pct === last) return;
      last = pct;
      const width = 30;
      const full = Math.round(f * width);
      const secs = (Date.now() - start) / 1000;
      tty.write(
        `\rsimulate [${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(pct).padStart(3)}% ${secs.toFixed(1)} s`,
      );
    },
    done: () => tty.write('\n'),
  };
}
