/**
 * Embedding the back-office service in one's own Fastify app: the app keeps its own routes and
 * logger, and mounts bashunwei's routes under /bashunwei (its API keys, journal, errors, metrics
 * and OpenAPI document come along; its error and not-found handlers apply under the prefix only).
 * `bashunwei serve` is the same service as a whole app (docs/service.md). Run it with
 *
 *   npx bashunwei keys create --role cashier --db bashunwei.sqlite      (once: prints a key)
 *   npx tsx examples/back-office-service/server.ts                        (PORT=8080, DB=bashunwei.sqlite or a postgres:// URL)
 *   curl -H "authorization: Bearer $KEY" -H 'content-type: application/json' \
 *        --data @examples/claims/01-poor-inpatient-in-county.json localhost:8080/bashunwei/claims
 */
import Fastify from 'fastify';
// In a project of one's own: from 'bashunwei/service'.
import { drainOnClose, openStore, serviceRoutes, shutDownOnSignals } from '../../src/service/index.js';

const store = await openStore(process.env.DB ?? 'bashunwei.sqlite');
const app = Fastify({ logger: true, return503OnClosing: false });
app.get('/', async () => ({ app: 'my back office', settlements: '/bashunwei/claims', api: '/bashunwei/openapi.json' }));
await app.register(serviceRoutes, { store, prefix: '/bashunwei' });
// On closing, keep-alive connections may send a last request before they are ended (docs/service.md, "Operations").
drainOnClose(app);
// SIGTERM: stop accepting, answer what is in flight, close the store, exit 0.
shutDownOnSignals(app, store);
await app.listen({ port: Number(process.env.PORT ?? 8080), host: '127.0.0.1' });
