/**
 * zod schemas of the rule-file format: one schema per file of a rule folder. Every number is a
 * dated parameter with provenance; every condition carries its clause. Strict objects throughout:
 * a misplaced key is an error, never ignored.
 */
import type { z as Z } from 'zod';
import { lazily, zod, type ZodApi } from '../zod.js';
import { isCalendarDate } from '../claim/schema.js';
import { LOCATIONS, PARAMETER_LEVELS } from '../claim/enums.js';
import { OPERATORS, type Condition } from './conditions.js';
import { RuleErrorCode } from '../errors/codes.js';
import { MAX_RATIO_DECIMALS } from '../money/ratio.js';

const DECIMAL = new RegExp(`^\\d{1,15}(\\.\\d{1,${MAX_RATIO_DECIMALS}})?$`);
const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;

const FUND_IDS = ['emergency-relief', 'charity-care', 'health-poverty-relief', 'major-disease-charity'] as const;

/**
 * Builds the schemas with the zod namespace it is given (zod is loaded on first use: src/zod.ts).
 * Everything in here is zod; the constants and types of the format are outside. Most callers want
 * {@link ruleFileSchemas}, built once.
 *
 * @example
 * buildRuleFileSchemas(z)['persons.json'].parse(json)
 */
export function buildRuleFileSchemas(z: ZodApi) {
  const date = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD');
  /** A ratio in [0, 1] written as a decimal string. */
  const ratio = z
    .string({ error: 'a ratio is written as a decimal string, like "0.55"' })
    .regex(DECIMAL, `must be a decimal string with at most ${MAX_RATIO_DECIMALS} decimals, like "0.55"`)
    .refine((s) => Number(s) <= 1, 'a ratio must lie in [0, 1]');
  /** An amount in yuan written as a string with at most two decimals. */
  const amount = z.string({ error: 'an amount is written as a string of yuan, like "400" or "0.50"' }).regex(AMOUNT, 'must be an amount in yuan as a string with at most two decimals, like "400" or "0.50"');

  const source = z.enum(['seed', 'assumed']);

  const provenance = {
    source,
    verified: z.boolean().optional(),
    description: z.string().optional(),
    note: z.string().optional(),
  };

  function checkVerified(v: { source: 'seed' | 'assumed'; verified?: boolean | undefined }, ctx: Z.core.$RefinementCtx): void {
    if (v.source === 'assumed' && v.verified !== false) {
      ctx.addIssue({
        code: 'custom',
        path: ['verified'],
        params: { code: RuleErrorCode.UNVERIFIED_FLAG },
        message: 'an assumed value must say "verified": false until a region confirms it',
      });
    }
  }

  /* A dated parameter: `values` maps the first discharge date a value applies to onto the value. */
  function param<T extends Z.ZodType>(value: T) {
    return z
      .strictObject({ ...provenance, values: z.record(date, value).refine((r) => Object.keys(r).length > 0, 'needs at least one dated value') })
      .superRefine(checkVerified);
  }

  /* The zod schema of a condition tree (json-rules-engine format). */
  const conditionSchema: Z.ZodType<Condition> = z.lazy(() =>
    z.union([
      z.strictObject({ all: z.array(conditionSchema) }),
      z.strictObject({ any: z.array(conditionSchema) }),
      z.strictObject({ not: conditionSchema }),
      z.strictObject({ fact: z.string(), operator: z.enum(OPERATORS), value: z.unknown() }),
    ]),
  ) as Z.ZodType<Condition>;

  /** Top level of a condition: json-rules-engine requires `all`, `any` or `not` there. */
  const topCondition = z.union([
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
  ]) as Z.ZodType<Condition>;

  /** A condition with its clause and provenance. */
  const gate = z
    .strictObject({ clause: z.string().min(1), ...provenance, when: topCondition })
    .superRefine(checkVerified);

  /** A poverty adjustment that halves (or otherwise scales) a deductible and raises ratios. */
  const povertyWithDeductible = z
    .strictObject({ clause: z.string().min(1), ...provenance, when: topCondition, deductibleFactor: param(ratio), ratioAdd: param(ratio) })
    .superRefine(checkVerified);

  const fileHeader = { $schema: z.string().optional(), $comment: z.string().optional() };

  const tierHeader = <N extends number, I extends string>(tier: N, id: I) => ({
    ...fileHeader,
    tier: z.literal(tier),
    id: z.literal(id),
    label: z.string().min(1),
    clause: z.string().min(1),
    applies: gate,
  });

  const fundId = z.enum(FUND_IDS);

  return {
    'ruleset.json': z.strictObject({
      ...fileHeader,
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
      title: z.string().min(1),
      reference: z.string().min(1),
      inForce: z.strictObject({ from: date, to: date, clause: z.string().min(1), ...provenance }).superRefine(checkVerified),
      order: z.strictObject({ clause: z.string().min(1), ...provenance, tiers: z.array(z.string()) }).superRefine(checkVerified),
    }),
    'persons.json': z.strictObject({ ...fileHeader, protected: gate }),
    'location.json': z.strictObject({
      ...fileHeader,
      overrides: z.array(
        z
          .strictObject({ id: z.string().min(1), clause: z.string().min(1), ...provenance, when: topCondition, location: z.enum(LOCATIONS), level: z.enum(PARAMETER_LEVELS) })
          .superRefine(checkVerified),
      ),
      levels: z.array(
        z.strictObject({ level: z.enum(PARAMETER_LEVELS), clause: z.string().min(1), ...provenance, when: topCondition }).superRefine(checkVerified),
      ),
    }),
    'bill.json': z.strictObject({
      ...fileHeader,
      settled: gate,
      hospitalAbsorbed: z.array(
        z.strictObject({ id: z.string().min(1), clause: z.string().min(1), ...provenance, when: topCondition }).superRefine(checkVerified),
      ),
      bSelfPay: z.strictObject({ clause: z.string().min(1), ...provenance, values: z.record(date, ratio) }).superRefine(checkVerified),
    }),
    'tier-0-maternal-subsidy.json': z.strictObject({
      ...tierHeader(0, 'maternal-subsidy'),
      excess: z
        .strictObject({
          clause: z.string().min(1),
          ...provenance,
          when: topCondition,
          limit: z.strictObject({ vaginal: param(amount), cesarean: param(amount) }),
          funds: z.array(fundId).min(1),
        })
        .superRefine(checkVerified),
      subsidy: z
        .strictObject({ clause: z.string().min(1), ...provenance, when: topCondition, amount: z.strictObject({ vaginal: param(amount), cesarean: param(amount) }) })
        .superRefine(checkVerified),
    }),
    'tier-1-hospital-waiver.json': z.strictObject({ ...tierHeader(1, 'hospital-waiver'), rate: param(ratio) }),
    'tier-2-basic-insurance.json': z.strictObject({
      ...tierHeader(2, 'basic-insurance'),
      tables: z
        .array(
          z
            .strictObject({
              id: z.string().min(1),
              label: z.string().min(1),
              clause: z.string().min(1),
              ...provenance,
              when: topCondition,
              deductibleBasis: z.enum(['per-claim', 'per-year']),
              capPool: z.string().min(1),
              povertyAdjusted: z.boolean(),
              deductible: param(amount),
              ratio: param(ratio),
            })
            .superRefine(checkVerified),
        )
        .min(1),
      annualCaps: z.record(z.string().min(1), param(amount)),
      poverty: povertyWithDeductible,
    }),
    'tier-3-serious-illness-insurance.json': z.strictObject({
      ...tierHeader(3, 'serious-illness-insurance'),
      deductible: param(amount),
      brackets: param(z.array(z.strictObject({ upTo: amount.nullable(), ratio })).min(1)),
      annualCap: param(amount),
      poverty: povertyWithDeductible,
    }),
    'tier-4-supplementary-insurance.json': z.strictObject({
      ...tierHeader(4, 'supplementary-insurance'),
      ratio: param(ratio),
      annualCap: param(amount),
      poverty: z.strictObject({ clause: z.string().min(1), ...provenance, when: topCondition, ratioAdd: param(ratio) }).superRefine(checkVerified),
    }),
    'tier-5-tilt-payment.json': z.strictObject({ ...tierHeader(5, 'tilt-payment'), ratio: param(ratio) }),
    'tier-6-special-supplementary-insurance.json': z.strictObject({
      ...tierHeader(6, 'special-supplementary-insurance'),
      inScopeShare: param(ratio),
      necessaryShare: param(ratio),
    }),
    'tier-7-medical-assistance.json': z.strictObject({
      ...tierHeader(7, 'medical-assistance'),
      base: z
        .strictObject({ clause: z.string().min(1), ...provenance, parts: z.array(z.enum(['in-scope-left', 'b-self-pay', 'necessary-left', 'other-left'])).min(1) })
        .superRefine(checkVerified),
      ratio: param(ratio),
      annualLimit: param(amount),
    }),
    'tier-8-relief-funds.json': z.strictObject({
      ...tierHeader(8, 'relief-funds'),
      funds: z.array(z.strictObject({ id: fundId, label: z.string().min(1) })).min(1),
      targets: z.array(
        z.union([
          z.strictObject({ id: z.string().min(1), clause: z.string().min(1), ...provenance, when: topCondition, kind: z.literal('zero') }).superRefine(checkVerified),
          z
            .strictObject({
              id: z.string().min(1),
              clause: z.string().min(1),
              ...provenance,
              when: topCondition,
              kind: z.literal('share'),
              share: param(ratio),
              rounding: z.enum(['floor', 'half-up']),
            })
            .superRefine(checkVerified),
        ]),
      ),
    }),
    'premium.json': z.strictObject({
      ...fileHeader,
      clause: z.string().min(1),
      perPerson: param(amount),
      cityShare: z.strictObject({ yanjiang: param(ratio), anyue: param(ratio), lezhi: param(ratio) }),
    }),
    'illness-poverty.json': z.strictObject({ ...fileHeader, clause: z.string().min(1), spendShare: param(ratio), lowIncomeLine: param(amount) }),
  } as const;
}

