/**
 * Largest-remainder allocation never loses a fen and never strays a fen from the exact share; the
 * engine's in-place splits (money/allocate.ts `takeInProportion`, `allocateInPlace`) give exactly
 * what `allocate` gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, allocateInPlace, takeInProportion } from '../../src/money/allocate.js';
import { fen } from '../../src/money/fen.js';
import { cases } from '../support/helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);

const weights = fc
  .array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 8 })
  .filter((w) => w.some((x) => x > 0));

it('the parts always add up to the amount, each within one fen of its exact share, zero weights get nothing', () => {
  fc.assert(
    fc.property(weights, fc.integer({ min: 0, max: 100_000_000_000_000 }), (ws, amount) => {
      const parts = allocate(fen(amount), ws.map(fen));
      expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
      const total = ws.reduce((s, w) => s + w, 0);
      parts.forEach((p, i) => {
        const exact = (BigInt(amount) * BigInt(ws[i]!)) / BigInt(total);
        expect(BigInt(p) - exact >= 0n && BigInt(p) - exact <= 1n).toBe(true);
        if (ws[i] === 0) expect(p).toBe(0);
      });
    }),
    { numRuns: 3000 },
  );
});

it('taking no more than the weights hold leaves no part above its weight', () => {
  fc.assert(
    fc.property(weights, fc.double({ min: 0, max: 1, noNaN: true }), (ws, share) => {
      const total = ws.reduce((s, w) => s + w, 0);
      const amount = Math.floor(total * share);
      allocate(fen(amount), ws.map(fen)).forEach((p, i) => expect(p).toBeLessThanOrEqual(ws[i]!));
    }),
    { numRuns: 2000 },
  );
});

describe('the in-place splits of the engine (pools, parts, a capped payment over shares)', () => {
  /** Weights large enough that amount × weight passes the doubles' exact range (the BigInt path). */
  const values = fc.array(fc.oneof(fc.nat(1_000), fc.nat(100_000_000_000_000)), { minLength: 1, maxLength: 12 });

  it('takeInProportion takes exactly what allocate gives each value at the indexes, and leaves the others', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), fc.func(fc.boolean()), (vs, share, chosen) => {
        const indexes = vs.map((_, i) => i).filter((i) => chosen(i));
        const total = indexes.reduce((s, i) => s + vs[i]!, 0);
        fc.pre(total > 0);
        const amount = Math.floor(total * share);
        const expected = allocate(
          fen(amount),
          indexes.map((i) => fen(vs[i]!)),
        );
        const inPlace = Float64Array.from(vs);
        takeInProportion(inPlace, fen(amount), indexes);
        const taken = vs.map((v, i) => v - inPlace[i]!);
        expect(indexes.map((i) => taken[i])).toEqual(expected);
        vs.forEach((_, i) => {
          if (!indexes.includes(i)) expect(taken[i]).toBe(0);
        });
        expect(taken.reduce((s, t) => s + t, 0)).toBe(amount);
      }),
      { numRuns: RUNS },
    );
  });

  it('allocateInPlace replaces the first values by allocate of the amount over them', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 2, noNaN: true }), (vs, share) => {
        const total = vs.reduce((s, v) => s + v, 0);
        fc.pre(total > 0);
        const amount = Math.min(Math.floor(total * share), 100_000_000_000_000);
        const inPlace = Float64Array.from([...vs, 7]);
        allocateInPlace(inPlace, fen(amount), vs.length);
        expect([...inPlace]).toEqual([...allocate(fen(amount), vs.map(fen)), 7]);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(
    cases([
      { name: 'ties go to the earlier index', values: [100, 100, 100], amount: 100, left: [66, 67, 67] },
      { name: 'a zero value gives nothing', values: [0, 5, 5], amount: 5, left: [0, 2, 3] },
      { name: 'nothing is taken of nothing', values: [0, 0], amount: 0, left: [0, 0] },
    ]),
  )('taking in proportion: %s', (_, { values: vs, amount, left }) => {
    const inPlace = Float64Array.from(vs);
    takeInProportion(inPlace, fen(amount), [0, 1, 2].slice(0, vs.length));
    expect([...inPlace]).toEqual(left);
  });

  it('refuses to take a non-zero amount from values that hold nothing, or to split over more than 32 values', () => {
    expect(() => takeInProportion(Float64Array.of(0, 0), fen(1), [0, 1])).toThrow(RangeError);
    expect(() => allocateInPlace(new Float64Array(2), fen(1), 2)).toThrow(RangeError);
    const many = new Float64Array(33).fill(1);
    expect(() => allocateInPlace(many, fen(3), 33)).toThrow(/more than 32/);
    const zeros = Float64Array.of(0, 0, 9);
    allocateInPlace(zeros, fen(0), 2);
    expect([...zeros]).toEqual([0, 0, 9]);
  });
});
