/**
 * A `share-of-rest` tier file's parameters: shares, each a ratio on a set of parts (S, Pb, N, O),
 * an optional annual cap, and adjustments that add points to every ratio.
 */
import type { z as Z } from 'zod';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import type { AdjustmentSpec, Dated, Part } from '../../rule-files/types.js';
import type { ZodApi } from '../../zod.js';

/** A share-of-rest tier's parameters as written. */
export interface ShareOfRestRaw {
  readonly shares: Readonly<Record<string, { readonly of: readonly Part[]; readonly ratio: Dated<string> }>>;
  readonly annualCap?: Dated<string> | undefined;
  readonly adjustments?: Readonly<Record<string, AdjustmentSpec>> | undefined;
}

/**
 * The zod keys of a share-of-rest tier file.
 *
 * @example
 * z.strictObject({ ...header, ...shareOfRestShape(z, parts) })
 */
export function shareOfRestShape(z: ZodApi, p: SchemaParts): Z.ZodRawShape {
  return {
    shares: p
      .keyed(z.strictObject({ of: p.parts, ratio: p.param(p.ratio) }))
      .refine((r) => Object.keys(r).length > 0, 'needs at least one share'),
    annualCap: p.param(p.amount).optional(),
    adjustments: p.keyed(p.adjustment).optional(),
  };
}

/**
 * The counters a share-of-rest tier keeps: what it paid this year, when it has a cap.
 *
 * @example
 * shareOfRestCounters(raw) // ["paid"]
 */
export const shareOfRestCounters = (raw: ShareOfRestRaw): string[] => (raw.annualCap ? ['paid'] : []);
