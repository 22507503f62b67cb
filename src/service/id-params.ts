/**
 * The ids of a URL, checked before anything reads them: a path parameter that is an id (one whose
 * schema the route's `doc.params` does not give: `id`, `person`) holding a control character
 * (`%00`, `%01`, `%7F` …) is refused with 400 `invalid_id` at the parameter, as the claim reader
 * refuses it in a body (docs/claim.md, "Errors"). PostgreSQL cannot hold U+0000 in text at all,
 * and an id no claim may have is never looked up. (A lone surrogate cannot reach a route: its
 * UTF-8 form, `%ED%A0%80`, is not UTF-8, and the router refuses the URL; http-errors.ts answers it
 * `invalid_id` as well.)
 */
import { idProblem } from '../claim/id-text.js';
import { ClaimErrorCode, type Lang } from '../index.js';
import { type Answer, refuse } from './answer.js';
import type { RouteSpec } from './route-spec.js';
import { SERVICE_WORDS } from './words.js';

/**
 * The refusal of the first id parameter of `params` that no id may be, or undefined.
 *
 * @example
 * idParamsRefusal(ROUTES.claim, { id: 'C\u0000' }, 'en')?.status // 400
 */
export function idParamsRefusal(spec: RouteSpec, params: unknown, lang: Lang): Answer | undefined {
  const values = (params ?? {}) as Record<string, string>;
  for (const [, name] of spec.url.matchAll(/:(\w+)/g)) {
    if (spec.doc.params?.[name!] !== undefined) continue;
    const value = values[name!] ?? '';
    if (idProblem(value) !== undefined)
      return refuse(
        400,
        ClaimErrorCode.INVALID_ID,
        name!,
        { detail: SERVICE_WORDS[lang].received(JSON.stringify(value.slice(0, 40))) },
        lang,
      );
  }
  return undefined;
}
