/**
 * The routes of the service in one table: what each is, who may call it, which query parameters
 * it takes. The server registers them from here, the OpenAPI document describes them from here,
 * and a request to a known path with another method is told which methods it has (405).
 */
import type { Right } from './roles.js';

/** One route. */
export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  /** The path, Fastify's way (`/claims/:id`). */
  readonly url: string;
  /** The right a key needs; none for the open operational routes. */
  readonly right?: Right;
  /** Query parameters it takes besides `lang` (any other is refused). */
  readonly query: readonly string[];
  readonly summary: string;
}

/** The names of the routes. */
export type RouteName =
  | 'settle'
  | 'claim'
  | 'reverse'
  | 'ledger'
  | 'journal'
  | 'healthz'
  | 'readyz'
  | 'openapi'
  | 'metrics';

/** Every route of the service. */
export const ROUTES: Readonly<Record<RouteName, RouteSpec>> = {
  settle: {
    method: 'POST',
    url: '/claims',
    right: 'settle',
    query: [],
    summary: 'Settle a claim (201); the same claim again answers the stored settlement (200, idempotent-replay: true)',
  },
  claim: {
    method: 'GET',
    url: '/claims/:id',
    right: 'read',
    query: [],
    summary: 'A claim: its current settlement and every version of it',
  },
  reverse: {
    method: 'POST',
    url: '/claims/:id/reverse',
    right: 'reverse',
    query: [],
    summary:
      'Reverse a claim (冲正) and re-settle the later claims of its person-year; repeating it answers the first result',
  },
  ledger: {
    method: 'GET',
    url: '/ledgers/:person/:year',
    right: 'read',
    query: [],
    summary: "A person-year's year-to-date ledger and its claims in settling order",
  },
  journal: {
    method: 'GET',
    url: '/journal',
    right: 'audit',
    query: ['since', 'limit'],
    summary: 'The append-only journal: who did what, when, to which versions',
  },
  healthz: { method: 'GET', url: '/healthz', query: [], summary: 'The process answers' },
  readyz: {
    method: 'GET',
    url: '/readyz',
    query: [],
    summary: 'The database answers and the process is not shutting down',
  },
  openapi: { method: 'GET', url: '/openapi.json', query: [], summary: 'This description (OpenAPI 3.1)' },
  metrics: {
    method: 'GET',
    url: '/metrics',
    right: 'metrics',
    query: [],
    summary: 'Prometheus metrics of this process',
  },
};

/**
 * The methods of the routes whose path matches `path` (under `prefix`).
 *
 * @example
 * methodsOf('/claims/C1') // ["GET"]
 */
export function methodsOf(path: string, prefix = ''): string[] {
  const out = new Set<string>();
  for (const r of Object.values(ROUTES) as RouteSpec[]) if (pattern(prefix + r.url).test(path)) out.add(r.method);
  return [...out];
}

const patterns = new Map<string, RegExp>();
function pattern(url: string): RegExp {
  let p = patterns.get(url);
  if (!p) {
    const source = url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    patterns.set(url, (p = new RegExp(`^${source}$`)));
  }
  return p;
}

/**
 * A Fastify path written the OpenAPI way.
 *
 * @example
 * openApiPath('/ledgers/:person/:year') // "/ledgers/{person}/{year}"
 */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}
