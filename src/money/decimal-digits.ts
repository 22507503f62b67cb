/**
 * Reading a plainly written decimal (`"12.50"`) by its digits, for the rule files' ratios and
 * amounts: exact, and without importing decimal.js at start.
 */

/**
 * The digits of a non-negative decimal written plainly (`"12.50"`), trailing zeros of the
 * fraction dropped, or `undefined` when the text is not such a decimal or too long to be exact.
 *
 * @example
 * decimalDigits('0.50') // { int: "0", frac: "5" }
 */
export function decimalDigits(text: string): { readonly int: string; readonly frac: string } | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return Number.isSafeInteger(Number(m[1]! + frac)) ? { int: m[1]!, frac } : undefined;
}
