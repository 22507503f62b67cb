/**
 * A simulation of a file (or a stream) in any order, in bounded memory, over worker threads:
 *
 * 1. **Partition** (this thread): read the input once and append every claim to a temporary
 *    file of its person's partition and its id to one of its claim id's (partition.ts).
 * 2. **Duplicates** (workers): per id partition, decide which occurrence of a repeated claim id
 *    is settled and which are refused, as `settle` would (duplicates.ts).
 * 3. **Settle** (workers): per person partition, settle its claims person-year by person-year in
 *    input order with only that partition's ledgers in memory; add the partitions up.
 *
 * Integer sums and counts merge in any order, so the output is the same byte for byte whatever
 * the number of workers or the order of the persons in the input. The temporary files are removed
 * at the end, on errors and on SIGINT/SIGTERM (temp-space.ts).
 *
 * Relief funds with finite balances are drawn in the order claims arrive, across all persons: a
 * split by person would change who gets the last yuan, so such a run settles the input in order
 * in one thread, with every person-year in memory.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InputRecord } from '../input.js';
import type { Mark } from './duplicates.js';
import { mergeResults } from '../../simulate/scale/merge.js';
import {
  type PartitionPiece,
  type Partitions,
  type SpillPart,
  assemblePieces,
  nextTurn,
  partitionStream,
} from './partition.js';
import { claimPartWriter } from './claim-parts.js';
import {
  type PartitionTasks,
  type RangeJob,
  type TaskSpec,
  type TasksDone,
  addSpillRecord,
  buildVariants,
  vocabularyOf,
  claimsPartFile,
  partitionTasks,
} from './partition-tasks.js';
import {
  type Simulation,
  type SimulationOptions,
  type SimulationResult,
  createSimulation,
} from '../../simulate/core/simulation.js';
import { csvClaims, ndjsonClaims } from './source.js';
import { SpillWriter, recordsInLineOrder } from './spill.js';
import { TempSpaceError, asTempSpaceError, createTempFolder } from './temp-space.js';
import type { WorkerMessage, WorkerTask } from './worker.js';

export { mergeResults } from '../../simulate/scale/merge.js';

/** Input bytes per partition: a partition's person-years (about 15,000 for 16 MiB of NDJSON) are what a worker holds. */
const PARTITION_BYTES = 16 << 20;
/** At most this many partitions (beyond 16 GiB of input, partitions grow instead: memory grows by 1/1024 of the input). */
const MAX_PARTITIONS = 1024;
/** Partitions of a stream whose size is not known in advance (standard input). */
const STREAM_PARTITIONS = 128;
/**
 * A worker's heap (MiB): a partition's ledgers are a few MiB per variant, and a claim's objects die
 * young; caps make V8 collect instead of growing the heap (measured on 1M shuffled claims, two
 * workers: peak RSS 257 MiB with V8's defaults, 180 MiB with these, at the same speed).
 */
const WORKER_OLD_SPACE_MB = 48;
const WORKER_OLD_SPACE_PER_VARIANT_MB = 16;
const WORKER_YOUNG_SPACE_MB = 8;
/** The share of the progress bar given to the partition pass (it reads and writes; the settlement parses and settles). */
const PARTITION_SHARE = 0.2;

/** A simulation of one file. */
export type FileJob = TaskSpec & {
  readonly file: string;
  readonly format: 'ndjson' | 'csv';
  /** Worker threads (default: every core; 1 runs in the calling thread). */
  readonly workers?: number;
  /** Told how much of the work is done, as a fraction 0–1. */
  readonly progress?: (done: number) => void;
  /** The file's size in bytes, for progress and for sizing the partitions (default: read from the file system). */
  readonly size?: number;
  /** Where to create the temporary folder (default: the OS temp dir). */
  readonly tmp?: string;
  /** Told in words when the run takes a slower path it must take to stay exact. */
  readonly notice?: (message: string) => void;
};

