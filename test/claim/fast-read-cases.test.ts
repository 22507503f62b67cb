/**
 * The hand-written reader of valid claims (src/claim/fast-read.ts), case by case at the edges of
 * what it accepts: it takes every claim at the edge of the contract (an id of 1 or MAX_ID
 * characters, a hospital name of 0 or MAX_TEXT, MAX_ITEMS items, an amount or a bill of exactly
 * the largest sum) and builds the claim zod builds; one step beyond, or anything that is not a
 * plain object, it leaves to zod (`undefined`), and zod refuses it where the contract says so.
 */
import { describe, expect, it } from 'vitest';
import { readValidClaim } from '../../src/claim/fast-read.js';
import { validateClaim } from '../../src/claim/parse.js';
import { MAX_ID, MAX_ITEMS, MAX_TEXT } from '../../src/claim/schema.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { cases } from '../support/helpers.js';

const VOCABULARY = claimVocabulary(defaultRules());

/** A plain valid claim of 2017 (one item); `change` edits a fresh copy of it. */
function claim(change: (c: Record<string, any>) => void = () => {}): Record<string, any> {
  const c: Record<string, any> = {
    id: 'K1',
    person: { id: 'P1', county: 'anyue', category: 'registered-poor' },
    visit: { kind: 'inpatient', discharged: '2017-06-10' },
    hospital: { level: 'county', area: 'anyue' },
    items: [{ category: 'treatment', catalog: 'A', amount: '5000.00' }],
  };
  change(c);
  return c;
}

/** The largest amount of a claim (MAX_CLAIM_FEN fen) as the contract writes it, in yuan. */
const MAX_YUAN = '1000000000000.00';
const ITEM = { category: 'treatment', catalog: 'A', amount: '1.00' };

describe('the fast reader accepts the edges of the contract, and builds the claim zod builds', () => {
  it.each(
    cases([
      { name: 'a claim id of one character', input: claim((c) => (c.id = 'K')) },
      { name: `a claim id of ${MAX_ID} characters`, input: claim((c) => (c.id = 'K'.repeat(MAX_ID))) },
      { name: 'a hospital name that is empty', input: claim((c) => (c.hospital.name = '')) },
      { name: 'a hospital name', input: claim((c) => (c.hospital.name = '安岳县人民医院')) },
      {
        name: `a hospital name of ${MAX_TEXT} characters`,
        input: claim((c) => (c.hospital.name = '院'.repeat(MAX_TEXT))),
      },
      { name: 'an admission before the discharge', input: claim((c) => (c.visit.admitted = '2017-06-01')) },
      { name: 'an admission on the day of discharge', input: claim((c) => (c.visit.admitted = '2017-06-10')) },
      { name: `${MAX_ITEMS} items`, input: claim((c) => (c.items = Array.from({ length: MAX_ITEMS }, () => ITEM))) },
      { name: 'one item of the largest amount', input: claim((c) => (c.items[0].amount = MAX_YUAN)) },
      {
        name: 'two items whose sum is the largest amount',
        input: claim((c) => {
          c.items = [
            { ...ITEM, amount: '999999999999.99' },
            { ...ITEM, amount: '0.01' },
          ];
        }),
      },
      {
        name: 'a claim whose objects have no prototype (Object.create(null))',
        input: claim((c) => {
          const bare = (o: object) => Object.assign(Object.create(null), o);
          c.person = bare(c.person);
          c.visit = bare(c.visit);
          c.hospital = bare(c.hospital);
          c.items = c.items.map(bare);
        }),
      },
    ]),
  )('%s', (_, { input }) => {
    const zod = validateClaim(input, 'zh-CN', VOCABULARY);
    expect(zod.ok).toBe(true);
    const fast = readValidClaim(input, VOCABULARY);
    expect(fast).toStrictEqual(zod.ok ? zod.value : 'zod refused');
  });

  it('without an admission date, the claim is admitted on its discharge date', () => {
    expect(readValidClaim(claim(), VOCABULARY)?.visit.admitted).toBe('2017-06-10');
  });

  it('with one, the claim keeps it', () => {
    const c = claim((x) => (x.visit.admitted = '2017-06-01'));
    expect(readValidClaim(c, VOCABULARY)?.visit.admitted).toBe('2017-06-01');
  });

  it('a claim of many items keeps every item, in order, and no other', () => {
    const items = ['1.00', '2.00', '3.00'].map((amount) => ({ ...ITEM, amount }));
    const read = readValidClaim(
      claim((c) => (c.items = items)),
      VOCABULARY,
    );
    expect(read?.items.map((i) => i.amount)).toEqual([100, 200, 300]);
  });
});

