/**
 * The hand-written reader of valid claims (src/claim/fast-read.ts) must accept exactly what the zod
 * reader accepts, and build the same claim: otherwise a claim would settle differently, or be
 * refused, depending on which reader saw it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readValidClaim } from '../../src/claim/fast-read.js';
import { validateClaim } from '../../src/claim/parse.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { claimArb, edgeIdClaimArb, mutatedClaimArb } from '../support/arbitraries.js';
import { idProblem } from '../../src/claim/id-text.js';

const RUNS = Number(process.env.FC_RUNS ?? 3000);
/** The counties, areas and categories claims of the embedded book may use (both readers check them). */
const VOCABULARY = claimVocabulary(defaultRules());

/** Either reader's answer, with the claim it built when it accepted. */
function both(input: unknown) {
  const fast = readValidClaim(input, VOCABULARY);
  const zod = validateClaim(input, 'zh-CN', VOCABULARY);
  return { fast, zod };
}

describe('the fast claim reader agrees with zod', () => {
  it('accepts every valid generated claim and builds the same claim as zod', () => {
    fc.assert(
      fc.property(claimArb, (c) => {
        const { fast, zod } = both(c);
        expect(zod.ok).toBe(true);
        expect(fast).toStrictEqual(zod.ok ? zod.value : undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('on claims with one random change (JSON values only), accepts exactly when zod accepts, with the same claim', () => {
    fc.assert(
      fc.property(mutatedClaimArb, (c) => {
        const { fast, zod } = both(c);
        expect(fast !== undefined).toBe(zod.ok);
        if (zod.ok) expect(fast).toStrictEqual(zod.value);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('on claims whose id, person id or hospital id holds a control character or a lone surrogate, both refuse it at the field (invalid_id); a surrogate pair is accepted by both', () => {
    fc.assert(
      fc.property(edgeIdClaimArb, (c) => {
        const { fast, zod } = both(c);
        expect(fast !== undefined).toBe(zod.ok);
        if (zod.ok) expect(fast).toStrictEqual(zod.value);
        const bad = [
          ['id', c.id],
          ['person.id', c.person.id],
          ['hospital.id', c.hospital.id],
        ].filter(([, id]) => typeof id === 'string' && idProblem(id) !== undefined);
        if (bad.length > 0)
          expect(zod.ok ? [] : zod.errors.map((e) => [e.code, e.path])).toEqual(
            bad.map(([path]) => ['invalid_id', path]),
          );
      }),
      { numRuns: RUNS },
    );
  });

  it('on any value at all, never accepts what zod refuses', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          mutatedClaimArb.map((c) => ({ ...c, extra: undefined })),
        ),
        (x) => {
          const { fast, zod } = both(x);
          if (fast !== undefined) expect(zod.ok && zod.value).toStrictEqual(fast);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('gives a key whose value is undefined to zod, which reads it as absent (the default)', () => {
    const c = fc.sample(claimArb, { numRuns: 1, seed: 7 })[0] as { visit: Record<string, unknown> };
    const changed = { ...c, visit: { ...c.visit, chronic: undefined } };
    expect(readValidClaim(changed, VOCABULARY)).toBeUndefined();
    const r = validateClaim(changed, undefined, VOCABULARY);
    expect(r.ok).toBe(true);
    expect(r.ok ? r.value.visit.chronic : undefined).toBe(false);
  });

  it('gives a claim that is a class instance rather than a plain object to zod, which refuses it', () => {
    const c = Object.assign(Object.create({ inherited: 1 }), fc.sample(claimArb, { numRuns: 1, seed: 7 })[0]);
    expect(readValidClaim(c, VOCABULARY)).toBeUndefined();
    expect(validateClaim(c, undefined, VOCABULARY).ok).toBe(false);
  });
});
