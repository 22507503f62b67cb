/**
 * The core of every settlement, shared by the explained path (`settleClaim`) and the simulation
 * path: the claim's profile, its bill, a scratch state, the tiers, and the conservation check.
 * The counters and fund balances it is given are updated in place: the callers pass copies of
 * their own (settleClaim copies the caller's immutable ledger; a simulation owns its ledgers).
 */
import type { Claim } from '../claim/claim.js';
import { type Fen, ZERO } from '../money/fen.js';
import type { Policy } from '../scheme/policy.js';
import { type Bill, splitBill } from './bill.js';
import { type ClaimProfile, profileOf } from './profile.js';
import type { Scratch } from '../kinds/shared/scratch.js';
import { runWaterfall } from './waterfall.js';

/**
 * Counters of a person-year with nothing settled yet, in a policy's layout.
 *
 * @example
 * runClaim(claim, policy, emptyCounters(policy), {}, false)
 */
export function emptyCounters(policy: Policy): Fen[] {
  return new Array<Fen>(policy.scheme.counters.length).fill(ZERO);
}

/** What a run of the waterfall produced. */
export interface ClaimRun {
  readonly policy: Policy;
  readonly profile: ClaimProfile;
  readonly bill: Bill;
  /** The scratch state at the end: amounts per tier, lines (when recorded), draws, target. */
  readonly end: Scratch;
}

/**
 * Settles a validated claim of the policy's scheme, updating `counters` and `funds` in place.
 *
 * @example
 * const { bill, end } = runClaim(claim, policy, counters, funds, false);
 * end.amounts[2] // what the third tier paid
 */
export function runClaim(
  claim: Claim,
  policy: Policy,
  counters: Fen[],
  funds: Partial<Record<string, Fen>>,
  record: boolean,
): ClaimRun {
  const profile = profileOf(claim, policy);
  const bill = splitBill(claim, profile, policy);
  const n = policy.tiers.length;
  const end: Scratch = {
    pools: bill.pools.slice(),
    parts: [ZERO, ZERO, ZERO, ZERO],
    scope: null,
    remaining: bill.billable,
    counters,
    funds,
    draws: [],
    carried: new Array<Fen>(n).fill(ZERO),
    target: null,
    amounts: new Array<Fen>(n).fill(ZERO),
    lines: [],
  };
  runWaterfall({ claim, policy, profile, billable: bill.billable, record }, end);

  // Invariant 1 (docs/policy-2017.md §5): total = hospitalAbsorbed + Σ lines + personal, to the fen.
  let paid = 0;
  for (const a of end.amounts) paid += a;
  if (bill.hospitalAbsorbed + paid + end.remaining !== bill.total || end.remaining < 0) {
    throw new Error(
      `conservation broken for claim ${claim.id}: this is a bug in bashunwei, please report it with the claim`,
    );
  }
  return { policy, profile, bill, end };
}
