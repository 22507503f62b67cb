/**
 * The zod schemas of what the service answers, beside the library's own schema of the claim:
 * the OpenAPI document is generated from them (z.toJSONSchema), and the tests hold real answers
 * to them, so the description cannot drift from what is sent. Built on first use with the
 * library's zod (src/zod.ts), so that the claim's schema and these are of one zod.
 */
import { claimSchemaForJson } from '../claim/schema.js';
import { claimVocabulary } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';
import { ClaimErrorCode, LANGS } from '../index.js';
import { lazily, zod } from '../zod.js';
import { ROLES } from './roles.js';

/**
 * The schemas of the document, by component name: the library's claim and the service's answers.
 *
 * @example
 * apiSchemas().Settlement.parse(body)
 */
export const apiSchemas = lazily(() => {
  const z = zod();
  const money = z
    .string()
    .regex(/^\d+\.\d{2}$/)
    .describe('An amount in yuan with exactly two decimals ("1234.50").');
  const signedMoney = z
    .string()
    .regex(/^-?\d+\.\d{2}$/)
    .describe('A difference in yuan with exactly two decimals, negative when it went down.');

  /** A year-to-date ledger: the library's state, whose fields belong to the rule set and may change with it. */
  const ledger = z
    .record(z.string(), z.unknown())
    .describe(
      "The person-year's year-to-date state after this claim, as the library writes it: in a settlement its counters and how many claims it holds (settlementLedgerToJson), in GET /ledgers the year ledger with its claim ids (yearLedgerToJson, read back with parseYearLedgerJson).",
    );

  const line = z.strictObject({
    tier: z.int().min(0),
    id: z.string(),
    label: z.string(),
    amount: money,
    clause: z.string(),
    explanation: z.string(),
    funds: z
      .record(z.string(), money)
      .optional()
      .describe('Tier 8 only: the relief funds that paid more than 0, in the order they paid.'),
  });

  /** The settlement of a claim (docs/claim.md, "The settlement"). */
  const settlementSchema = z.strictObject({
    claimId: z.string(),
    personId: z.string(),
    rules: z.strictObject({ id: z.string(), version: z.string() }),
    total: money,
    hospitalAbsorbed: money,
    billable: money,
    lines: z.array(line),
    personal: money,
    personalShare: z.string().regex(/^\d+\.\d{4}$/),
    target: z.strictObject({ personalMax: money, met: z.boolean() }).nullable(),
    ledger,
  });

  const status = z.enum(['settled', 'reversed']);
  const cursor = z
    .string()
    .regex(/^\d+-\d+$/)
    .describe('A position in the journal: pass it back as `since`.');
  const at = z.string().describe('ISO 8601 date-time (UTC).');

  /** One journal entry. */
  const journalEntrySchema = z.strictObject({
    cursor,
    at,
    keyId: z.string().describe('The id of the API key that made the request (never the key).'),
    action: z.enum(['settle', 'reverse', 'resettle']),
    claimId: z.string(),
    personId: z.string(),
    year: z.int(),
    versionBefore: z.int().nullable(),
    versionAfter: z.int(),
    cause: z.string().nullable().describe('For a re-settlement: the claim whose reversal caused it.'),
  });

  /** `GET /claims/{id}`. */
  const claimHistorySchema = z.strictObject({
    claimId: z.string(),
    personId: z.string(),
    year: z.int(),
    status,
    version: z.int().min(1),
    settlement: settlementSchema.nullable().describe('The current settlement (null once reversed).'),
    claim: z.record(z.string(), z.unknown()).describe('The claim as it was received (see Claim).'),
    versions: z
      .array(
        z.strictObject({
          version: z.int().min(1),
          status,
          action: journalEntrySchema.shape.action,
          at,
          keyId: z.string(),
          journal: cursor,
          cause: z.string().nullable(),
          settlement: settlementSchema.nullable(),
        }),
      )
      .describe('Every version, the first (the settlement answered) first.'),
  });

  /** `POST /claims/{id}/reverse`. */
  const reversalSchema = z.strictObject({
    reversed: z.string(),
    version: z.int().min(2).describe('The version of the reversed claim that records its reversal.'),
    at,
    keyId: z.string(),
    resettled: z.array(
      z.strictObject({
        claimId: z.string(),
        version: z.int().min(2),
        difference: z.strictObject({
          lines: z.record(z.string(), signedMoney).describe('after − before, per tier that changed.'),
          personal: signedMoney,
        }),
        settlement: settlementSchema,
      }),
    ),
    ledger,
  });

  /** `GET /ledgers/{person}/{year}`. */
  const ledgerStateSchema = z.strictObject({
    personId: z.string(),
    year: z.int(),
    version: z.int().min(1),
    claims: z.array(z.string()).describe('The settled claims of the person-year, in the order they were settled.'),
    ledger,
  });

  /** `GET /journal`. */
  const journalPageSchema = z.strictObject({
    entries: z.array(journalEntrySchema),
    next: z.string().describe('Pass it as `since` for the entries after these (the same value when there were none).'),
  });

  /** Every error answer. */
  const errorsSchema = z.strictObject({
    errors: z
      .array(
        z.strictObject({
          code: z.enum(Object.values(ClaimErrorCode) as [ClaimErrorCode, ...ClaimErrorCode[]]),
          path: z
            .string()
            .describe(
              'Where: a field of the claim (items[2].amount), a part of the URL (year), a query parameter (since), a header (authorization); "" for the whole request.',
            ),
          message: z.string().describe(`In Chinese, or in the language of ?lang= (${LANGS.join(', ')}).`),
        }),
      )
      .min(1),
  });

  /** `GET /healthz`, `GET /readyz`. */
  const healthSchema = z.strictObject({
    status: z.enum(['ok', 'ready']),
    database: z.enum(['sqlite', 'postgres']).optional(),
  });

  return {
    // The claim as the embedded rules (which the service settles by) accept it: the same schema as
    // `bashunwei claims schema`.
    Claim: claimSchemaForJson(claimVocabulary(defaultRules())),
    Settlement: settlementSchema,
    ClaimHistory: claimHistorySchema,
    Reversal: reversalSchema,
    LedgerState: ledgerStateSchema,
    JournalEntry: journalEntrySchema,
    JournalPage: journalPageSchema,
    Errors: errorsSchema,
    Health: healthSchema,
    Role: z
      .enum(ROLES)
      .describe('The role of an API key: cashier settles and reads, auditor reads, admin does all and reverses.'),
  };
});
