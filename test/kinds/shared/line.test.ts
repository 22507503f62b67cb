/**
 * What every kind's step does the same way: record what its tier paid and what was still to pay
 * when it ran, take it off what is left, and leave early (paying only what it reports for others)
 * at a hospital the tiers do not pay at or on a claim the tier does not apply to.
 */
import { describe, expect, it } from 'vitest';
import { KIND_TRACE, TRACE_AVAILABLE, TRACE_DRAWS, notRunning, pay } from '../../../src/kinds/shared/line.js';
import { Scratch } from '../../../src/kinds/shared/scratch.js';
import { fen } from '../../../src/money/fen.js';
import { cases } from '../../support/helpers.js';

/** A scratch state of three tiers, 1000.00 yuan to pay, the second tier applying or not. */
function scratch(settled = true, applies = 1): Scratch {
  const s = new Scratch(3, 3 * KIND_TRACE);
  s.begin(new Float64Array(8), fen(100000), settled, Uint8Array.of(1, applies, 1), new Float64Array(0), {});
  s.draw('relief', fen(5));
  return s;
}

describe('recording a payment', () => {
  it('writes the amount at the tier, what was still to pay and the draws so far at its trace, and takes it off', () => {
    const s = scratch();
    pay(s, { index: 1 }, KIND_TRACE, fen(2500));
    expect([...s.amounts]).toEqual([0, 2500, 0]);
    expect(s.trace[KIND_TRACE + TRACE_AVAILABLE]).toBe(100000);
    expect(s.trace[KIND_TRACE + TRACE_DRAWS]).toBe(1);
    expect(s.remaining).toBe(97500);
  });

  it('takes off what it is told when that differs from the amount', () => {
    const s = scratch();
    pay(s, { index: 1 }, 0, fen(2500), fen(500));
    expect(s.amounts[1]).toBe(2500);
    expect(s.remaining).toBe(99500);
  });
});

describe('a tier that does not run', () => {
  it.each(
    cases([
      { name: 'runs at a paying hospital when it applies', settled: true, applies: 1, runs: true },
      { name: 'does not run at a hospital the tiers do not pay at', settled: false, applies: 1, runs: false },
      { name: 'does not run on a claim it does not apply to', settled: true, applies: 0, runs: false },
    ]),
  )('%s', (_, { settled, applies, runs }) => {
    const s = scratch(settled, applies);
    s.trace.fill(-1);
    expect(notRunning(s, { index: 1 }, 0)).toBe(!runs);
    expect(s.amounts[1]).toBe(0);
    expect(s.remaining).toBe(100000);
    expect(s.trace[TRACE_AVAILABLE]).toBe(runs ? -1 : 100000);
  });

  it('pays, and takes off, what it reports for an earlier tier', () => {
    const s = scratch(false);
    expect(notRunning(s, { index: 1 }, 0, fen(700))).toBe(true);
    expect(s.amounts[1]).toBe(700);
    expect(s.remaining).toBe(99300);
  });
});
