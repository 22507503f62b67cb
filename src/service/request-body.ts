/**
 * The body of a request as text: the service reads the body as bytes (install-service.ts) and
 * hands the text to the library's reader, which checks its JSON itself (a key written twice is
 * refused as `bashunwei settle` refuses it).
 */
import type { FastifyRequest } from 'fastify';
import { ClaimErrorCode, type Lang } from '../index.js';
import { Refusal, refuse } from './answer.js';
import { SERVICE_WORDS } from './words.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text: strict UTF-8 (a charset other than UTF-8 is refused, 415); no body is ''.
 *
 * @example
 * const text = bodyText(req, 'zh-CN');
 */
export function bodyText(req: FastifyRequest, lang: Lang): string {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    throw new Refusal(
      refuse(
        415,
        ClaimErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'content-type',
        { expected: SERVICE_WORDS[lang].utf8, received: req.headers['content-type'] },
        lang,
      ),
    );
  }
  if (req.body === undefined || req.body === null) return '';
  try {
    return UTF8.decode(req.body as Buffer);
  } catch (e) {
    throw new Refusal(refuse(400, ClaimErrorCode.INVALID_UTF8, '', { detail: (e as Error).message }, lang));
  }
}
