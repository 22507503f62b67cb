/**
 * The page's simulation workers: one module Web Worker per core the browser offers
 * (`navigator.hardwareConcurrency`), started early so that they have loaded the engine and
 * compiled the embedded rules before the first run. A cancelled run ends its workers (terminate
 * stops a worker mid-loop); the next run starts fresh ones.
 */
import type { FromWorker, ToWorker } from './protocol.js';

/** Workers ready to run. */
export interface WorkerPool {
  readonly size: number;
  /** Settled when every worker has loaded the engine and compiled the embedded rules. */
  readonly ready: Promise<void>;
  /** Sends a message to worker `i`. */
  send(i: number, message: ToWorker, transfer?: Transferable[]): void;
  /** Listens to every worker (`i` says which); returns a function that stops listening. */
  listen(handler: (i: number, message: FromWorker) => void, onError: (i: number, message: string) => void): () => void;
  /** Ends every worker. */
  terminate(): void;
}

/**
 * Starts `size` workers from the worker script's URL.
 *
 * @example
 * const pool = startWorkerPool(new URL('./worker.js', import.meta.url), navigator.hardwareConcurrency || 2);
 */
export function startWorkerPool(url: URL, size: number): WorkerPool {
  const workers = Array.from({ length: size }, () => new Worker(url, { type: 'module', name: 'bashunwei-simulate' }));
  const ready = Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          const onReady = (e: MessageEvent<FromWorker>) => {
            if (e.data.kind !== 'ready') return;
            w.removeEventListener('message', onReady);
            resolve();
          };
          w.addEventListener('message', onReady);
        }),
    ),
  ).then(() => undefined);
  return {
    size,
    ready,
    send: (i, message, transfer = []) => workers[i]!.postMessage(message, transfer),
    listen: (handler, onError) => {
      const off = workers.map((w, i) => {
        const onMessage = (e: MessageEvent<FromWorker>) => handler(i, e.data);
        const onFail = (e: ErrorEvent) => {
          e.preventDefault();
          onError(i, e.message || 'the worker could not be loaded');
        };
        w.addEventListener('message', onMessage);
        w.addEventListener('error', onFail);
        return () => {
          w.removeEventListener('message', onMessage);
          w.removeEventListener('error', onFail);
        };
      });
      return () => {
        for (const f of off) f();
      };
    },
    terminate: () => {
      for (const w of workers) w.terminate();
    },
  };
}

/**
 * How many workers to start: every core the browser says it has (at least 1, at most 16).
 *
 * @example
 * workerCount() // 2 on a 2-core machine
 */
export function workerCount(): number {
  const n = globalThis.navigator?.hardwareConcurrency ?? 2;
  return Math.max(1, Math.min(16, Number.isFinite(n) ? Math.floor(n) : 2));
}