/** A simulation of a stream of claims (standard input). */
export type StreamJob = Omit<FileJob, 'file' | 'format' | 'size'>;

/**
 * Simulates a file, in parallel, in bounded memory, whatever the order of its claims.
 *
 * @example
 * const result = await simulateFile({ file: 'claims.ndjson', format: 'ndjson', variants: [{ name: 'baseline' }] });
 */
export async function simulateFile(job: FileJob): Promise<SimulationResult> {
  if (finiteFunds(job)) return simulateInOrder(job);
  const size = job.size ?? statSync(job.file).size;
  return simulatePartitioned(job, size, async (into, pool) => {
    const input = { file: job.file, format: job.format, dir: into.dir, count: into.count, lang: job.lang };
    // A CSV file is read by one reader (its claims span rows); so is any file with one worker.
    if (job.format === 'csv' || pool.runners.length === 1)
      return assemblePieces(into.count, [
        await pool.runners[0]!.partition({ ...input, piece: 0, space: into.space }, into.progress),
      ]);
    // Each worker reads a range of the bytes into its own piece of every partition.
    const readers = pool.runners.length;
    const cut = (k: number) => Math.floor((size * k) / readers);
    const pieces = await Promise.all(
      pool.runners.map((r, k) =>
        r.partition(
          { ...input, piece: k, range: { start: cut(k), end: cut(k + 1) }, space: into.space },
          into.progress,
        ),
      ),
    );
    return assemblePieces(into.count, pieces);
  });
}

/**
 * Simulates a stream of claims (the command's standard input), in bounded memory.
 *
 * @example
 * const result = await simulateStream(readClaims(process.stdin), { variants: [{ name: 'baseline' }] });
 */
export async function simulateStream(records: AsyncIterable<InputRecord>, job: StreamJob): Promise<SimulationResult> {
  if (finiteFunds(job)) {
    return inOrder(job, async (sim) => {
      for await (const r of records) addRecord(sim, r);
    });
  }
  return simulatePartitioned(job, undefined, (into) =>
    partitionStream(records, {
      dir: into.dir,
      count: into.count,
      lang: job.lang,
      failed: into.failed,
      vocabulary: vocabularyOf(buildVariants(job.variants)),
    }),
  );
}

const finiteFunds = (job: TaskSpec): boolean => job.funds !== undefined && Object.keys(job.funds).length > 0;

function addRecord(
  sim: Simulation,
  r: InputRecord | { readonly line: number; readonly value: Record<string, unknown> },
): void {
  if ('error' in r) sim.addIssue(r.error, r.line);
  else if ('text' in r) sim.addText(r.text, r.line);
  else sim.add(r.value, r.line);
}

/** The input settled in order in this thread (finite fund balances). */
function simulateInOrder(job: FileJob): Promise<SimulationResult> {
  let read = 0;
  const progress =
    job.progress && job.size ? (bytes: number) => job.progress!(Math.min(1, (read += bytes) / job.size!)) : undefined;
  const share = { shard: 0, shards: 1, progress, lang: job.lang };
  return inOrder(job, (sim) => {
    for (const r of job.format === 'csv' ? csvClaims(job.file, share) : ndjsonClaims(job.file, share))
      addRecord(sim, r);
  });
}

/** One simulation in this thread, fed by `feed` in input order; with `claimsOut`, its rows go to one part file. */
async function inOrder(spec: TaskSpec, feed: (sim: Simulation) => void | Promise<void>): Promise<SimulationResult> {
  const variants = buildVariants(spec.variants);
  const rows = spec.claimsOut === undefined ? undefined : claimPartWriter(claimsPartFile(spec.claimsOut, 0), variants);
  const options: SimulationOptions = {
    variants,
    funds: spec.funds,
    topChanged: spec.topChanged,
    lang: spec.lang,
    onSettled: rows?.onSettled,
  };
  const sim = createSimulation(options);
  try {
    await feed(sim);
  } finally {
    rows?.close();
  }
  return sim.result();
}

