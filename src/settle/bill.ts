/**
 * The bill before any payer: what the hospital bears (7.6) and the eight pools of the rest
 * (docs/policy-2017.md §3), from a claim record's sums per item class.
 */
import type { ClaimRecord } from '../claim/claim-record.js';
import { ITEM_CLASSES, ITEM_CLASS_COUNT } from '../claim/item-class.js';
import { POOL_NAMES, poolIndex } from '../kinds/shared/pools.js';
import { type Fen, ZERO, add } from '../money/fen.js';
import type { Policy } from '../scheme/policy.js';
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

/** The pool of each item class. */
const POOL_OF_CLASS = Int8Array.from({ length: ITEM_CLASS_COUNT }, (_, k) => {
  const c = ITEM_CLASSES[k]!;
  return poolIndex(c.catalog, c.necessary, c.isDrug);
});

/** A bill's numbers, one object reused claim after claim. */
export class BillSplit {
  readonly pools = new Float64Array(POOL_NAMES.length);
  total = ZERO;
  hospitalAbsorbed = ZERO;
  billable = ZERO;
}

/**
 * Splits a record's bill: the first hospital-absorbed rule that matches an item class takes it
 * whole; every other class goes to its pool.
 *
 * @example
 * splitBill(record, profile, bill); bill.billable // total − hospitalAbsorbed
 */
export function splitBill(r: ClaimRecord, profile: ClaimProfile, into: BillSplit): void {
  const pools = into.pools;
  pools.fill(0);
  let absorbed = 0;
  for (let k = 0; k < r.classCount; k++) {
    const cls = r.classes[k]!;
    const amount = r.sums[k]!;
    if (profile.absorbedIndex(cls) >= 0) absorbed += amount;
    else {
      const p = POOL_OF_CLASS[cls]!;
      pools[p] = pools[p]! + amount;
    }
  }
  into.total = r.total;
  into.hospitalAbsorbed = absorbed as Fen;
  into.billable = (r.total - absorbed) as Fen;
}

/**
 * The bill as outputs read it: what each hospital-absorbed rule took, and the pools, in fen.
 *
 * @example
 * billOf(record, profile, policy, split).absorbedBy // { "non-compliant": 40000 }
 */
export function billOf(r: ClaimRecord, profile: ClaimProfile, policy: Policy, split: BillSplit): Bill {
  let absorbedBy: Record<string, Fen> | undefined;
  for (const rule of policy.absorbed.keys()) {
    let took = ZERO;
    for (let k = 0; k < r.classCount; k++)
      if (profile.absorbedIndex(r.classes[k]!) === rule) took = add(took, r.sums[k]! as Fen);
    if (took > 0) (absorbedBy ??= {})[policy.absorbed[rule]!.id] = took;
  }
  return {
    total: split.total,
    hospitalAbsorbed: split.hospitalAbsorbed,
    absorbedBy: absorbedBy ?? NOTHING_ABSORBED,
    pools: Array.from(split.pools) as Fen[],
    billable: split.billable,
  };
}

const NOTHING_ABSORBED: Readonly<Record<string, Fen>> = Object.freeze({});
