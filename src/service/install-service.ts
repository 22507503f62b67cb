/**
 * The service's routes, hooks and error handling, installed on a Fastify instance: the whole
 * app (`buildService`), or a prefix of one's own app (`app.register(serviceRoutes, { store,
 * prefix: '/bashunwei' })`). Handlers decide {@link Answer}s; this file only reads requests and
 * sends answers.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ClaimErrorCode, type Lang } from '../index.js';
import { type Answer, answer, Refusal, refuse, send } from './answer.js';
import { type Authenticate, authenticator } from './authenticate.js';
import { answerForError, notFoundAnswer } from './http-errors.js';
import { serviceMetrics } from './metrics.js';
import { openApiDocument } from './openapi.js';
import { lenientLang, readQuery } from './request-query.js';
import { reverseRequest } from './reverse-request.js';
import { RIGHTS } from './roles.js';
import { type RouteName, ROUTES } from './routes.js';
import { type RequestContext, settleRequest } from './settle-request.js';
import type { ApiKeyRow, JournalStart, Store } from './store/store.js';
import { SERVICE_WORDS } from './words.js';

/** The largest body accepted by default: a claim line of `bashunwei settle` (1 MiB). */
export const DEFAULT_BODY_LIMIT = 1 << 20;
/** Journal entries per answer: by default, and at most. */
const JOURNAL_LIMIT = { default: 500, max: 5000 } as const;

/** Options of the service. */
export interface ServiceOptions {
  /** Where claims, ledgers, keys and the journal are kept (see `openStore`). */
  readonly store: Store;
  /** The largest body accepted, in bytes (default 1 MiB); larger ones are answered 413. */
  readonly bodyLimit?: number;
  /** The clock of journal entries (default: now, ISO 8601 UTC). */
  readonly now?: () => string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The service's name of the route (its entry in ROUTES). */
    bashunweiRoute?: RouteName;
  }
}

/**
 * Installs the service on `app` (its routes, the API-key check, the body reader, the error and
 * not-found handlers, the metrics).
 *
 * @example
 * const app = Fastify({ logger: true });
 * await installService(app, { store: await openStore('bashunwei.sqlite') });
 */
