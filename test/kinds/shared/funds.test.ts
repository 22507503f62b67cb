/**
 * Drawing on funds in a fixed order (docs/policy-2017.md §4 tier 8): a fund without a balance is
 * unlimited, a fund that runs dry passes on to the next, every payment is recorded, and a line
 * lists its funds' payments added up per fund in the order each first paid.
 */
import { describe, expect, it } from 'vitest';
import { drawFunds, drawsOf } from '../../../src/kinds/shared/funds.js';
import { type Balances, Scratch } from '../../../src/kinds/shared/scratch.js';
import { fen } from '../../../src/money/fen.js';
import { cases } from '../../support/helpers.js';

const ORDER = ['relief', 'charity', 'reserve'];

/** A scratch state whose funds hold `balances` (absent: unlimited). */
function scratchWith(balances: object): Scratch {
  const s = new Scratch(1, 2);
  s.begin(new Float64Array(8), fen(0), true, Uint8Array.of(1), new Float64Array(0), balances as Balances);
  return s;
}

describe('drawing on funds', () => {
  it.each(
    cases([
      {
        name: 'the first fund pays all when it is unlimited',
        balances: {},
        amount: 2400,
        paid: 2400,
        draws: [['relief', 2400]],
      },
      {
        name: 'the first fund pays all when it holds exactly the amount',
        balances: { relief: 2400 },
        amount: 2400,
        paid: 2400,
        draws: [['relief', 2400]],
        left: { relief: 0 },
      },
      {
        name: 'the next fund pays the fen the first lacks',
        balances: { relief: 2399 },
        amount: 2400,
        paid: 2400,
        draws: [
          ['relief', 2399],
          ['charity', 1],
        ],
        left: { relief: 0 },
      },
      {
        name: 'a fund with nothing left is passed over',
        balances: { relief: 0, charity: 100 },
        amount: 2400,
        paid: 2400,
        draws: [
          ['charity', 100],
          ['reserve', 2300],
        ],
        left: { relief: 0, charity: 0 },
      },
      {
        name: 'when every fund runs dry, what they held is paid and the rest is not',
        balances: { relief: 100, charity: 200, reserve: 300 },
        amount: 2400,
        paid: 600,
        draws: [
          ['relief', 100],
          ['charity', 200],
          ['reserve', 300],
        ],
        left: { relief: 0, charity: 0, reserve: 0 },
      },
      {
        name: 'nothing is drawn for nothing',
        balances: { relief: 5 },
        amount: 0,
        paid: 0,
        draws: [],
        left: { relief: 5 },
      },
    ]),
  )('%s', (_, { balances, amount, paid, draws, left }) => {
    const held = { ...balances };
    const s = scratchWith(held);
    expect(drawFunds(s, ORDER, fen(amount))).toBe(paid);
    expect(s.drawFunds.slice(0, s.drawCount).map((f, i) => [f, s.drawAmounts[i]])).toEqual(draws);
    expect(held).toEqual(left ?? {});
  });
});

describe("a line's fund payments", () => {
  it('are added up per fund, in the order each fund first paid, without the funds that paid nothing', () => {
    const s = scratchWith({});
    s.draw('charity', fen(100));
    s.draw('relief', fen(0));
    s.draw('relief', fen(50));
    s.draw('charity', fen(25));
    s.draw('reserve', fen(7));
    expect(drawsOf(s, 4)).toEqual([
      { fund: 'charity', amount: 125 },
      { fund: 'relief', amount: 50 },
    ]);
    expect(drawsOf(s, 0)).toEqual([]);
  });

  it('list a fund whose first draw was nothing where it first paid something', () => {
    const s = scratchWith({});
    s.draw('relief', fen(0));
    s.draw('charity', fen(3));
    s.draw('relief', fen(2));
    expect(drawsOf(s, 3)).toEqual([
      { fund: 'charity', amount: 3 },
      { fund: 'relief', amount: 2 },
    ]);
  });
});
