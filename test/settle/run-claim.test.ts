/**
 * The core every settlement runs (src/settle/run-claim.ts, run-record.ts): a person-year's empty
 * counters in the policy's layout, a claim of another scheme refused by its id and the policy's,
 * and invariant 1 (docs/policy-2017.md §5: total = hospitalAbsorbed + Σ lines + personal, to the
 * fen) checked after every run, a broken one reported as a bug with the claim's id.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claim/claim.js';
import { ClaimRecord, recordClaim } from '../../src/claim/claim-record.js';
import { vocabularyIndex } from '../../src/claim/vocabulary-index.js';
import type { Fen } from '../../src/money/fen.js';
import { claimVocabulary, policyOn } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { BillSplit } from '../../src/settle/bill.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { profileTable } from '../../src/settle/profile.js';
import { emptyCounters, runClaim } from '../../src/settle/run-claim.js';
import { runRecord } from '../../src/settle/run-record.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import { baseClaim } from '../support/helpers.js';

const book = defaultRules();
const policy2017 = policyOn(book, '2017-06-10')!;
const policy2022 = policyOn(book, '2023-06-10')!;
const claimOf = (input: Record<string, unknown>): Claim => {
  const c = parseClaim(input);
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  return c.value;
};

describe('a person-year with nothing settled has every counter of its policy at zero', () => {
  it.each([
    ['the 2017 rules keep 9 counters', policy2017, 9],
    ['the 2022 rules keep 10 counters', policy2022, 10],
  ] as const)('%s', (_name, policy, n) => {
    const c = emptyCounters(policy);
    expect([c instanceof Float64Array, c.length, [...c].every((x) => x === 0)]).toEqual([true, n, true]);
    expect(policy.scheme.counters.length).toBe(n);
  });
});

describe('runClaim settles a claim of the policy’s scheme as settleClaim does', () => {
  it('a registered-poor admission of 8,200.00 in 2017: the same personal share, to the fen', () => {
    const claim = claimOf(baseClaim());
    const end = runClaim(claim, policy2017, emptyCounters(policy2017), {});
    const r = settleClaim(claim);
    expect(r.ok && end.remaining).toBe(r.ok ? r.value.personal : -1);
  });

  it.each([
    ['a dibao person (a category of 2022 only) under the 2017 rules', 'dibao', policy2017, 'ziyang-2017'],
    [
      'a registered-poor person (a category of 2017 only) under the 2022 rules',
      'registered-poor',
      policy2022,
      'ziyang-2022',
    ],
  ] as const)('%s is refused by its id and the policy’s', (_name, category, policy, id) => {
    const discharged = policy === policy2017 ? '2017-06-10' : '2023-06-10';
    const claim = claimOf(
      baseClaim({
        id: 'X-9',
        person: { id: 'PX', county: 'anyue', category },
        visit: { kind: 'inpatient', discharged },
      }),
    );
    expect(() => runClaim(claim, policy, emptyCounters(policy), {})).toThrow(
      new RangeError(`claim X-9 uses a value the scheme of ${id} does not have`),
    );
  });
});

describe('invariant 1 is checked after every run, to the fen', () => {
  const vocabulary = vocabularyIndex(claimVocabulary(book));
  const recorded = (total: (t: Fen) => Fen) => {
    const r = new ClaimRecord();
    recordClaim(claimOf(baseClaim({ id: 'INV-1' })), vocabulary, r);
    r.total = total(r.total);
    return r;
  };
  const run = (r: ClaimRecord) =>
    runRecord(
      r,
      policy2017,
      profileTable(policy2017, vocabulary).profileOf(r),
      emptyCounters(policy2017),
      {},
      new BillSplit(),
    );

  it('a record whose total is its items’ sum, or one fen more (the relief funds bring her to the target all the same), leaves the registered-poor patient nothing, as settleClaim does', () => {
    const personal = settleClaim(claimOf(baseClaim({ id: 'INV-1' })));
    const paid = (s: { amounts: ArrayLike<number> }) => Array.from(s.amounts).reduce((a, b) => a + b, 0);
    // The policy's scratch state holds one run at a time: read each before the next.
    const exact = run(recorded((t) => t));
    const [exactLeft, exactPaid] = [exact.remaining, paid(exact)];
    const more = run(recorded((t) => (t + 1) as Fen));
    expect([personal.ok && personal.value.personal, exactLeft, more.remaining, paid(more) - exactPaid]).toEqual([
      0, 0, 0, 1,
    ]);
  });

  it('a record whose total is one fen less than its items, when they leave the patient nothing, would pay the patient a fen: reported as a bug in bashunwei, by its claim id', () => {
    const personal = settleClaim(claimOf(baseClaim({ id: 'INV-1' })));
    expect(personal.ok && personal.value.personal).toBe(0);
    expect(() => run(recorded((t) => (t - 1) as Fen))).toThrow(
      new Error('conservation broken for claim INV-1: this is a bug in bashunwei, please report it with the claim'),
    );
  });
});
