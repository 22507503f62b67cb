/**
 * Largest-remainder allocation: split an amount in proportion to weights so that the parts add
 * back to the amount exactly (docs/policy-2017.md §3.3).
 */
import { type Fen, fen } from './fen.js';
import { mulDivRem } from './rounding.js';

/**
 * Splits `amount` in proportion to `weights`: each part gets `floor(amount × w / Σw)` fen, then
 * the leftover fen go one each to the largest fractional parts, ties to the earlier weight. The
 * parts always sum to `amount`; a zero weight never receives anything.
 *
 * Throws when every weight is zero but the amount is not (there is nothing to take it from).
 *
 * @example
 * allocate(fen(100), [fen(1), fen(1), fen(1)]) // [34, 33, 33]
 * allocate(fen(0), [fen(0), fen(0)])           // [0, 0]
 */
export function allocate(amount: Fen, weights: readonly Fen[]): Fen[] {
  let total = 0;
  for (const w of weights) total += w;
  const parts = new Array<Fen>(weights.length);
  if (total === 0) {
    if (amount !== 0) throw new RangeError('cannot allocate a non-zero amount over zero weights');
    return parts.fill(0 as Fen);
  }
  const remainders = new Array<number>(weights.length);
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const [q, r] = mulDivRem(amount, weights[i]!, total);
    parts[i] = q as Fen;
    remainders[i] = r;
    given += q;
  }
  let leftover = amount - given;
  while (leftover > 0) {
    // Leftover < number of weights, so this loop runs at most weights.length times.
    let best = -1;
    for (let i = 0; i < weights.length; i++) {
      if (remainders[i]! > 0 && (best < 0 || remainders[i]! > remainders[best]!)) best = i;
    }
    parts[best] = fen(parts[best]! + 1);
    remainders[best] = 0;
    leftover--;
  }
  return parts;
}
