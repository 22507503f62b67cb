/**
 * The service installed on a Fastify instance: the whole app (`buildService`), or a prefix of
 * one's own app (`app.register(serviceRoutes, { store, prefix: '/bashunwei' })`). This file is the
 * frame the resources share (the body reader, the key check, the error and not-found handlers, the
 * metrics); each resource is a plugin of src/service/routes/, registered from its list.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest, RouteOptions } from 'fastify';
import { ClaimErrorCode } from '../index.js';
import { Refusal, refuse, send } from './answer.js';
import { authenticator } from './authenticate.js';
import { answerForError, notFoundAnswer } from './http-errors.js';
import { idParamsRefusal } from './id-params.js';
import { serviceMetrics } from './metrics.js';
import { lenientLang, readQuery } from './request-query.js';
import { RIGHTS, type Right } from './roles.js';
import type { Handler, Resource, ResourceKit, RouteSpec } from './route-spec.js';
import { RESOURCES, ROUTES } from './routes/index.js';
import { appPage } from './routes/app.js';
import type { ApiKeyRow, Store } from './store/store.js';

/** The largest body accepted by default: a claim line of `bashunwei settle` (1 MiB). */
export const DEFAULT_BODY_LIMIT = 1 << 20;

/** Options of the service. */
export interface ServiceOptions {
  /** Where claims, ledgers, keys and the journal are kept (see `openStore`). */
  readonly store: Store;
  /** The largest body accepted, in bytes (default 1 MiB); larger ones are answered 413. */
  readonly bodyLimit?: number;
  /** The clock of journal entries (default: now, ISO 8601 UTC). */
  readonly now?: () => string;
}

/**
 * Installs the service on `app`: its frame, then every resource of src/service/routes/.
 *
 * @example
 * const app = Fastify({ logger: true });
 * await installService(app, { store: await openStore('bashunwei.sqlite') });
 */
export async function installService(app: FastifyInstance, options: ServiceOptions): Promise<void> {
  const { store } = options;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const metrics = serviceMetrics();
  const keys: Keys = new WeakMap();
  const checkKey = keyCheck(store, keys);
  let closing = false;

  app.addHook('preClose', async () => {
    closing = true;
  });

  // The body as bytes, read as strict UTF-8 by the route: the library's reader takes the text.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (_req, body, done) =>
    done(null, body),
  );

  app.addHook('onResponse', async (req, reply) => {
    metrics.requests.inc({
      method: req.method,
      route: req.routeOptions.url ?? '(unmatched)',
      status: String(reply.statusCode),
    });
  });

  app.setErrorHandler((err, req, reply) => {
    const a = answerForError(err as Error, req, { bodyLimit, table: ROUTES, prefix: app.prefix });
    if (a.status >= 500) req.log.error({ err }, 'request failed');
    return send(reply, a);
  });
  app.setNotFoundHandler((req, reply) => send(reply, notFoundAnswer(req, app.prefix, ROUTES)));

  const kit: ResourceKit<string> = {
    store,
    metrics,
    now: options.now ?? (() => new Date().toISOString()),
    table: ROUTES,
    closing: () => closing,
    route: (name, handle) => routeOptions((ROUTES as Record<string, RouteSpec>)[name]!, handle, checkKey, keys),
  };
  const resources: readonly Resource[] = RESOURCES;
  for (const r of resources) await app.register(r.plugin, kit);
  await app.register(appPage, { prefix: '/app' }); // the workbench page (docs/app.md): public, no key, not in the API
}

/**
 * The service as a Fastify plugin, for one's own app (under a prefix, with its own logger).
 *
 * @example
 * await app.register(serviceRoutes, { store, prefix: '/bashunwei' });
 */
export const serviceRoutes: FastifyPluginAsync<ServiceOptions> = (app, options) => installService(app, options);

/** Fastify's options of one route: its key check when it has a right, its query read, its answer sent. */
function routeOptions(spec: RouteSpec, handle: Handler, checkKey: KeyCheck, keys: Keys): RouteOptions {
  const { right } = spec;
  return {
    method: spec.method,
    url: spec.url,
    // The API key, before the body is read: nothing of an unknown caller is parsed.
    ...(right === null ? {} : { onRequest: async (req: FastifyRequest) => checkKey({ ...spec, right }, req) }),
    handler: async (req, reply) => {
      const { lang, values } = readQuery(req.query, spec.query);
      const a =
        idParamsRefusal(spec, req.params, lang) ??
        (await handle(req, reply, { lang, query: values, key: keys.get(req) }));
      return a === undefined ? reply : send(reply, a);
    },
  };
}

/** The key of each request that showed one. */
type Keys = WeakMap<FastifyRequest, ApiKeyRow>;
/** Checks the key of a request to a route that needs `right`, and remembers it; or refuses it. */
type KeyCheck = (spec: RouteSpec & { readonly right: Right }, req: FastifyRequest) => Promise<void>;

/** The key check of a store: 401 without a known key, 403 when its role lacks the route's right. */
function keyCheck(store: Store, keys: Keys): KeyCheck {
  const authenticate = authenticator(store);
  return async (spec, req) => {
    // A wrong ?lang= is refused by the route itself; a refusal before it still needs a language.
    const lang = lenientLang(req.query);
    const key = await authenticate(req.headers.authorization);
    if (!key)
      throw new Refusal(
        refuse(401, ClaimErrorCode.UNAUTHORIZED, 'authorization', {}, lang, { 'www-authenticate': 'Bearer' }),
      );
    const allowed: readonly string[] = RIGHTS[spec.right];
    if (!allowed.includes(key.role)) {
      throw new Refusal(
        refuse(
          403,
          ClaimErrorCode.FORBIDDEN,
          'authorization',
          { received: key.role, expected: allowed.join(', '), detail: `${spec.method} ${spec.url}` },
          lang,
        ),
      );
    }
    keys.set(req, key);
  };
}
