/**
 * The service as a whole Fastify app, as `bashunwei serve` runs it: structured JSON logs (pino),
 * request ids from `x-request-id` (or made), timeouts on what a client controls, connections
 * drained on closing (requests arriving meanwhile still answered, each on a connection then
 * closed), malformed HTTP answered in the documented shape.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { send } from './answer.js';
import { drainOnClose } from './drain-on-close.js';
import { answerForError, clientErrorResponse, MAX_PARAM_LENGTH } from './http-errors.js';
import { DEFAULT_BODY_LIMIT, installService, type ServiceOptions } from './install-service.js';
import { requestId } from './request-id.js';
import { ROUTES } from './routes/index.js';

/**
 * How long the service waits on a client, in ms (docs/service.md, "Timeouts").
 *
 * @example
 * { request: 60_000, headers: 10_000, keepAlive: 75_000 } // behind a proxy keeping idle connections 60 s
 */
export interface Timeouts {
  /** To receive a whole request, its headers and body (Node's requestTimeout): then 408 and the connection closed. */
  readonly request: number;
  /** To receive a request's headers, from its first byte or from the connection (Node's headersTimeout). */
  readonly headers: number;
  /** An idle keep-alive connection stays open (Node's keepAliveTimeout); on closing, the wait for open connections, up to 10 s. */
  readonly keepAlive: number;
}

/**
 * The timeouts by default.
 *
 * @example
 * DEFAULT_TIMEOUTS.keepAlive // 5000
 */
export const DEFAULT_TIMEOUTS: Timeouts = { request: 60_000, headers: 10_000, keepAlive: 5_000 };

/**
 * Options of the whole app.
 *
 * @example
 * { store, logger: { level: 'info' }, timeouts: { headers: 5_000 } }
 */
export interface BuildOptions extends ServiceOptions {
  /** Fastify's logger: `true` for JSON lines on stdout, pino options, or `false` (the default). */
  readonly logger?: FastifyServerOptions['logger'];
  /** Timeouts other than the defaults (ms). */
  readonly timeouts?: Partial<Timeouts>;
}

/**
 * Builds the service's app (not listening yet).
 *
 * @example
 * const app = await buildService({ store: await openStore('bashunwei.sqlite'), logger: true });
 * await app.listen({ port: 8080, host: '127.0.0.1' });
 */
export async function buildService(options: BuildOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const timeouts: Timeouts = {
    request: options.timeouts?.request ?? DEFAULT_TIMEOUTS.request,
    headers: options.timeouts?.headers ?? DEFAULT_TIMEOUTS.headers,
    keepAlive: options.timeouts?.keepAlive ?? DEFAULT_TIMEOUTS.keepAlive,
  };
  if (timeouts.headers > timeouts.request)
    throw new RangeError(
      `the headers timeout (${timeouts.headers} ms) is longer than the request's (${timeouts.request} ms)`,
    );
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    requestIdHeader: false,
    genReqId: (req) => requestId(req.headers['x-request-id']),
    requestTimeout: timeouts.request,
    keepAliveTimeout: timeouts.keepAlive,
    // Node checks the request and header timeouts of incomplete requests this often (30 s by default).
    http: { headersTimeout: timeouts.headers, connectionsCheckingInterval: 1_000 },
    // No timeout of silence: an answer being worked out (a transaction waiting for its
    // person-year's lock) is never cut; what a client controls is bounded by the timeouts above.
    connectionTimeout: 0,
    // While closing, a request on an open connection is served like any other (and its connection
    // then closed) rather than refused with Fastify's own 503 body.
    return503OnClosing: false,
    // Fastify gives a close this long (10 s by default) before it fails: longer than the grace
    // period of a shutdown (25 s, shutdown.ts), which is then what bounds it.
    pluginTimeout: 30_000,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // A URL the router cannot read (bad percent-encoding, a part too long): no route, same shape.
    frameworkErrors: (err, req, reply) =>
      send(reply, answerForError(err, req, { bodyLimit, table: ROUTES, prefix: '' })),
    clientErrorHandler: (err, socket) => {
      if (socket.writable) socket.end(clientErrorResponse(err as NodeJS.ErrnoException));
      else socket.destroy();
    },
  });
  await installService(app, options);
  // After the service: its readiness turns 503 before the connections are drained.
  drainOnClose(app);
  return app;
}
