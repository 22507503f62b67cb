/**
 * The core of every settlement, shared by the explained path (`settleClaim`) and the simulation
 * path: the claim's profile, its bill, a scratch state, the tiers, and the conservation check.
 * The year ledger and fund balances it is given are updated in place: the callers pass copies of
 * their own (settleClaim copies the caller's immutable ledger; a simulation owns its ledgers).
 */
import type { Claim } from '../claim/claim.js';
import { type Fen, ZERO } from '../money/fen.js';
import type { Policy } from '../rules/policy.js';
import type { FundId } from '../rules/schema.js';
import { type Bill, splitBill } from './bill.js';
import { type ClaimProfile, profileOf } from './profile.js';
import type { LedgerScratch, Scratch } from './state.js';
import { runWaterfall } from './waterfall.js';

/**
 * A working ledger with nothing settled yet (a simulation's new person-year).
 *
 * @example
 * runClaim(claim, policy, emptyLedgerScratch(), {}, false)
 */
export function emptyLedgerScratch(): LedgerScratch {
  return { basicInsurancePaid: {}, basicDeductibleUsed: {}, seriousIllnessBurden: ZERO, seriousIllnessPaid: ZERO, supplementaryPaid: ZERO, assistancePaid: ZERO };
}

/** What a run of the waterfall produced. */
export interface ClaimRun {
  readonly profile: ClaimProfile;
  readonly bill: Bill;
  /** The scratch state at the end: amounts per tier, lines (when recorded), draws, target. */
  readonly end: Scratch;
}

/**
 * Settles a validated claim under one policy, updating `ledger` and `funds` in place.
 *
 * @example
 * const { bill, end } = runClaim(claim, policy, ledger, funds, false);
 * end.amounts[2] // what basic insurance paid
 */
export function runClaim(claim: Claim, policy: Policy, ledger: LedgerScratch, funds: Partial<Record<FundId, Fen>>, record: boolean): ClaimRun {
  const profile = profileOf(claim, policy);
  const bill = splitBill(claim, profile, policy);
  const end: Scratch = {
    pools: bill.pools.slice(),
    inScopeLeft: ZERO,
    bSelfPay: ZERO,
    necessaryLeft: ZERO,
    otherLeft: ZERO,
    remaining: bill.billable,
    ledger,
    funds,
    draws: [],
    excessPaid: ZERO,
    target: null,
    amounts: [ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO],
    lines: [],
  };
  runWaterfall({ claim, policy, profile, billable: bill.billable, record }, end);

  // Invariant 1 (POLICY.md §5): total = hospitalAbsorbed + Σ lines + personal, to the fen.
  let paid = 0;
  for (const a of end.amounts) paid += a;
  if (bill.hospitalAbsorbed + paid + end.remaining !== bill.total || end.remaining < 0) {
    throw new Error(`conservation broken for claim ${claim.id}: this is a bug in bashunwei, please report it with the claim`);
  }
  return { profile, bill, end };
}
