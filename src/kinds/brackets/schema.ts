/**
 * A `brackets` tier file's parameters: the parts its base is made of (default S), a deductible,
 * dated lists of brackets `{upTo, ratio}` (the last open), an annual cap, and adjustments.
 */
import type { z as Z } from 'zod';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import type { AdjustmentSpec, AmountParam, Dated, Part } from '../../rule-files/types.js';
import type { ZodApi } from '../../zod.js';

/** A brackets tier's parameters as written. */
export interface BracketsRaw {
  readonly of?: readonly Part[] | undefined;
  readonly deductible: AmountParam;
  readonly brackets: Dated<readonly { readonly upTo: string | null; readonly ratio: string }[]>;
  readonly annualCap?: Dated<string> | undefined;
  readonly adjustments?: Readonly<Record<string, AdjustmentSpec>> | undefined;
}

/**
 * The zod keys of a brackets tier file.
 *
 * @example
 * z.strictObject({ ...header, ...bracketsShape(z, parts) })
 */
export function bracketsShape(z: ZodApi, p: SchemaParts): Z.ZodRawShape {
  return {
    of: p.parts.optional(),
    deductible: p.amountParam,
    brackets: p.param(z.array(z.strictObject({ upTo: p.amount.nullable(), ratio: p.ratio })).min(1)),
    annualCap: p.param(p.amount).optional(),
    adjustments: p.keyed(p.adjustment).optional(),
  };
}

/**
 * The counters a brackets tier keeps: the year's burden and what it paid this year.
 *
 * @example
 * bracketsCounters() // ["burden", "paid"]
 */
export const bracketsCounters = (): string[] => ['burden', 'paid'];
