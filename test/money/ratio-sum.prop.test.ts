/**
 * `RatioSum`, the brackets' running sum of amount × ratio (money/ratio.ts), is exact and rounds
 * once: it equals the sum computed in BigInt and rounded by the rule, and `applyRatios` of the same
 * terms, for amounts up to the claim's exact range and ratios of up to six decimals, however many
 * times it is reset and reused.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type Fen, fen } from '../../src/money/fen.js';
import { type Ratio, RatioSum, applyRatios } from '../../src/money/ratio.js';
import type { RoundingMode } from '../../src/money/rounding.js';
import { cases } from '../support/helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);

const ratioArb = fc
  .integer({ min: 0, max: 6 })
  .chain((scale) => fc.record({ units: fc.nat(10 ** scale), scale: fc.constant(scale) }));
const termsArb = fc.array(fc.tuple(fc.oneof(fc.nat(10_000), fc.nat(100_000_000_000_000)).map(fen), ratioArb), {
  maxLength: 6,
});
const modeArb = fc.constantFrom<RoundingMode>('half-up', 'floor');

/** Σ amount × ratio in BigInt over the largest denominator, rounded once by the mode. */
function exact(terms: readonly (readonly [Fen, Ratio])[], mode: RoundingMode): number {
  const scale = Math.max(0, ...terms.map(([, r]) => r.scale));
  const den = 10n ** BigInt(scale);
  let num = 0n;
  for (const [a, r] of terms) num += BigInt(a) * BigInt(r.units) * 10n ** BigInt(scale - r.scale);
  const q = num / den;
  const rem = num - q * den;
  return Number(mode === 'floor' || rem * 2n < den ? q : q + 1n);
}

it('RatioSum equals the exact sum rounded once, and applyRatios, whatever was summed before a reset', () => {
  const sum = new RatioSum(3);
  fc.assert(
    fc.property(termsArb, termsArb, modeArb, (before, terms, mode) => {
      const scale = Math.max(0, ...terms.map(([, r]) => r.scale));
      sum.reset(Math.max(0, ...before.map(([, r]) => r.scale)));
      for (const [a, r] of before) sum.add(a, r.units);
      sum.reset(scale);
      for (const [a, r] of terms) sum.add(a, r.units * 10 ** (scale - r.scale));
      const want = exact(terms, mode);
      expect(sum.rounded(mode)).toBe(want);
      expect(applyRatios(terms, mode)).toBe(want);
    }),
    { numRuns: RUNS },
  );
});

it.each(
  cases([
    { name: 'half a fen rounds up', terms: [[1, { units: 5, scale: 1 }]], 'half-up': 1, floor: 0 },
    {
      name: 'two halves make one fen, rounded once',
      terms: [
        [1, { units: 5, scale: 1 }],
        [1, { units: 5, scale: 1 }],
      ],
      'half-up': 1,
      floor: 1,
    },
    { name: 'just under half a fen rounds down', terms: [[4999, { units: 1, scale: 4 }]], 'half-up': 0, floor: 0 },
    { name: 'nothing sums to nothing', terms: [], 'half-up': 0, floor: 0 },
  ] as const),
)('RatioSum: %s', (_, c) => {
  const sum = new RatioSum(4);
  for (const [a, r] of c.terms) sum.add(fen(a), r.units * 10 ** (4 - r.scale));
  expect(sum.rounded()).toBe(c['half-up']);
  expect(sum.rounded('floor')).toBe(c.floor);
  expect(sum.reset().rounded()).toBe(0);
});
