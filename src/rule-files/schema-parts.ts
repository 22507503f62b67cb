/**
 * The zod building blocks of the rule-file format: dates, ratios, amounts, provenance, dated
 * parameters, conditions and gates. The scheme files' schemas (rules/schema.ts) and every kind's
 * parameters (src/kinds/) are made of these, so a value means the same thing in every file.
 */
import type { z as Z } from 'zod';
import type { ZodApi } from '../zod.js';
import { isCalendarDate } from '../claim/schema.js';
import { RuleErrorCode } from '../errors/codes.js';
import { MAX_RATIO_DECIMALS } from '../money/ratio.js';
import { OPERATORS, type Condition } from './types.js';
import { PARTS } from './types.js';

const DECIMAL = new RegExp(`^\\d{1,15}(\\.\\d{1,${MAX_RATIO_DECIMALS}})?$`);
const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;
/** Ids of things keyed in rule files: they start with a letter, so that JSON keeps them in the order written. */
export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/**
 * Builds the parts with the zod namespace it is given (zod is loaded on first use: src/zod.ts).
 *
 * @example
 * const p = schemaParts(z); p.param(p.ratio).parse({ source: 'seed', values: { '2017-03-17': '0.05' } })
 */
export function schemaParts(z: ZodApi) {
  const date = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD');
  const id = z.string().regex(ID_PATTERN, 'an id is lower-case letters, digits and dashes, starting with a letter');
  /** A ratio in [0, 1] written as a decimal string. */
  const ratio = z
    .string({ error: 'a ratio is written as a decimal string, like "0.55"' })
    .regex(DECIMAL, `must be a decimal string with at most ${MAX_RATIO_DECIMALS} decimals, like "0.55"`)
    .refine((s) => Number(s) <= 1, 'a ratio must lie in [0, 1]');
  /** An amount in yuan written as a string with at most two decimals. */
  const amount = z
    .string({ error: 'an amount is written as a string of yuan, like "400" or "0.50"' })
    .regex(AMOUNT, 'must be an amount in yuan as a string with at most two decimals, like "400" or "0.50"');

  const provenance = {
    source: z.enum(['seed', 'assumed']),
    verified: z.boolean().optional(),
    description: z.string().optional(),
    descriptionEn: z.string().optional(),
    note: z.string().optional(),
  };

  function checkVerified(
    v: { source: 'seed' | 'assumed'; verified?: boolean | undefined },
    ctx: Z.core.$RefinementCtx,
  ): void {
    if (v.source === 'assumed' && v.verified !== false) {
      ctx.addIssue({
        code: 'custom',
        path: ['verified'],
        params: { code: RuleErrorCode.UNVERIFIED_FLAG },
        message: 'an assumed value must say "verified": false until a region confirms it',
      });
    }
  }

  const PARAM_SHAPE =
    'a parameter is dated and sourced: {"source": "seed" or "assumed" (then "verified": false), "values": {"YYYY-MM-DD": value}}';
  const PARAM_VALUES =
    '"values" maps the first discharge date of each value, written YYYY-MM-DD, to the value, as {"2024-07-01": "0.70"}';

  /** A dated parameter: `values` maps the first discharge date a value applies to onto the value. */
  function param<T extends Z.ZodType>(value: T) {
    return z
      .strictObject(
        {
          ...provenance,
          values: z
            .record(date, value, { error: (iss) => (iss.code === 'invalid_type' ? PARAM_VALUES : undefined) })
            .refine((r) => Object.keys(r).length > 0, 'needs at least one dated value'),
        },
        { error: (iss) => (iss.code === 'invalid_type' ? PARAM_SHAPE : undefined) },
      )
      .superRefine(checkVerified);
  }

  /** An amount, or `{ share, of }`: a share of a named parameter of the tier. */
  const amountParam = z.union([param(amount), z.strictObject({ share: param(ratio), of: z.string().min(1) })], {
    error: () => `${PARAM_SHAPE}, or {"share": a dated ratio, "of": a parameter of the tier}`,
  });

  /** A parameter that depends on a fact of the claim, or a plain dated one. */
  function byFact<T extends Z.ZodType>(value: T) {
    return z.union(
      [param(value), z.strictObject({ by: z.string().min(1), values: z.record(z.string().min(1), param(value)) })],
      {
        error: () => `${PARAM_SHAPE}, or {"by": a fact, "values": {fact value: such a parameter}}`,
      },
    );
  }

  /* The zod schema of a condition tree (json-rules-engine format). */
  const condition: Z.ZodType<Condition> = z.lazy(() =>
    z.union(
      [
        z.strictObject({ all: z.array(condition) }),
        z.strictObject({ any: z.array(condition) }),
        z.strictObject({ not: condition }),
        z.strictObject({ fact: z.string(), operator: z.enum(OPERATORS), value: z.unknown() }),
      ],
      {
        error: () =>
          `a condition is {"all": [conditions]}, {"any": [conditions]}, {"not": condition} or {"fact", "operator", "value"} with an operator among ${OPERATORS.join(', ')}`,
      },
    ),
  ) as Z.ZodType<Condition>;

  /** Top level of a condition: json-rules-engine requires `all`, `any` or `not` there. */
  const topCondition = z.union(
    [
      z.strictObject({ all: z.array(condition) }),
      z.strictObject({ any: z.array(condition) }),
      z.strictObject({ not: condition }),
    ],
    {
      error: () =>
        `a condition is {"all": [conditions]}, {"any": [conditions]} or {"not": condition} at the top, and each condition inside is one of these or {"fact", "operator", "value"} with an operator among ${OPERATORS.join(', ')}`,
    },
  ) as Z.ZodType<Condition>;

  /** The keys of a condition with its clause and provenance (to extend with more keys). */
  const gateKeys = { clause: z.string().min(1), ...provenance, when: topCondition };
  /** A condition with its clause and provenance. */
  const gate = z.strictObject(gateKeys).superRefine(checkVerified);

  /** A record keyed by ids (kept in the order written). */
  function keyed<T extends Z.ZodType>(value: T) {
    return z.record(id, value);
  }

  /** An adjustment of a tier's parameters for some persons. */
  const adjustment = z
    .strictObject({
      ...gateKeys,
      who: z.string().optional(),
      whoEn: z.string().optional(),
      deductibleFactor: param(ratio).optional(),
      ratioAdd: param(ratio).optional(),
      uncapped: z.boolean().optional(),
    })
    .superRefine(checkVerified);

  const part = z.enum(PARTS);
  const parts = z
    .array(part)
    .min(1)
    .refine((a) => new Set(a).size === a.length, 'a part is listed once');
  const labels = { label: z.string().min(1), labelEn: z.string().min(1).optional() };

  return {
    date,
    id,
    ratio,
    amount,
    provenance,
    checkVerified,
    param,
    amountParam,
    byFact,
    condition,
    topCondition,
    gateKeys,
    gate,
    keyed,
    adjustment,
    part,
    parts,
    labels,
  };
}

/** The building blocks, as {@link schemaParts} returns them. */
export type SchemaParts = ReturnType<typeof schemaParts>;
