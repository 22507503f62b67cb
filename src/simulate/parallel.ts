/**
 * A simulation of a file over worker threads: one share per worker, the persons split by a hash
 * of their id (so each person-year is settled whole, in input order, by one worker), the results
 * added up. Integer sums and counts merge in any order, so the output is the same byte for byte
 * whatever the number of workers.
 *
 * Relief funds with finite balances are drawn in the order claims arrive, across all persons: a
 * split by person would change who gets the last yuan, so such a run uses a single share.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { mergeAggregates } from './aggregates.js';
import { type ShareJob, runShare } from './run-share.js';
import { copyPayChanges, keepTop, mergePayChanges } from './changed.js';
import { type Rejection, type SimulationResult, MAX_REJECTIONS } from './simulation.js';

/** A grouped worker's old generation (MiB): a worker completes 1M claims with 48 (measured); 32 made V8 collect twice as long. */
const GROUPED_OLD_SPACE_MB = 48;

/** A simulation of one file. */
export type FileJob = Omit<ShareJob, 'shard' | 'shards'> & {
  /** Worker threads (default: every core; 1 runs in the calling thread). */
  readonly workers?: number;
  /** Told how much of the work is done, as a fraction 0–1. */
  readonly progress?: (done: number) => void;
  /** The file's size in bytes, for progress. */
  readonly size?: number;
};

/**
 * Simulates a file, in parallel when it can.
 *
 * @example
 * const result = await simulateFile({ file: 'claims.ndjson', format: 'ndjson', variants: [{ name: 'baseline' }] });
 */
export async function simulateFile(job: FileJob): Promise<SimulationResult> {
  const finite = job.funds !== undefined && Object.keys(job.funds).length > 0;
  const shards = finite ? 1 : Math.max(1, job.workers ?? availableParallelism());
  const { workers: _w, progress, size, ...share } = job;
  const scanned = { bytes: 0 };
  const tell = (bytes: number): void => {
    scanned.bytes += bytes;
    // Every share scans the whole file.
    if (progress && size) progress(Math.min(1, scanned.bytes / (size * shards)));
  };
  if (shards === 1) return runShare({ ...share, shard: 0, shards: 1 }, tell);
  const results = await Promise.all(Array.from({ length: shards }, (_, shard) => inWorker({ ...share, shard, shards }, tell)));
  return mergeResults(results, job.topChanged ?? 10);
}

/**
 * Adds up the results of the shares of one simulation.
 *
 * @example
 * mergeResults([a, b], 10)
 */
export function mergeResults(results: readonly SimulationResult[], keep: number): SimulationResult {
  const [first, ...rest] = results;
  if (!first) throw new Error('no results to merge');
  const variants = first.variants.map((v, i) => ({
    name: v.name,
    aggregates: rest.reduce((a, r) => mergeAggregates(a, r.variants[i]!.aggregates), v.aggregates),
    fundsLeft: v.fundsLeft,
  }));
  const changed = keepTop(results.flatMap((r) => r.changed), keep);
  const payChanges = rest.reduce((t, r) => mergePayChanges(t, r.payChanges), copyPayChanges(first.payChanges));
  const rejections: Rejection[] = results
    .flatMap((r) => r.rejections)
    .sort((a, b) => a.line - b.line)
    .slice(0, MAX_REJECTIONS);
  return { variants, changed, payChanges, lines: results.reduce((s, r) => s + r.lines, 0), rejections };
}

/** The worker's entry: the built dist/simulate-worker.js, or worker.ts through tsx when running from source (tests, tsx). */
function workerEntry(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./simulate-worker.js', here);
  // From source, a tiny ES module registers tsx in the worker, then imports worker.ts.
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/index\.cjs$/, 'index.mjs');
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(new URL('./worker.ts', here).href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

function inWorker(job: ShareJob, progress: (bytes: number) => void): Promise<SimulationResult> {
  return new Promise((resolve, reject) => {
    // With --grouped a worker's live memory is a chunk and a few open ledgers; a small old
    // generation makes V8 collect instead of growing the heap, so the RSS stays flat. Without it
    // every person-year is kept, and the heap may grow as it needs.
    const resourceLimits = job.grouped ? { maxOldGenerationSizeMb: GROUPED_OLD_SPACE_MB } : undefined;
    const w = new Worker(workerEntry(), { workerData: job, resourceLimits });
    let done: SimulationResult | undefined;
    w.on('message', (m: { progress?: number; result?: SimulationResult }) => {
      if (m.progress) progress(m.progress);
      if (m.result) done = m.result;
    });
    w.on('error', reject);
    w.on('exit', (code) => (done ? resolve(done) : reject(new Error(`simulation worker ${job.shard} stopped (exit code ${code}) before its result`))));
  });
}
