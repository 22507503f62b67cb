/**
 * How the simulation report writes its values: sums of fen as the contract's yuan strings (a sum
 * beyond 2^53 fen is refused, never rounded), shares with four decimals as settlements write
 * them, and the change of a share in the same unit, computed from the two shares as written so
 * that the three figures a reader sees always agree.
 */
import { formatShare } from '../../format/settlement-json.js';
import { type Fen, formatFen } from '../../money/fen.js';

/**
 * A total of the whole simulation beyond 2^53 fen (about 9 × 10^13 yuan, thousands of times a
 * province's yearly spending): the report would not be exact, so none is printed. Each claim and
 * each person-year is held below that limit (ledger_overflow); the run's sums across persons can
 * only be checked here.
 */
export class TotalBeyondRangeError extends RangeError {}

/**
 * A sum of fen as a yuan string.
 *
 * @example
 * yuan(123450) // "1234.50"
 */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) {
    throw new TotalBeyondRangeError(
      'a total of the simulation passes 2^53 fen (about 9 × 10^13 yuan), beyond which it would not be exact: no report is printed; simulate the input in parts (by county, by month), whose reports are exact',
    );
  }
  return formatFen(fen as Fen);
}

/**
 * `part / whole` with four decimals, half-up (`"0.0000"` when `whole` is 0).
 *
 * @example
 * share(1403, 10000) // "0.1403"
 */
export function share(part: number, whole: number): string {
  return formatShare(part as Fen, whole as Fen);
}

/** A share string's basis points ("0.1403" → 1403). */
const basisPoints = (s: string): number => {
  const [int, dec = ''] = s.split('.');
  return Number(int) * 10_000 + Number(dec.padEnd(4, '0'));
};

/**
 * The change from one share string to another, as a signed share with four decimals.
 *
 * @example
 * shareChange("0.1403", "0.1380") // "-0.0023"
 */
export function shareChange(before: string, after: string): string {
  const d = basisPoints(after) - basisPoints(before);
  const abs = Math.abs(d);
  return `${d < 0 ? '-' : ''}${Math.floor(abs / 10_000)}.${String(abs % 10_000).padStart(4, '0')}`;
}

/** A value under the baseline and a reform, and the change. */
export interface Compared<T> {
  readonly baseline: T;
  readonly reform: T;
  readonly change: T;
}

/**
 * Two sums of fen and their change, as yuan strings.
 *
 * @example
 * comparedYuan(500, 300) // { baseline: "5.00", reform: "3.00", change: "-2.00" }
 */
export function comparedYuan(baseline: number, reform: number): Compared<string> {
  return { baseline: yuan(baseline), reform: yuan(reform), change: yuan(reform - baseline) };
}

/**
 * Two shares (`part / whole` each) and their change.
 *
 * @example
 * comparedShare([1403, 10000], [1380, 10000]) // { baseline: "0.1403", reform: "0.1380", change: "-0.0023" }
 */
export function comparedShare(
  baseline: readonly [number, number],
  reform: readonly [number, number],
): Compared<string> {
  const b = share(baseline[0], baseline[1]);
  const r = share(reform[0], reform[1]);
  return { baseline: b, reform: r, change: shareChange(b, r) };
}