/** Removes the part files of per-claim rows written so far (a run that starts again in order writes its own). */
function removeClaimsParts(prefix: string | undefined): void {
  if (prefix === undefined) return;
  const name = basename(prefix);
  for (const f of readdirSync(dirname(prefix)))
    if (f.startsWith(`${name}.`)) rmSync(join(dirname(prefix), f), { force: true });
}

/** Where and how the input is to be partitioned: the pass itself is the input's (a file in ranges, or a stream). */
interface PartitionInto {
  readonly dir: string;
  readonly count: number;
  readonly progress?: (bytes: number) => void;
  readonly failed: (e: unknown) => Error;
  readonly space: { readonly parent: string; readonly needed: string };
}
type PartitionInput = (into: PartitionInto, pool: Pool) => Promise<Partitions>;

async function simulatePartitioned(
  job: StreamJob,
  size: number | undefined,
  partition: PartitionInput,
): Promise<SimulationResult> {
  const workers = Math.max(1, job.workers ?? availableParallelism());
  const count =
    size === undefined
      ? STREAM_PARTITIONS
      : Math.min(MAX_PARTITIONS, Math.max(4 * workers, Math.ceil(size / PARTITION_BYTES)));
  const needed =
    size === undefined ? 'about 1.1 times the size of the input' : `about ${mebibytes(size * 1.1 + 64 * 1024)} MiB`;
  const parent = job.tmp ?? tmpdir();
  const tmp = createTempFolder(parent, needed);
  const failed = (e: unknown) => asTempSpaceError(e, parent, needed);
  const spec: TaskSpec = {
    variants: job.variants,
    funds: job.funds,
    topChanged: job.topChanged,
    lang: job.lang,
    claimsOut: job.claimsOut,
  };
  // The workers start now: building their rule books overlaps the partition pass.
  const pool = startPool(workers, spec);
  try {
    let read = 0;
    const tell = job.progress;
    const parts = await partition(
      {
        dir: tmp.path,
        count,
        progress: tell && size ? (bytes) => tell(PARTITION_SHARE * Math.min(1, (read += bytes) / size)) : undefined,
        failed,
        space: { parent, needed },
      },
      pool,
    );

    const marks = parts.persons.map((_, p) => new SpillWriter(join(tmp.path, `marks-${p}`), 16 << 10, failed));
    await pool.each(parts.ids, async (w, idFile) => {
      for (const m of await w.marks(idFile, parts.persons))
        marks[m.partition]!.append(0, m.line, m.codes, 0, m.codes.length);
    });
    for (const m of marks) m.close();

    const total = parts.sizes.reduce((a, b) => a + b, 0) || 1;
    let settled = 0;
    const order = parts.persons.map((_, p) => p).sort((a, b) => parts.sizes[b]! - parts.sizes[a]!); // largest first: the last to finish is small
    await pool.each(order, async (w, p) => {
      await w.settle(parts.persons[p]!, marks[p]!.path, p);
      settled += parts.sizes[p]!;
      tell?.(PARTITION_SHARE + (1 - PARTITION_SHARE) * (settled / total));
    });
    const done = await Promise.all(pool.runners.map((w) => w.finish()));

    if (done.some((d) => d.contradicted)) {
      // A repeated claim id's chosen occurrence was refused by its person-year (amounts beyond the
      // exact range), so the decisions on duplicates may be wrong: settle again in input order.
      job.notice?.(
        'a repeated claim id met a claim refused for amounts beyond the exact range: settling again in input order, in one thread',
      );
      removeClaimsParts(spec.claimsOut);
      return await inOrder(spec, (sim) => {
        for (const r of recordsInLineOrder(parts.persons.flat()))
          addSpillRecord(sim, r.kind, r.line, r.payload, 0, r.payload.length);
      });
    }
    const results = done.flatMap((d) => (d.result ? [d.result] : []));
    return results.length > 0
      ? mergeResults(results, job.topChanged ?? 10)
      : createSimulation({ ...spec, variants: buildVariants(spec.variants) }).result();
  } finally {
    pool.close();
    tmp.remove();
  }
}

