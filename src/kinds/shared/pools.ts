/**
 * The eight pools of a bill (docs/policy-2017.md §3.2): catalog group × drug / non-drug, in the fixed order
 * that also breaks ties in the pro-rata reduction (§3.3).
 */
import { allocate } from '../../money/allocate.js';
import { type Fen, ZERO, fen, sub } from '../../money/fen.js';

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

/** Eight empty pools. */
export const EMPTY_POOLS: readonly Fen[] = [ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO];

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
 * poolSum(pools, NONDRUG_POOLS)
 */
export function poolSum(pools: readonly Fen[], indexes: readonly number[] = ALL_POOLS): Fen {
  let s = 0;
  for (const i of indexes) s += pools[i]!;
  return fen(s);
}

/**
 * Takes `amount` from the pools at `indexes` in proportion to their sizes, by largest remainder
 * (docs/policy-2017.md §3.3), in place. The amount must not exceed what those pools hold.
 *
 * @example
 * takeProRata(pools, fen(150000), ALL_POOLS)
 */
export function takeProRata(pools: Fen[], amount: Fen, indexes: readonly number[]): void {
  if (amount === 0) return;
  const parts = allocate(
    amount,
    indexes.map((i) => pools[i]!),
  );
  for (let k = 0; k < indexes.length; k++) pools[indexes[k]!] = sub(pools[indexes[k]!]!, parts[k]!);
}
