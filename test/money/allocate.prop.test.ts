/** Largest-remainder allocation never loses a fen and never strays a fen from the exact share. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { allocate } from '../../src/money/allocate.js';
import { fen } from '../../src/money/fen.js';

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