/**
 * The zod schema of each file of a rule folder, by name (built on first use).
 *
 * @example
 * ruleFileSchemas()['tier-5-tilt-payment.json'].safeParse(json)
 */
export const ruleFileSchemas = lazily(() => buildRuleFileSchemas(zod()));

/** The zod schema of each rule file, by file name (what {@link ruleFileSchemas} returns). */
export type RuleFileSchemas = ReturnType<typeof buildRuleFileSchemas>;

/** A file name of the rule-folder format. */
export type RuleFileName = keyof RuleFileSchemas;

/** The names of the files a rule folder must hold. */
export const RULE_FILE_NAMES: readonly RuleFileName[] = [
  'ruleset.json',
  'persons.json',
  'location.json',
  'bill.json',
  'tier-0-maternal-subsidy.json',
  'tier-1-hospital-waiver.json',
  'tier-2-basic-insurance.json',
  'tier-3-serious-illness-insurance.json',
  'tier-4-supplementary-insurance.json',
  'tier-5-tilt-payment.json',
  'tier-6-special-supplementary-insurance.json',
  'tier-7-medical-assistance.json',
  'tier-8-relief-funds.json',
  'premium.json',
  'illness-poverty.json',
];

/** The parsed content of every file of a rule folder. */
export type RuleFiles = { readonly [F in RuleFileName]: Z.output<RuleFileSchemas[F]> };

/** The fund ids, in the order the spec lists them. */
export { FUND_IDS };
/** A relief fund id. */
export type FundId = (typeof FUND_IDS)[number];

/** The tier ids in the plan's order (7.4.4); the only order the waterfall's formulas support. */
export const TIER_ORDER = [
  'maternal-subsidy',
  'hospital-waiver',
  'basic-insurance',
  'serious-illness-insurance',
  'supplementary-insurance',
  'tilt-payment',
  'special-supplementary-insurance',
  'medical-assistance',
  'relief-funds',
] as const;
/** A tier id. */
export type TierId = (typeof TIER_ORDER)[number];
