/**
 * `bashunwei/service`: the back-office service, to run as `bashunwei serve` or to embed. Loaded
 * only by whoever imports it: `import 'bashunwei'` loads neither Fastify nor a database driver.
 */
export { buildService, DEFAULT_TIMEOUTS, type BuildOptions, type Timeouts } from './build-service.js';
export { drainOnClose } from './drain-on-close.js';
export { installService, serviceRoutes, DEFAULT_BODY_LIMIT, type ServiceOptions } from './install-service.js';
export { openStore, isPostgresUrl, DEFAULT_SQLITE_FILE } from './store/open-store.js';
export { StoreError } from './store/store-error.js';
export type { Store } from './store/store.js';
export { newApiKey, hashKey, KEY_PREFIX } from './keys.js';
export { ROLES, RIGHTS, isRole, type Role, type Right } from './roles.js';
export { ROUTES, RESOURCES, openApiDocument, type RouteName } from './routes/index.js';
export { resource, type Resource, type ResourceKit, type RouteSpec, type Handler, type Asked } from './route-spec.js';
export { shutDownOnSignals } from './shutdown.js';
