/**
 * The eight pools of a bill (docs/policy-2017.md §3.2): catalog group × drug / non-drug, in the fixed
 * order that also breaks ties in the pro-rata reduction (§3.3).
 */
import { takeInProportion } from '../../money/allocate.js';
import { type Fen, fen } from '../../money/fen.js';

/** Pool names in their fixed order. */
export const POOL_NAMES = [
  'A.drug',
  'A.nondrug',
  'B.drug',
  'B.nondrug',
  'N.drug',
  'N.nondrug',
  'O.drug',
  'O.nondrug',
] as const;
/** A pool name. */
export type PoolName = (typeof POOL_NAMES)[number];

/** Indexes of every pool. */
export const ALL_POOLS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7];
/** Indexes of the four non-drug pools (the 2017 waiver's base, 7.4.1). */
export const NONDRUG_POOLS: readonly number[] = [1, 3, 5, 7];
/** Indexes of the four drug pools. */
export const DRUG_POOLS: readonly number[] = [0, 2, 4, 6];

/**
 * The pool an item goes to: A, B, N (C necessary) or O (C other), drug or not.
 *
 * @example
 * poolIndex('C', true, false) // 5 (N.nondrug)
 */
export function poolIndex(catalog: 'A' | 'B' | 'C', necessary: boolean, isDrug: boolean): number {
  const group = catalog === 'A' ? 0 : catalog === 'B' ? 1 : necessary ? 2 : 3;
  return group * 2 + (isDrug ? 0 : 1);
}

/**
 * Sum of the pools at `indexes` (all pools by default).
 *
 * @example
 * poolSum(s.pools, NONDRUG_POOLS)
 */
export function poolSum(pools: ArrayLike<number>, indexes: readonly number[] = ALL_POOLS): Fen {
  let s = 0;
  for (let k = 0; k < indexes.length; k++) s += pools[indexes[k]!]!;
  return fen(s);
}

/**
 * Takes `amount` from the pools at `indexes` in proportion to their sizes, by largest remainder
 * (docs/policy-2017.md §3.3), in place. The amount must not exceed what those pools hold.
 *
 * @example
 * takeProRata(s.pools, fen(150000), ALL_POOLS)
 */
export function takeProRata(pools: Float64Array, amount: Fen, indexes: readonly number[]): void {
  takeInProportion(pools, amount, indexes);
}
