/**
 * One line of a settlement as the outputs read it: the tier's names and clause, what it paid and
 * the detail its explanation is written from (the details of all kinds are listed in kind-list.ts).
 */
import type { Fen } from '../../money/fen.js';
import type { PayerKind } from '../../rule-files/types.js';
import type { FundDraw } from './funds.js';

/** What an explanation reads of its line besides the detail. */
export interface LineBasics {
  readonly label: string;
  readonly labelEn: string;
  readonly amount: Fen;
}

/** One line of a settlement, with the numbers it was computed from. */
export interface LineRecord<D = unknown> extends LineBasics {
  /** The tier's number as the rule set writes it. */
  readonly tier: number;
  readonly id: string;
  /** A short name for column headers (the label when the rule file gives none). */
  readonly short: string;
  readonly clause: string;
  /** Who pays the line (hospital, insurance, assistance, fund, subsidy). */
  readonly payer: PayerKind;
  /** What was still to pay (personal) when the tier ran; the tier never pays more. */
  readonly available: Fen;
  readonly detail: D;
  /** Fund payments (the lines of tiers that draw on funds), in the order the funds paid. */
  readonly funds: readonly FundDraw[] | undefined;
}
