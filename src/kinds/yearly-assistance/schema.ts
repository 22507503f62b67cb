/**
 * A `yearly-assistance` tier file's parameters: the parts its base is made of, rows of yearly
 * deductible and ratio with the condition that picks each, and a yearly limit.
 */
import type { z as Z } from 'zod';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import type { AmountParam, Dated, GateSpec, Labelled, Part } from '../../rule-files/types.js';
import type { ZodApi } from '../../zod.js';

/** A yearly-assistance tier's parameters as written. */
export interface YearlyAssistanceRaw {
  readonly of: readonly Part[];
  readonly rows: Readonly<
    Record<string, GateSpec & Labelled & { readonly deductible: AmountParam; readonly ratio: Dated<string> }>
  >;
  readonly annualLimit: Dated<string>;
}

/**
 * The zod keys of a yearly-assistance tier file.
 *
 * @example
 * z.strictObject({ ...header, ...yearlyAssistanceShape(z, parts) })
 */
export function yearlyAssistanceShape(z: ZodApi, p: SchemaParts): Z.ZodRawShape {
  return {
    of: p.parts,
    rows: p
      .keyed(
        z
          .strictObject({ ...p.gateKeys, ...p.labels, deductible: p.amountParam, ratio: p.param(p.ratio) })
          .superRefine(p.checkVerified),
      )
      .refine((r) => Object.keys(r).length > 0, 'needs at least one row'),
    annualLimit: p.param(p.amount),
  };
}

/**
 * The counters a yearly-assistance tier keeps: the deductible consumed this year (one per
 * person-year, whatever the row) and what it paid.
 *
 * @example
 * yearlyAssistanceCounters() // ["deductible", "paid"]
 */
export const yearlyAssistanceCounters = (): string[] => ['deductible', 'paid'];
