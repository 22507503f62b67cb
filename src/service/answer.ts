/**
 * What a route decided, before it is sent: the status, the JSON text of the body and any header.
 * The work of the service returns answers rather than writing to Fastify's reply, so that a
 * transaction never holds a reply (and an answer is sent only after its COMMIT).
 */
import type { FastifyReply } from 'fastify';
import { claimIssue } from '../claim/parse.js';
import type { ClaimErrorCode } from '../errors/codes.js';
import type { ClaimIssue } from '../errors/issue.js';
import type { MessageParams } from '../errors/messages.en.js';
import type { Lang } from '../i18n/lang.js';

/** A decided answer. */
export interface Answer {
  readonly status: number;
  /** The body, already text: JSON (a stored settlement is sent as it was stored) unless `type` says otherwise. */
  readonly json: string;
  /** The body's media type when it is not JSON (a settlement written in another output format). */
  readonly type?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * An answer with a JSON body.
 *
 * @example
 * answer(201, settlement)
 */
export function answer(status: number, body: unknown, headers?: Readonly<Record<string, string>>): Answer {
  return { status, json: JSON.stringify(body), headers };
}

/**
 * The documented error answer `{ errors: [{ code, path, message }] }`.
 *
 * @example
 * refusal(404, [claimIssue('not_found', 'id', { received: 'C1' })])
 */
export function refusal(
  status: number,
  errors: readonly ClaimIssue[],
  headers?: Readonly<Record<string, string>>,
): Answer {
  return answer(status, { errors }, headers);
}

/**
 * The error answer of one problem, its message from the library's tables in `lang`.
 *
 * @example
 * refuse(403, 'forbidden', 'authorization', { received: 'cashier', expected: 'admin' }, 'en')
 */
export function refuse(
  status: number,
  code: ClaimErrorCode,
  path: string,
  params: Omit<MessageParams, 'path'>,
  lang: Lang,
  headers?: Readonly<Record<string, string>>,
): Answer {
  return refusal(status, [claimIssue(code, path, params, lang)], headers);
}

/** A refusal raised where returning one is not possible (hooks, parameter readers): the error handler sends it. */
export class Refusal extends Error {
  constructor(readonly answer: Answer) {
    super(`refused with ${answer.status}`);
  }
}

/**
 * Sends an answer on a Fastify reply.
 *
 * @example
 * return send(reply, refuse(404, 'not_found', 'id', { received: id }, lang));
 */
export function send(reply: FastifyReply, a: Answer): FastifyReply {
  return reply
    .code(a.status)
    .headers(a.headers ?? {})
    .type(a.type ?? 'application/json; charset=utf-8')
    .send(a.json);
}
