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

/** Room for the quotients and remainders of the in-place splits (more values than any split has). */
const MAX_SPLIT = 32;
const quotients = new Float64Array(MAX_SPLIT);
const remainders = new Float64Array(MAX_SPLIT);

/** {@link allocate} of `amount` over `values` at `indexes`, into `quotients` (no allocation). */
function split(values: Float64Array, amount: Fen, indexes: ArrayLike<number>): void {
  const n = indexes.length;
  if (n > MAX_SPLIT) throw new RangeError(`cannot split over more than ${MAX_SPLIT} values`);
  let total = 0;
  for (let k = 0; k < n; k++) total += values[indexes[k]!]!;
  if (total === 0) {
    if (amount !== 0) throw new RangeError('cannot allocate a non-zero amount over zero weights');
    quotients.fill(0, 0, n);
    return;
  }
  let given = 0;
  for (let k = 0; k < n; k++) {
    const w = values[indexes[k]!]!;
    const p = amount * w;
    let q: number;
    let r: number;
    if (p <= Number.MAX_SAFE_INTEGER) {
      r = p % total;
      q = (p - r) / total;
    } else {
      [q, r] = mulDivRem(amount, w, total);
    }
    quotients[k] = q;
    remainders[k] = r;
    given += q;
  }
  let leftover = amount - given;
  while (leftover > 0) {
    let best = -1;
    for (let k = 0; k < n; k++) {
      if (remainders[k]! > 0 && (best < 0 || remainders[k]! > remainders[best]!)) best = k;
    }
    quotients[best] = quotients[best]! + 1;
    remainders[best] = 0;
    leftover--;
  }
}

/**
 * Takes `amount` from `values` at `indexes` in proportion to what they hold, by the same largest
 * remainder as {@link allocate} (ties to the earlier index), in place and without allocating: the
 * engine's pools and parts (docs/policy-2017.md §3.3). The amount must not exceed their sum.
 *
 * @example
 * const pools = Float64Array.of(100, 100, 100);
 * takeInProportion(pools, fen(100), [0, 1, 2]); // pools: 66, 67, 67
 */
export function takeInProportion(values: Float64Array, amount: Fen, indexes: ArrayLike<number>): void {
  if (amount === 0) return;
  split(values, amount, indexes);
  for (let k = 0; k < indexes.length; k++) values[indexes[k]!] = values[indexes[k]!]! - quotients[k]!;
}

/**
 * Replaces the weights `values[0 … count)` by {@link allocate}`(amount, weights)`, in place and
 * without allocating (a capped payment split over the shares that computed it).
 *
 * @example
 * const w = Float64Array.of(1, 1, 1);
 * allocateInPlace(w, fen(100), 3); // w: 34, 33, 33
 */
export function allocateInPlace(values: Float64Array, amount: Fen, count: number): void {
  split(values, amount, firstIndexes(count));
  for (let k = 0; k < count; k++) values[k] = quotients[k]!;
}

const indexLists: number[][] = [];
/** The indexes 0 … n−1, one list per length. */
function firstIndexes(n: number): readonly number[] {
  return (indexLists[n] ??= Array.from({ length: n }, (_, k) => k));
}
