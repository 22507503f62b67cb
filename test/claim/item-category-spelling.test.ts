/**
 * An item category is read from its id or its national code (src/claim/item-categories.ts); any
 * other spelling, or a value that is not text, stands for no category (the reader then refuses it).
 */
import { describe, expect, it } from 'vitest';
import { itemCategoryOf } from '../../src/claim/item-categories.js';
import { cases } from '../support/helpers.js';

describe('the category an input spelling stands for', () => {
  it.each(
    cases([
      { name: 'an id stands for itself', spelling: 'treatment', category: 'treatment' },
      { name: 'a national code stands for its id', spelling: '09', category: 'western-drug' },
      { name: '"drug" (no national code) stands for itself', spelling: 'drug', category: 'drug' },
      { name: 'the Chinese name is no spelling of the contract', spelling: '药品', category: undefined },
      { name: 'a code written as a number is not a code', spelling: 9, category: undefined },
      { name: 'null is no category', spelling: null, category: undefined },
      { name: 'an absent category is none', spelling: undefined, category: undefined },
    ] as { name: string; spelling: unknown; category: string | undefined }[]),
  )('%s', (_, { spelling, category }) => {
    expect(itemCategoryOf(spelling)).toBe(category);
  });
});
