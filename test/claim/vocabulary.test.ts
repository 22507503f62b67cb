/**
 * The union of several vocabularies (src/claim/vocabulary.ts): what the claims of a simulation
 * whose variants use different rule books may use. Each list keeps every value once, in the order
 * first declared; the periods are known only when every book knows its own; and one union (or one
 * vocabulary) is always the same object, so that what is indexed by it is built once.
 */
import { describe, expect, it } from 'vitest';
import { type ClaimVocabulary, mergeVocabularies, NO_END } from '../../src/claim/vocabulary.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { cases } from '../support/helpers.js';

const P2017 = { id: 'ziyang-2017', from: '2017-01-01', to: '2021-12-31' };
const P2022 = { id: 'ziyang-2022', from: '2022-01-01', to: NO_END };

const BASELINE: ClaimVocabulary = {
  counties: ['yanjiang', 'anyue'],
  areas: ['anyue', 'ziyang-city'],
  categories: ['registered-poor', 'dibao'],
  periods: [P2017],
};
const REFORM: ClaimVocabulary = {
  counties: ['anyue', 'lezhi'],
  areas: ['ziyang-city', 'chengdu'],
  categories: ['dibao', 'tekun'],
  periods: [P2017, P2022],
};
const NO_PERIODS: ClaimVocabulary = { counties: ['lezhi'], areas: ['lezhi'], categories: ['orphan'] };

describe('the union of vocabularies', () => {
  it.each(
    cases([
      {
        name: 'two books: every county, area and category once, in the order first declared; each period once',
        books: [BASELINE, REFORM],
        union: {
          counties: ['yanjiang', 'anyue', 'lezhi'],
          areas: ['anyue', 'ziyang-city', 'chengdu'],
          categories: ['registered-poor', 'dibao', 'tekun'],
          periods: [P2017, P2022],
        },
      },
      {
        name: 'the same two books the other way round: the first declared comes first',
        books: [REFORM, BASELINE],
        union: {
          counties: ['anyue', 'lezhi', 'yanjiang'],
          areas: ['ziyang-city', 'chengdu', 'anyue'],
          categories: ['dibao', 'tekun', 'registered-poor'],
          periods: [P2017, P2022],
        },
      },
      {
        name: 'a book that does not say its periods: the union has none (no claim is judged by periods it lacks)',
        books: [BASELINE, NO_PERIODS],
        union: {
          counties: ['yanjiang', 'anyue', 'lezhi'],
          areas: ['anyue', 'ziyang-city', 'lezhi'],
          categories: ['registered-poor', 'dibao', 'orphan'],
        },
      },
      {
        name: 'the same period under another end is another period',
        books: [BASELINE, { ...NO_PERIODS, periods: [{ ...P2017, to: NO_END }] }],
        union: {
          counties: ['yanjiang', 'anyue', 'lezhi'],
          areas: ['anyue', 'ziyang-city', 'lezhi'],
          categories: ['registered-poor', 'dibao', 'orphan'],
          periods: [P2017, { ...P2017, to: NO_END }],
        },
      },
      {
        name: 'no book at all: empty lists, and no period to be outside of',
        books: [],
        union: { counties: [], areas: [], categories: [], periods: [] },
      },
    ]),
  )('%s', (_, { books, union }) => {
    expect(mergeVocabularies(books)).toStrictEqual(union);
  });

  it('one book is its own union, the very object', () => {
    const v = claimVocabulary(defaultRules());
    expect(mergeVocabularies([v])).toBe(v);
  });

  it('one book given three times is its own union, the very object', () => {
    expect(mergeVocabularies([BASELINE, BASELINE, BASELINE])).toBe(BASELINE);
  });

  it('a book and an equal copy of it are merged into an equal vocabulary', () => {
    const copy = { ...BASELINE };
    const union = mergeVocabularies([BASELINE, copy]);
    expect(union).toStrictEqual(BASELINE);
  });

  it('the same books merged twice give the very same union (what is indexed by it is built once)', () => {
    const a = mergeVocabularies([BASELINE, REFORM]);
    const b = mergeVocabularies([{ ...BASELINE }, { ...REFORM }]);
    expect(a).toStrictEqual(b);
    expect(b).toBe(a);
  });

  it('different books merged give different unions', () => {
    expect(mergeVocabularies([BASELINE, NO_PERIODS])).not.toBe(mergeVocabularies([REFORM, NO_PERIODS]));
  });
});
