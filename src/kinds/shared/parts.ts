/**
 * The parts of what is left of a bill once the carve-outs have run (docs/policy-2017.md §4): S (in
 * scope, `A + B − Pb`), Pb (the 乙类 self-pay share of B), N (necessary out-of-catalog) and O (other
 * out-of-catalog). Kinds pay from a chosen set of parts; what a payment takes from several parts
 * is split in proportion to them by largest remainder (ties to the earlier part, in PARTS order).
 */
import { takeInProportion } from '../../money/allocate.js';
import { type Fen, fen } from '../../money/fen.js';
import { PARTS, type Part } from '../../rule-files/types.js';

/** The index of each part in the scratch state's `parts`. */
export const PART_INDEX: Readonly<Record<Part, number>> = { S: 0, Pb: 1, N: 2, O: 3 };

/** Every part, by index. */
export const ALL_PARTS: readonly number[] = PARTS.map((p) => PART_INDEX[p]);

/**
 * The indexes of a list of parts.
 *
 * @example
 * partIndexes(['S', 'N']) // [0, 2]
 */
export function partIndexes(parts: readonly Part[]): number[] {
  return parts.map((p) => PART_INDEX[p]);
}

/**
 * What the parts at `indexes` add up to.
 *
 * @example
 * sumParts(s.parts, [0, 1, 2])
 */
export function sumParts(parts: ArrayLike<number>, indexes: readonly number[]): Fen {
  let total = 0;
  for (let k = 0; k < indexes.length; k++) total += parts[indexes[k]!]!;
  return fen(total);
}

/**
 * Takes `amount` from the parts at `indexes`, in proportion to them (in place). The amount must
 * not exceed what they hold.
 *
 * @example
 * takeFromParts(s.parts, fen(700), [0, 1, 2])
 */
export function takeFromParts(parts: Float64Array, amount: Fen, indexes: readonly number[]): void {
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; a split over one part gives it the whole amount
  if (indexes.length === 1) {
    const i = indexes[0]!;
    parts[i] = parts[i]! - amount;
    return;
  }
  takeInProportion(parts, amount, indexes);
}
