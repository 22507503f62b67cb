/**
 * The claim's JSON Schema (draft 2020-12), generated from the zod schema the parser uses, for the
 * counties, areas and person categories of a rule book: what a billing system validates its
 * claims against before sending them (`bashunwei claims schema`, `schema/claim.schema.json` in the
 * package). It accepts and refuses exactly what the parser does (tested on generated and mutated
 * claims), but for the checks JSON Schema cannot say, which the parser does after it:
 * `admitted` not after `discharged`, the items' sum within 10^12 yuan, and the values of the
 * rule set in force on the discharge date (checked when the claim is settled).
 *
 * A number amount must be a multiple of 0.01: JSON Schema's `multipleOf` on the number as written
 * (the shortest decimal form; `1234.5` and `5e2` are amounts, `0.30000000000000004` is not).
 */
import { zod } from '../zod.js';
import { claimSchemaForJson } from './schema.js';
import type { ClaimVocabulary } from './vocabulary.js';

/**
 * The JSON Schema of a claim that may use the values of a vocabulary (the library's
 * `claimJsonSchema(book)` gives it a rule book's).
 *
 * @example
 * JSON.stringify(claimJsonSchemaOf(vocabulary), null, 2)
 */
export function claimJsonSchemaOf(vocabulary: ClaimVocabulary): Record<string, unknown> {
  const z = zod();
  const schema = z.toJSONSchema(claimSchemaForJson(vocabulary), {
    io: 'input',
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
  // Ours is the same draft's; it is written first.
  const { $schema: _draft, ...rest } = schema;
  const sets = vocabulary.periods?.map((s) => s.id).join(', ');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://bashunwei.example/schema/claim.schema.json',
    title: 'bashunwei claim (docs/claim.md)',
    description: `A claim as a billing system sends it${sets ? `, for the rule sets ${sets}` : ''}. Beyond this schema the parser checks that visit.admitted is not after visit.discharged and that the items add up to at most 10^12 yuan, and the settlement that county, hospital area and category are values of the rule set in force on the discharge date.`,
    ...rest,
    // A delivery names its mode (delivery_mode_required).
    allOf: [
      {
        if: {
          properties: { visit: { properties: { kind: { const: 'delivery' } }, required: ['kind'] } },
          required: ['visit'],
        },
        then: { properties: { visit: { required: ['deliveryMode'] } } },
      },
    ],
  };
}
