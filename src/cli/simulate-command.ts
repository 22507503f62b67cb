/**
 * `bashunwei simulate FILE [--rules DIR] [--baseline DIR] [--out report.html] [--workers N]
 * [--grouped] [--funds FILE] [--input ndjson|csv] [--claims-out rows.csv|rows.parquet]`
 *
 * Settles every claim of FILE (NDJSON, or CSV with one row per item) with a ledger per
 * person-year, under the rules (`--rules`, default the embedded ones) and, with `--baseline`, under
 * the baseline too, and prints the aggregates as JSON; `--out` also writes the HTML report, and
 * `--claims-out` one row per settled claim and variant (CSV or Parquet, by extension). Exit 0
 * when every claim settled, 1 when some were refused (they are counted and listed, the rest
 * settled), 2 for usage errors, unreadable files and invalid rules.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prettifyIssues } from '../errors/issue.js';
import type { RuleBook } from '../rules/book.js';
import { type Fen, parseAmount } from '../money/fen.js';
import { dimensionsOf } from '../simulate/dimensions.js';
import { claimPartWriter } from '../simulate/claim-parts.js';
import { claimsOutFormat, simulateWithClaimsOut, writeClaimsOut } from '../simulate/claims-out.js';
import { simulationHtml } from '../simulate/report-html.js';
import { simulateFile } from '../simulate/parallel.js';
import { createSimulation, type SimulationResult } from '../simulate/simulation.js';
import { simulationReport } from '../simulate/summary.js';
import { type VariantSpec, variantRules } from '../simulate/variants.js';
import { langOf, parseArgs, UsageError } from './args.js';
import { readClaims } from './input.js';
import { readJsonFile } from './json-file.js';
import type { Io } from './settle-command.js';

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
  const args = parseArgs(argv, { rules: true, baseline: true, out: true, workers: true, grouped: false, funds: true, input: true, lang: true, 'claims-out': true });
  const claimsOut = args.flags['claims-out'] as string | undefined;
  if (claimsOut !== undefined && !claimsOutFormat(claimsOut)) throw new UsageError('--claims-out writes a .csv or a .parquet file');
  const lang = langOf(args.flags.lang);
  if (args.positional.length > 1) throw new UsageError('simulate reads one FILE (or - for stdin)');
  const file = args.positional[0];
  const input = (args.flags.input as string | undefined) ?? (file?.endsWith('.csv') ? 'csv' : 'ndjson');
  if (input !== 'ndjson' && input !== 'csv') throw new UsageError('--input must be ndjson or csv');
  const workers = args.flags.workers === undefined ? undefined : Number(args.flags.workers);
  if (workers !== undefined && (!Number.isSafeInteger(workers) || workers < 1)) throw new UsageError('--workers must be a whole number ≥ 1');

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
  const bar = progressBar(io.progress);
  if (file === undefined || file === '-') {
    if (input === 'csv') throw new UsageError('CSV input is read from a FILE, not stdin');
    // stdin is read once, so it is simulated in this thread.
    const dir = claimsOut === undefined ? undefined : mkdtempSync(join(tmpdir(), 'bashunwei-claims-'));
    try {
      const built = variants.map((v, i) => ({ name: v.name, rules: books[i]! }));
      const part = dir === undefined ? undefined : claimPartWriter(join(dir, 'part.000'), built);
      const sim = createSimulation({ variants: built, funds, grouped: args.flags.grouped === true, lang, onSettled: part?.onSettled });
      for await (const rec of readClaims(io.stdin ?? process.stdin, undefined, lang)) {
        if ('error' in rec) sim.addIssue(rec.error, rec.line);
        else sim.addText(rec.text, rec.line);
      }
      part?.close();
      result = sim.result();
      if (dir !== undefined && !(await claimsWritten(() => writeClaimsOut(claimsOut!, books, [join(dir, 'part.000')]), claimsOut!, io))) return 2;
    } finally {
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    }
  } else {
    let size: number;
    try {
      size = statSync(file).size;
    } catch (e) {
      io.err(`bashunwei: cannot read ${file}: ${(e as Error).message}\n`);
      return 2;
    }
    const job = { file, format: input, variants, funds, grouped: args.flags.grouped === true, workers, size, progress: bar?.update, lang } as const;
    if (claimsOut === undefined) result = await simulateFile(job);
    else {
      let got: SimulationResult | undefined;
      if (!(await claimsWritten(async () => (got = await simulateWithClaimsOut(job, claimsOut)), claimsOut, io))) return 2;
      result = got!;
    }
  }
  bar?.done();
  const report = simulationReport(result, books);
  io.out(`${JSON.stringify(report, null, 2)}\n`);
  if (args.flags.out !== undefined) {
    try {
      writeFileSync(args.flags.out as string, simulationHtml(report));
    } catch (e) {
      io.err(`bashunwei: cannot write ${String(args.flags.out)}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  return result.rejections.length > 0 ? 1 : 0;
}

/** Runs the writing of `--claims-out`; false (said on stderr) when the file cannot be written. */
async function claimsWritten(write: () => Promise<unknown>, file: string, io: Io): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    io.err(`bashunwei: cannot write ${file}: ${(e as Error).message}\n`);
    return false;
  }
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
  if (typeof json !== 'object' || json === null || Array.isArray(json)) problems.push('must be an object {"fund-id": "amount"}');
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
      tty.write(`\rsimulate [${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(pct).padStart(3)}% ${secs.toFixed(1)} s`);
    },
    done: () => tty.write('\n'),
  };
}
