/**
 * The bill before any payer: what the hospital bears (7.6) and the eight pools of the rest.
 */
import type { Claim } from '../claim/claim.js';
import { isDrugCategory } from '../claim/item-categories.js';
import { type Fen, ZERO, add, fen } from '../money/fen.js';
import type { Policy } from '../scheme/policy.js';
import { EMPTY_POOLS, poolIndex } from '../kinds/shared/pools.js';
import type { ClaimProfile } from './profile.js';

/** The bill split into what the hospital absorbs and the pools that are billable. */
export interface Bill {
  readonly total: Fen;
  readonly hospitalAbsorbed: Fen;
  /** Hospital-absorbed amount per rule id of bill.json, in rule order; only rules that took something. */
  readonly absorbedBy: Readonly<Record<string, Fen>>;
  /** The eight pools (POOL_NAMES order) as the bill fills them; the waterfall takes from its own copy. */
  readonly pools: readonly Fen[];
  readonly billable: Fen;
}

const NOTHING_ABSORBED: Readonly<Record<string, Fen>> = Object.freeze({});

/**
 * Splits the items: the first hospital-absorbed rule that matches an item takes it whole;
 * every other item goes to its pool.
 *
 * @example
 * splitBill(claim, profile, policy).billable // total − hospitalAbsorbed
 */
export function splitBill(claim: Claim, profile: ClaimProfile, policy: Policy): Bill {
  const pools = [...EMPTY_POOLS] as Fen[];
  let absorbedBy: Record<string, Fen> | undefined;
  let total = ZERO;
  let absorbed = ZERO;
  for (const item of claim.items) {
    total = add(total, item.amount);
    const r = profile.absorbedIndex(item);
    if (r >= 0) {
      const id = policy.absorbed[r]!.id;
      absorbed = add(absorbed, item.amount);
      absorbedBy ??= {};
      absorbedBy[id] = add(absorbedBy[id] ?? ZERO, item.amount);
      continue;
    }
    const i = poolIndex(item.catalog, item.necessary, isDrugCategory(item.category));
    pools[i] = add(pools[i]!, item.amount);
  }
  return {
    total,
    hospitalAbsorbed: absorbed,
    absorbedBy: absorbedBy ?? NOTHING_ABSORBED,
    pools,
    billable: fen(total - absorbed),
  };
}
