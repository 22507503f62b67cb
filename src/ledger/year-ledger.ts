/**
 * The year-to-date state of one person in one calendar year of discharge (POLICY.md §6). Passed
 * into a settlement and returned by it: the library keeps no hidden state.
 */
import { type Fen, ZERO } from '../money/fen.js';

/** What earlier claims of the year consumed, per counter the tiers read. */
export interface YearLedger {
  readonly personId: string;
  readonly year: number;
  /** Claims settled this year, in order; settling one of them again is refused. */
  readonly claimIds: readonly string[];
  /** Basic insurance paid this year, per cap pool of the rule set (`basic`, `general-outpatient`). */
  readonly basicInsurancePaid: Readonly<Record<string, Fen>>;
  /** Per-year deductibles consumed this year, per basic-insurance table id. */
  readonly basicDeductibleUsed: Readonly<Record<string, Fen>>;
  /** Cumulative in-scope personal burden after basic insurance (the serious-illness `c`). */
  readonly seriousIllnessBurden: Fen;
  readonly seriousIllnessPaid: Fen;
  readonly supplementaryPaid: Fen;
  readonly assistancePaid: Fen;
}

/**
 * The ledger of a person-year with nothing settled yet.
 *
 * @example
 * emptyYearLedger('P1', 2017).claimIds // []
 */
export function emptyYearLedger(personId: string, year: number): YearLedger {
  return {
    personId,
    year,
    claimIds: [],
    basicInsurancePaid: {},
    basicDeductibleUsed: {},
    seriousIllnessBurden: ZERO,
    seriousIllnessPaid: ZERO,
    supplementaryPaid: ZERO,
    assistancePaid: ZERO,
  };
}

/**
 * The key of a person-year in a {@link Ledger}.
 *
 * @example
 * ledgerKey('P1', 2017) // "P1|2017"
 */
export function ledgerKey(personId: string, year: number): string {
  return `${personId}|${year}`;
}

/** Year-to-date ledgers of many person-years, by {@link ledgerKey}. */
export type Ledger = ReadonlyMap<string, YearLedger>;

/**
 * The year of a discharge date, which chooses the ledger (calendar year, POLICY.md §6 [assumed]).
 *
 * @example
 * ledgerYear('2017-06-10') // 2017
 */
export function ledgerYear(discharged: string): number {
  return Number(discharged.slice(0, 4));
}
