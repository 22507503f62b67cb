/**
 * The bench's naive baseline (bench/baselines/naive.ts: decimal.js and json-rules-engine, written
 * from POLICY.md) is also the reference `npm run bench` checks the fast path against. A baseline
 * that settles differently would make both the comparison and its speed ratio meaningless, and a
 * bench is not a test: so this test holds the baseline to the engine on generated 2018 claims.
 * (It once missed the `group` fact of persons.json and settled everyone as unprotected.)
 */
import { describe, expect, it } from 'vitest';
import { emptyNaiveLedger, naiveEngines, naiveSettle, type NaiveLedger } from '../bench/baselines/naive.js';
import { generateClaims } from '../seeds/generator.js';
import { parseClaim } from '../src/claim/parse.js';
import { ledgerKey, ledgerYear } from '../src/ledger/year-ledger.js';
import { formatFen, type Fen } from '../src/money/fen.js';
import { policyOn } from '../src/rules/book.js';
import { defaultRules } from '../src/rules/embedded.js';
import { emptyCounters, runClaim } from '../src/settle/run-claim.js';

describe('the bench baseline', () => {
  it('settles 2,000 generated 2018 claims to the fen as the engine does, tier by tier and in personal pay', async () => {
    const book = defaultRules();
    const policy = policyOn(book, '2018-06-01')!;
    const engines = naiveEngines(book.sets.find((s) => s.id === 'ziyang-2017')!);
    const ours = new Map<string, Fen[]>();
    const theirs = new Map<string, NaiveLedger>();
    const differing: string[] = [];
    let protectedPaid = 0;
    for (const raw of generateClaims({ claims: 2000, seed: 7, year: 2018 })) {
      const parsed = parseClaim(raw);
      if (!parsed.ok) throw new Error(`generated claim ${raw.id} is invalid`);
      const c = parsed.value;
      const key = ledgerKey(c.person.id, ledgerYear(c.visit.discharged));
      let l = ours.get(key);
      if (!l) ours.set(key, (l = emptyCounters(policy)));
      let n = theirs.get(key);
      if (!n) theirs.set(key, (n = emptyNaiveLedger()));
      const fast = runClaim(c, policy, l, {}, false);
      const ref = await naiveSettle(engines, c, n, {});
      const a = [...fast.end.amounts.map((x) => formatFen(x)), formatFen(fast.end.remaining)].join();
      const b = [...ref.amounts.map((x) => x.toFixed(2)), ref.personal.toFixed(2)].join();
      if (a !== b) differing.push(`${c.id}: engine ${a} / baseline ${b}`);
      if (ref.amounts[1]!.gt(0)) protectedPaid++;
    }
    expect(differing.slice(0, 3)).toEqual([]);
    // The hospital waiver is paid only to protected persons: the baseline must have seen some.
    expect(protectedPaid).toBeGreaterThan(100);
  });
});
