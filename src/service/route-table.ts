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
 * A Fastify path written the OpenAPI way.
 *
 * @example
 * openApiPath('/ledgers/:person/:year') // "/ledgers/{person}/{year}"
 */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}
