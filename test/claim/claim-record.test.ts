/**
 * A claim as the engine settles it (src/claim/claim-record.ts): a fresh record holds nothing; its
 * date gives the ledger's year and month; its bill keeps one sum per item class, in the order the
 * classes first occur, however many classes there are; and a claim is recorded by the positions of
 * its values, the record said incomplete when the vocabulary lacks one of them or an item's
 * catalog is none of the contract's.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claim/claim.js';
import {
  CHRONIC,
  ClaimRecord,
  DESIGNATED,
  ILLNESS_INDUCED,
  MAJOR_DISEASE,
  recordClaim,
} from '../../src/claim/claim-record.js';
import { readValidClaim } from '../../src/claim/fast-read.js';
import { itemClass } from '../../src/claim/item-class.js';
import type { ClaimVocabulary } from '../../src/claim/vocabulary.js';
import type { Fen } from '../../src/money/fen.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { recordFields } from '../support/claim-records.js';
import { cases } from '../support/helpers.js';

describe('a fresh record', () => {
  it('holds no ids, no date and no bill', () => {
    const r = new ClaimRecord();
    expect({ ...recordFields(r), line: r.line }).toStrictEqual({
      claimId: '',
      personId: '',
      date: 0,
      category: 0,
      county: 0,
      area: 0,
      visitKind: 0,
      referral: 0,
      deliveryMode: 0,
      level: 0,
      flags: 0,
      total: 0,
      classes: [],
      sums: [],
      line: 0,
    });
  });
});

describe('the year and month of discharge', () => {
  it.each(
    cases([
      { name: 'a day in June 2017 is June 2017', date: 20170610, year: 2017, month: 6 },
      { name: 'the first of January is January', date: 20220101, year: 2022, month: 1 },
      { name: 'the last of December is December', date: 20211231, year: 2021, month: 12 },
      { name: 'October (two digits) is month 10', date: 20231005, year: 2023, month: 10 },
    ]),
  )('%s', (_, { date, year, month }) => {
    const r = new ClaimRecord();
    r.date = date;
    expect([r.year, r.month]).toEqual([year, month]);
  });
});

describe('the bill: one sum per item class, in the order the classes first occur', () => {
  const add = (r: ClaimRecord, items: readonly (readonly [number, number])[]) => {
    for (const [cls, amount] of items) r.addItem(cls, amount as Fen);
  };

  it.each(
    cases([
      { name: 'one item is one class', items: [[5, 100]], classes: [5], sums: [100] },
      {
        name: 'two items of one class make one sum',
        items: [
          [5, 100],
          [5, 250],
        ],
        classes: [5],
        sums: [350],
      },
      {
        name: 'items of two classes, interleaved, make two sums in the order first seen',
        items: [
          [9, 1],
          [3, 10],
          [9, 100],
          [3, 1000],
        ],
        classes: [9, 3],
        sums: [101, 1010],
      },
      {
        name: 'twenty classes (more than a fresh record has room for) are all kept, a repeated one summed',
        items: [...Array.from({ length: 20 }, (_, k) => [k * 3, k + 1] as const), [57, 1000], [0, 1000]],
        classes: Array.from({ length: 20 }, (_, k) => k * 3),
        sums: Array.from({ length: 20 }, (_, k) => k + 1 + (k === 0 || k === 19 ? 1000 : 0)),
      },
    ] as { name: string; items: [number, number][]; classes: number[]; sums: number[] }[]),
  )('%s', (_, { items, classes, sums }) => {
    const r = new ClaimRecord();
    add(r, items);
    const { classes: got, sums: gotSums, total } = recordFields(r);
    expect({ classes: got, sums: gotSums, total }).toEqual({
      classes,
      sums,
      total: items.reduce((s, [, a]) => s + a, 0),
    });
  });

  it('a new bill starts empty, and a record that grew keeps every class of the next bill', () => {
    const r = new ClaimRecord();
    add(
      r,
      Array.from({ length: 40 }, (_, k) => [k, 1] as [number, number]),
    );
    r.clearItems();
    expect([r.classCount, r.total]).toEqual([0, 0]);
    add(r, [
      [7, 70],
      [8, 80],
      [7, 7],
    ]);
    expect(recordFields(r)).toMatchObject({ classes: [7, 8], sums: [77, 80], total: 157 });
  });
});

describe('a claim recorded by the positions of its values', () => {
  const EMBEDDED = claimVocabulary(defaultRules());
  const read = (change: (c: Record<string, any>) => void = () => {}): Claim => {
    const c: Record<string, any> = {
      id: 'K1',
      person: { id: 'P1', county: 'anyue', category: 'registered-poor', illnessInduced: true },
      visit: {
        kind: 'delivery',
        deliveryMode: 'cesarean',
        discharged: '2017-06-10',
        chronic: false,
        majorDisease: true,
      },
      hospital: { level: 'city', area: 'sichuan', designated: true },
      items: [
        { category: 'treatment', catalog: 'B', amount: '50.00' },
        { category: 'western-drug', catalog: 'A', amount: '12.34', compliant: false, necessary: true },
        { category: 'treatment', catalog: 'B', amount: '0.66' },
      ],
    };
    change(c);
    const claim = readValidClaim(c, EMBEDDED);
    if (!claim) throw new Error('the test claim is not valid');
    return claim;
  };
  /** A vocabulary of our own, so that each position is known. */
  const V: ClaimVocabulary = {
    counties: ['yanjiang', 'lezhi', 'anyue'],
    areas: ['anyue', 'sichuan'],
    categories: ['dibao', 'registered-poor'],
  };
  const TREATMENT_B = itemClass('treatment', 'B', true, false);
  const DRUG_A = itemClass('western-drug', 'A', false, true);

  it('every value at its position, the flags, and the bill by class: a complete record', () => {
    const r = new ClaimRecord();
    expect(recordClaim(read(), V, r)).toBe(true);
    expect(recordFields(r)).toStrictEqual({
      claimId: 'K1',
      personId: 'P1',
      date: 20170610,
      category: 1,
      county: 2,
      area: 1,
      visitKind: 1,
      referral: 0,
      deliveryMode: 2,
      level: 2,
      flags: ILLNESS_INDUCED | MAJOR_DISEASE | DESIGNATED,
      total: 6300,
      classes: [TREATMENT_B, DRUG_A],
      sums: [5066, 1234],
    });
  });

  it('a referred chronic outpatient visit without a delivery mode, at an undesignated township hospital', () => {
    const r = new ClaimRecord();
    const claim = read((c) => {
      c.person.illnessInduced = false;
      c.visit = { kind: 'general-outpatient', discharged: '2017-06-10', chronic: true, referral: 'emergency' };
      c.hospital = { level: 'township', area: 'anyue', designated: false };
    });
    expect(recordClaim(claim, V, r)).toBe(true);
    expect(recordFields(r)).toMatchObject({
      visitKind: 3,
      referral: 2,
      deliveryMode: 0,
      level: 0,
      area: 0,
      flags: CHRONIC,
    });
  });

  it.each(
    cases([
      {
        name: 'a county the vocabulary lacks: incomplete, recorded as its first county',
        vocabulary: { ...V, counties: ['yanjiang', 'lezhi'] },
        at: { county: 0, area: 1, category: 1 },
      },
      {
        name: 'an area the vocabulary lacks: incomplete, recorded as its first area',
        vocabulary: { ...V, areas: ['anyue'] },
        at: { county: 2, area: 0, category: 1 },
      },
      {
        name: 'a category the vocabulary lacks: incomplete, recorded as its first category',
        vocabulary: { ...V, categories: ['dibao'] },
        at: { county: 2, area: 1, category: 0 },
      },
    ]),
  )('%s; the ids and the date are still recorded', (_, { vocabulary, at }) => {
    const r = new ClaimRecord();
    expect(recordClaim(read(), vocabulary, r)).toBe(false);
    expect(recordFields(r)).toMatchObject({ claimId: 'K1', personId: 'P1', date: 20170610, ...at });
  });

  it('an item whose catalog is none of the contract’s (a claim not from the reader): incomplete', () => {
    const claim = read();
    const r = new ClaimRecord();
    const odd = { ...claim, items: [claim.items[0]!, { ...claim.items[1]!, catalog: 'D' }] } as unknown as Claim;
    expect(recordClaim(odd, V, r)).toBe(false);
    expect(recordFields(r)).toMatchObject({ claimId: 'K1', personId: 'P1', date: 20170610 });
  });
});
