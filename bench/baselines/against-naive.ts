/**
 * The exact fast path against the naive reference (baseline b), claim by claim over whole
 * person-years: `npm run bench` runs it on 100,000 claims before it times anything, and
 * test/bench-baseline.test.ts on 2,000, so a baseline that drifts from the rules fails a test
 * rather than a bench nobody reads.
 */
import type { Claim } from '../../src/claim/claim.js';
import { ledgerKey, ledgerYear } from '../../src/ledger/year-ledger.js';
import { formatFen, type Fen } from '../../src/money/fen.js';
import type { RuleBook } from '../../src/scheme/book.js';
import { policyOn } from '../../src/scheme/book.js';
import { emptyCounters, runClaim } from '../../src/settle/run-claim.js';
import { emptyNaiveLedger, naiveEngines, naiveSettle, type NaiveLedger } from './naive.js';

/** What the comparison found. */
export interface AgainstNaive {
  readonly claims: number;
  /** `id: engine … / baseline …` for every claim whose tier amounts or personal pay differ. */
  readonly differing: readonly string[];
  /** Claims the baseline gave a hospital waiver (tier 1): only protected persons get one. */
  readonly waived: number;
}

/**
 * Settles every claim (of ziyang-2017, in the order given, unlimited funds) with the fast path and
 * with the naive baseline, and lists the claims whose amounts differ.
 *
 * @example
 * const { differing } = await againstNaive(defaultRules(), claims);
 * differing.length // 0
 */
export async function againstNaive(book: RuleBook, claims: Iterable<Claim>): Promise<AgainstNaive> {
  const engines = naiveEngines(book.sets.find((s) => s.id === 'ziyang-2017')!);
  const ours = new Map<string, Float64Array>();
  const theirs = new Map<string, NaiveLedger>();
  const differing: string[] = [];
  let count = 0;
  let waived = 0;
  for (const c of claims) {
    count++;
    const policy = policyOn(book, c.visit.discharged)!;
    const key = ledgerKey(c.person.id, ledgerYear(c.visit.discharged));
    let l = ours.get(key);
    if (!l) ours.set(key, (l = emptyCounters(policy)));
    let n = theirs.get(key);
    if (!n) theirs.set(key, (n = emptyNaiveLedger()));
    const end = runClaim(c, policy, l, {});
    const a = [...Array.from(end.amounts, (x) => formatFen(x as Fen)), formatFen(end.remaining)].join();
    const ref = await naiveSettle(engines, c, n, {});
    const b = [...ref.amounts.map((x) => x.toFixed(2)), ref.personal.toFixed(2)].join();
    if (a !== b) differing.push(`${c.id}: engine ${a} / baseline ${b}`);
    if (ref.amounts[1]!.gt(0)) waived++;
  }
  return { claims: count, differing, waived };
}
