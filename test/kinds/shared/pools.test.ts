/**
 * The eight pools of a bill (docs/policy-2017.md §3.2, §3.3): which pool an item goes to, what a
 * set of pools holds, and that an amount is taken from them in proportion by largest remainder,
 * ties to the earlier pool, adding up exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_POOLS,
  DRUG_POOLS,
  NONDRUG_POOLS,
  POOL_NAMES,
  poolIndex,
  poolSum,
  takeProRata,
} from '../../../src/kinds/shared/pools.js';
import { allocate } from '../../../src/money/allocate.js';
import { fen } from '../../../src/money/fen.js';
import { cases } from '../../support/helpers.js';

describe('the pool an item goes to', () => {
  it.each(
    cases([
      { name: 'a catalog A drug to A.drug', catalog: 'A' as const, necessary: false, drug: true, pool: 'A.drug' },
      {
        name: 'a catalog A treatment to A.nondrug',
        catalog: 'A' as const,
        necessary: true,
        drug: false,
        pool: 'A.nondrug',
      },
      { name: 'a catalog B drug to B.drug', catalog: 'B' as const, necessary: false, drug: true, pool: 'B.drug' },
      {
        name: 'a catalog B treatment to B.nondrug',
        catalog: 'B' as const,
        necessary: false,
        drug: false,
        pool: 'B.nondrug',
      },
      {
        name: 'a necessary catalog C drug to N.drug',
        catalog: 'C' as const,
        necessary: true,
        drug: true,
        pool: 'N.drug',
      },
      {
        name: 'a necessary catalog C treatment to N.nondrug',
        catalog: 'C' as const,
        necessary: true,
        drug: false,
        pool: 'N.nondrug',
      },
      {
        name: 'any other catalog C drug to O.drug',
        catalog: 'C' as const,
        necessary: false,
        drug: true,
        pool: 'O.drug',
      },
      {
        name: 'any other catalog C treatment to O.nondrug',
        catalog: 'C' as const,
        necessary: false,
        drug: false,
        pool: 'O.nondrug',
      },
    ]),
  )('%s', (_, { catalog, necessary, drug, pool }) => {
    expect(POOL_NAMES[poolIndex(catalog, necessary, drug)]).toBe(pool);
  });

  it('lists the drug and non-drug pools by their names', () => {
    expect(DRUG_POOLS.map((i) => POOL_NAMES[i])).toEqual(['A.drug', 'B.drug', 'N.drug', 'O.drug']);
    expect(NONDRUG_POOLS.map((i) => POOL_NAMES[i])).toEqual(['A.nondrug', 'B.nondrug', 'N.nondrug', 'O.nondrug']);
    expect(ALL_POOLS).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('what pools hold and give', () => {
  const pools = Float64Array.of(1, 2, 4, 8, 16, 32, 64, 128);

  it('adds up every pool by default, or the pools named', () => {
    expect(poolSum(pools)).toBe(255);
    expect(poolSum(pools, NONDRUG_POOLS)).toBe(2 + 8 + 32 + 128);
    expect(poolSum(pools, [])).toBe(0);
  });

  it('gives in proportion, ties to the earlier pool', () => {
    const p = Float64Array.of(100, 0, 100, 0, 100, 0, 0, 0);
    takeProRata(p, fen(100), ALL_POOLS);
    expect([...p]).toEqual([66, 0, 67, 0, 67, 0, 0, 0]);
  });

  it('for any pools and amount they hold, each gives what allocate says and the whole amount is given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(10_000_000), { minLength: 8, maxLength: 8 }),
        fc.constantFrom(ALL_POOLS, DRUG_POOLS, NONDRUG_POOLS),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (before, set, share) => {
          const held = set.reduce((s, i) => s + before[i]!, 0);
          fc.pre(held > 0);
          const amount = Math.floor(held * share);
          const p = Float64Array.from(before);
          takeProRata(p, fen(amount), set);
          const given = allocate(
            fen(amount),
            set.map((i) => fen(before[i]!)),
          );
          set.forEach((i, k) => expect(before[i]! - p[i]!).toBe(given[k]));
          expect(poolSum(p)).toBe(poolSum(Float64Array.from(before)) - amount);
        },
      ),
    );
  });
});
