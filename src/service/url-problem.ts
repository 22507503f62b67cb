/**
 * What is wrong with the path of a URL the router could not read (Fastify's FST_ERR_BAD_URL): a
 * `%` that does not start an escape of two hexadecimal digits, escapes whose bytes are not UTF-8,
 * or, among those, the UTF-8 form of a lone surrogate (`%ED%A0%80` is U+D800, half of a pair,
 * which no id may hold: docs/claim.md, "Errors").
 */

/**
 * Why a part of a path cannot be read.
 *
 * @example
 * urlProblem('/claims/%FF')?.kind // "utf8"
 */
export type UrlProblemKind = 'escape' | 'utf8' | 'surrogate';

/**
 * The first part of a path that cannot be read, and why.
 *
 * @example
 * { segment: 2, text: 'SUR%ED%A0%80', kind: 'surrogate' }
 */
export interface UrlProblem {
  /** Its index among the path's parts split at `/` (0 is the empty part before the first `/`). */
  readonly segment: number;
  /** The part as it was sent (percent-encoded). */
  readonly text: string;
  readonly kind: UrlProblemKind;
}

/**
 * The first part of `path` that does not decode, or undefined when every part does.
 *
 * @example
 * urlProblem('/claims/SUR%ED%A0%80') // { segment: 2, text: 'SUR%ED%A0%80', kind: 'surrogate' }
 * urlProblem('/claims/%E0%A4%A')     // { segment: 2, text: '%E0%A4%A', kind: 'escape' }
 */
export function urlProblem(path: string): UrlProblem | undefined {
  const parts = path.split('/');
  for (const [segment, text] of parts.entries()) {
    try {
      decodeURIComponent(text);
      continue;
    } catch {
      // this part is the problem
    }
    if (/%(?![0-9a-f]{2})/i.test(text)) return { segment, text, kind: 'escape' };
    const bytes = [...text.matchAll(/%([0-9a-f]{2})/gi)].map(([, h]) => Number.parseInt(h!, 16));
    // U+D800–U+DFFF written the UTF-8 way: ED A0–BF xx.
    const surrogate = bytes.some((b, i) => b === 0xed && (bytes[i + 1] ?? 0) >= 0xa0 && (bytes[i + 1] ?? 0) <= 0xbf);
    return { segment, text, kind: surrogate ? 'surrogate' : 'utf8' };
  }
  return undefined;
}
