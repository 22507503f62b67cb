/**
 * The bill before any payer: what the hospital bears (7.6) and the eight pools of the rest.
 */
import type { Claim } from '../claim/claim.js';
import { type Fen, ZERO, add, fen } from '../money/fen.js';
import type { FactBag } from '../rules/facts.js';
import type { Policy } from '../rules/policy.js';
import { itemFacts } from './facts.js';
import { EMPTY_POOLS, type Pools, poolIndex } from './pools.js';

/** The bill split into what the hospital absorbs and the pools that are billable. */
export interface Bill {
  readonly total: Fen;
  readonly hospitalAbsorbed: Fen;
  /** Hospital-absorbed amount per rule id of bill.json, in rule order; only rules that took something. */
  readonly absorbedBy: Readonly<Record<string, Fen>>;
  readonly pools: Pools;
  readonly billable: Fen;
}

/**
 * Splits the items: the first hospital-absorbed rule that matches an item takes it whole;
 * every other item goes to its pool.
 *
 * @example
 * splitBill(claim, facts, policy).billable // total − hospitalAbsorbed
 */
export function splitBill(claim: Claim, facts: FactBag, policy: Policy): Bill {
  const pools = [...EMPTY_POOLS] as Fen[];
  const absorbedBy: Record<string, Fen> = {};
  let total = ZERO;
  let absorbed = ZERO;
  for (const item of claim.items) {
    total = add(total, item.amount);
    const f = itemFacts(facts, item);
    const rule = policy.absorbed.find((a) => a.when(f));
    if (rule) {
      absorbed = add(absorbed, item.amount);
      absorbedBy[rule.id] = add(absorbedBy[rule.id] ?? ZERO, item.amount);
      continue;
    }
    const i = poolIndex(item.catalog, item.necessary, item.category === 'drug');
    pools[i] = add(pools[i]!, item.amount);
  }
  return { total, hospitalAbsorbed: absorbed, absorbedBy, pools: pools as unknown as Pools, billable: fen(total - absorbed) };
}
