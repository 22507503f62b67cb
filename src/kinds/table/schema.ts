/**
 * A `table` tier file's parameters: rows of deductible and ratio with the condition that picks
 * each, the annual caps of the pools the rows pay from, and adjustments for some persons.
 */
import type { z as Z } from 'zod';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import type { AdjustmentSpec, Dated, GateSpec, Labelled } from '../../rule-files/types.js';
import type { ZodApi } from '../../zod.js';

/** A row of a table as written. */
export interface TableRowSpec extends GateSpec, Labelled {
  readonly deductibleBasis: 'per-claim' | 'per-year';
  readonly capPool: string;
  readonly adjustable: boolean;
  readonly deductible: Dated<string>;
  readonly ratio: Dated<string>;
}

/** A table tier's parameters as written. */
export interface TableRaw {
  readonly rows: Readonly<Record<string, TableRowSpec>>;
  readonly caps: Readonly<Record<string, Dated<string>>>;
  readonly adjustments?: Readonly<Record<string, AdjustmentSpec>> | undefined;
}

/**
 * The zod keys of a table tier file.
 *
 * @example
 * z.strictObject({ ...header, ...tableShape(z, parts) })
 */
export function tableShape(z: ZodApi, p: SchemaParts): Z.ZodRawShape {
  return {
    rows: p.keyed(
      z
        .strictObject({
          ...p.gateKeys,
          ...p.labels,
          deductibleBasis: z.enum(['per-claim', 'per-year']),
          capPool: p.id,
          adjustable: z.boolean(),
          deductible: p.param(p.amount),
          ratio: p.param(p.ratio),
        })
        .superRefine(p.checkVerified),
    ),
    caps: p.keyed(p.param(p.amount)),
    adjustments: p.keyed(p.adjustment).optional(),
  };
}

/**
 * The counters a table keeps: what each cap pool paid this year, and each per-year row's deductible consumed.
 *
 * @example
 * tableCounters(raw) // ["paid.basic", "paid.general-outpatient", "deductible.special-resident", …]
 */
export function tableCounters(raw: TableRaw): string[] {
  return [
    ...Object.keys(raw.caps).map((pool) => `paid.${pool}`),
    ...Object.entries(raw.rows).flatMap(([id, r]) => (r.deductibleBasis === 'per-year' ? [`deductible.${id}`] : [])),
  ];
}