describe('one step beyond the contract, or off the plain objects of JSON, the fast reader leaves the claim to zod', () => {
  class Person {
    constructor(
      readonly id: string,
      readonly county: string,
      readonly category: string,
    ) {}
  }
  it.each(
    cases([
      { name: 'an empty claim id', input: claim((c) => (c.id = '')), path: 'id' },
      {
        name: `a claim id of ${MAX_ID + 1} characters`,
        input: claim((c) => (c.id = 'K'.repeat(MAX_ID + 1))),
        path: 'id',
      },
      { name: 'a hospital name that is a number', input: claim((c) => (c.hospital.name = 7)), path: 'hospital.name' },
      {
        name: `a hospital name of ${MAX_TEXT + 1} characters`,
        input: claim((c) => (c.hospital.name = '院'.repeat(MAX_TEXT + 1))),
        path: 'hospital.name',
      },
      {
        name: 'an admission date that is a number',
        input: claim((c) => (c.visit.admitted = 20170601)),
        path: 'visit.admitted',
      },
      {
        name: 'an admission date that only looks like a string (an object with a length, character codes and a text)',
        input: claim((c) => {
          const date = '2017-06-01';
          c.visit.admitted = { length: 10, charCodeAt: (i: number) => date.charCodeAt(i), toString: () => date };
        }),
        path: 'visit.admitted',
      },
      {
        name: 'an admission date that is no day of the calendar',
        input: claim((c) => (c.visit.admitted = '2017-02-30')),
        path: 'visit.admitted',
      },
      {
        name: 'an admission after the discharge',
        input: claim((c) => (c.visit.admitted = '2017-06-11')),
        path: 'visit.admitted',
      },
      {
        name: `${MAX_ITEMS + 1} items`,
        input: claim((c) => (c.items = Array.from({ length: MAX_ITEMS + 1 }, () => ITEM))),
        path: 'items',
      },
      { name: 'no item', input: claim((c) => (c.items = [])), path: 'items' },
      {
        name: 'one item of one fen more than the largest amount',
        input: claim((c) => (c.items[0].amount = '1000000000000.01')),
        path: 'items[0].amount',
      },
      {
        name: 'an amount that is not an amount',
        input: claim((c) => (c.items[0].amount = 'five')),
        path: 'items[0].amount',
      },
      {
        name: 'two items whose sum is one fen more than the largest amount',
        input: claim((c) => {
          c.items = [
            { ...ITEM, amount: MAX_YUAN },
            { ...ITEM, amount: '0.01' },
          ];
        }),
        path: 'items',
      },
    ]),
  )('%s', (_, { input, path }) => {
    expect(readValidClaim(input, VOCABULARY)).toBeUndefined();
    const zod = validateClaim(input, 'zh-CN', VOCABULARY);
    expect(zod.ok ? [] : zod.errors.map((e) => e.path)).toContain(path);
  });

  it('a person that is an instance of a class (not a plain object) is left to zod, which reads it as the plain person', () => {
    const input = claim((c) => (c.person = new Person('P1', 'anyue', 'registered-poor')));
    expect(readValidClaim(input, VOCABULARY)).toBeUndefined();
    const zod = validateClaim(input, 'zh-CN', VOCABULARY);
    expect(zod.ok && zod.value.person).toStrictEqual(readValidClaim(claim(), VOCABULARY)?.person);
  });
});
