/**
 * The year-to-date state of one person in one calendar year of discharge (docs/policy-2017.md §6,
 * docs/policy-2022.md §4). Passed into a settlement and returned by it: the library keeps no hidden
 * state. Its counters are named by the tiers that keep them (`<tier id>.<counter>`, for instance
 * `basic-insurance.paid.basic` or `serious-illness-insurance.burden`): which counters exist is
 * the rule set's business (each kind says what it keeps, src/kinds/).
 */
import { type Fen, ZERO } from '../money/fen.js';
import { keyShape } from './key-shape.js';

/** What earlier claims of the year consumed, per counter the tiers read. */
export interface YearLedger {
  readonly personId: string;
  readonly year: number;
  /** Claims settled this year, in order; settling one of them again is refused. */
  readonly claimIds: readonly string[];
  /** The tiers' year-to-date counters (amounts paid, deductibles consumed, cumulative burdens), by name. */
  readonly counters: Readonly<Record<string, Fen>>;
}

/**
 * The ledger of a person-year with nothing settled yet.
 *
 * @example
 * emptyYearLedger('P1', 2017).claimIds // []
 */
export function emptyYearLedger(personId: string, year: number): YearLedger {
  return { personId, year, claimIds: [], counters: {} };
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

/** Year-to-date ledgers of many person-years, by `ledgerKey(personId, year)` (`"personId|year"`). */
export type Ledger = ReadonlyMap<string, YearLedger>;

/**
 * The year of a discharge date, which chooses the ledger (calendar year, docs/policy-2017.md §6 [assumed]).
 *
 * @example
 * ledgerYear('2017-06-10') // 2017
 */
export function ledgerYear(discharged: string): number {
  return Number(discharged.slice(0, 4));
}

/**
 * A ledger's counters in a rule set's layout (absent ones are 0), for the waterfall to update.
 *
 * @example
 * countersIn(ledger, ['basic-insurance.paid.basic', 'serious-illness-insurance.burden'])
 */
export function countersIn(ledger: YearLedger, layout: readonly string[]): Fen[] {
  // Stryker disable next-line ArrayDeclaration: an array made empty is filled to the same length by the loop below; the size given is only an allocation
  const out = new Array<Fen>(layout.length);
  for (let i = 0; i < layout.length; i++) out[i] = ledger.counters[layout[i]!] ?? ZERO;
  return out;
}

/**
 * The counters of a ledger after a settlement: every counter of the layout, with the values the
 * waterfall left, beside the ones of the ledger the layout does not have (kept as they were).
 *
 * @example
 * withCounters(ledger, layout, [fen(1200), fen(0)])
 */
export function withCounters(
  ledger: YearLedger,
  layout: readonly string[],
  values: ArrayLike<number>,
): Readonly<Record<string, Fen>> {
  // The layout's keys first (keyShape), then the counters of another layout the ledger may carry.
  const out = { ...keyShape(layout) } as unknown as Record<string, Fen>;
  for (const k of Object.keys(ledger.counters)) if (!Object.hasOwn(out, k)) out[k] = ledger.counters[k]!;
  for (let i = 0; i < layout.length; i++) out[layout[i]!] = values[i]! as Fen;
  return out;
}
