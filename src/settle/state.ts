/**
 * The working state threaded through the tiers, and what each tier adds to it: an amount and, on
 * the explained path, a line whose `detail` holds the very numbers the explanation is written from.
 */
import type { Claim } from '../claim/claim.js';
import type { DeliveryMode } from '../claim/enums.js';
import type { Fen } from '../money/fen.js';
import type { Ratio } from '../money/ratio.js';
import type { Policy } from '../rules/policy.js';
import type { FundId, TierId } from '../rules/schema.js';
import type { FundDraw } from './funds.js';
import type { ClaimProfile } from './profile.js';

/** A poverty adjustment as applied: the standard deductible, its factor, and the ratio points added. */
export interface PovertyAdjustment {
  readonly standardDeductible: Fen | null;
  readonly deductibleFactor: Ratio | null;
  readonly ratioAdd: Ratio;
}

/** Why a line paid what it paid: the inputs of its formula, or why it did not apply. */
export type LineDetail =
  | { readonly kind: 'not-designated'; readonly description: string }
  | { readonly kind: 'not-applicable'; readonly description: string }
  | { readonly kind: 'no-table' }
  | {
      readonly kind: 'maternal-subsidy';
      readonly mode: DeliveryMode;
      readonly granted: boolean;
      readonly standard: Fen;
      readonly left: Fen;
      readonly limit: Fen | null;
      readonly excess: Fen;
      readonly excessPaid: Fen;
    }
  | { readonly kind: 'waiver'; readonly base: Fen; readonly rate: Ratio }
  | {
      readonly kind: 'basic-insurance';
      readonly table: string;
      readonly inScope: Fen;
      readonly deductible: Fen;
      readonly deductibleDue: Fen;
      readonly perYear: boolean;
      readonly ratio: Ratio;
      readonly computed: Fen;
      readonly capLeft: Fen;
      readonly poverty: PovertyAdjustment | null;
    }
  | {
      readonly kind: 'serious-illness';
      readonly before: Fen;
      readonly after: Fen;
      readonly deductible: Fen;
      readonly computed: Fen;
      readonly capLeft: Fen;
      readonly inScopeLeft: Fen;
      readonly poverty: PovertyAdjustment | null;
    }
  | { readonly kind: 'supplementary'; readonly base: Fen; readonly ratio: Ratio; readonly computed: Fen; readonly capLeft: Fen; readonly poverty: PovertyAdjustment | null }
  | { readonly kind: 'tilt'; readonly base: Fen; readonly ratio: Ratio }
  | {
      readonly kind: 'special-supplementary';
      readonly inScope: Fen;
      readonly inScopeShare: Ratio;
      readonly inScopePaid: Fen;
      readonly necessary: Fen;
      readonly necessaryShare: Ratio;
      readonly necessaryPaid: Fen;
    }
  | { readonly kind: 'assistance'; readonly base: Fen; readonly ratio: Ratio; readonly computed: Fen; readonly limitLeft: Fen }
  | {
      readonly kind: 'relief';
      readonly remaining: Fen;
      readonly target: { readonly id: string; readonly description: string; readonly personalMax: Fen } | null;
      readonly excessPaid: Fen;
      readonly topUp: Fen;
      readonly shortfall: Fen;
    };

/** One line of a settlement, with the numbers it was computed from. */
export interface LineRecord {
  readonly tier: number;
  readonly id: TierId;
  readonly label: string;
  readonly clause: string;
  readonly amount: Fen;
  /** What was still to pay (personal) when the tier ran; the tier never pays more. */
  readonly available: Fen;
  readonly detail: LineDetail;
  /** Relief-fund payments (tier 8 only), in the order the funds paid. */
  readonly funds: readonly FundDraw[] | undefined;
}

/** The outcome of tier 8's target. */
export interface TargetOutcome {
  readonly id: string;
  readonly personalMax: Fen;
  readonly met: boolean;
  /** How far personal pay stays above the target because the funds ran dry (0 when met). */
  readonly shortfall: Fen;
}

/** What a tier reads besides the state: the claim, the policy and the claim's profile. Never changes. */
export interface TierContext {
  readonly claim: Claim;
  readonly policy: Policy;
  readonly profile: ClaimProfile;
  readonly billable: Fen;
  /** Build each line's record and detail (the explained path); `false` keeps only the amounts. */
  readonly record: boolean;
}

/** A year ledger the waterfall updates in place while it runs (a private copy, never the caller's). */
export interface LedgerScratch {
  basicInsurancePaid: Record<string, Fen>;
  basicDeductibleUsed: Record<string, Fen>;
  seriousIllnessBurden: Fen;
  seriousIllnessPaid: Fen;
  supplementaryPaid: Fen;
  assistancePaid: Fen;
}

/**
 * The working state of one settlement, updated in place by each tier in turn. It is created for
 * the claim and never leaves the settlement, so updating it in place is invisible to callers and
 * spares the allocation of a new state per tier (issue 4: the immutable reduce cost a third of the
 * time). `amounts[k]` is what the k-th tier of the order paid; `lines` is filled only when recording.
 */
export interface Scratch {
  readonly pools: Fen[];
  /** The in-scope split (POLICY.md §4), made right after tier 1: `S`, `Pb`, `N`, `O` as they stand. */
  inScopeLeft: Fen;
  bSelfPay: Fen;
  necessaryLeft: Fen;
  otherLeft: Fen;
  /** Billable cost nobody has paid yet. */
  remaining: Fen;
  readonly ledger: LedgerScratch;
  /** Relief-fund balances, updated as they are drawn (absent = unlimited). */
  readonly funds: Partial<Record<FundId, Fen>>;
  /** Relief-fund payments of this claim in the order they were made (the delivery excess first). */
  readonly draws: FundDraw[];
  /** The part of `draws` that paid the delivery excess at tier 0, reported on the tier-8 line. */
  excessPaid: Fen;
  target: TargetOutcome | null;
  /** What each tier paid, by tier number (0–8). */
  readonly amounts: Fen[];
  readonly lines: LineRecord[];
}

/** A step of the waterfall: reads the context, updates the scratch. */
export type Tier = (ctx: TierContext, s: Scratch) => void;
