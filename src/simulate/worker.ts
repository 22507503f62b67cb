/**
 * The worker thread of a parallel simulation: settles its share of the input file (the persons
 * whose id hashes to it) and posts back its results. Entry point built as dist/simulate-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ShareJob, runShare } from './run-share.js';

const job = workerData as ShareJob;
let pending = 0;
const result = runShare(job, (bytes) => {
  pending += bytes;
  if (pending >= 8 << 20) {
    parentPort!.postMessage({ progress: pending });
    pending = 0;
  }
});
parentPort!.postMessage({ progress: pending, result });
