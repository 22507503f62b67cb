/**
 * One run of the workbench: the reform checked, the claims split by person across the workers,
 * their results added up (mergeResults) and the report built as `bashunwei simulate` builds it
 * (simulationReport, the embedded rules as baseline and the reform as `--rules`). The page stays
 * responsive: all settling happens in the workers; the page only adds up and draws.
 */
import type { RuleBook } from '../../scheme/book.js';
import { type Lang } from '../../i18n/lang.js';
import { mergeResults } from '../../simulate/scale/merge.js';
import type { SimulationResult } from '../../simulate/core/simulation.js';
import { type SimulationReport, simulationReport } from '../../simulate/report/summary.js';
import type { ReformFolder } from '../reform/reform-folders.js';
import type { RecordKeys } from './claim-records.js';
import { assignWorkers } from './assign-workers.js';
import type { RunSource, WorkerTiming } from './protocol.js';
import { runVariants } from './run-variants.js';
import type { WorkerPool } from './worker-pool.js';

/** How a run ended. */
export type RunOutcome =
  | {
      readonly ok: true;
      readonly report: SimulationReport;
      readonly milliseconds: number;
      /** Each worker's time, and the page's own (adding up the results, building the report). */
      readonly timing: { readonly workers: readonly WorkerTiming[]; readonly reportMs: number };
    }
  | { readonly ok: false; readonly cancelled: boolean; readonly message: string };

/** A run under way. */
export interface Run {
  /** Stops the run (its workers are ended). */
  cancel(): void;
  readonly done: Promise<RunOutcome>;
}

/** The part of a file run spent reading and keying the file, in the progress bar. */
const KEYING = 0.1;
/** How many changed person-years the report lists each way (the command's default). */
const TOP_CHANGED = 10;

let runs = 0;

/**
 * Starts a run on a pool of workers; `reform` is the reform's rule book the page already checked.
 *
 * @example
 * const run = startRun(pool, { folders, reform, source: { kind: 'population', population }, lang: 'zh-CN' }, (f) => (bar.value = f));
 * const outcome = await run.done;
 */
export function startRun(
  pool: WorkerPool,
  job: {
    readonly folders: readonly ReformFolder[];
    readonly reform: RuleBook;
    readonly source: RunSource;
    readonly lang: Lang;
  },
  onProgress: (fraction: number) => void,
): Run {
  const run = ++runs;
  const started = performance.now();
  const n = pool.size;
  const fraction = new Array<number>(n).fill(0);
  // Filled, not holey: some() skips the holes of `new Array(n)`.
  const results: (SimulationResult | undefined)[] = Array.from({ length: n }, () => undefined);
  const timings: WorkerTiming[] = [];
  const keys: (readonly RecordKeys[] | undefined)[] = Array.from({ length: n }, () => undefined);
  let records = 0;
  let assigned = false;
  let settle!: (o: RunOutcome) => void;
  const done = new Promise<RunOutcome>((resolve) => {
    settle = resolve;
  });
  let finished = false;
  const finish = (o: RunOutcome): void => {
    if (finished) return;
    finished = true;
    stop();
    settle(o);
  };
  const file = job.source.kind === 'file';
  const stop = pool.listen(
    (i, m) => {
      if (m.kind === 'ready' || m.run !== run || finished) return;
      if (m.kind === 'failed') return finish({ ok: false, cancelled: false, message: m.message });
      if (m.kind === 'progress') {
        fraction[i] = file ? KEYING + (1 - KEYING) * (m.total === 0 ? 1 : m.done / m.total) : m.done / m.total;
        return onProgress(fraction.reduce((s, f) => s + f, 0) / n);
      }
      if (m.kind === 'keys') {
        keys[i] = m.keys;
        records = m.records;
        fraction[i] = KEYING;
        onProgress(fraction.reduce((s, f) => s + f, 0) / n);
        if (assigned || keys.some((k) => k === undefined)) return;
        assigned = true;
        // Worker i sent the keys of records i, i + n, i + 2n, …: put them back in file order.
        const all: RecordKeys[] = new Array(records);
        keys.forEach((list, w) => list!.forEach((k, j) => (all[w + j * n] = k)));
        const owners = assignWorkers(all, n);
        for (let w = 0; w < n; w++) pool.send(w, { kind: 'assign', run, owners });
        return;
      }
      results[i] = m.result;
      timings[i] = m.timing;
      if (results.some((r) => r === undefined)) return;
      const merging = performance.now();
      try {
        const merged = mergeResults(results as SimulationResult[], TOP_CHANGED);
        const report = simulationReport(
          merged,
          runVariants(job.reform).map((v) => v.rules),
        );
        const now = performance.now();
        finish({
          ok: true,
          report,
          milliseconds: now - started,
          timing: { workers: timings, reportMs: now - merging },
        });
      } catch (e) {
        // A run whose totals across persons pass 2^53 fen has no exact report (the command exits 2).
        finish({ ok: false, cancelled: false, message: (e as Error).message });
      }
    },
    (_i, message) => finish({ ok: false, cancelled: false, message }),
  );
  for (let w = 0; w < n; w++)
    pool.send(w, { kind: 'start', run, folders: job.folders, source: job.source, shard: w, shards: n, lang: job.lang });
  return {
    cancel: () => {
      pool.terminate();
      finish({ ok: false, cancelled: true, message: 'cancelled' });
    },
    done,
  };
}
