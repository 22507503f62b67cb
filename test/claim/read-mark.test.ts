/**
 * Which claims came from the claim reader (src/claim/read-mark.ts): the very object the reader
 * returned, never a copy, JSON, or a value that is no object at all.
 */
import { describe, expect, it } from 'vitest';
import { readClaim } from '../../src/claim/parse.js';
import { markRead, wasRead } from '../../src/claim/read-mark.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { baseClaim, cases } from '../support/helpers.js';

const readIt = (input: unknown) => readClaim(input, { vocabulary: claimVocabulary(defaultRules()) });

/** A valid claim as sent (JSON values). */
const CLAIM = baseClaim();

describe('a claim the reader returned is marked; nothing else is', () => {
  it('the claim readClaim returned was read', () => {
    const r = readIt(CLAIM);
    expect(r.ok && wasRead(r.value)).toBe(true);
  });

  it('a claim marked by markRead is the claim itself, and was read', () => {
    const r = readIt(CLAIM);
    if (!r.ok) throw new Error('the test claim is not valid');
    const copy = { ...r.value };
    expect(markRead(copy)).toBe(copy);
    expect(wasRead(copy)).toBe(true);
  });

  it.each(
    cases([
      {
        name: 'a copy of a read claim',
        x: () => {
          const r = readIt(CLAIM);
          return r.ok ? { ...r.value } : 'invalid';
        },
      },
      {
        name: 'a read claim through JSON',
        x: () => {
          const r = readIt(CLAIM);
          return r.ok ? JSON.parse(JSON.stringify(r.value)) : 'invalid';
        },
      },
      { name: 'the claim as sent', x: () => CLAIM },
      { name: 'undefined', x: () => undefined },
      { name: 'null', x: () => null },
      { name: 'a text', x: () => 'K1' },
      { name: 'a number', x: () => 7 },
    ]),
  )('%s was not read', (_, { x }) => {
    expect(wasRead(x())).toBe(false);
  });
});
