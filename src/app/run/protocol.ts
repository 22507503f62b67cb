/**
 * The messages between the page and its simulation workers. A run is one simulation of the
 * baseline and the reform over a population or a file, split by person across the workers; each
 * worker answers with the result of its persons, which the page adds up (mergeResults).
 */
import type { Lang } from '../../i18n/lang.js';
import type { SimulationResult } from '../../simulate/core/simulation.js';
import type { PopulationSpec } from '../reform/population.js';
import type { ReformFolder } from '../reform/reform-folders.js';
import type { RecordKeys } from './claim-records.js';

/** The claims of a run: the synthetic population, or a file the user chose (read in the worker). */
export type RunSource =
  | { readonly kind: 'population'; readonly population: PopulationSpec }
  | { readonly kind: 'file'; readonly file: Blob; readonly format: 'ndjson' | 'csv' };

/** Where a worker's time went in a run (milliseconds): reading or generating the claims, settling its share, all. */
export interface WorkerTiming {
  readonly readMs: number;
  readonly settleMs: number;
  readonly totalMs: number;
}

/** From the page to a worker. */
export type ToWorker =
  | {
      readonly kind: 'start';
      readonly run: number;
      /** The reform as its rule folders, checked by the page. */
      readonly folders: readonly ReformFolder[];
      readonly source: RunSource;
      readonly shard: number;
      readonly shards: number;
      readonly lang: Lang;
    }
  /** For a file: which worker settles each record (after every worker sent its keys). */
  | { readonly kind: 'assign'; readonly run: number; readonly owners: Uint8Array };

/** From a worker to the page. */
export type FromWorker =
  /** The worker has loaded the engine and compiled the embedded rules. */
  | { readonly kind: 'ready' }
  /** How far the worker got: `done` of `total` steps. */
  | { readonly kind: 'progress'; readonly run: number; readonly done: number; readonly total: number }
  /** For a file: the number of records, and the keys of the records `i` with `i % shards === shard`. */
  | { readonly kind: 'keys'; readonly run: number; readonly records: number; readonly keys: readonly RecordKeys[] }
  | { readonly kind: 'result'; readonly run: number; readonly result: SimulationResult; readonly timing: WorkerTiming }
  /** Something that should not happen (the page checked the reform before starting). */
  | { readonly kind: 'failed'; readonly run: number; readonly message: string };
