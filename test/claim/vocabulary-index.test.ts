/**
 * The positions of a vocabulary's values (src/claim/vocabulary-index.ts): each value at its place
 * in its list, computed once per vocabulary (the very same index each time, so that what is built
 * per index, such as the profiles of its claims, is built once).
 */
import { describe, expect, it } from 'vitest';
import type { ClaimVocabulary } from '../../src/claim/vocabulary.js';
import { vocabularyIndex } from '../../src/claim/vocabulary-index.js';

const V: ClaimVocabulary = {
  counties: ['yanjiang', 'anyue', 'lezhi'],
  areas: ['anyue', 'sichuan'],
  categories: ['dibao', 'registered-poor'],
};

describe('the index of a vocabulary', () => {
  it('holds each value at its position in its list, and the vocabulary itself', () => {
    const x = vocabularyIndex(V);
    expect(x.vocabulary).toBe(V);
    expect([...x.countyIndex]).toEqual([
      ['yanjiang', 0],
      ['anyue', 1],
      ['lezhi', 2],
    ]);
    expect([...x.areaIndex]).toEqual([
      ['anyue', 0],
      ['sichuan', 1],
    ]);
    expect([...x.categoryIndex]).toEqual([
      ['dibao', 0],
      ['registered-poor', 1],
    ]);
  });

  it('is computed once: the same vocabulary gives the very same index', () => {
    expect(vocabularyIndex(V)).toBe(vocabularyIndex(V));
  });

  it('an equal copy of a vocabulary is another vocabulary, with an equal index of its own', () => {
    const copy = { ...V };
    expect(vocabularyIndex(copy)).not.toBe(vocabularyIndex(V));
    expect(vocabularyIndex(copy).countyIndex).toEqual(vocabularyIndex(V).countyIndex);
  });
});
