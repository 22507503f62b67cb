/**
 * What an id may hold: printable text. A control character (U+0000–U+001F, U+007F) or a lone
 * surrogate (half of a UTF-16 pair) is refused wherever an id enters (claims, the service's URLs):
 * PostgreSQL refuses U+0000 in text, and a lone surrogate is stored as another id (U+FFFD on
 * PostgreSQL, invalid UTF-8 on SQLite) that no URL can name again (docs/claim.md, "Errors").
 */
import type { Lang } from '../i18n/lang.js';
import { say } from '../i18n/say.js';

/** Why a text cannot be an id. */
export type IdProblem = 'control-character' | 'lone-surrogate';

/** The first character that an id may not hold: what it is and its index (UTF-16 code units). */
function firstBadCharacter(text: string): { readonly problem: IdProblem; readonly at: number } | undefined {
  // Stryker disable next-line EqualityOperator: one step past the end reads NaN (charCodeAt), which is neither a control character nor a surrogate
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return { problem: 'control-character', at: i };
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate followed by a low one is a pair (one character beyond U+FFFF); anything else is lone.
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else return { problem: 'lone-surrogate', at: i };
    }
  }
  return undefined;
}

/**
 * Why `text` cannot be an id, or undefined when it can.
 *
 * @example
 * idProblem('C-1') // undefined
 * idProblem('C\u0000') // "control-character"
 * idProblem('SUR\ud800') // "lone-surrogate"
 */
export function idProblem(text: string): IdProblem | undefined {
  return firstBadCharacter(text)?.problem;
}

/**
 * What is wrong with an id and where, in the reader's language (the `detail` of `invalid_id`), or
 * undefined when it is a valid id. Positions count UTF-16 code units from 1, as JSON's escapes
 * (`\u0000`, `\ud800`) do.
 *
 * @example
 * idProblemDetail('C\u0000', 'en') // "U+0000 at character 2"
 * idProblemDetail('SUR\ud800', 'en') // "U+D800 at character 4"
 */
export function idProblemDetail(text: string, lang?: Lang): string | undefined {
  const bad = firstBadCharacter(text);
  if (!bad) return undefined;
  const code = `U+${text.charCodeAt(bad.at).toString(16).toUpperCase().padStart(4, '0')}`;
  return say(lang, { zh: `第 ${bad.at + 1} 个字符 ${code}`, en: `${code} at character ${bad.at + 1}` });
}

/**
 * An id as a JSON Schema `pattern` (ECMA-262 with the `u` flag, as JSON Schema validators compile
 * patterns): no control character, no lone surrogate (a pair is one code point beyond U+FFFF).
 *
 * @example
 * new RegExp(ID_PATTERN, 'u').test('C-1') // true
 */
export const ID_PATTERN = '^[^\\u0000-\\u001F\\u007F\\uD800-\\uDFFF]*$';
