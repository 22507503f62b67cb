/**
 * Reversal and re-settlement (docs/policy-2017.md §6): reversing the latest claim gives back exactly the
 * ledger before it; reversing an earlier one re-settles the later claims in order, each as if the
 * reversed claim had never come, with its differences; a claim settled twice is refused, never
 * counted twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claim/claim.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { ClaimErrorCode } from '../../src/errors/codes.js';
import { createBatch } from '../../src/settle/batch.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import { emptyYearLedger, type YearLedger } from '../../src/ledger/year-ledger.js';
import { reverseClaim } from '../../src/settle/reverse.js';
import { yearSequenceArb } from '../support/arbitraries.js';

// A whole number: fast-check never stops a property whose numRuns has a fraction (FC_RUNS=100 gave 16.67).
const RUNS = Math.ceil(Number(process.env.FC_RUNS ?? 3000) / 10);
const valid = (inputs: readonly Record<string, unknown>[]): Claim[] =>
  inputs.flatMap((i) => {
    const r = parseClaim(i);
    return r.ok ? [r.value] : [];
  });
/** Settles validated claims in order, threading the ledger (createBatch takes contract JSON, not claims). */
const settleAll = (claims: readonly Claim[]) => {
  let ledger: YearLedger | undefined;
  return claims.map((c) => {
    const r = settleClaim(c, ledger ? { ledger } : {});
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    ledger = r.value.ledger;
    return r.value;
  });
};

describe('reversing a claim of a person-year', () => {
  it('the latest: the ledger is exactly the one before it, and nothing is re-settled', () => {
    fc.assert(
      fc.property(yearSequenceArb, (inputs) => {
        const claims = valid(inputs);
        fc.pre(claims.length >= 1);
        const records = settleAll(claims);
        const r = reverseClaim(claims, claims.at(-1)!.id);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const last = claims.at(-1)!;
        const before =
          records.length >= 2
            ? records.at(-2)!.ledger
            : emptyYearLedger(last.person.id, Number(last.visit.discharged.slice(0, 4)));
        expect(r.value.ledger).toEqual(before);
        expect(r.value.resettled).toEqual([]);
        expect(r.value.reversed.personal).toBe(records.at(-1)!.personal);
      }),
      { numRuns: RUNS },
    );
  });

  it('an earlier one: later claims are re-settled in order as if it never came, with their differences', () => {
    fc.assert(
      fc.property(yearSequenceArb, fc.nat(), (inputs, pick) => {
        const claims = valid(inputs);
        fc.pre(claims.length >= 2);
        const k = pick % claims.length;
        const original = settleAll(claims);
        const without = settleAll(claims.filter((_, i) => i !== k));
        const r = reverseClaim(claims, claims[k]!.id);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.ledger).toEqual(without.at(-1)?.ledger);
        expect(r.value.resettled.map((x) => x.claimId)).toEqual(claims.slice(k + 1).map((c) => c.id));
        r.value.resettled.forEach((x, j) => {
          expect(x.before.lines).toEqual(original[k + 1 + j]!.lines);
          expect(x.after.lines).toEqual(without[k + j]!.lines);
          expect(x.difference.personal).toBe(x.after.personal - x.before.personal);
          for (const l of x.after.lines) {
            const was = x.before.lines.find((b) => b.id === l.id)!.amount;
            expect(x.difference.lines[l.id] ?? 0).toBe(l.amount - was);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['a claim that was not settled', (cs: Claim[]) => reverseClaim(cs, 'nope'), ClaimErrorCode.NOT_SETTLED],
    ['an empty year', () => reverseClaim([], 'nope'), ClaimErrorCode.NOT_SETTLED],
    [
      'claims of two persons',
      (cs: Claim[]) =>
        reverseClaim([cs[0]!, { ...cs[0]!, id: 'other', person: { ...cs[0]!.person, id: 'Q' } }], cs[0]!.id),
      ClaimErrorCode.MIXED_PERSON_YEAR,
    ],
  ])('refuses %s, reversing nothing', (_, act, code) => {
    const claims = valid(
      fc.sample(
        yearSequenceArb.filter((s) => s.length >= 1),
        { numRuns: 1, seed: 3 },
      )[0]!,
    );
    const r = act(claims);
    expect(r.ok ? null : r.errors[0]!.code).toBe(code);
  });

  it('a claim settled twice is refused the second time, and counted once', () => {
    const [claim] = fc.sample(yearSequenceArb, { numRuns: 1, seed: 5 })[0]!;
    const batch = createBatch();
    const first = batch.settle(claim);
    const again = batch.settle(claim);
    expect(first.ok).toBe(true);
    expect(again.ok ? null : again.errors[0]!.code).toBe(ClaimErrorCode.DUPLICATE_CLAIM);
    const ledger = [...batch.ledger().values()][0]!;
    expect(ledger.claimIds).toEqual([claim!.id as string]);
    expect(ledger).toEqual(first.ok ? first.record.ledger : null);
  });
});
