/**
 * The scratch state one settlement works in: `begin` starts each claim afresh (nothing of the last
 * claim left in it but the room it keeps), fund payments are recorded in order however many there
 * are, and a top-up's target is reported as met or missed.
 */
import { describe, expect, it } from 'vitest';
import { PART_COUNT, Scratch } from '../../../src/kinds/shared/scratch.js';
import { fen } from '../../../src/money/fen.js';

describe('a scratch state', () => {
  it('starts a claim with its pools, what it owes, its profile, its counters and balances, and nothing of the last claim', () => {
    const s = new Scratch(2, 4);
    s.begin(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), fen(36), true, Uint8Array.of(1, 1), new Float64Array(1), {});
    s.parts.set([1, 2, 3, 4]);
    s.scope.set([1, 2, 3, 4]);
    s.amounts[1] = 9;
    s.carried[1] = 9;
    s.remaining = fen(3);
    s.draw('relief', fen(9));
    s.targetId = 'in-county';

    const applies = Uint8Array.of(0, 1);
    const counters = Float64Array.of(42);
    const balances = { relief: fen(10) };
    s.begin(Float64Array.of(8, 7, 6, 5, 4, 3, 2, 1), fen(20), false, applies, counters, balances);
    expect([...s.pools]).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect([...s.parts]).toEqual([0, 0, 0, 0]);
    expect([...s.scope]).toEqual([0, 0, 0, 0]);
    expect(s.billable).toBe(20);
    expect(s.remaining).toBe(20);
    expect(s.settled).toBe(false);
    expect(s.applies).toBe(applies);
    expect(s.counters).toBe(counters);
    expect(s.balances).toBe(balances);
    expect([...s.amounts]).toEqual([0, 0]);
    expect([...s.carried]).toEqual([0, 0]);
    expect(s.drawCount).toBe(0);
    expect(s.targetOutcome()).toBeNull();
    expect(s.parts.length).toBe(PART_COUNT);
  });

  it('records fund payments in order, past the room it starts with', () => {
    const s = new Scratch(1, 2);
    for (let i = 0; i < 20; i++) s.draw(`fund-${i}`, fen(i + 1));
    expect(s.drawCount).toBe(20);
    expect(s.drawFunds.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => `fund-${i}`));
    expect([...s.drawAmounts.slice(0, 20)]).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('reports a target met when the funds paid all they had to, and missed by what they could not', () => {
    const s = new Scratch(1, 2);
    s.targetId = 'in-county';
    s.targetMax = fen(0);
    s.targetShortfall = fen(0);
    expect(s.targetOutcome()).toEqual({ id: 'in-county', personalMax: 0, met: true, shortfall: 0 });
    s.targetMax = fen(15500);
    s.targetShortfall = fen(1);
    expect(s.targetOutcome()).toEqual({ id: 'in-county', personalMax: 15500, met: false, shortfall: 1 });
  });
});
