/**
 * The oracle's year-to-date ledger of one person and calendar year (docs/policy-2017.md §6,
 * docs/policy-2022.md §4), and the settlement it returns (docs/claim.md "Settlement (output)", the
 * fields the worked examples compare).
 */
import type { OracleRuleSetId } from './claim.js';
import type { Fen } from './money.js';

/** What one person's calendar year has consumed and been paid, in fen. */
export interface OracleYearState {
  readonly personId: string;
  readonly year: number;
  /** "A person-year belongs to one rule set" (docs/policy-2022.md §4). */
  readonly rules: OracleRuleSetId;
  /** The ids of the claims settled, in order (non-designated claims too). */
  readonly claimIds: readonly string[];
  /** Basic insurance paid on inpatient, delivery and special outpatient (one annual cap). */
  readonly basicPaid: Fen;
  /** Special-outpatient yearly deductible consumed, one counter per table. */
  readonly specialOutpatientDeductibleUsed: { readonly resident: Fen; readonly urbanEmployee: Fen };
  /** General-outpatient yearly deductible consumed and paid (its own table and cap). */
  readonly generalOutpatientDeductibleUsed: Fen;
  readonly generalOutpatientPaid: Fen;
  /** Serious illness: cumulative in-scope personal burden `c`, and paid. */
  readonly seriousIllnessBurden: Fen;
  readonly seriousIllnessPaid: Fen;
  /** 2017 tier 4. */
  readonly supplementaryPaid: Fen;
  /** 2022 tier 3: the yearly deductible consumed (one counter whatever the category). */
  readonly assistanceDeductibleUsed: Fen;
  /** 2017 tier 7 / 2022 tier 3. */
  readonly assistancePaid: Fen;
  /** 2022 tier 4: cumulative policy-scope burden `b`, and paid. */
  readonly tiltedBurden: Fen;
  readonly tiltedPaid: Fen;
}

/**
 * The ledger of a person-year before its first claim.
 * @example emptyYearState('P1', 2017, 'ziyang-2017').basicPaid === 0n
 */
export function emptyYearState(personId: string, year: number, rules: OracleRuleSetId): OracleYearState {
  return {
    personId,
    year,
    rules,
    claimIds: [],
    basicPaid: 0n,
    specialOutpatientDeductibleUsed: { resident: 0n, urbanEmployee: 0n },
    generalOutpatientDeductibleUsed: 0n,
    generalOutpatientPaid: 0n,
    seriousIllnessBurden: 0n,
    seriousIllnessPaid: 0n,
    supplementaryPaid: 0n,
    assistanceDeductibleUsed: 0n,
    assistancePaid: 0n,
    tiltedBurden: 0n,
    tiltedPaid: 0n,
  };
}

/** One settlement line as docs/claim.md lists it (amounts as contract strings). */
export interface OracleLine {
  readonly tier: number;
  readonly id: string;
  readonly amount: string;
  /** Only on the `relief-funds` line: `{fund id: amount}` of the funds that paid, in paying order. */
  readonly funds?: Record<string, string>;
}

/** The oracle's settlement: the fields of docs/claim.md that the worked examples give. */
export interface OracleSettlement {
  readonly claimId: string;
  readonly rules: OracleRuleSetId;
  readonly total: string;
  readonly hospitalAbsorbed: string;
  readonly billable: string;
  readonly lines: readonly OracleLine[];
  readonly personal: string;
  readonly personalShare: string;
  readonly target: { readonly personalMax: string; readonly met: boolean } | null;
}
