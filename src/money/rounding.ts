/**
 * The one rounding rule of the project, declared once.
 *
 * docs/policy-2017.md §4: every tier payment is rounded half-up to the fen; the chronic-outpatient target is
 * the single place the spec says floor. Every product of an amount and a ratio goes through
 * {@link mulDiv}, so no other file ever rounds.
 */
export type RoundingMode = 'half-up' | 'floor';

/** The default rounding of money: half-up to the fen (docs/policy-2017.md §4). */
export const MONEY_ROUNDING: RoundingMode = 'half-up';

/**
 * `a × n / d` rounded to an integer, exactly, for non-negative integers `a`, `n` and positive `d`.
 *
 * Uses plain doubles while the product is a safe integer (the common case, and fast) and BigInt
 * beyond, so the result is exact for any amount the claim schema admits.
 *
 * @example
 * mulDiv(12345, 5, 100, 'half-up') // 617 (617.25 → 617)
 * mulDiv(12350, 5, 100, 'half-up') // 618 (617.5 → 618)
 * mulDiv(12399, 1, 10, 'floor')    // 1239
 */
export function mulDiv(a: number, n: number, d: number, mode: RoundingMode = MONEY_ROUNDING): number {
  const p = a * n;
  if (p <= Number.MAX_SAFE_INTEGER) {
    const r = p % d;
    const q = (p - r) / d;
    return mode === 'floor' || r * 2 < d ? q : q + 1;
  }
  const big = BigInt(a) * BigInt(n);
  const bd = BigInt(d);
  const q = big / bd;
  const r = big % bd;
  return toSafeNumber(mode === 'floor' || r * 2n < bd ? q : q + 1n);
}

/**
 * Floor quotient and remainder of `a × n / d`, exact, for non-negative integers (`d` > 0).
 * The remainder is what largest-remainder allocation compares.
 *
 * @example
 * mulDivRem(10, 1, 3) // [3, 1]
 */
export function mulDivRem(a: number, n: number, d: number): readonly [number, number] {
  const p = a * n;
  if (p <= Number.MAX_SAFE_INTEGER) {
    const r = p % d;
    return [(p - r) / d, r];
  }
  const big = BigInt(a) * BigInt(n);
  const bd = BigInt(d);
  return [toSafeNumber(big / bd), toSafeNumber(big % bd)];
}

function toSafeNumber(b: bigint): number {
  const n = Number(b);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of the exact range: ${b} fen`);
  return n;
}
