/**
 * The service as a whole Fastify app, as `bashunwei serve` runs it: structured JSON logs (pino),
 * request ids from `x-request-id` (or made), requests that arrive while it shuts down still
 * answered (each on a connection then closed), malformed HTTP answered in the documented shape.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { send } from './answer.js';
import { answerForError, clientErrorResponse, MAX_PARAM_LENGTH } from './http-errors.js';
import { DEFAULT_BODY_LIMIT, installService, type ServiceOptions } from './install-service.js';
import { requestId } from './request-id.js';
import { ROUTES } from './routes/index.js';

/** Options of the whole app. */
export interface BuildOptions extends ServiceOptions {
  /** Fastify's logger: `true` for JSON lines on stdout, pino options, or `false` (the default). */
  readonly logger?: FastifyServerOptions['logger'];
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
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    requestIdHeader: false,
    genReqId: (req) => requestId(req.headers['x-request-id']),
    // While closing, a request on an open connection is served like any other (and its connection
    // then closed) rather than refused with Fastify's own 503 body.
    return503OnClosing: false,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // A URL the router cannot read (bad percent-encoding, a part too long): no route, same shape.
    frameworkErrors: (err, req, reply) =>
      send(reply, answerForError(err, req, { bodyLimit, table: ROUTES, prefix: '' })),
    clientErrorHandler: (err, socket) => {
      if (socket.writable) socket.end(clientErrorResponse(err as NodeJS.ErrnoException));
      else socket.destroy();
    },
  });
  // Node's server.close() ends the connections idle at that moment only: a connection whose request
  // was in flight would stay open (keep-alive) and hold the close for its whole timeout. Every answer
  // given while closing says Connection: close, so each connection ends with its last answer.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  await installService(app, options);
  return app;
}
