/**
 * The query of a request, read strictly: `lang` (zh-CN by default) and the parameters the route
 * takes, each at most once; an unknown parameter is refused rather than ignored (a misspelt
 * `?lnag=en` must not silently answer in Chinese).
 */
import { ClaimErrorCode, DEFAULT_LANG, isLang, type Lang, LANGS } from '../index.js';
import { Refusal, refuse } from './answer.js';
import { SERVICE_WORDS } from './words.js';

/** The language of `?lang=`, or Chinese when it is absent or not one of ours (for error messages). */
export function lenientLang(query: unknown): Lang {
  const l = (query as Record<string, unknown> | undefined)?.lang;
  return typeof l === 'string' && isLang(l) ? l : DEFAULT_LANG;
}

/**
 * Reads the query: the language, and each allowed parameter present (as text).
 *
 * @example
 * readQuery({ lang: 'en', since: '3-14' }, ['since', 'limit']) // { lang: 'en', values: { since: '3-14' } }
 */
export function readQuery(query: unknown, allowed: readonly string[]): { lang: Lang; values: Record<string, string> } {
  const q = (query ?? {}) as Record<string, unknown>;
  const raw = q.lang;
  const lang = lenientLang(q);
  if (raw !== undefined && (typeof raw !== 'string' || !isLang(raw))) {
    throw new Refusal(
      refuse(
        400,
        ClaimErrorCode.INVALID_PARAMETER,
        'lang',
        { expected: LANGS.join(', '), received: JSON.stringify(raw) },
        lang,
      ),
    );
  }
  const values: Record<string, string> = {};
  for (const [name, v] of Object.entries(q)) {
    if (name === 'lang') continue;
    if (!allowed.includes(name)) {
      const expected = ['lang', ...allowed].join(', ');
      throw new Refusal(
        refuse(
          400,
          ClaimErrorCode.INVALID_PARAMETER,
          name,
          { expected: SERVICE_WORDS[lang].absent(expected), received: JSON.stringify(v) },
          lang,
        ),
      );
    }
    if (typeof v !== 'string')
      throw new Refusal(
        refuse(
          400,
          ClaimErrorCode.INVALID_PARAMETER,
          name,
          { expected: SERVICE_WORDS[lang].once, received: JSON.stringify(v) },
          lang,
        ),
      );
    values[name] = v;
  }
  return { lang, values };
}
