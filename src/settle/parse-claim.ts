/**
 * The library's claim readers: the claim layer's readers given the vocabulary of a rule book (the
 * embedded rules unless the caller names a book or the values themselves).
 */
import type { Claim } from '../claim/claim.js';
import { readClaim, readClaimText } from '../claim/parse.js';
import type { ClaimVocabulary } from '../claim/vocabulary.js';
import type { ClaimIssue, Result } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import { type RuleBook, claimVocabulary } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';

/** Options of the claim readers. */
export interface ReadOptions {
  /** The language of error messages (default zh-CN). */
  readonly lang?: Lang;
  /** The rule book whose counties, areas and person categories a claim may use (default: the embedded rules). */
  readonly rules?: RuleBook;
  /** Or those values directly (a simulation reads claims for several rule books at once). */
  readonly vocabulary?: ClaimVocabulary;
  /** The text is one request's body, not a line of a file: a message about invalid JSON asks for one claim (not one per line). */
  readonly single?: boolean;
}

const withVocabulary = (o: ReadOptions) => ({
  lang: o.lang,
  single: o.single,
  vocabulary: o.vocabulary ?? claimVocabulary(o.rules ?? defaultRules()),
});

/**
 * Validates one claim (already parsed from JSON) and fills in the contract's defaults.
 *
 * @example
 * const r = parseClaim(JSON.parse(text));
 * if (r.ok) settleClaim(r.value, options);
 * else console.error(r.errors[0].code, r.errors[0].path);
 */
export function parseClaim(input: unknown, options: ReadOptions = {}): Result<Claim, ClaimIssue> {
  return readClaim(input, withVocabulary(options));
}

/**
 * Validates one claim from its JSON text: refuses text that is not JSON and keys written twice
 * (which `JSON.parse` would silently resolve to the last), then validates as {@link parseClaim}.
 *
 * @example
 * parseClaimText('{"id": "C1", "id": "C2", …}') // fails: duplicate_field at id
 */
export function parseClaimText(text: string, options: ReadOptions = {}): Result<Claim, ClaimIssue> {
  return readClaimText(text, withVocabulary(options));
}
