/**
 * A validated claim through a policy's compiled waterfall, for callers that hold claims rather than
 * records (the bench's comparison with the naive baseline, tests): the claim is recorded with the
 * values of the policy's own scheme, then settled as every record is (run-record.ts).
 */
import type { Claim } from '../claim/claim.js';
import { ClaimRecord, recordClaim } from '../claim/claim-record.js';
import { type VocabularyIndex, vocabularyIndex } from '../claim/vocabulary-index.js';
import type { Balances, Scratch } from '../kinds/shared/scratch.js';
import type { Policy, Scheme } from '../scheme/policy.js';
import { BillSplit } from './bill.js';
import { profileTable } from './profile.js';
import { runRecord } from './run-record.js';

/**
 * Counters of a person-year with nothing settled yet, in a policy's layout.
 *
 * @example
 * runClaim(claim, policy, emptyCounters(policy), {})
 */
export function emptyCounters(policy: Policy): Float64Array {
  return new Float64Array(policy.scheme.counters.length);
}

const vocabularies = new WeakMap<Scheme, VocabularyIndex>();
const record = new ClaimRecord();
const bill = new BillSplit();

/**
 * Settles a validated claim of the policy's scheme, updating `counters` and `balances` in place.
 * The policy's scratch state holds the result until its next claim.
 *
 * @example
 * const end = runClaim(claim, policy, counters, {});
 * end.amounts[2] // what the third tier paid
 */
export function runClaim(claim: Claim, policy: Policy, counters: Float64Array, balances: Balances): Scratch {
  let v = vocabularies.get(policy.scheme);
  // Stryker disable next-line ConditionalExpression: an index built again for every claim holds the same positions (only slower)
  if (!v) {
    const s = policy.scheme;
    v = vocabularyIndex({
      counties: [...s.counties.keys()],
      areas: [...s.areas.keys()],
      categories: [...s.categories.keys()],
    });
    vocabularies.set(policy.scheme, v);
  }
  if (!recordClaim(claim, v, record))
    throw new RangeError(`claim ${claim.id} uses a value the scheme of ${policy.id} does not have`);
  const profile = profileTable(policy, v).profileOf(record);
  return runRecord(record, policy, profile, counters, balances, bill);
}