const mebibytes = (bytes: number): string => String(Math.ceil(bytes / (1 << 20)));

/** One worker (or the calling thread) as a thing to send tasks to. */
interface Runner {
  partition(job: RangeJob, progress?: (bytes: number) => void): Promise<PartitionPiece>;
  marks(idFile: readonly SpillPart[], personFiles: readonly (readonly SpillPart[])[]): Promise<Mark[]>;
  settle(personFile: readonly SpillPart[], marksFile: string, partition: number): Promise<void>;
  finish(): Promise<TasksDone>;
}

interface Pool {
  readonly runners: readonly Runner[];
  /** Runs `task` on every item, each runner taking the next item when it is free. */
  each<T>(items: readonly T[], task: (runner: Runner, item: T) => Promise<void>): Promise<void>;
  close(): void;
}

function startPool(workers: number, spec: TaskSpec): Pool {
  const threads: Worker[] = [];
  const runners: Runner[] =
    workers === 1
      ? [inThread(partitionTasks(spec))]
      : Array.from({ length: workers }, (_, i) => {
          const w = new Worker(workerEntry(), {
            workerData: spec,
            resourceLimits: {
              maxOldGenerationSizeMb:
                WORKER_OLD_SPACE_MB + WORKER_OLD_SPACE_PER_VARIANT_MB * (spec.variants.length - 1),
              maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MB,
            },
          });
          threads.push(w);
          return inWorker(w, i);
        });
  return {
    runners,
    each: async (items, task) => {
      let next = 0;
      await Promise.all(
        runners.map(async (r) => {
          while (next < items.length) await task(r, items[next++]!);
        }),
      );
    },
    close: () => {
      for (const t of threads) void t.terminate();
    },
  };
}

/** The tasks in this thread, with a turn of the event loop before each, so that a SIGINT is answered between partitions. */
function inThread(tasks: PartitionTasks): Runner {
  return {
    partition: (job, progress) => tasks.partition(job, progress),
    marks: async (idFile, personFiles) => (await nextTurn(), tasks.marks(idFile, personFiles)),
    settle: async (personFile, marksFile, partition) => (
      await nextTurn(), tasks.settle(personFile, marksFile, partition)
    ),
    finish: async () => tasks.finish(),
  };
}

function inWorker(w: Worker, index: number): Runner {
  let pending:
    | { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (bytes: number) => void }
    | undefined;
  let dead: Error | undefined;
  const stop = (e: Error): void => {
    dead ??= e;
    pending?.reject(dead);
    pending = undefined;
  };
  w.on('message', (m: WorkerMessage) => {
    if ('progress' in m) return pending?.progress?.(m.progress);
    const p = pending;
    pending = undefined;
    if ('error' in m)
      p?.reject(m.tempSpace ? new TempSpaceError(m.error) : new Error(`simulation worker ${index}: ${m.error}`));
    else p?.resolve(m.value);
  });
  w.on('error', (e) => stop(e));
  w.on('exit', (code) => stop(new Error(`simulation worker ${index} stopped (exit code ${code}) before its result`)));
  const call = <T>(task: WorkerTask, progress?: (bytes: number) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (dead) return reject(dead);
      pending = { resolve: resolve as (v: unknown) => void, reject, progress };
      w.postMessage(task);
    });
  return {
    partition: (job, progress) => call({ task: 'partition', job }, progress),
    marks: (idFile, personFiles) => call({ task: 'marks', idFile, personFiles }),
    settle: (personFile, marksFile, partition) => call({ task: 'settle', personFile, marksFile, partition }),
    finish: () => call({ task: 'finish' }),
  };
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
