/**
 * zod schemas of the rule-file format: one per scheme file, and one for tier files (the header
 * every tier has, and the parameters of the kind it names). Strict objects throughout: a
 * misplaced key is an error, never ignored. The TypeScript shapes are in rules/format.ts.
 */
import type { z as Z } from 'zod';
import { KIND_NAMES, KINDS } from '../kinds/kind-list.js';
import { lazily, zod, type ZodApi } from '../zod.js';
import { LOCATION_CLASSES, NHSA_FIELDS, PAYER_KINDS } from '../rule-files/types.js';
import { type SchemaParts, schemaParts } from '../rule-files/schema-parts.js';

/** The names of the scheme files that have a schema of their own, and the one schema of tier files. */
export const RULE_FILE_SCHEMA_NAMES = [
  'ruleset.json',
  'jurisdiction.json',
  'persons.json',
  'location.json',
  'bill.json',
  'premium.json',
  'illness-poverty.json',
  'tier.json',
] as const;
/** A name of {@link RULE_FILE_SCHEMA_NAMES}. */
export type RuleFileSchemaName = (typeof RULE_FILE_SCHEMA_NAMES)[number];

/** The zod schema of each kind of rule file, by name (`tier.json` for every `tiers/<id>.json`). */
export type RuleFileSchemas = Readonly<Record<RuleFileSchemaName, Z.ZodType>>;

/**
 * Builds the schemas with the zod namespace it is given. Most callers want {@link ruleFileSchemas}.
 *
 * @example
 * buildRuleFileSchemas(z)['persons.json'].parse(json)
 */
export function buildRuleFileSchemas(z: ZodApi): RuleFileSchemas {
  const p = schemaParts(z);
  const header = { $schema: z.string().optional(), $comment: z.string().optional() };
  return {
    'ruleset.json': z.strictObject({
      ...header,
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
      title: z.string().min(1),
      titleEn: z.string().min(1).optional(),
      reference: z.string().min(1),
      extends: z.string().min(1).optional(),
      inForce: z
        .strictObject({ from: p.date, to: p.date.optional(), clause: z.string().min(1), ...p.provenance })
        .superRefine(p.checkVerified),
      tiers: z
        .strictObject({ clause: z.string().min(1), ...p.provenance, order: z.array(p.id).min(1) })
        .superRefine(p.checkVerified),
      patches: z.record(z.string().min(1), z.record(z.string(), z.unknown())).optional(),
    }),
    'jurisdiction.json': z
      .strictObject({
        ...header,
        clause: z.string().min(1),
        ...p.provenance,
        counties: p
          .keyed(z.strictObject(p.labels))
          .refine((r) => Object.keys(r).length > 0, 'needs at least one county'),
        elsewhere: p.keyed(z.strictObject({ ...p.labels, location: z.enum(['in-province', 'out-of-province']) })),
      })
      .superRefine(p.checkVerified),
    'persons.json': z
      .strictObject({
        ...header,
        clause: z.string().min(1),
        ...p.provenance,
        categories: p
          .keyed(z.strictObject({ ...p.labels, group: p.id }))
          .refine((r) => Object.keys(r).length > 0, 'needs at least one category'),
        groups: p.keyed(z.strictObject(p.labels)),
        protected: p.gate,
      })
      .superRefine(p.checkVerified),
    'location.json': z.strictObject({
      ...header,
      overrides: p.keyed(
        z.strictObject({ ...p.gateKeys, location: z.enum(LOCATION_CLASSES), level: p.id }).superRefine(p.checkVerified),
      ),
      levels: p.keyed(p.gate),
    }),
    'bill.json': z.strictObject({
      ...header,
      settled: p.gate,
      hospitalAbsorbed: p.keyed(p.gate),
      bSelfPay: z
        .strictObject({ clause: z.string().min(1), ...p.provenance, values: z.record(p.date, p.ratio) })
        .superRefine(p.checkVerified),
    }),
    'premium.json': z.strictObject({
      ...header,
      clause: z.string().min(1),
      perPerson: p.param(p.amount),
      cityShare: p.keyed(p.param(p.ratio)),
    }),
    'illness-poverty.json': z.strictObject({
      ...header,
      clause: z.string().min(1),
      spendShare: p.param(p.ratio),
      lowIncomeLine: p.param(p.amount),
    }),
    'tier.json': tierSchema(z, p),
  };
}

/** A tier file: the header, and the parameters of its kind (one schema per kind, chosen by `kind`). */
function tierSchema(z: ZodApi, p: SchemaParts): Z.ZodType {
  const header = {
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    tier: z.number().int().min(0).max(99),
    id: p.id,
    ...p.labels,
    labelShort: z.string().min(1).optional(),
    clause: z.string().min(1),
    payer: z.enum(PAYER_KINDS),
    nhsa: z
      .strictObject({
        field: z.enum(NHSA_FIELDS),
        fundType: z
          .string()
          .regex(/^\d{6}$/, 'a fund_pay_type code is six digits')
          .optional(),
        fundTypeName: z.string().min(1).optional(),
        funds: p
          .keyed(
            z.strictObject({
              fundType: z.string().regex(/^\d{6}$/, 'a fund_pay_type code is six digits'),
              fundTypeName: z.string().min(1),
            }),
          )
          .optional(),
        ...p.provenance,
      })
      .superRefine(p.checkVerified)
      .refine(
        (n) => n.field === 'hosp_part_amt' || n.fundType !== undefined || n.funds !== undefined,
        'a payment to a fund field needs its fundType (or, for a top-up, funds)',
      )
      .optional(),
    listed: z.enum(['always', 'when-applies']).optional(),
    applies: p.gate,
    parameters: p.keyed(p.param(p.amount)).optional(),
  };
  const variants = KINDS.map((k) => z.strictObject({ ...header, kind: z.literal(k.name), ...k.shape(z, p) }));
  // An unknown kind names the vocabulary, rather than zod's words about discriminators.
  const kinds = KIND_NAMES.join(', ');
  return z.discriminatedUnion('kind', variants as unknown as Parameters<typeof z.discriminatedUnion>[1], {
    error: (iss) => {
      if (iss.code !== 'invalid_union') return undefined;
      const kind =
        typeof iss.input === 'object' && iss.input !== null ? (iss.input as { kind?: unknown }).kind : undefined;
      return kind === undefined
        ? `a tier file names its kind: one of ${kinds}`
        : `kind must be one of ${kinds} (README, "Schemes as data"), not ${JSON.stringify(kind)}`;
    },
  });
}

/**
 * The zod schema of each kind of rule file (built on first use).
 *
 * @example
 * ruleFileSchemas()['persons.json'].safeParse(json)
 */
export const ruleFileSchemas: () => RuleFileSchemas = lazily(() => buildRuleFileSchemas(zod()));

/**
 * The schema a file of a rule folder is checked with, or `undefined` when the format has no such
 * file (`tiers/<id>.json` are tier files).
 *
 * @example
 * schemaNameOf('tiers/basic-insurance.json') // "tier.json"
 */
export function schemaNameOf(file: string): RuleFileSchemaName | undefined {
  if (/^tiers\/[a-z][a-z0-9-]*\.json$/.test(file)) return 'tier.json';
  return (RULE_FILE_SCHEMA_NAMES as readonly string[]).includes(file) && file !== 'tier.json'
    ? (file as RuleFileSchemaName)
    : undefined;
}
