/**
 * The working state threaded through the tiers, and what each tier adds to it: an amount and, on
 * the explained path, a line whose `detail` holds the very numbers the explanation is written from.
 */
import type { Claim } from '../../claim/claim.js';
import type { Fen } from '../../money/fen.js';
import type { PayerKind } from '../../rule-files/types.js';
import type { Policy } from '../../scheme/policy.js';
import type { BracketsDetail } from '../brackets/brackets.js';
import type { CarveOutDetail } from '../carve-out/carve-out.js';
import type { ShareOfRestDetail } from '../share-of-rest/share-of-rest.js';
import type { TableDetail } from '../table/table.js';
import type { TopUpDetail } from '../top-up/top-up.js';
import type { YearlyAssistanceDetail } from '../yearly-assistance/yearly-assistance.js';
import type { FundDraw } from './funds.js';
import type { ClaimProfile } from '../../settle/profile.js';

/** Why a line paid what it paid: the inputs of its kind's formula, or why it did not run. */
export type LineDetail =
  | { readonly kind: 'not-designated'; readonly description: string; readonly descriptionEn: string }
  | {
      readonly kind: 'not-applicable';
      readonly description: string;
      readonly descriptionEn: string;
      readonly carried: CarriedFrom | null;
    }
  | CarveOutDetail
  | TableDetail
  | BracketsDetail
  | ShareOfRestDetail
  | YearlyAssistanceDetail
  | TopUpDetail;

/** Where an amount a line reports on behalf of an earlier tier comes from (a delivery's excess). */
export interface CarriedFrom {
  readonly description: string;
  readonly descriptionEn: string;
}

/** One line of a settlement, with the numbers it was computed from. */
export interface LineRecord {
  /** The tier's number as the rule set writes it. */
  readonly tier: number;
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  /** A short name for column headers (the label when the rule file gives none). */
  readonly short: string;
  readonly clause: string;
  /** Who pays the line (hospital, insurance, assistance, fund, subsidy). */
  readonly payer: PayerKind;
  readonly amount: Fen;
  /** What was still to pay (personal) when the tier ran; the tier never pays more. */
  readonly available: Fen;
  readonly detail: LineDetail;
  /** Fund payments (top-up tiers only), in the order the funds paid. */
  readonly funds: readonly FundDraw[] | undefined;
}

/** The outcome of a top-up's target. */
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

/**
 * The working state of one settlement, updated in place by each tier in turn. It is created for
 * the claim and never leaves the settlement, so updating it in place is invisible to callers and
 * spares the allocation of a new state per tier (issue 4: the immutable reduce cost a third of the
 * time). `amounts[i]` is what the i-th tier of the policy's order paid; `lines` is filled only when
 * recording.
 */
export interface Scratch {
  /** The eight pools of the bill (POOL_NAMES order), as the carve-outs leave them. */
  readonly pools: Fen[];
  /**
   * The parts of what is left, made from the pools once the carve-outs have run (docs/policy-2017.md §4):
   * S (in scope), Pb (乙类 self-pay), N (necessary out-of-catalog), O (other out-of-catalog), in
   * PARTS order. Every payment after that is taken from them (while a later tier reads them), so
   * they add up to `remaining` for every tier that reads them.
   */
  readonly parts: Fen[];
  /** The parts as the split made them (recorded on the explained path only, for outputs). */
  scope: readonly Fen[] | null;
  /** Billable cost nobody has paid yet. */
  remaining: Fen;
  /** The person-year's counters, in the rule set's layout (a private copy, updated in place). */
  readonly counters: Fen[];
  /** Fund balances, updated as they are drawn (absent = unlimited). */
  readonly funds: Partial<Record<string, Fen>>;
  /** Fund payments of this claim in the order they were made (a delivery's excess first). */
  readonly draws: FundDraw[];
  /** Amounts a carve-out paid from funds that a later tier reports, by that tier's index. */
  readonly carried: Fen[];
  target: TargetOutcome | null;
  /** What each tier paid, by index in the policy's order. */
  readonly amounts: Fen[];
  readonly lines: LineRecord[];
}
