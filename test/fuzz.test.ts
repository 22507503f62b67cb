/**
 * Fuzzing the claim parser, the input reader and the settlement: no exception escapes, every
 * problem has a code from the closed set, and every settlement keeps POLICY.md §5 — also from
 * random year-to-date ledgers and relief funds that run dry. `npm run fuzz` runs it long
 * (FUZZ_RUNS=200000); `npm test` runs it short.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClaim, parseClaimText } from '../src/claim/parse.js';
import { readClaims } from '../src/cli/input.js';
import { ClaimErrorCode } from '../src/errors/codes.js';
import { settlementToJson } from '../src/format/settlement-json.js';
import { emptyYearLedger, ledgerYear, type YearLedger } from '../src/ledger/year-ledger.js';
import { type Fen, parseAmount } from '../src/money/fen.js';
import { settleClaim } from '../src/settle/settle-claim.js';
import type { FundBalances } from '../src/settle/funds.js';
import { claimArb, mutatedClaimArb } from './arbitraries.js';

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

const ledgerFor = (claim: Record<string, any>) =>
  fc
    .record({
      basic: fc.integer({ min: 0, max: 15_000_000 }),
      go: fc.integer({ min: 0, max: 30_000 }),
      ded: fc.integer({ min: 0, max: 30_000 }),
      burden: fc.integer({ min: 0, max: 100_000_000 }),
      serious: fc.integer({ min: 0, max: 30_000_000 }),
      supp: fc.integer({ min: 0, max: 5_000_000 }),
      assist: fc.integer({ min: 0, max: 5_000_000 }),
    })
    .map(
      (l): YearLedger => ({
        ...emptyYearLedger(claim.person.id, ledgerYear(claim.visit.discharged)),
        basicInsurancePaid: { basic: l.basic as Fen, 'general-outpatient': l.go as Fen },
        basicDeductibleUsed: { 'special-outpatient-resident': l.ded as Fen },
        seriousIllnessBurden: l.burden as Fen,
        seriousIllnessPaid: l.serious as Fen,
        supplementaryPaid: l.supp as Fen,
        assistancePaid: l.assist as Fen,
      }),
    );

const fundsArb: fc.Arbitrary<FundBalances> = fc.record(
  {
    'emergency-relief': fc.integer({ min: 0, max: 50_000 }).map((x) => x as Fen),
    'charity-care': fc.integer({ min: 0, max: 50_000 }).map((x) => x as Fen),
    'health-poverty-relief': fc.integer({ min: 0, max: 500_000 }).map((x) => x as Fen),
    'major-disease-charity': fc.integer({ min: 0, max: 50_000 }).map((x) => x as Fen),
  },
  { requiredKeys: [] },
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
        claimArb.chain((c) => fc.tuple(fc.constant(c), ledgerFor(c as any), fundsArb)),
        ([input, ledger, funds]) => {
          const c = parseClaim(input);
          if (!c.ok) throw new Error('generator');
          const r = settleClaim(c.value, { ledger, funds });
          if (!r.ok) throw new Error(JSON.stringify(r.errors));
          const s = r.value;
          const paid = s.lines.reduce((a, l) => a + l.amount, 0);
          expect(s.bill.hospitalAbsorbed + paid + s.personal).toBe(s.bill.total);
          for (const l of s.lines) expect(l.amount >= 0 && l.amount <= l.available).toBe(true);
          const t = s.policy.tiers;
          expect(s.ledger.basicInsurancePaid.basic ?? 0).toBeLessThanOrEqual(Math.max(ledger.basicInsurancePaid.basic!, t['basic-insurance'].annualCaps.basic!));
          expect(s.ledger.seriousIllnessPaid).toBeLessThanOrEqual(Math.max(ledger.seriousIllnessPaid, t['serious-illness-insurance'].annualCap));
          expect(s.ledger.supplementaryPaid).toBeLessThanOrEqual(Math.max(ledger.supplementaryPaid, t['supplementary-insurance'].annualCap));
          expect(s.ledger.assistancePaid).toBeLessThanOrEqual(Math.max(ledger.assistancePaid, t['medical-assistance'].annualLimit));
          for (const [fund, before] of Object.entries(funds)) expect(s.funds[fund as keyof FundBalances]!).toBeLessThanOrEqual(before);
          if (s.target) {
            const dry = t['relief-funds'].funds.every((f) => s.funds[f.id] === 0);
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
