/**
 * A share-of-rest tier's parameters on one stretch of dates (each share's parts and ratio, and
 * what each adjustment makes of the ratio), and what it decides per claim profile: the first
 * adjustment that applies.
 */
import type { Fen } from '../../money/fen.js';
import type { Ratio } from '../../money/ratio.js';
import type { FactBag } from '../../rule-files/fact-catalog.js';
import type { ResolveEnv } from '../kind.js';
import { type Adjustment, adjustRatio, adjustmentFor, resolveAdjustments } from '../shared/adjustment.js';
import { partIndexes } from '../shared/parts.js';
import type { ShareOfRestRaw } from './schema.js';

/** One share on one stretch of dates. */
export interface Share {
  readonly parts: readonly number[];
  readonly ratio: Ratio;
  /** Per adjustment (same order): the adjusted ratio. */
  readonly adjusted: readonly Ratio[];
}

/** A share-of-rest tier's parameters on one stretch of dates. */
export interface ShareOfRestParams {
  readonly shares: readonly Share[];
  readonly adjustments: readonly Adjustment[];
  readonly cap: Fen | null;
  readonly capLabel: string | null;
  readonly paidCounter: number;
}

/**
 * Resolves a share-of-rest tier for one stretch of dates.
 *
 * @example
 * resolveShareOfRest(raw, env).shares[0].ratio // 0.10 for the 2017 supplementary insurance
 */
export function resolveShareOfRest(raw: ShareOfRestRaw, env: ResolveEnv): ShareOfRestParams {
  const adjustments = resolveAdjustments(raw.adjustments, env);
  return {
    shares: Object.values(raw.shares).map((sh) => {
      const ratio = env.ratio(sh.ratio);
      return { parts: partIndexes(sh.of), ratio, adjusted: adjustments.map((a) => adjustRatio(ratio, a)) };
    }),
    adjustments,
    cap: raw.annualCap ? env.amount(raw.annualCap) : null,
    capLabel: raw.annualCap?.description ?? null,
    paidCounter: raw.annualCap ? env.counter('paid') : -1,
  };
}

/**
 * The adjustment of a claim profile (−1: none).
 *
 * @example
 * decideShareOfRest(params, facts) // 0 for a protected person under ziyang-2017
 */
export const decideShareOfRest = (p: ShareOfRestParams, facts: FactBag): number => adjustmentFor(p.adjustments, facts);
