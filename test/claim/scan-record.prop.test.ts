/**
 * The byte scanner (src/claim/scan-record.ts) reads a claim straight into a record; whatever it
 * does not read in one glance it leaves to the full reader. It must never accept what the full
 * reader refuses, and what it accepts must make the very record the full reader's claim makes.
 * It must also take the common case, or the simulation would always fall back (and be slow).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import { vocabularyIndex } from '../../src/claim/vocabulary-index.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { claimArb, mutatedClaimArb } from '../support/arbitraries.js';
import { readBothWays } from '../support/claim-records.js';

const RUNS = Number(process.env.FC_RUNS ?? 3000);
const VOCABULARY = vocabularyIndex(claimVocabulary(defaultRules()));

const both = (text: string) => readBothWays(text, VOCABULARY);

describe('the byte scanner reads claims as the full reader does', () => {
  it('reads every valid generated claim, compact or spaced out, into the record the full reader makes', () => {
    fc.assert(
      fc.property(claimArb, fc.constantFrom(undefined, 1, '\t'), (c, space) => {
        const { fast, full, reference } = both(JSON.stringify(c, null, space));
        expect(full.ok).toBe(true);
        if (fast !== undefined) expect(fast).toStrictEqual(reference);
      }),
      { numRuns: RUNS },
    );
  });

  it('on claims with one random change, never accepts what the full reader refuses, and reads the rest alike', () => {
    fc.assert(
      fc.property(mutatedClaimArb, (c) => {
        const { fast, full, reference } = both(JSON.stringify(c));
        if (fast !== undefined) {
          expect(full.ok).toBe(true);
          expect(fast).toStrictEqual(reference);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("on a valid claim's text with one character inserted, removed or replaced, never accepts what the full reader refuses", () => {
    fc.assert(
      fc.property(
        claimArb,
        fc.nat(),
        fc.constantFrom('insert', 'remove', 'replace'),
        fc.oneof(
          fc.constantFrom('"', '\\', ',', '}', ']', ':', '0', '.', 'e', '-', ' ', '\u007f', '\u0000', '安'),
          fc.string({ maxLength: 1 }),
        ),
        (c, at, op, ch) => {
          const text = JSON.stringify(c);
          const i = at % (text.length + 1);
          const changed =
            op === 'insert'
              ? text.slice(0, i) + ch + text.slice(i)
              : op === 'remove'
                ? text.slice(0, i) + text.slice(i + 1)
                : text.slice(0, i) + ch + text.slice(i + 1);
          const { fast, full, reference } = both(changed);
          if (fast !== undefined) {
            expect(full.ok).toBe(true);
            expect(fast).toStrictEqual(reference);
          }
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('reads amounts written as numbers, in every form JSON allows, as the full reader does', () => {
    fc.assert(
      fc.property(
        claimArb,
        fc.constantFrom(
          '0',
          '12',
          '12.5',
          '12.50',
          '12.500',
          '1e2',
          '1E+2',
          '0.1',
          '0.01',
          '0.001',
          '-0',
          '123456789012',
          '1234567890123',
        ),
        (c, n) => {
          const text = JSON.stringify(c).replace(/"amount":"[^"]*"/, `"amount":${n}`);
          const { fast, full, reference } = both(text);
          if (fast !== undefined) {
            expect(full.ok).toBe(true);
            expect(fast).toStrictEqual(reference);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('takes the common case itself: every claim of the synthetic population', () => {
    let read = 0;
    let all = 0;
    for (const c of generateClaims({ claims: 5_000, seed: 9, years: [2019, 2023] })) {
      all++;
      const { fast, reference } = both(JSON.stringify(c));
      if (fast !== undefined) {
        read++;
        expect(fast).toStrictEqual(reference);
      }
    }
    expect(read).toBe(all);
  });
});
