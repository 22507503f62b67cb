/**
 * Exact decimal ratios (0.55, 0.05, 0.10 …) as an integer over a power of ten, so that
 * `amount × ratio` is computed without a float ever holding the product.
 */
import { decimalDigits } from './decimal-digits.js';
import { type Fen, fen } from './fen.js';
import { mulDiv, mulDivRem, type RoundingMode, MONEY_ROUNDING } from './rounding.js';

/** `units / 10^scale`, exact; never negative. */
export interface Ratio {
  readonly units: number;
  readonly scale: number;
}

/** Most decimals a ratio in a rule file may carry. */
export const MAX_RATIO_DECIMALS = 6;

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

/**
 * Reads a ratio written as a decimal string (`"0.55"`, `"1"`, `"0.105"`).
 *
 * @example
 * parseRatio('0.55') // { units: 55, scale: 2 }
 */
export function parseRatio(text: string): Ratio {
  // By hand rather than with decimal.js, which cost 18 ms of the cold start to import; the result
  // is decimal.js's (trailing zeros dropped: "0.50" is 5 tenths), property-tested against it.
  const d = decimalDigits(text);
  if (!d || d.frac.length > MAX_RATIO_DECIMALS)
    throw new RangeError(`not a ratio with at most ${MAX_RATIO_DECIMALS} decimals: ${text}`);
  return { units: Number(d.int + d.frac), scale: d.frac.length };
}

/**
 * `a + b`, exact.
 *
 * @example
 * addRatio(parseRatio('0.75'), parseRatio('0.05')) // 0.80
 */
export function addRatio(a: Ratio, b: Ratio): Ratio {
  const scale = Math.max(a.scale, b.scale);
  return {
    units: a.units * POW10[scale - a.scale]! + b.units * POW10[scale - b.scale]!,
    scale,
  };
}

/**
 * `min(r, 1)`: docs/policy-2017.md §4 caps every ratio at 1 (a raised ratio never pays more than the base).
 *
 * @example
 * capAtOne(parseRatio('1.05')) // 1
 */
export function capAtOne(r: Ratio): Ratio {
  const one = POW10[r.scale]!;
  return r.units > one ? { units: one, scale: r.scale } : r;
}

/**
 * `amount × ratio`, rounded to the fen (half-up unless told otherwise).
 *
 * @example
 * applyRatio(fen(847000), parseRatio('0.8')) // 677600
 */
export function applyRatio(amount: Fen, r: Ratio, mode: RoundingMode = MONEY_ROUNDING): Fen {
  return fen(mulDiv(amount, r.units, POW10[r.scale]!, mode));
}

/**
 * The ratio as a decimal string, for explanations and traces.
 *
 * @example
 * formatRatio(parseRatio('0.80')) // "0.8"
 */
export function formatRatio(r: Ratio): string {
  return decimalText(r.units, r.scale);
}

/**
 * The ratio as a percentage string for people (`"80%"`, `"12.5%"`).
 *
 * @example
 * formatPercent(parseRatio('0.125')) // "12.5%"
 */
export function formatPercent(r: Ratio): string {
  // Ratios are the policy's own objects, shared by every claim: write each one once.
  let text = percentTexts.get(r);
  if (text === undefined) percentTexts.set(r, (text = `${decimalText(r.units, r.scale - 2)}%`));
  return text;
}

const percentTexts = new WeakMap<Ratio, string>();

/** `units / 10^scale` written exactly, without trailing zeros (integers only: no float, no Decimal, on the hot path of explanations). */
function decimalText(units: number, scale: number): string {
  if (scale <= 0) return String(units * POW10[-scale]!);
  const digits = String(units).padStart(scale + 1, '0');
  const frac = digits.slice(-scale).replace(/0+$/, '');
  const int = digits.slice(0, -scale);
  return frac === '' ? int : `${int}.${frac}`;
}

/**
 * `10^scale`, for callers that compare or combine ratios over one denominator.
 *
 * @example
 * ratioDenominator(parseRatio('0.40')) // 100
 */
export function ratioDenominator(r: Ratio): number {
  return POW10[r.scale]!;
}

/**
 * `Σ amount_i × ratio_i`, computed exactly and rounded once (half-up unless told otherwise): the
 * serious-illness bracket sum f(c) rounds the whole, not each bracket.
 *
 * @example
 * applyRatios([[fen(4500000), parseRatio('0.65')], [fen(3815500), parseRatio('0.75')]]) // 5786625
 */
export function applyRatios(terms: readonly (readonly [Fen, Ratio])[], mode: RoundingMode = MONEY_ROUNDING): Fen {
  let scale = 0;
  for (const [, r] of terms) if (r.scale > scale) scale = r.scale;
  const sum = new RatioSum(scale);
  for (const [a, r] of terms) sum.add(a, r.units * POW10[scale - r.scale]!);
  return sum.rounded(mode);
}

/**
 * `Σ amount_i × units_i / 10^scale`, accumulated exactly (a quotient and a remainder) and rounded
 * once: {@link applyRatios} without its list of terms, for the engine's hot path (the brackets of
 * a compiled rule set keep one, reset per claim).
 *
 * @example
 * const s = new RatioSum(2); s.add(fen(4500000), 65); s.add(fen(3815500), 75); s.rounded() // 5786625
 */
export class RatioSum {
  private den: number;
  private q = 0;
  private rem = 0;
  constructor(scale: number) {
    this.den = POW10[scale]!;
  }
  /** Starts again from zero (over 10^scale, when a scale is given). */
  reset(scale?: number): this {
    if (scale !== undefined) this.den = POW10[scale]!;
    this.q = 0;
    this.rem = 0;
    return this;
  }
  /** Adds `amount × units / 10^scale`. */
  add(amount: Fen, units: number): void {
    const p = amount * units;
    if (p <= Number.MAX_SAFE_INTEGER) {
      const r = p % this.den;
      this.q += (p - r) / this.den;
      this.rem += r;
    } else {
      const [qi, ri] = mulDivRem(amount, units, this.den);
      this.q += qi;
      this.rem += ri;
    }
  }
  /** The sum, rounded to the fen (half-up unless told otherwise). */
  rounded(mode: RoundingMode = MONEY_ROUNDING): Fen {
    const carry = Math.floor(this.rem / this.den);
    const q = this.q + carry;
    const rem = this.rem - carry * this.den;
    return fen(mode === 'floor' || rem * 2 < this.den ? q : q + 1);
  }
}
