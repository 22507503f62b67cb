/**
 * The parts of what is left once the carve-outs have run (docs/policy-2017.md §4): S, Pb, N and O,
 * what a set of them holds, and that a payment is taken from them in proportion, adding up exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_PARTS, PART_INDEX, partIndexes, sumParts, takeFromParts } from '../../../src/kinds/shared/parts.js';
import { allocate } from '../../../src/money/allocate.js';
import { fen } from '../../../src/money/fen.js';

describe('the parts', () => {
  it('are S, Pb, N and O in that order', () => {
    expect(PART_INDEX).toEqual({ S: 0, Pb: 1, N: 2, O: 3 });
    expect(ALL_PARTS).toEqual([0, 1, 2, 3]);
    expect(partIndexes(['N', 'S'])).toEqual([2, 0]);
    expect(partIndexes([])).toEqual([]);
  });

  it('add up the parts named', () => {
    const parts = Float64Array.of(1, 20, 300, 4000);
    expect(sumParts(parts, [0, 2])).toBe(301);
    expect(sumParts(parts, ALL_PARTS)).toBe(4321);
    expect(sumParts(parts, [])).toBe(0);
  });

  it('give a payment from one part whole, even when it is all the part holds', () => {
    const parts = Float64Array.of(500, 20, 300, 4000);
    takeFromParts(parts, fen(500), [0]);
    expect([...parts]).toEqual([0, 20, 300, 4000]);
  });

  it('give nothing of nothing, even from parts that hold nothing', () => {
    const parts = Float64Array.of(0, 0, 300, 4000);
    takeFromParts(parts, fen(0), [0, 1]);
    expect([...parts]).toEqual([0, 0, 300, 4000]);
  });

  it('for any parts and a payment they hold, give what allocate says over the parts named, and nothing of the others', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(10_000_000), { minLength: 4, maxLength: 4 }),
        fc.subarray([0, 1, 2, 3], { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (before, named, share) => {
          const held = sumParts(before, named);
          fc.pre(held > 0);
          const amount = Math.floor(held * share);
          const parts = Float64Array.from(before);
          takeFromParts(parts, fen(amount), named);
          const given = allocate(
            fen(amount),
            named.map((i) => fen(before[i]!)),
          );
          named.forEach((i, k) => expect(before[i]! - parts[i]!).toBe(given[k]));
          [0, 1, 2, 3].filter((i) => !named.includes(i)).forEach((i) => expect(parts[i]).toBe(before[i]));
          expect(sumParts(parts, ALL_PARTS)).toBe(sumParts(before, ALL_PARTS) - amount);
        },
      ),
    );
  });
});
