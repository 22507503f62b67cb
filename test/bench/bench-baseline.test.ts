/**
 * The bench's naive baseline (bench/baselines/naive.ts: decimal.js and json-rules-engine, written
 * from docs/policy-2017.md) is also the reference `npm run bench` checks the fast path against. A baseline
 * that settles differently would make both the comparison and its speed ratio meaningless, and a
 * bench is not a test: so this test holds the baseline to the engine on generated 2018 claims.
 * (It once missed the `group` fact of persons.json and settled everyone as unprotected.)
 */
import { describe, expect, it } from 'vitest';
import { againstNaive } from '../../bench/baselines/against-naive.js';
import { generateClaims } from '../../seeds/generator.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { defaultRules } from '../../src/scheme/embedded.js';

describe('the bench baseline', () => {
  it('settles 2,000 generated 2018 claims to the fen as the engine does, tier by tier and in personal pay', async () => {
    const claims = [...generateClaims({ claims: 2000, seed: 7, year: 2018 })].map((raw) => {
      const parsed = parseClaim(raw);
      if (!parsed.ok) throw new Error(`generated claim ${raw.id} is invalid`);
      return parsed.value;
    });
    const { claims: compared, differing, waived } = await againstNaive(defaultRules(), claims);
    expect(compared).toBe(2000);
    expect(differing.slice(0, 3)).toEqual([]);
    // The hospital waiver is paid only to protected persons: the baseline must have seen some.
    expect(waived).toBeGreaterThan(100);
  });
});
