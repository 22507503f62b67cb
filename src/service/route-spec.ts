/**
 * What a route of the service is, and how a resource serves its routes. Each resource is one
 * Fastify plugin in src/service/routes/ (as fastify/demo's `routes/`) with the table of its routes;
 * the service registers the resources from one list (src/service/routes/index.ts). The table is
 * what the OpenAPI document describes, what a 405 answer lists, and which right a key needs: a
 * route says `right: null` to be open to anyone (docs/service.md, "Adding a route").
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Lang } from '../index.js';
import type { Answer } from './answer.js';
import type { ServiceMetrics } from './metrics.js';
import type { Right } from './roles.js';
import type { ApiKeyRow, Store } from './store/store.js';

type Json = Record<string, unknown>;

/**
 * How the OpenAPI document describes a route, besides its method, path, right and summary.
 *
 * @example
 * { success: { '200': { description: "The person-year's ledger.", content: jsonContent('LedgerState') } }, failures: [400, 401, 403, 404], params: { year: { type: 'string', pattern: '^\\d{4}$' } } }
 */
export interface RouteDoc {
  /** Its answers other than errors, by status (OpenAPI response objects). */
  readonly success: Readonly<Record<string, Json>>;
  /** The error statuses it may answer (405, 500 and 503 are every route's `default`). */
  readonly failures: readonly number[];
  /** The component schema of its JSON body, when it takes one. */
  readonly body?: string;
  /** The schema of each path parameter that is not an id (an id is text of one character or more). */
  readonly params?: Readonly<Record<string, Json>>;
  /** Each query parameter it takes besides `lang`: its description and schema. */
  readonly query?: Readonly<Record<string, { readonly description: string; readonly schema: Json }>>;
}

/**
 * One route.
 *
 * @example
 * { method: 'GET', url: '/journal', right: 'audit', query: ['since', 'limit'], summary: 'The append-only journal', doc }
 */
export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  /** The path, Fastify's way (`/claims/:id`). */
  readonly url: string;
  /**
   * The right a key needs (docs/service.md, "Keys and roles"), or null for a route open to anyone:
   * no key is asked (health, readiness, the API's description).
   */
  readonly right: Right | null;
  /** Query parameters it takes besides `lang` (any other is refused). */
  readonly query: readonly string[];
  readonly summary: string;
  readonly doc: RouteDoc;
}

/**
 * Routes by name.
 *
 * @example
 * const table: RouteTable = ROUTES; table.ledger.url // "/ledgers/:person/:year"
 */
export type RouteTable = Readonly<Record<string, RouteSpec>>;

/**
 * What a handler is told besides the request: the query read strictly, and who asks.
 *
 * @example
 * { lang: 'en', query: { since: '3-14' }, key: { id: 'k_1a2b3c4d5e6f', role: 'auditor', … } }
 */
export interface Asked {
  readonly lang: Lang;
  /** The query parameters the route takes that were given (as text). */
  readonly query: Readonly<Record<string, string>>;
  /** The caller's key: set on every route with a right, undefined on an open one. */
  readonly key: ApiKeyRow | undefined;
}

/**
 * A route's work: an answer to send, or undefined when it sent one itself on `reply`.
 *
 * @example
 * const healthz: Handler = async () => answer(200, { status: 'ok' });
 */
export type Handler = (req: FastifyRequest, reply: FastifyReply, asked: Asked) => Promise<Answer | undefined>;

/**
 * What the service hands each resource's plugin.
 *
 * @example
 * async (app, kit) => void app.route(kit.route('readyz', async () => (kit.closing() ? unavailable : ready)))
 */
export interface ResourceKit<N extends string> {
  readonly store: Store;
  readonly metrics: ServiceMetrics;
  /** The clock of journal entries (ISO 8601 UTC). */
  readonly now: () => string;
  /** Every route of the service (the OpenAPI document describes them all). */
  readonly table: RouteTable;
  /** True once the app is closing: readiness then answers 503. */
  closing(): boolean;
  /**
   * Fastify's options for route `name` of this resource: its method and path from the table, the
   * key check of its right (before the body is read), the query read strictly, and `handle`'s
   * answer sent. `app.route(kit.route('ledger', async (req, reply, asked) => …))`.
   */
  route(name: N, handle: Handler): RouteOptions;
}

/**
 * One resource of the service: its routes and the Fastify plugin that serves them.
 *
 * @example
 * for (const r of RESOURCES) await app.register(r.plugin, kit);
 */
export interface Resource<N extends string = string> {
  readonly routes: Readonly<Record<N, RouteSpec>>;
  readonly plugin: (app: FastifyInstance, kit: ResourceKit<N>) => Promise<void>;
}

/**
 * A resource: the table of its routes, and its plugin, which registers each with `kit.route`.
 *
 * @example
 * export const health = resource(
 *   { healthz: { method: 'GET', url: '/healthz', right: null, query: [], summary: 'The process answers', doc } },
 *   async (app, kit) => void app.route(kit.route('healthz', async () => answer(200, { status: 'ok' }))),
 * );
 */
export function resource<const R extends Record<string, RouteSpec>>(
  routes: R,
  plugin: Resource<keyof R & string>['plugin'],
): Resource<keyof R & string> {
  return { routes, plugin };
}
