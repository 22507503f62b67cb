/**
 * The API's own description, open to anyone: `GET /openapi.json`, the OpenAPI 3.1 document of
 * every route of the service (openapi.ts), made once.
 */
import { describeApi } from '../openapi.js';
import { resource } from '../route-spec.js';

/**
 * The OpenAPI resource.
 *
 * @example
 * openapi.routes.openapi.url // "/openapi.json"
 */
export const openapi = resource(
  {
    openapi: {
      method: 'GET',
      url: '/openapi.json',
      right: null,
      query: [],
      summary: 'This description (OpenAPI 3.1)',
      doc: {
        success: {
          '200': { description: 'This document.', content: { 'application/json': { schema: { type: 'object' } } } },
        },
        failures: [],
      },
    },
  },
  async (app, kit) => {
    let document: string | undefined;
    app.route(
      kit.route('openapi', async () => {
        document ??= JSON.stringify(describeApi(kit.table, app.prefix));
        return { status: 200, json: document };
      }),
    );
  },
);
