/**
 * The claim's JSON Schema for the values of a rule book (`bashunwei claims schema`,
 * `schema/claim.schema.json`): see claim/json-schema.ts for what it says and what it cannot.
 */
import { claimJsonSchemaOf } from '../claim/json-schema.js';
import { type RuleBook, claimVocabulary } from './book.js';
import { defaultRules } from './embedded.js';

/**
 * The JSON Schema of a claim of the rule book (the embedded rules by default).
 *
 * @example
 * JSON.stringify(claimJsonSchema(), null, 2)
 */
export function claimJsonSchema(book: RuleBook = defaultRules()): Record<string, unknown> {
  return claimJsonSchemaOf(claimVocabulary(book));
}
