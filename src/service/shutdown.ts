/**
 * Graceful shutdown on SIGTERM (and SIGINT): close the app (with `drainOnClose`, as `buildService`
 * has it: stop accepting connections, let open ones send a last request, answer every request
 * received in full), close the database, exit 0. A shutdown that has not finished after the grace
 * period exits 1, so that an orchestrator's own deadline is never what ends it.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from './store/store.js';

/** Options of {@link shutDownOnSignals}. */
export interface ShutdownOptions {
  readonly signals?: readonly NodeJS.Signals[];
  /** Longest wait for requests in flight, in ms (default 25 s). */
  readonly graceMs?: number;
  /** How the process ends (default `process.exit`). */
  readonly exit?: (code: number) => void;
}

/**
 * Shuts `app` and `store` down on the first of `signals`.
 *
 * @example
 * shutDownOnSignals(app, store); // SIGTERM → close, exit 0
 */
export function shutDownOnSignals(app: FastifyInstance, store: Store, options: ShutdownOptions = {}): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: no new connections, answering the requests in flight');
    const deadline = setTimeout(() => {
      app.log.error({ graceMs: options.graceMs ?? 25_000 }, 'shutdown took longer than its grace period');
      exit(1);
    }, options.graceMs ?? 25_000);
    deadline.unref();
    try {
      await app.close();
      await store.close();
      app.log.info('stopped');
      clearTimeout(deadline);
      exit(0);
    } catch (e) {
      app.log.error({ err: e }, 'shutdown failed');
      exit(1);
    }
  };
  for (const s of options.signals ?? ['SIGTERM', 'SIGINT']) process.once(s, () => void stop(s));
}
