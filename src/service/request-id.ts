/**
 * The id of a request, in each of its log lines: the client's `x-request-id` when it is 1 to 128
 * visible ASCII characters (a request id, a trace id, a UUID), otherwise one made here, so that a
 * client cannot put 8 KB of anything into every line the request logs (docs/service.md,
 * "Operations").
 */
import { randomUUID } from 'node:crypto';

/**
 * The longest request id taken from a client.
 *
 * @example
 * requestId('r'.repeat(MAX_REQUEST_ID)) // kept; one character more is replaced
 */
export const MAX_REQUEST_ID = 128;

/**
 * The request id of a request with the header `x-request-id: header`.
 *
 * @example
 * requestId('trace-7f3a') // "trace-7f3a"
 * requestId('x'.repeat(8192)) // a new UUID
 */
export function requestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && header.length <= MAX_REQUEST_ID && /^[\x21-\x7e]+$/.test(header)
    ? header
    : randomUUID();
}
