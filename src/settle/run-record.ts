/**
 * The core of every settlement, shared by the explained path (`settleClaim`) and the simulation:
 * a claim record's bill split by its profile, the policy's compiled waterfall on the policy's
 * scratch state, and the conservation check. The counters and fund balances it is given are
 * updated in place: the callers pass copies of their own (settleClaim copies the caller's
 * immutable ledger; a simulation owns its ledgers). Nothing is allocated.
 */
import type { ClaimRecord } from '../claim/claim-record.js';
import type { Balances, Scratch } from '../kinds/shared/scratch.js';
import type { Policy } from '../scheme/policy.js';
import { compiledPolicy } from '../scheme/waterfall.js';
import { type BillSplit, splitBill } from './bill.js';
import type { ClaimProfile } from './profile.js';

/** What a run of the waterfall produced (the policy's scratch state holds the amounts until the next run). */
export interface ClaimRun {
  readonly policy: Policy;
  readonly profile: ClaimProfile;
  readonly bill: BillSplit;
  /** The scratch state at the end: amounts per tier, what is left to pay, draws, target, trace. */
  readonly end: Scratch;
}

/**
 * Settles a claim record of the policy's scheme (its profile a member of it), updating `counters`
 * and `balances` in place; the policy's scratch state holds the result.
 *
 * @example
 * const s = runRecord(record, policy, profile, counters, {}, bill);
 * s.amounts[2] // what the third tier paid
 */
export function runRecord(
  r: ClaimRecord,
  policy: Policy,
  profile: ClaimProfile,
  counters: Float64Array,
  balances: Balances,
  bill: BillSplit,
): Scratch {
  splitBill(r, profile, bill);
  const { scratch: s, waterfall } = compiledPolicy(policy);
  s.begin(bill.pools, bill.billable, profile.settled, profile.applies, counters, balances);
  waterfall(s, profile.decisions);

  // Invariant 1 (docs/policy-2017.md §5): total = hospitalAbsorbed + Σ lines + personal, to the fen.
  let paid = 0;
  const amounts = s.amounts;
  for (let i = 0; i < amounts.length; i++) paid += amounts[i]!;
  if (bill.hospitalAbsorbed + paid + s.remaining !== bill.total || s.remaining < 0) {
    throw new Error(
      `conservation broken for claim ${r.claimId}: this is a bug in bashunwei, please report it with the claim`,
    );
  }
  return s;
}
