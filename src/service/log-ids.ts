/**
 * Ids added to a request's log lines: the claim's id and what became of it join the request's own
 * "request completed" line. Ids only: nothing of the patient goes to the logs (docs/service.md,
 * "Operations").
 */
import type { FastifyRequest } from 'fastify';

/**
 * Adds `ids` to the log lines of `req` that follow (pino's setBindings; a logger without it is left as it is).
 *
 * @example
 * logIds(req, { claimId: 'C01', outcome: 'settled' });
 */
export function logIds(req: FastifyRequest, ids: Record<string, string>): void {
  (req.log as { setBindings?: (b: Record<string, string>) => void }).setBindings?.(ids);
}
