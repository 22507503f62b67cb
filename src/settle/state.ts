/**
 * The immutable state threaded through the tiers, and what each tier adds to it: a line whose
 * `detail` holds the very numbers the explanation is written from.
 */
import type { Claim } from '../claim/claim.js';
import type { DeliveryMode } from '../claim/enums.js';
import type { Fen } from '../money/fen.js';
import type { Ratio } from '../money/ratio.js';
import type { FactBag } from '../rules/facts.js';
import type { Policy } from '../rules/policy.js';
import type { TierId } from '../rules/schema.js';
import type { YearLedger } from '../ledger/year-ledger.js';
import type { FundBalances, FundDraw } from './funds.js';
import type { Pools } from './pools.js';

/** The in-scope split made after tier 1 (POLICY.md §4): `S`, `Pb`, `N`, `O` as they stand. */
export interface Scope {
  /** In-scope cost not yet paid: `S` left. */
  readonly inScopeLeft: Fen;
  /** The 乙类 self-pay part `Pb`, out of scope. */
  readonly bSelfPay: Fen;
  /** Necessary out-of-catalog cost not yet paid: `N` left. */
  readonly necessaryLeft: Fen;
  /** Other out-of-catalog cost: `O`. */
  readonly otherLeft: Fen;
}

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
  readonly funds?: readonly FundDraw[];
}

/** The outcome of tier 8's target. */
export interface TargetOutcome {
  readonly id: string;
  readonly personalMax: Fen;
  readonly met: boolean;
  /** How far personal pay stays above the target because the funds ran dry (0 when met). */
  readonly shortfall: Fen;
}

/** What a tier reads besides the state: the claim, its facts and the policy. Never changes. */
export interface TierContext {
  readonly claim: Claim;
  readonly policy: Policy;
  readonly facts: FactBag;
  readonly billable: Fen;
  /** The hospital is one the tiers pay at (bill.json `settled`). */
  readonly settled: boolean;
}

/** The state after each step of the waterfall. */
export interface WaterfallState {
  readonly pools: Pools;
  readonly scope: Scope | null;
  /** Billable cost nobody has paid yet. */
  readonly remaining: Fen;
  readonly lines: readonly LineRecord[];
  readonly ledger: YearLedger;
  readonly funds: FundBalances;
  /** The delivery excess paid by the relief funds at tier 0, reported on the tier-8 line. */
  readonly excessDraws: readonly FundDraw[];
  readonly target: TargetOutcome | null;
}

/** A step of the waterfall. */
export type Tier = (ctx: TierContext, state: WaterfallState) => WaterfallState;
