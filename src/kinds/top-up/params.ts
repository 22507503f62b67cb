/**
 * A top-up's parameters on one stretch of dates (its funds in order, its targets), and what it
 * decides per claim profile: the first target whose condition holds.
 */
import { type Fen, ZERO } from '../../money/fen.js';
import { type Ratio, applyRatio } from '../../money/ratio.js';
import type { Predicate } from '../../rule-files/conditions.js';
import type { FactBag } from '../../rule-files/fact-catalog.js';
import type { ResolveEnv } from '../kind.js';
import type { CarriedFrom } from '../shared/scratch.js';
import type { TopUpRaw } from './schema.js';

/** A target on one stretch of dates. */
export interface Target {
  readonly id: string;
  readonly description: string;
  readonly descriptionEn: string;
  readonly when: Predicate;
  /** `null`: the person pays nothing; else the share of the billable cost and its rounding. */
  readonly share: { readonly ratio: Ratio; readonly rounding: 'floor' | 'half-up' } | null;
}

/** A top-up tier's parameters on one stretch of dates. */
export interface TopUpParams {
  readonly fundOrder: readonly string[];
  readonly targets: readonly Target[];
  /** What the carried amounts are (the description of the carve-outs that report here). */
  readonly carriedFrom: CarriedFrom | null;
}

/**
 * Resolves a top-up for one stretch of dates.
 *
 * @example
 * resolveTopUp(raw, env).fundOrder // ["emergency-relief", "charity-care", …]
 */
export function resolveTopUp(raw: TopUpRaw, env: ResolveEnv): TopUpParams {
  return {
    fundOrder: Object.keys(raw.funds),
    targets: Object.entries(raw.targets).map(([id, t]) => ({
      id,
      description: t.description ?? id,
      descriptionEn: t.descriptionEn ?? t.description ?? id,
      when: env.pred(t.when),
      share: t.kind === 'share' ? { ratio: env.ratio(t.share), rounding: t.rounding } : null,
    })),
    carriedFrom: env.carriedFrom(),
  };
}

/**
 * The target of a claim profile (undefined: none).
 *
 * @example
 * decideTopUp(params, facts)?.id // "in-county"
 */
export const decideTopUp = (p: TopUpParams, facts: FactBag): Target | undefined => p.targets.find((t) => t.when(facts));

/**
 * The most a person should pay under a target.
 *
 * @example
 * personalMax(target, fen(155000)) // 15500 for a 10% target
 */
export function personalMax(target: Target, billable: Fen): Fen {
  return target.share === null ? ZERO : applyRatio(billable, target.share.ratio, target.share.rounding);
}
