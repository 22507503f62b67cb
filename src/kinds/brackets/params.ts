/**
 * A brackets tier's parameters on one stretch of dates: the standard schedule (deductible and
 * brackets) and each adjustment's, with every bracket's ratio over one denominator so that f(c)
 * is summed exactly without allocating (money/ratio.ts `RatioSum`); and what it decides per
 * claim profile: the first adjustment that applies.
 */
import { type Fen, excess, maxFen, minFen, parseRuleAmount } from '../../money/fen.js';
import { type Ratio, RatioSum, parseRatio } from '../../money/ratio.js';
import type { FactBag } from '../../rule-files/fact-catalog.js';
import type { ResolveEnv } from '../kind.js';
import {
  type Adjustment,
  adjustDeductible,
  adjustRatio,
  adjustmentFor,
  resolveAdjustments,
} from '../shared/adjustment.js';
import { partIndexes } from '../shared/parts.js';
import type { BracketsRaw } from './schema.js';

/** A bracket: up to `upTo` of cumulative burden (`null` = no bound) at `ratio`. */
export interface Bracket {
  readonly upTo: Fen | null;
  readonly ratio: Ratio;
}

/** A deductible with its brackets (standard, or as an adjustment makes them). */
export interface Schedule {
  readonly deductible: Fen;
  readonly brackets: readonly Bracket[];
}

/** A brackets tier's parameters on one stretch of dates. */
export interface BracketsParams {
  readonly parts: readonly number[];
  readonly standard: Schedule;
  /** Per adjustment (same order). */
  readonly adjusted: readonly Schedule[];
  readonly adjustments: readonly Adjustment[];
  readonly cap: Fen | null;
  /** How explanations name the cap (its description in the rule file). */
  readonly capLabel: string | null;
  readonly burdenCounter: number;
  readonly paidCounter: number;
}

/**
 * Resolves a brackets tier for one stretch of dates.
 *
 * @example
 * resolveBrackets(raw, env).standard.deductible // 1000000 for the 2017 serious-illness insurance
 */
export function resolveBrackets(raw: BracketsRaw, env: ResolveEnv): BracketsParams {
  const adjustments = resolveAdjustments(raw.adjustments, env);
  const deductible = env.amount(raw.deductible);
  const list = env
    .at(raw.brackets)
    .map((b) => ({ upTo: b.upTo === null ? null : parseRuleAmount(b.upTo), ratio: parseRatio(b.ratio) }));
  return {
    parts: partIndexes(raw.of ?? ['S']),
    standard: { deductible, brackets: list },
    adjusted: adjustments.map((a) => ({
      deductible: adjustDeductible(deductible, a),
      brackets: list.map((b) => ({ upTo: b.upTo, ratio: adjustRatio(b.ratio, a) })),
    })),
    adjustments,
    cap: raw.annualCap ? env.amount(raw.annualCap) : null,
    capLabel: raw.annualCap?.description ?? null,
    burdenCounter: env.counter('burden'),
    paidCounter: env.counter('paid'),
  };
}

/**
 * The adjustment of a claim profile (−1: none).
 *
 * @example
 * decideBrackets(params, facts) // 0 for a protected person under ziyang-2017
 */
export const decideBrackets = (p: BracketsParams, facts: FactBag): number => adjustmentFor(p.adjustments, facts);

/** One sum for the module: the engine runs one claim at a time. */
const sum = new RatioSum(0);

/**
 * `round(f(c))`: the amount the brackets give for a cumulative burden `c`; the brackets start at
 * the deductible and each runs up to its bound (an absolute amount of c). The terms are added
 * exactly over the largest denominator of the ratios and rounded once (money/ratio.ts).
 *
 * @example
 * bracketsAmount(fen(2225500), schedule) // 1121575 with 65% up to 50,000
 */
export function bracketsAmount(c: Fen, s: Schedule): Fen {
  const list = s.brackets;
  let scale = 0;
  for (let i = 0; i < list.length; i++) scale = Math.max(scale, list[i]!.ratio.scale);
  sum.reset(scale);
  // `lo` is how far c has been counted: the deductible, then the end of each bracket's part of c (a
  // bracket that ends at or below it, or past c, adds nothing).
  let lo: Fen = s.deductible;
  for (let i = 0; i < list.length; i++) {
    const b = list[i]!;
    const hi = b.upTo === null ? c : minFen(c, b.upTo);
    sum.add(excess(hi, lo), b.ratio.units * POW10[scale - b.ratio.scale]!);
    lo = maxFen(lo, hi);
  }
  return sum.rounded();
}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
