/**
 * `bashunwei serve [--port 8080] [--host 127.0.0.1] [--db FILE | --db postgres://USER@HOST/DB]
 * [--request-timeout 60] [--headers-timeout 10] [--keep-alive-timeout 5]`
 *
 * Runs the back-office service (docs/service.md): the store opened (its tables made when new),
 * JSON logs on stdout (level from LOG_LEVEL, info by default), SIGTERM answered by a graceful
 * shutdown. Fastify and the database driver are loaded here, never by the library. Exit 2 when the
 * store cannot be opened or the port cannot be listened on.
 */
import { parseArgs, UsageError } from './args.js';
import { dbOption } from './db-option.js';
import type { Io } from './io.js';

/**
 * Starts the service and returns 0 once it listens (the process then serves until a signal), or 2.
 *
 * @example
 * await serveCommand(['--port', '8080', '--db', 'postgres://bashunwei@db/bashunwei'], io);
 */
export async function serveCommand(argv: readonly string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, {
    port: true,
    host: true,
    db: true,
    'request-timeout': true,
    'headers-timeout': true,
    'keep-alive-timeout': true,
  });
  if (positional.length > 0) throw new UsageError(`serve takes no argument, not ${positional[0]}`);
  const port = portOf(flags.port);
  const timeouts = {
    request: secondsOf('request-timeout', flags['request-timeout']),
    headers: secondsOf('headers-timeout', flags['headers-timeout']),
    keepAlive: secondsOf('keep-alive-timeout', flags['keep-alive-timeout']),
  };
  const host = typeof flags.host === 'string' ? flags.host : '127.0.0.1';
  const db = dbOption(flags.db);
  const service = await import('../service/index.js');
  // Node refuses a header timeout longer than the request's (the headers are part of the request).
  if ((timeouts.headers ?? service.DEFAULT_TIMEOUTS.headers) > (timeouts.request ?? service.DEFAULT_TIMEOUTS.request))
    throw new UsageError('--headers-timeout must not be longer than --request-timeout');
  let store;
  try {
    store = await service.openStore(db, {
      onIdleError: (e) => io.err(`bashunwei: a database connection failed: ${e.message}\n`),
    });
  } catch (e) {
    if (e instanceof service.StoreError) {
      io.err(`bashunwei: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const app = await service.buildService({ store, timeouts, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  try {
    await app.listen({ port, host });
  } catch (e) {
    io.err(`bashunwei: cannot listen on ${host}:${port}: ${(e as Error).message}\n`);
    await app.close();
    await store.close();
    return 2;
  }
  app.log.info({ database: store.kind, store: store.description }, 'serving');
  service.shutDownOnSignals(app, store);
  return 0;
}

function portOf(flag: string | true | undefined): number {
  if (flag === undefined) return 8080;
  const port = Number(flag);
  if (typeof flag !== 'string' || !/^\d+$/.test(flag) || port > 65535)
    throw new UsageError('--port must be a number from 0 to 65535 (0: any free port)');
  return port;
}

/** A timeout flag in whole seconds (1 to 3600), as ms; undefined when absent (the default then). */
function secondsOf(name: string, flag: string | true | undefined): number | undefined {
  if (flag === undefined) return undefined;
  if (typeof flag !== 'string' || !/^\d+$/.test(flag) || Number(flag) < 1 || Number(flag) > 3600)
    throw new UsageError(`--${name} must be a whole number of seconds from 1 to 3600`);
  return Number(flag) * 1000;
}
