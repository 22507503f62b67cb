/**
 * The vocabulary (src/kinds/kind-list.ts): each kind once, by its name, with what the engine asks
 * of it before running it: whether it runs before the split into parts, reads the parts, or lists
 * the fund payments made so far.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, KIND_NAMES, kindNamed, kindOf } from '../../src/kinds/kind-list.js';
import { cases } from '../support/helpers.js';

describe('the kinds', () => {
  it('are six, each once, in the order the README presents them', () => {
    expect(KIND_NAMES).toEqual(['carve-out', 'table', 'brackets', 'share-of-rest', 'yearly-assistance', 'top-up']);
  });

  it.each(
    cases([
      { name: 'a carve-out runs before the split and reads no part', kind: 'carve-out', flags: [true, false, false] },
      { name: 'a table reads the parts', kind: 'table', flags: [false, true, false] },
      { name: 'brackets read the parts', kind: 'brackets', flags: [false, true, false] },
      { name: 'a share of the rest reads the parts', kind: 'share-of-rest', flags: [false, true, false] },
      { name: 'yearly assistance reads the parts', kind: 'yearly-assistance', flags: [false, true, false] },
      { name: 'a top-up reads no part and lists the funds’ payments', kind: 'top-up', flags: [false, false, true] },
    ]),
  )('%s', (_, { kind, flags }) => {
    const k = kindNamed(kind)!;
    expect([k.carveOut, k.readsParts, k.reportsFunds]).toEqual(flags);
  });

  it('are found by name, and a name the vocabulary lacks finds none', () => {
    for (const k of KINDS) expect(kindOf({ kind: k.name })).toBe(k);
    expect(kindNamed('flat-grant')).toBeUndefined();
    expect(() => kindOf({ kind: 'flat-grant' })).toThrow(/unknown kind "flat-grant"/);
  });
});
