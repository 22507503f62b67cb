/**
 * The service's Prometheus metrics (prom-client), in a registry of its own so that a service
 * embedded in another app, or two in one test process, never mix their counts. Each process
 * counts its own requests: scrape every process of a fleet.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The metrics of one service. */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** Requests answered, by method, route (its pattern: ids never become labels) and status. */
  readonly requests: Counter<'method' | 'route' | 'status'>;
  /** Time from the request's body read to the settlement's answer, by outcome. */
  readonly settlementSeconds: Histogram<'outcome'>;
  /** Claims settled (201): replays and refusals are not counted. */
  readonly claimsSettled: Counter;
  /** Claims reversed (first reversals only). */
  readonly claimsReversed: Counter;
}

/**
 * Makes the metrics of one service, with Node's process metrics (memory, event loop lag, GC).
 *
 * @example
 * const m = serviceMetrics(); m.claimsSettled.inc(); await m.registry.metrics();
 */
export function serviceMetrics(): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'bashunwei_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    settlementSeconds: new Histogram({
      name: 'bashunwei_settlement_duration_seconds',
      help: 'Time to answer POST /claims, from its body read to its answer (the transaction included), by outcome: settled, replay or refused.',
      labelNames: ['outcome'] as const,
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    claimsSettled: new Counter({
      name: 'bashunwei_claims_settled_total',
      help: 'Claims settled (answered 201).',
      registers: [registry],
    }),
    claimsReversed: new Counter({
      name: 'bashunwei_claims_reversed_total',
      help: 'Claims reversed (first reversals; replays not counted).',
      registers: [registry],
    }),
  };
}