export async function installService(app: FastifyInstance, options: ServiceOptions): Promise<void> {
  const { store } = options;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const now = options.now ?? (() => new Date().toISOString());
  const metrics = serviceMetrics();
  const authenticate: Authenticate = authenticator(store);
  const keys = new WeakMap<FastifyRequest, ApiKeyRow>();
  let closing = false;
  let openapi: string | undefined;

  app.addHook('preClose', async () => {
    closing = true;
  });

  // The body as bytes, read as strict UTF-8 by the route: the library's reader takes the text.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (_req, body, done) =>
    done(null, body),
  );

  // The API key, before the body is read: nothing of an unknown caller is parsed.
  app.addHook('onRequest', async (req) => {
    const name = req.routeOptions.config.bashunweiRoute;
    const right = name === undefined ? undefined : ROUTES[name].right;
    if (right === undefined) return;
    // A wrong ?lang= is refused by the route itself; a refusal before it still needs a language.
    const lang = lenientLang(req.query);
    const key = await authenticate(req.headers.authorization);
    if (!key)
      throw new Refusal(
        refuse(401, ClaimErrorCode.UNAUTHORIZED, 'authorization', {}, lang, { 'www-authenticate': 'Bearer' }),
      );
    const allowed: readonly string[] = RIGHTS[right];
    if (!allowed.includes(key.role)) {
      const route = ROUTES[name!];
      throw new Refusal(
        refuse(
          403,
          ClaimErrorCode.FORBIDDEN,
          'authorization',
          { received: key.role, expected: allowed.join(', '), detail: `${route.method} ${route.url}` },
          lang,
        ),
      );
    }
    keys.set(req, key);
  });

  app.addHook('onResponse', async (req, reply) => {
    metrics.requests.inc({
      method: req.method,
      route: req.routeOptions.url ?? '(unmatched)',
      status: String(reply.statusCode),
    });
  });

  app.setErrorHandler((err, req, reply) => {
    const a = answerForError(err as Error, req, bodyLimit);
    if (a.status >= 500) req.log.error({ err }, 'request failed');
    return send(reply, a);
  });
  app.setNotFoundHandler((req, reply) => send(reply, notFoundAnswer(req, app.prefix)));

  const context = (req: FastifyRequest, lang: Lang): RequestContext => ({ lang, keyId: keys.get(req)!.id, now });
  const route = (name: RouteName, handle: (req: FastifyRequest, reply: FastifyReply) => Promise<Answer | undefined>) =>
    app.route({
      method: ROUTES[name].method,
      url: ROUTES[name].url,
      config: { bashunweiRoute: name },
      handler: async (req, reply) => {
        const a = await handle(req, reply);
        return a === undefined ? reply : send(reply, a);
      },
    });
  const query = (req: FastifyRequest, name: RouteName) => readQuery(req.query, ROUTES[name].query);
  const param = (req: FastifyRequest, name: string) => (req.params as Record<string, string>)[name]!;

  route('settle', async (req) => {
    const started = performance.now();
    const { lang } = query(req, 'settle');
    const text = bodyText(req, lang);
    const { answer: a, outcome, claimId } = await settleRequest(store, text, context(req, lang));
    metrics.settlementSeconds.observe({ outcome }, (performance.now() - started) / 1000);
    if (outcome === 'settled') metrics.claimsSettled.inc();
    // The claim's id and outcome join the request's own "request completed" line: ids only,
    // nothing of the patient goes to the logs.
    if (claimId !== undefined) bind(req, { claimId, outcome });
    return a;
  });

  route('reverse', async (req) => {
    const { lang } = query(req, 'reverse');
    const text = bodyText(req, lang).trim();
    // Nothing to say to a reversal: an empty body or {} (a field would be silently ignored).
    if (text !== '' && text.replace(/\s+/g, '') !== '{}') {
      return refuse(
        400,
        ClaimErrorCode.INVALID_PARAMETER,
        '',
        { expected: SERVICE_WORDS[lang].emptyOrObject, received: JSON.stringify(text.slice(0, 40)) },
        lang,
      );
    }
    const claimId = param(req, 'id');
    const { answer: a, outcome } = await reverseRequest(store, claimId, context(req, lang));
    if (outcome === 'reversed') metrics.claimsReversed.inc();
    bind(req, { claimId, outcome });
    return a;
  });

  route('claim', async (req) => {
    const { lang } = query(req, 'claim');
    const claimId = param(req, 'id');
    const found = await store.read(async (r) => {
      const current = await r.claim(claimId);
      return current && { current, versions: await r.history(claimId) };
    });
    if (!found) return refuse(404, ClaimErrorCode.NOT_FOUND, 'id', { received: claimId }, lang);
    const { current, versions } = found;
    return answer(200, {
      claimId,
      personId: current.personId,
      year: current.year,
      status: current.status,
      version: current.version,
      settlement: parsed(current.settlement),
      claim: JSON.parse(current.input) as unknown,
      versions: versions.map((v) => ({
        version: v.version,
        status: v.status,
        action: v.journal.action,
        at: v.journal.at,
        keyId: v.journal.keyId,
        journal: v.journal.cursor,
        cause: v.journal.cause,
        settlement: parsed(v.settlement),
      })),
    });
  });

  route('ledger', async (req) => {
    const { lang } = query(req, 'ledger');
    const person = param(req, 'person');
    const yearText = param(req, 'year');
    if (!/^\d{4}$/.test(yearText)) {
      return refuse(
        400,
        ClaimErrorCode.INVALID_PARAMETER,
        'year',
        { expected: SERVICE_WORDS[lang].year, received: JSON.stringify(yearText.slice(0, 40)) },
        lang,
      );
    }
    const year = Number(yearText);
    const found = await store.read(async (r) => {
      const ledger = await r.ledger(person, year);
      return ledger && { ledger, claims: await r.yearClaims(person, year) };
    });
    if (!found) return refuse(404, ClaimErrorCode.NOT_FOUND, 'person', { received: `${person} ${year}` }, lang);
    return answer(200, {
      personId: person,
      year,
      version: found.ledger.version,
      claims: found.claims.filter((c) => c.status === 'settled').map((c) => c.claimId),
      ledger: JSON.parse(found.ledger.ledger) as unknown,
    });
  });

  route('journal', async (req) => {
    const { lang, values } = query(req, 'journal');
    const limit = values.limit === undefined ? JOURNAL_LIMIT.default : Number(values.limit);
    if (!/^\d+$/.test(values.limit ?? '1') || limit < 1 || limit > JOURNAL_LIMIT.max) {
      return refuse(
        400,
        ClaimErrorCode.INVALID_PARAMETER,
        'limit',
        { expected: SERVICE_WORDS[lang].limit(JOURNAL_LIMIT.max), received: JSON.stringify(values.limit) },
        lang,
      );
    }
    const start = journalStart(values.since);
    if (start === null)
      return refuse(
        400,
        ClaimErrorCode.INVALID_PARAMETER,
        'since',
        { expected: SERVICE_WORDS[lang].cursor, received: JSON.stringify(values.since) },
        lang,
      );
    const entries = await store.read((r) => r.journal(start, limit));
    return answer(200, { entries, next: entries.at(-1)?.cursor ?? values.since ?? '0-0' });
  });

  route('healthz', async (req) => {
    query(req, 'healthz');
    return answer(200, { status: 'ok' });
  });

  route('readyz', async (req) => {
    const { lang } = query(req, 'readyz');
    if (closing) return refuse(503, ClaimErrorCode.UNAVAILABLE, '', { detail: SERVICE_WORDS[lang].shuttingDown }, lang);
    try {
      await store.ping();
    } catch (e) {
      req.log.warn({ err: e }, 'database does not answer');
      return refuse(503, ClaimErrorCode.UNAVAILABLE, '', { detail: SERVICE_WORDS[lang].databaseDown }, lang);
    }
    return answer(200, { status: 'ready', database: store.kind });
  });

  route('openapi', async (req) => {
    query(req, 'openapi');
    openapi ??= JSON.stringify(openApiDocument(app.prefix));
    return { status: 200, json: openapi };
  });

  route('metrics', async (req, reply) => {
    query(req, 'metrics');
    await reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    return undefined;
  });
}

