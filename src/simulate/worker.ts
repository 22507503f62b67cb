/**
 * The worker thread of a simulation over partitions: builds the variants' rule books once, then
 * does the tasks it is sent one at a time (decide an id partition's duplicates, settle a person
 * partition) and, when told to finish, posts back the sum of its partitions. Entry point built
 * as dist/simulate-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type TaskSpec, partitionTasks } from './partition-tasks.js';

/** A task sent to the worker. */
export type WorkerTask =
  | { readonly task: 'marks'; readonly idFile: string; readonly personFiles: readonly string[] }
  | { readonly task: 'settle'; readonly personFile: string; readonly marksFile: string }
  | { readonly task: 'finish' };

const tasks = partitionTasks(workerData as TaskSpec);
parentPort!.on('message', (t: WorkerTask) => {
  try {
    if (t.task === 'marks') parentPort!.postMessage({ value: tasks.marks(t.idFile, t.personFiles) });
    else if (t.task === 'settle') parentPort!.postMessage({ value: tasks.settle(t.personFile, t.marksFile) });
    else {
      parentPort!.postMessage({ value: tasks.finish() });
      parentPort!.close();
    }
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
  }
});
