/**
 * What is read from a table of routes without a router: the methods a path has (for a 405 answer,
 * with `Allow`), and a path written the OpenAPI way.
 */
import type { RouteTable } from './route-spec.js';

/**
 * The methods of the routes of `table` whose path matches `path` (under `prefix`).
 *
 * @example
 * methodsOf(ROUTES, '/claims/C1') // ["GET"]
 */
export function methodsOf(table: RouteTable, path: string, prefix = ''): string[] {
  const out = new Set<string>();
  for (const r of Object.values(table)) if (pattern(prefix + r.url).test(path)) out.add(r.method);
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
 * A path parameter of a route, found by its place in the path.
 *
 * @example
 * { name: 'year', id: false }
 */
export interface ParamAt {
  readonly name: string;
  /** True for an id (a parameter whose schema the route's `doc.params` does not give). */
  readonly id: boolean;
}

/**
 * The path parameter at part `segment` of `path` (split at `/`), in the first route of `table`
 * whose path matches, or undefined.
 *
 * @example
 * paramAt(ROUTES, '/ledgers/P1/2017', 2) // { name: 'person', id: true }
 */
export function paramAt(table: RouteTable, path: string, segment: number, prefix = ''): ParamAt | undefined {
  for (const r of Object.values(table)) {
    if (!pattern(prefix + r.url).test(path)) continue;
    const part = (prefix + r.url).split('/')[segment];
    if (part?.startsWith(':')) return { name: part.slice(1), id: r.doc.params?.[part.slice(1)] === undefined };
  }
  return undefined;
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
