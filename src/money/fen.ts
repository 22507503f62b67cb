/**
 * Money as an exact integer number of fen (分), behind one type.
 *
 * A `Fen` is a safe integer; it is never a fraction of a yuan held in a float. Amounts enter only
 * through {@link parseAmount} (claims) or {@link parseRuleAmount} (rule files) and leave only
 * through {@link formatFen}. Arithmetic that could leave the exact range throws instead of
 * rounding silently.
 */
import { decimalDigits } from './decimal-digits.js';

/** An exact amount of money in fen (1 yuan = 100 fen). */
export type Fen = number & { readonly __unit: 'fen' };

/** Zero fen. */
export const ZERO = 0 as Fen;

/** Largest amount a claim may carry, in fen: 10^12 yuan. A technical limit, not a policy number. */
export const MAX_CLAIM_FEN = 100_000_000_000_000 as Fen;

// Any number of digits: the value, not the length, decides whether an amount is too large
// (a 23-digit amount and "9999999999999.99" are both well-formed amounts beyond the range).
const AMOUNT_TEXT = /^\d+(\.\d{1,2})?$/;

/**
 * Reads a contract amount: a JSON number or a string with 0–2 decimals, never negative, no
 * exponent, no separators. Returns `undefined` when the text is not such an amount, or when it is
 * one beyond the range fen are exact in (above 2^53 fen, about 9 × 10^13 yuan: see
 * `isAmountBeyondRange`). Never throws.
 *
 * @example
 * parseAmount('1234.5') // 123450
 * parseAmount(86.4)     // 8640
 * parseAmount('1.234')  // undefined
 */
export function parseAmount(value: unknown): Fen | undefined {
  const text = amountText(value);
  if (text === undefined) return undefined;
  const f = textToFen(text);
  return Number.isSafeInteger(f) ? (f as Fen) : undefined;
}

/**
 * True when `value` is written as an amount (a string of digits with 0–2 decimals, or a
 * non-negative JSON number) but is too large to be held exactly in fen, however many digits it has
 * (so that a reader can say "too large" rather than "not an amount"). Readers then give
 * `amount_too_large` to every well-formed amount above their maximum, this one included.
 *
 * @example
 * isAmountBeyondRange('999999999999999.99')       // true
 * isAmountBeyondRange('12345678901234567890123')  // true
 * isAmountBeyondRange(1e25)                       // true
 * isAmountBeyondRange('1.234')                    // false: not an amount at all
 */
export function isAmountBeyondRange(value: unknown): boolean {
  // Numbers from 1e21 up print with an exponent; they are whole, non-negative and far too large.
  if (typeof value === 'number') return Number.isFinite(value) && value * 100 > Number.MAX_SAFE_INTEGER;
  const text = amountText(value);
  return text !== undefined && !Number.isSafeInteger(textToFen(text));
}

function amountText(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return undefined;
  return AMOUNT_TEXT.test(text) ? text : undefined;
}

function textToFen(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return Number(text) * 100;
  return Number(text.slice(0, dot)) * 100 + Number(text.slice(dot + 1).padEnd(2, '0'));
}

/**
 * Reads an amount written in a rule file (a decimal string such as `"150000"` or `"0.50"`).
 *
 * @example
 * parseRuleAmount('400') // 40000
 */
export function parseRuleAmount(text: string): Fen {
  const d = decimalDigits(text);
  if (!d || d.frac.length > 2) throw new RangeError(`not an amount in fen: ${text}`);
  return checked(Number(d.int) * 100 + Number(d.frac.padEnd(2, '0')));
}

/**
 * Formats fen as the contract's string with exactly two decimals.
 *
 * @example
 * formatFen(123450 as Fen) // "1234.50"
 * formatFen(-5 as Fen)     // "-0.05"
 */
export function formatFen(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${sign}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

/** `a + b`, exact. @example add(fen(1), fen(2)) // 3 */
export function add(a: Fen, b: Fen): Fen {
  return checked(a + b);
}

/** `a − b`, exact (may be negative: differences between scenarios). @example sub(fen(5), fen(2)) // 3 */
export function sub(a: Fen, b: Fen): Fen {
  return checked(a - b);
}

/** The smaller of two amounts. @example minFen(fen(1), fen(2)) // 1 */
export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

/** The larger of two amounts. @example maxFen(fen(1), fen(2)) // 2 */
export function maxFen(a: Fen, b: Fen): Fen {
  return a > b ? a : b;
}

/** `max(0, a − b)`: what is left of `a` after `b`. @example excess(fen(5), fen(7)) // 0 */
export function excess(a: Fen, b: Fen): Fen {
  return a > b ? checked(a - b) : ZERO;
}

/** Sum of amounts, exact. @example sumFen([fen(1), fen(2)]) // 3 */
export function sumFen(amounts: readonly Fen[]): Fen {
  let s = 0;
  for (const a of amounts) s += a;
  return checked(s);
}

/**
 * Brands an integer as fen; throws if it is not a safe integer. For tests and the rule loader.
 *
 * @example
 * fen(1050) // 10.50 yuan
 */
export function fen(n: number): Fen {
  return checked(n);
}

function checked(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of the exact range: ${n} fen`);
  return n as Fen;
}
