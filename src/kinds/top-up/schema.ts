/**
 * A `top-up` tier file's parameters: the funds it draws on, in order, with their names, and the
 * targets (nothing to pay, or at most a share of the bill) with the condition that picks each.
 */
import type { z as Z } from 'zod';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import type { Dated, GateSpec, Labelled } from '../../rule-files/types.js';
import type { ZodApi } from '../../zod.js';

/** A target as written: nothing to pay, or at most a share of the bill. */
export type TargetSpec = GateSpec &
  (
    | { readonly kind: 'zero' }
    | { readonly kind: 'share'; readonly share: Dated<string>; readonly rounding: 'floor' | 'half-up' }
  );

/** A top-up tier's parameters as written. */
export interface TopUpRaw {
  readonly funds: Readonly<Record<string, Labelled>>;
  readonly targets: Readonly<Record<string, TargetSpec>>;
}

/**
 * The zod keys of a top-up tier file.
 *
 * @example
 * z.strictObject({ ...header, ...topUpShape(z, parts) })
 */
export function topUpShape(z: ZodApi, p: SchemaParts): Z.ZodRawShape {
  return {
    funds: p.keyed(z.strictObject(p.labels)).refine((r) => Object.keys(r).length > 0, 'needs at least one fund'),
    targets: p.keyed(
      z.union([
        z.strictObject({ ...p.gateKeys, kind: z.literal('zero') }).superRefine(p.checkVerified),
        z
          .strictObject({
            ...p.gateKeys,
            kind: z.literal('share'),
            share: p.param(p.ratio),
            rounding: z.enum(['floor', 'half-up']),
          })
          .superRefine(p.checkVerified),
      ]),
    ),
  };
}
