/**
 * Adjustments of a tier's parameters for some persons (the 2017 plan's poverty adjustments, the
 * 2022 tilt for the core group): a factor on the deductible, points added to every ratio (capped
 * at 1), and no annual cap. The first adjustment of the tier whose condition holds applies.
 */
import { type Fen } from '../../money/fen.js';
import { addRatio, applyRatio, capAtOne, type Ratio } from '../../money/ratio.js';
import type { Predicate } from '../../rule-files/conditions.js';
import type { FactBag } from '../../rule-files/fact-catalog.js';
import type { AdjustmentSpec } from '../../rule-files/types.js';
import type { ResolveEnv } from '../kind.js';

/** An adjustment, resolved for one stretch of dates. */
export interface Adjustment {
  readonly id: string;
  readonly when: Predicate;
  /** How explanations name the persons it is for. */
  readonly who: string;
  readonly whoEn: string;
  readonly deductibleFactor: Ratio | null;
  readonly ratioAdd: Ratio | null;
  readonly uncapped: boolean;
}

/** An adjustment as applied to one deductible or ratio: what explanations say of it. */
export interface AppliedAdjustment {
  readonly who: string;
  readonly whoEn: string;
  /** The deductible before the factor, when one was applied. */
  readonly standardDeductible: Fen | null;
  readonly deductibleFactor: Ratio | null;
  readonly ratioAdd: Ratio | null;
  readonly uncapped: boolean;
}

/**
 * Resolves a tier's adjustments (absent = none).
 *
 * @example
 * resolveAdjustments(raw.adjustments, env)
 */
export function resolveAdjustments(
  specs: Readonly<Record<string, AdjustmentSpec>> | undefined,
  env: ResolveEnv,
): Adjustment[] {
  return Object.entries(specs ?? {}).map(([id, a]) => ({
    id,
    when: env.pred(a.when),
    who: a.who ?? a.description ?? id,
    whoEn: a.whoEn ?? a.who ?? id,
    deductibleFactor: a.deductibleFactor ? env.ratio(a.deductibleFactor) : null,
    ratioAdd: a.ratioAdd ? env.ratio(a.ratioAdd) : null,
    uncapped: a.uncapped ?? false,
  }));
}

/**
 * The index of the first adjustment whose condition holds for the facts, or −1.
 *
 * @example
 * adjustmentFor(adjustments, facts) // 0 for a protected person under ziyang-2017
 */
export function adjustmentFor(adjustments: readonly Adjustment[], facts: FactBag): number {
  return adjustments.findIndex((a) => a.when(facts));
}

/**
 * A deductible after an adjustment (half-up to the fen).
 *
 * @example
 * adjustDeductible(fen(40000), adjustment) // 20000 with a factor of 0.5
 */
export function adjustDeductible(deductible: Fen, a: Adjustment | undefined): Fen {
  return a?.deductibleFactor ? applyRatio(deductible, a.deductibleFactor) : deductible;
}

/**
 * A ratio after an adjustment (points added, capped at 1).
 *
 * @example
 * adjustRatio(parseRatio('0.75'), adjustment) // 0.80 with 5 points added
 */
export function adjustRatio(ratio: Ratio, a: Adjustment | undefined): Ratio {
  return a?.ratioAdd ? capAtOne(addRatio(ratio, a.ratioAdd)) : ratio;
}

/**
 * What explanations say of an adjustment applied to a deductible (or to ratios only).
 *
 * @example
 * applied(adjustment, fen(40000))
 */
export function applied(a: Adjustment, standardDeductible: Fen | null): AppliedAdjustment {
  return {
    who: a.who,
    whoEn: a.whoEn,
    standardDeductible: a.deductibleFactor ? standardDeductible : null,
    deductibleFactor: a.deductibleFactor,
    ratioAdd: a.ratioAdd,
    uncapped: a.uncapped,
  };
}
