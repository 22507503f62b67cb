/**
 * The process's Prometheus metrics (`GET /metrics`, any key): requests by route and status,
 * settlement latency, claims settled and reversed, Node's process metrics (metrics.ts).
 */
import { resource } from '../route-spec.js';

/**
 * The metrics resource.
 *
 * @example
 * metrics.routes.metrics.right // "metrics"
 */
export const metrics = resource(
  {
    metrics: {
      method: 'GET',
      url: '/metrics',
      right: 'metrics',
      query: [],
      summary: 'Prometheus metrics of this process',
      doc: {
        success: {
          '200': {
            description: 'Prometheus text exposition.',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
        failures: [400, 401, 403],
      },
    },
  },
  async (app, kit) => {
    const { registry } = kit.metrics;
    app.route(
      kit.route('metrics', async (_req, reply) => {
        await reply.type(registry.contentType).send(await registry.metrics());
        return undefined;
      }),
    );
  },
);