/**
 * The service as a Fastify plugin, for one's own app (under a prefix, with its own logger).
 *
 * @example
 * await app.register(serviceRoutes, { store, prefix: '/bashunwei' });
 */
export const serviceRoutes: FastifyPluginAsync<ServiceOptions> = (app, options) => installService(app, options);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text: strict UTF-8 (a charset other than UTF-8 is refused, 415). */
function bodyText(req: FastifyRequest, lang: Lang): string {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    throw new Refusal(
      refuse(
        415,
        ClaimErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'content-type',
        { expected: SERVICE_WORDS[lang].utf8, received: req.headers['content-type'] },
        lang,
      ),
    );
  }
  if (req.body === undefined || req.body === null) return '';
  try {
    return UTF8.decode(req.body as Buffer);
  } catch (e) {
    throw new Refusal(refuse(400, ClaimErrorCode.INVALID_UTF8, '', { detail: (e as Error).message }, lang));
  }
}

/** Adds ids to the request's log lines that follow (pino's setBindings; a logger without it is left as it is). */
function bind(req: FastifyRequest, ids: Record<string, string>): void {
  (req.log as { setBindings?: (b: Record<string, string>) => void }).setBindings?.(ids);
}

/** `since`: a cursor `<transaction>-<entry>`, an ISO 8601 date-time, nothing, or null when it is none of these. */
function journalStart(since: string | undefined): JournalStart | undefined | null {
  if (since === undefined) return undefined;
  const m = /^(\d{1,19})-(\d{1,19})$/.exec(since);
  if (m) return { after: [m[1]!, m[2]!] };
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(since) && !Number.isNaN(Date.parse(since)))
    return { at: new Date(since).toISOString() };
  return null;
}

function parsed(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
