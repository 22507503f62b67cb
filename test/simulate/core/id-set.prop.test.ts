/**
 * The simulation's set of claim ids (src/simulate/id-set.ts) answers as a `Set` would, through
 * growth, deletions and colliding hashes: it decides which claims are refused as duplicates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet } from '../../../src/simulate/core/id-set.js';

describe('IdSet', () => {
  it.each([
    { ops: ['+C1', '+C1'], answers: [true, false], case: 'an id added twice is new once' },
    { ops: ['+C1', '-C1', '+C1'], answers: [true, undefined, true], case: 'a deleted id is new again' },
    { ops: ['-C1', '+C1'], answers: [undefined, true], case: 'deleting an absent id changes nothing' },
    { ops: ['+', '+'], answers: [true, false], case: 'the empty id is an id' },
    {
      ops: ['+C1', '+C2', '-C1', '+C2', '+C1'],
      answers: [true, true, undefined, false, true],
      case: 'deleting one id leaves the others',
    },
  ])('$case', ({ ops, answers }) => {
    const set = new IdSet();
    expect(ops.map((op) => (op[0] === '+' ? set.add(op.slice(1)) : set.delete(op.slice(1))))).toEqual(answers);
  });

  it('keeps 100,000 ids through its growth, each new once', () => {
    const set = new IdSet();
    const ids = Array.from({ length: 100_000 }, (_, i) => `C2018-${String(i).padStart(9, '0')}`);
    expect(ids.every((id) => set.add(id))).toBe(true);
    expect(ids.some((id) => set.add(id))).toBe(false);
    expect(set.add('C2018-000100000')).toBe(true);
  });

  it('does not grow on ids added and deleted again (a stream of refused claims)', () => {
    const set = new IdSet();
    for (let i = 0; i < 100_000; i++) {
      set.add(`C${i}`);
      set.delete(`C${i}`);
    }
    expect((set as unknown as { hashes: Int32Array }).hashes.length).toBe(1024);
    expect(set.add('C1')).toBe(true);
  });

  it('answers every sequence of additions and deletions as a Set does', () => {
    // A small alphabet gives repeated ids; many operations cross several growths with tombstones.
    const op = fc.record({
      add: fc.boolean(),
      id: fc.string({ unit: fc.constantFrom('a', 'b', '\u00e9', '\ud83d\ude00'), maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const set = new IdSet();
        const model = new Set<string>();
        for (const { add, id } of ops) {
          if (add) {
            const isNew = !model.has(id);
            model.add(id);
            expect(set.add(id)).toBe(isNew);
          } else {
            model.delete(id);
            set.delete(id);
          }
        }
        for (const id of model) expect(set.add(id)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
