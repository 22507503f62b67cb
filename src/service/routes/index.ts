/**
 * The service's resources, one Fastify plugin each, in one list: the service registers them from
 * here, and their routes make the table that the OpenAPI document describes and that a 405 answer
 * reads. Adding a route is adding a file to this folder and a line to this list (docs/service.md,
 * "Adding a route").
 */
import { describeApi } from '../openapi.js';
import type { Resource, RouteSpec } from '../route-spec.js';
import { claims } from './claims.js';
import { health } from './health.js';
import { journal } from './journal.js';
import { ledgers } from './ledgers.js';
import { metrics } from './metrics.js';
import { openapi } from './openapi.js';

/**
 * Every resource of the service, in the order the OpenAPI document lists their routes.
 *
 * @example
 * RESOURCES.flatMap((r) => Object.keys(r.routes)) // ["settle", "claim", "reverse", "ledger", …]
 */
export const RESOURCES = [claims, ledgers, journal, health, openapi, metrics] as const;

/**
 * The names of the routes.
 *
 * @example
 * const name: RouteName = 'reverse';
 */
export type RouteName = (typeof RESOURCES)[number] extends infer R ? (R extends Resource<infer N> ? N : never) : never;

/**
 * Every route of the service, by name.
 *
 * @example
 * ROUTES.reverse // { method: 'POST', url: '/claims/:id/reverse', right: 'reverse', … }
 */
export const ROUTES: Readonly<Record<RouteName, RouteSpec>> = Object.assign({}, ...RESOURCES.map((r) => r.routes));

/**
 * The OpenAPI 3.1 document of the service mounted at `prefix`.
 *
 * @example
 * openApiDocument('').paths['/claims'].post.operationId // "settle"
 */
export function openApiDocument(prefix = ''): Record<string, unknown> {
  return describeApi(ROUTES, prefix);
}
