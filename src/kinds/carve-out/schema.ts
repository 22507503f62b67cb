/**
 * A `carve-out` tier file's parameters: the pools it takes from, what it takes (a `share` of them
 * or a `fixed` amount, by a fact), who gets it (`take.when`), and optionally an `excess` over a
 * limit that funds pay, reported on a later top-up's line.
 */
import type { z as Z } from 'zod';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import type { ByFact, Dated, GateSpec } from '../../rule-files/types.js';
import type { ZodApi } from '../../zod.js';

/** Which pools a carve-out takes from. */
export type PoolSet = 'all' | 'drug' | 'nondrug';

/** A carve-out tier's parameters as written. */
export interface CarveOutRaw {
  readonly from: PoolSet;
  readonly take: GateSpec & { readonly share?: Dated<string>; readonly fixed?: ByFact<string> | Dated<string> };
  readonly excess?: GateSpec & {
    readonly limit: ByFact<string> | Dated<string>;
    readonly funds: readonly string[];
    readonly reportedOn: string;
  };
}

/**
 * The zod keys of a carve-out tier file.
 *
 * @example
 * z.strictObject({ ...header, ...carveOutShape(z, parts) })
 */
export function carveOutShape(z: ZodApi, p: SchemaParts): Z.ZodRawShape {
  return {
    from: z.enum(['all', 'drug', 'nondrug']),
    take: z
      .strictObject({ ...p.gateKeys, share: p.param(p.ratio).optional(), fixed: p.byFact(p.amount).optional() })
      .superRefine(p.checkVerified)
      .refine(
        (t) => (t.share === undefined) !== (t.fixed === undefined),
        'a carve-out takes either a "share" of the pools or a "fixed" amount',
      ),
    excess: z
      .strictObject({ ...p.gateKeys, limit: p.byFact(p.amount), funds: z.array(p.id).min(1), reportedOn: p.id })
      .superRefine(p.checkVerified)
      .optional(),
  };
}

/**
 * The tier whose line reports what a carve-out sends to funds (its excess), if any.
 *
 * @example
 * carveOutReportsOn(raw) // "relief-funds" for the 2017 maternal subsidy
 */
export const carveOutReportsOn = (raw: CarveOutRaw): string | null => raw.excess?.reportedOn ?? null;
