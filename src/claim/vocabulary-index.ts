/**
 * The positions of a vocabulary's values: what a claim record stores for its county, hospital area
 * and person category (claim-record.ts), and what turns them back into values.
 */
import type { ClaimVocabulary } from './vocabulary.js';

/** A vocabulary with the position of each of its values. */
export interface VocabularyIndex {
  readonly vocabulary: ClaimVocabulary;
  readonly categoryIndex: ReadonlyMap<string, number>;
  readonly countyIndex: ReadonlyMap<string, number>;
  readonly areaIndex: ReadonlyMap<string, number>;
}

const cache = new WeakMap<ClaimVocabulary, VocabularyIndex>();

/**
 * The positions of a vocabulary's values (computed once per vocabulary).
 *
 * @example
 * vocabularyIndex(v).countyIndex.get('anyue') // 1
 */
export function vocabularyIndex(vocabulary: ClaimVocabulary): VocabularyIndex {
  let x = cache.get(vocabulary);
  if (!x) {
    const index = (values: readonly string[]) => new Map(values.map((v, i) => [v, i]));
    x = {
      vocabulary,
      categoryIndex: index(vocabulary.categories),
      countyIndex: index(vocabulary.counties),
      areaIndex: index(vocabulary.areas),
    };
    cache.set(vocabulary, x);
  }
  return x;
}
