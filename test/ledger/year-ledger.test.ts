/**
 * A person-year's ledger as the waterfall reads and leaves it (src/ledger/year-ledger.ts,
 * src/ledger/key-shape.ts): its counters in a rule set's layout, absent ones 0; after a
 * settlement, the layout's counters first with their new values, then those of another layout the
 * ledger carried, kept as they were.
 */
import { describe, expect, it } from 'vitest';
import { countersIn, emptyYearLedger, ledgerKey, ledgerYear, withCounters } from '../../src/ledger/year-ledger.js';
import { keyShape } from '../../src/ledger/key-shape.js';
import type { Fen } from '../../src/money/fen.js';

const ledger = (counters: Record<string, number>) => ({
  ...emptyYearLedger('P1', 2017),
  counters: counters as Record<string, Fen>,
});
const layout = ['basic-insurance.paid.basic', 'serious-illness-insurance.burden'];

describe("a ledger's counters in a rule set's layout", () => {
  it.each([
    ['every counter absent reads 0', {}, [0, 0]],
    [
      'each counter at its place in the layout',
      { 'serious-illness-insurance.burden': 7, 'basic-insurance.paid.basic': 3 },
      [3, 7],
    ],
    [
      'a counter of another layout is not read',
      { 'tilted-assistance.paid': 9, 'basic-insurance.paid.basic': 3 },
      [3, 0],
    ],
  ] as const)('%s', (_, counters, expected) => {
    expect(countersIn(ledger(counters), layout)).toEqual(expected);
  });
});

describe('the counters after a settlement', () => {
  it.each([
    [
      'the layout in its order with the values left, then the counters of another layout as they were',
      { 'tilted-assistance.paid': 9, 'serious-illness-insurance.burden': 1 },
      [10, 20],
      [
        ['basic-insurance.paid.basic', 10],
        ['serious-illness-insurance.burden', 20],
        ['tilted-assistance.paid', 9],
      ],
    ],
    [
      'the layout alone when the ledger had nothing else',
      {},
      [0, 5],
      [
        ['basic-insurance.paid.basic', 0],
        ['serious-illness-insurance.burden', 5],
      ],
    ],
  ] as const)('%s', (_, counters, values, expected) => {
    expect(Object.entries(withCounters(ledger(counters), layout, values))).toEqual(expected);
  });

  it('keeps the ledger it was given as it was', () => {
    const before = ledger({ 'serious-illness-insurance.burden': 1 });
    withCounters(before, layout, [10, 20]);
    expect(before.counters).toEqual({ 'serious-illness-insurance.burden': 1 });
  });
});

describe('the shape of a list of keys', () => {
  it('has every key of the list, in its order, each undefined', () => {
    expect(Object.entries(keyShape(layout))).toEqual([
      ['basic-insurance.paid.basic', undefined],
      ['serious-illness-insurance.burden', undefined],
    ]);
  });

  it('is made once per list: the same list gives the same shape, another list another', () => {
    const other = [...layout];
    expect([keyShape(layout) === keyShape(layout), keyShape(other) === keyShape(layout)]).toEqual([true, false]);
  });
});

describe('the person-year a ledger belongs to', () => {
  it.each([
    ['a ledger is keyed by person and year', ledgerKey('P1', 2017), 'P1|2017'],
    ['the year of a discharge is its calendar year', ledgerYear('2017-12-31'), 2017],
  ] as const)('%s', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
