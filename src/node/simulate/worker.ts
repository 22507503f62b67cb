/**
 * The worker thread of a simulation over partitions: builds the variants' rule books once, then
 * does the tasks it is sent one at a time (read a range of the input into partitions, decide an
 * id partition's duplicates, settle a person partition) and, when told to finish, posts back the
 * sum of its partitions. Entry point built as dist/simulate-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SpillPart } from './partition.js';
import { type RangeJob, type TaskSpec, partitionTasks } from './partition-tasks.js';
import { TempSpaceError } from './temp-space.js';

/** A task sent to the worker. */
export type WorkerTask =
  | { readonly task: 'partition'; readonly job: RangeJob }
  | {
      readonly task: 'marks';
      readonly idFile: readonly SpillPart[];
      readonly personFiles: readonly (readonly SpillPart[])[];
    }
  | {
      readonly task: 'settle';
      readonly personFile: readonly SpillPart[];
      readonly marksFile: string;
      readonly partition: number;
    }
  | { readonly task: 'finish' };

/** What the worker posts: progress while a task runs, then its value or its error (a full disk said as such). */
export type WorkerMessage =
  | { readonly progress: number }
  | { readonly value: unknown }
  | { readonly error: string; readonly tempSpace?: boolean };

const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
const tasks = partitionTasks(workerData as TaskSpec);
parentPort!.on('message', (t: WorkerTask) => {
  void (async () => {
    try {
      if (t.task === 'partition') {
        let pending = 0;
        const piece = await tasks.partition(t.job, (bytes) => {
          if ((pending += bytes) >= 8 << 20) post({ progress: pending }), (pending = 0);
        });
        post({ progress: pending });
        post({ value: piece });
      } else if (t.task === 'marks') post({ value: tasks.marks(t.idFile, t.personFiles) });
      else if (t.task === 'settle') post({ value: tasks.settle(t.personFile, t.marksFile, t.partition) });
      else {
        post({ value: tasks.finish() });
        parentPort!.close();
      }
    } catch (e) {
      if (e instanceof TempSpaceError) post({ error: e.message, tempSpace: true });
      else post({ error: (e as Error).stack ?? String(e) });
    }
  })();
});
