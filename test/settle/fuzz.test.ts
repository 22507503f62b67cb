/**
 * Fuzzing the claim parser, the input reader and the settlement: no exception escapes, every
 * problem has a code from the closed set, and every settlement keeps docs/policy-2017.md §5 — also from
 * random year-to-date ledgers and relief funds that run dry. `npm run fuzz` runs it long
 * (FUZZ_RUNS=200000); `npm test` runs it short.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClaim, parseClaimText } from '../../src/settle/parse-claim.js';
import { readClaims } from '../../src/node/input.js';
import { ClaimErrorCode } from '../../src/errors/codes.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import { emptyYearLedger, ledgerYear, type YearLedger } from '../../src/ledger/year-ledger.js';
import { type Fen, parseAmount } from '../../src/money/fen.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import type { FundBalances } from '../../src/kinds/shared/funds.js';
import { claimArb, mutatedClaimArb } from '../support/arbitraries.js';
import { paidCounterCaps } from '../support/tier-caps.js';
import { policyOn } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import type { Policy } from '../../src/scheme/policy.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const CODES = new Set<string>(Object.values(ClaimErrorCode));

function checkIssues(errors: readonly { code: string; path: string; message: string }[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(CODES.has(e.code), e.code).toBe(true);
    expect(typeof e.path).toBe('string');
    expect(e.message.length).toBeGreaterThan(5);
  }
}

/** The policy a generated claim is settled by. */
const policyOf = (claim: Record<string, any>): Policy => policyOn(defaultRules(), claim.visit.discharged)!;

/**
 * A year-to-date ledger for the claim's person-year: every counter of its rule set's layout, paid
 * counters up to their cap (any amount where there is none), deductibles and burdens at random.
 */
const ledgerFor = (claim: Record<string, any>): fc.Arbitrary<YearLedger> => {
  const policy = policyOf(claim);
  const caps = new Map(paidCounterCaps(policy).map((c) => [c.counter, c.cap]));
  const max = (name: string) =>
    caps.has(name) ? (caps.get(name) ?? 30_000_000) : name.endsWith('.burden') ? 100_000_000 : 1_000_000;
  return fc
    .record(
      Object.fromEntries(
        policy.scheme.counters.map((name) => [name, fc.integer({ min: 0, max: max(name) }).map((x) => x as Fen)]),
      ) as Record<string, fc.Arbitrary<Fen>>,
    )
    .map(
      (counters): YearLedger => ({ ...emptyYearLedger(claim.person.id, ledgerYear(claim.visit.discharged)), counters }),
    );
};

/** Balances of the funds of the claim's rule set, often small enough to run dry. */
const fundsFor = (claim: Record<string, any>): fc.Arbitrary<FundBalances> =>
  fc.record(
    Object.fromEntries(
      policyOf(claim).scheme.funds.map((f) => [f.id, fc.integer({ min: 0, max: 500_000 }).map((x) => x as Fen)]),
    ) as Record<string, fc.Arbitrary<Fen>>,
    {
      requiredKeys: [],
    },
  );

describe('fuzzing the claim parser', () => {
  it('never throws on any JSON value, and every problem has a known code', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseClaim(v);
        if (!r.ok) checkIssues(r.errors);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (t) => {
        const r = parseClaimText(t);
        if (!r.ok) checkIssues(r.errors);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on a valid claim with one random change; what it accepts settles within the invariants', () => {
    fc.assert(
      fc.property(mutatedClaimArb, (c) => {
        const r = parseClaim(c);
        if (!r.ok) return checkIssues(r.errors);
        const s = settleClaim(r.value);
        if (!s.ok) return checkIssues(s.errors);
        const j = settlementToJson(s.value);
        const f = (x: string) => parseAmount(x)!;
        expect(f(j.hospitalAbsorbed) + j.lines.reduce((a, l) => a + f(l.amount), 0) + f(j.personal)).toBe(f(j.total));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzzing the input reader', () => {
  it('never throws on random bytes in random chunks; every record is a text or a coded error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 8 }), async (chunks) => {
        for await (const rec of readClaims(chunks.map((c) => Buffer.from(c)))) {
          if ('error' in rec) expect(CODES.has(rec.error.code)).toBe(true);
          else expect(typeof rec.text).toBe('string');
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('fuzzing the settlement from random ledgers and dry funds', () => {
  it('keeps conservation and the caps, and misses a target only when its funds ran dry', () => {
    fc.assert(
      fc.property(
        claimArb.chain((c) => fc.tuple(fc.constant(c), ledgerFor(c), fundsFor(c))),
        ([input, ledger, funds]) => {
          const c = parseClaim(input);
          if (!c.ok) throw new Error('generator');
          const r = settleClaim(c.value, { ledger, funds });
          if (!r.ok) throw new Error(JSON.stringify(r.errors));
          const s = r.value;
          const paid = s.lines.reduce((a, l) => a + l.amount, 0);
          expect(s.bill.hospitalAbsorbed + paid + s.personal).toBe(s.bill.total);
          for (const l of s.lines) expect(l.amount >= 0 && l.amount <= l.available).toBe(true);
          // A cap already passed in the ledger given stays where it was; else the tier stops at its cap
          // (unless an uncapped adjustment applied: 2022's core group).
          const uncapped = new Set(
            s.lines.flatMap((l) => ('adjustment' in l.detail && l.detail.adjustment?.uncapped ? [l.id] : [])),
          );
          for (const cap of paidCounterCaps(s.policy)) {
            if (cap.cap === null || uncapped.has(cap.tier.id)) continue;
            const before = ledger.counters[cap.counter] ?? 0;
            expect(s.ledger.counters[cap.counter] ?? 0, cap.counter).toBeLessThanOrEqual(Math.max(before, cap.cap));
          }
          for (const [fund, before] of Object.entries(funds)) expect(s.funds[fund]!).toBeLessThanOrEqual(before!);
          if (s.target) {
            const dry = s.policy.scheme.funds.every((f) => s.funds[f.id] === 0);
            if (s.personal > s.target.personalMax) {
              expect(s.target.met).toBe(false);
              expect(dry).toBe(true);
              expect(s.target.shortfall).toBe(s.personal - s.target.personalMax);
            } else expect(s.target.met).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
