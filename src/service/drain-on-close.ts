/**
 * Closing without cutting anyone off (docs/service.md, "Operations"). Node's `server.close()` ends
 * at once every keep-alive connection idle at that moment, while its client may already be sending
 * the next request on it: that request gets a reset and no answer. Instead, when the app closes:
 *
 * 1. it stops accepting connections, and every answer from then on says `Connection: close`;
 * 2. it waits while connections are open, for at most the keep-alive timeout (10 s at the most): a
 *    client sending a stream of requests gets its next one answered (and the connection closed),
 *    and an idle connection ends by its keep-alive timeout, the one its client was told of
 *    (`Keep-Alive: timeout=…`) and already keeps to;
 * 3. it then ends the connections still open that carry no request received in full (an idle one,
 *    or one whose client is still sending its headers or its body, slowly or never), and Fastify
 *    closes the server once the requests received in full are answered.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** The longest wait for open connections on closing (and at most half of Fastify's `pluginTimeout`). */
const MAX_DRAIN_MS = 10_000;

/**
 * Makes `app.close()` drain its connections first (call it before the app is ready, after the
 * plugins whose `preClose` hooks must run first: the service's readiness turns 503 in its own).
 *
 * @example
 * const app = Fastify({ return503OnClosing: false }); drainOnClose(app); … await app.close();
 */
export function drainOnClose(app: FastifyInstance): void {
  const server = app.server;
  /** Each open connection, with the request it carries and its answer (undefined between requests). */
  const open = new Map<Socket, { req: IncomingMessage; res: ServerResponse } | undefined>();
  let emptied: (() => void) | undefined;
  let closing = false;

  server.on('connection', (socket: Socket) => {
    open.set(socket, undefined);
    socket.once('close', () => {
      open.delete(socket);
      if (open.size === 0) emptied?.();
    });
  });
  // Before Fastify's own listener, so that the header is there before any answer is written.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const current = { req, res };
    open.set(req.socket, current);
    if (closing) endsItsConnection(res);
    res.once('close', () => {
      if (open.get(req.socket) === current) open.set(req.socket, undefined);
    });
  });

  app.addHook('preClose', async () => {
    closing = true;
    // Every answer given from now on ends its connection (the requests in flight included).
    for (const current of open.values()) if (current) endsItsConnection(current.res);
    // No new connections. Not server.close(): Node's would end the idle keep-alive connections now.
    // (Fastify's own close later finds the server no longer listening, and waits for the rest.)
    if (server.listening) Server.prototype.close.call(server);
    if (open.size > 0) {
      // Fastify gives the whole close its plugin timeout (10 s by default): leave half of it to the
      // requests in flight.
      const pluginTimeout = app.initialConfig.pluginTimeout || Number.POSITIVE_INFINITY;
      const ms = Math.min(server.keepAliveTimeout || MAX_DRAIN_MS, MAX_DRAIN_MS, pluginTimeout / 2);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        emptied = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    for (const [socket, current] of open) if (current === undefined || !current.req.complete) socket.destroy();
  });
}

/** Says `Connection: close` in an answer not yet written: Node ends the connection after it. */
function endsItsConnection(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}
