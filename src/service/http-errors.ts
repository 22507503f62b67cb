/**
 * Every error in the documented shape, those Fastify raises itself included: a body that is not
 * JSON or not UTF-8, too large (413), of another media type (415), an unknown route (404) or
 * method (405), a malformed URL or HTTP request (400). Fastify's own English `{ statusCode, error,
 * message }` never reaches a client.
 */
import type { FastifyError, FastifyRequest } from 'fastify';
import { ClaimErrorCode, type Lang } from '../index.js';
import { type Answer, Refusal, refuse } from './answer.js';
import { lenientLang } from './request-query.js';
import type { RouteTable } from './route-spec.js';
import { methodsOf, paramAt } from './route-table.js';
import { urlProblem } from './url-problem.js';
import { SERVICE_WORDS } from './words.js';
import { bytesIn } from '../i18n/say.js';

/**
 * The longest part of a path the router takes (a claim id is up to 128 characters, more once percent-encoded).
 *
 * @example
 * Fastify({ routerOptions: { maxParamLength: MAX_PARAM_LENGTH } })
 */
export const MAX_PARAM_LENGTH = 2048;

/**
 * What an error's answer depends on: the body limit, and the routes under their prefix.
 *
 * @example
 * { bodyLimit: 1 << 20, table: ROUTES, prefix: '/bashunwei' }
 */
export interface ErrorFrame {
  readonly bodyLimit: number;
  readonly table: RouteTable;
  readonly prefix: string;
}

/**
 * The answer to an error raised while handling `req`.
 *
 * @example
 * app.setErrorHandler((err, req, reply) => send(reply, answerForError(err, req, { bodyLimit, table: ROUTES, prefix: '' })));
 */
export function answerForError(err: FastifyError | Error, req: FastifyRequest, frame: ErrorFrame): Answer {
  if (err instanceof Refusal) return err.answer;
  // A URL the router refused has no query read yet: its ?lang= is read from the URL itself.
  const lang = lenientLang(req.query ?? Object.fromEntries(new URLSearchParams(req.url.split('?')[1] ?? '')));
  const words = SERVICE_WORDS[lang];
  const { bodyLimit } = frame;
  const code = (err as FastifyError).code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return refuse(
        415,
        ClaimErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'content-type',
        { expected: 'application/json', received: req.headers['content-type'] ?? '(none)' },
        lang,
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      // The size when the request said it (Content-Length); a body sent in chunks is cut at the limit.
      const length = req.headers['content-length'];
      const received = length !== undefined && /^\d+$/.test(length) ? bytesIn(lang, Number(length)) : undefined;
      return refuse(413, ClaimErrorCode.INPUT_TOO_LARGE, '', { received, detail: bytesIn(lang, bodyLimit) }, lang);
    }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return refuse(
        400,
        ClaimErrorCode.INVALID_JSON,
        '',
        { detail: SERVICE_WORDS[lang].emptyBody, expected: SERVICE_WORDS[lang].oneClaim },
        lang,
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return refuse(
        400,
        ClaimErrorCode.INVALID_PARAMETER,
        'content-length',
        { received: req.headers['content-length'] ?? '(none)' },
        lang,
      );
    case 'FST_ERR_BAD_URL':
      return badUrlAnswer(req, frame, lang);
    case 'FST_ERR_MAX_PARAM_LENGTH': {
      const longest = Math.max(
        ...req.url
          .split('?', 1)[0]!
          .split('/')
          .map((p) => p.length),
      );
      return refuse(
        414,
        ClaimErrorCode.INVALID_PARAMETER,
        'url',
        { expected: words.shortParts(MAX_PARAM_LENGTH), received: words.characters(longest) },
        lang,
      );
    }
    default: {
      const status = (err as FastifyError).statusCode ?? 500;
      if (status >= 400 && status < 500)
        return refuse(
          status,
          ClaimErrorCode.INVALID_PARAMETER,
          '',
          { subject: words.request, received: code ?? err.message },
          lang,
        );
      return refuse(500, ClaimErrorCode.INTERNAL_ERROR, '', {}, lang);
    }
  }
}

/**
 * The answer to a URL whose path does not decode: 400 `invalid_id` at the parameter when it is an
 * id holding a lone surrogate (as UTF-8: `%ED%A0%80`), else 400 at `url` saying what is wrong.
 */
function badUrlAnswer(req: FastifyRequest, frame: ErrorFrame, lang: Lang): Answer {
  const words = SERVICE_WORDS[lang];
  const path = req.url.split('?', 1)[0]!;
  const problem = urlProblem(path);
  const param = problem && paramAt(frame.table, path, problem.segment, frame.prefix);
  if (problem?.kind === 'surrogate' && param?.id)
    return refuse(400, ClaimErrorCode.INVALID_ID, param.name, { detail: words.received(problem.text) }, lang);
  return refuse(
    400,
    ClaimErrorCode.INVALID_PARAMETER,
    'url',
    {
      expected: problem?.kind === 'escape' ? words.urlEscapes : words.urlUtf8,
      received: JSON.stringify(path.slice(0, 200)),
    },
    lang,
  );
}

/**
 * The answer to a request no route takes: 405 with `Allow` when the path has other methods,
 * 404 otherwise.
 *
 * @example
 * app.setNotFoundHandler((req, reply) => send(reply, notFoundAnswer(req, '', ROUTES)));
 */
export function notFoundAnswer(req: FastifyRequest, prefix: string, table: RouteTable): Answer {
  const lang = lenientLang(req.query);
  const path = req.url.split('?', 1)[0]!;
  const methods = methodsOf(table, path, prefix);
  if (methods.length > 0) {
    const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
    return refuse(
      405,
      ClaimErrorCode.METHOD_NOT_ALLOWED,
      path,
      { received: req.method, expected: allow.join(', ') },
      lang,
      { allow: allow.join(', ') },
    );
  }
  return refuse(404, ClaimErrorCode.UNKNOWN_ROUTE, '', { received: `${req.method} ${path.slice(0, 200)}` }, lang);
}

/**
 * The raw HTTP answer to a request Node's parser could not read (no route, no Fastify reply):
 * 400 (431 for headers too large, 408 for a request too slow), in the documented shape, in Chinese.
 *
 * @example
 * Fastify({ clientErrorHandler: (err, socket) => socket.end(clientErrorResponse(err)) })
 */
export function clientErrorResponse(err: NodeJS.ErrnoException): string {
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const reason =
    status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  const words = SERVICE_WORDS['zh-CN'];
  const body = refuse(
    status,
    ClaimErrorCode.INVALID_PARAMETER,
    '',
    { subject: words.request, expected: words.http, received: err.code ?? 'malformed request' },
    'zh-CN',
  ).json;
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}
