/**
 * The oracle's arithmetic: amounts are BigInt fen, ratios are BigInt parts per 10,000.
 * Written for the oracle alone; it shares nothing with src/money.
 *
 * Every quantity the specs round is non-negative, so "half-up" (docs/policy-2017.md §4: `round` = half-up
 * to the fen) is plain `floor(x + 1/2)` here, and the helpers refuse negative inputs.
 */
import Decimal from 'decimal.js';

/** An amount of money in fen (1 yuan = 100 fen). */
export type Fen = bigint;

/** A ratio in parts per 10,000 (`0.55` is `5500n`): every ratio of both specs has ≤ 4 decimals. */
export type Ratio = bigint;

/** The denominator of {@link Ratio}. */
export const ONE: Ratio = 10_000n;

/**
 * A ratio from its decimal spelling, as the specs write it.
 * @example ratio('0.55') === 5500n
 */
export function ratio(decimal: string): Ratio {
  const d = new Decimal(decimal).times(10_000);
  if (!d.isInteger() || d.isNegative()) throw new Error(`oracle: ratio ${decimal} is not a whole number of 1/10,000`);
  return BigInt(d.toFixed(0));
}

/**
 * An amount in fen from yuan as the specs write them.
 * @example yuan('1200') === 120000n
 */
export function yuan(decimal: string): Fen {
  return parseAmount(decimal);
}

/**
 * Reads a contract amount (docs/claim.md "Money"): a string with 0–2 decimals, or a JSON number
 * whose value is a whole number of fen. The claim is assumed valid; anything else throws.
 * @example parseAmount('12.5') === 1250n; parseAmount(5e2) === 50000n
 */
export function parseAmount(value: unknown): Fen {
  if (typeof value === 'string') {
    if (!/^\d+(\.\d{1,2})?$/.test(value))
      throw new Error(`oracle: amount ${JSON.stringify(value)} is not a contract amount`);
    return BigInt(new Decimal(value).times(100).toFixed(0));
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    // A JSON number keeps only its value; its shortest decimal spelling (what Decimal reads from
    // a number) is the decimal the sender wrote, and it must be a whole number of fen.
    const fen = new Decimal(value).times(100);
    if (!fen.isInteger() || fen.isNegative()) throw new Error(`oracle: amount ${value} is not a whole number of fen`);
    return BigInt(fen.toFixed(0));
  }
  throw new Error(`oracle: amount ${String(value)} is neither a string nor a number`);
}

/**
 * Formats fen as the contract's string with exactly two decimals.
 * @example formatFen(12345n) === '123.45'
 */
export function formatFen(fen: Fen): string {
  if (fen < 0n) throw new Error(`oracle: negative amount ${fen}`);
  const cents = fen % 100n;
  return `${fen / 100n}.${cents.toString().padStart(2, '0')}`;
}

/**
 * `round(numerator / denominator)` half-up, for non-negative numerators.
 * @example divHalfUp(5n, 2n) === 3n
 */
export function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new Error('oracle: half-up division of a negative number');
  return (2n * numerator + denominator) / (2n * denominator);
}

/**
 * `round(amount × r)` to the fen, half-up (docs/policy-2017.md §4).
 * @example timesRound(11n, ratio('0.5')) === 6n
 */
export function timesRound(amount: Fen, r: Ratio): Fen {
  return divHalfUp(amount * r, ONE);
}

/**
 * `floor(amount × r)` to the fen (used where the spec says floor: the chronic target, §4 tier 8).
 * @example timesFloor(15599n, ratio('0.10')) === 1559n
 */
export function timesFloor(amount: Fen, r: Ratio): Fen {
  if (amount < 0n) throw new Error('oracle: floor of a negative amount');
  return (amount * r) / ONE;
}

/** "ratios are exact decimals capped at 1" (docs/policy-2017.md §4). @example capAtOne(ratio('1.05')) === ONE */
export function capAtOne(r: Ratio): Ratio {
  return r > ONE ? ONE : r;
}

/** @example min(3n, 1n, 2n) === 1n */
export function min(...values: bigint[]): bigint {
  return values.reduce((a, b) => (b < a ? b : a));
}

/** @example max0(-5n) === 0n */
export function max0(value: bigint): bigint {
  return value > 0n ? value : 0n;
}

/** @example sum([1n, 2n]) === 3n */
export function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

/**
 * docs/policy-2017.md §3.3, the pro-rata reduction: `amount` is split over `sizes` in proportion, to the
 * fen, by largest remainder: each part is `floor(amount × size / total)`, then the leftover fen go
 * one each to the largest fractional parts, ties to the earlier entry of `sizes` (callers pass the
 * pools in the spec's fixed order). The parts add up to `amount` exactly.
 * @example largestRemainder(1n, [1n, 1n]) → [1n, 0n]
 */
export function largestRemainder(amount: Fen, sizes: readonly Fen[]): Fen[] {
  const total = sum(sizes);
  if (amount < 0n || amount > total) throw new Error(`oracle: cannot take ${amount} from pools of ${total}`);
  if (amount === 0n) return sizes.map(() => 0n);
  const parts = sizes.map((s) => (amount * s) / total);
  const remainders = sizes.map((s) => (amount * s) % total);
  let leftover = amount - sum(parts);
  const byRemainder = sizes
    .map((_, i) => i)
    .sort((i, j) => (remainders[j]! > remainders[i]! ? 1 : remainders[j]! < remainders[i]! ? -1 : i - j));
  for (const i of byRemainder) {
    if (leftover === 0n) break;
    parts[i]! += 1n;
    leftover -= 1n;
  }
  return parts;
}
