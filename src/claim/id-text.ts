/**
 * What an id may hold: printable text. A control character (U+0000–U+001F, U+007F) or a lone
 * surrogate (half of a UTF-16 pair) is refused wherever an id enters (claims, the service's URLs):
 * PostgreSQL refuses U+0000 in text, and a lone surrogate is stored as another id (U+FFFD on
 * PostgreSQL, invalid UTF-8 on SQLite) that no URL can name again (docs/claim.md, "Errors").
 */

/** Why a text cannot be an id. */
export type IdProblem = 'control-character' | 'lone-surrogate';

/**
 * Why `text` cannot be an id, or undefined when it can.
 *
 * @example
 * idProblem('C-1') // undefined
 * idProblem('C\u0000') // "control-character"
 * idProblem('SUR\ud800') // "lone-surrogate"
 */
export function idProblem(text: string): IdProblem | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return 'control-character';
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate followed by a low one is a pair (one character beyond U+FFFF); anything else is lone.
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'lone-surrogate';
    }
  }
  return undefined;
}
