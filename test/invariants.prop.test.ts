/**
 * POLICY.md §5 as properties over thousands of generated claims and claim sequences:
 * conservation to the fen, no negative line, no tier above what was left or above its cap,
 * determinism, targets met while the funds last, and a year's serious-illness total equal to
 * round(f(final burden)) whatever the order of its claims (while no cap binds).
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../src/claim/parse.js';
import { settlementToJson } from '../src/format/settlement-json.js';
import { type YearLedger } from '../src/ledger/year-ledger.js';
import { parseAmount } from '../src/money/fen.js';
import { formatRatio } from '../src/money/ratio.js';
import { policyOn } from '../src/rules/book.js';
import type { Policy } from '../src/rules/policy.js';
import { defaultRules } from '../src/rules/embedded.js';
import { type SettlementRecord, settleClaim } from '../src/settle/settle-claim.js';
import { createBatch } from '../src/settle/batch.js';
import { claimArb, yearSequenceArb } from './arbitraries.js';

const RUNS = Number(process.env.FC_RUNS ?? 3000);

function settleOk(input: unknown, ledger?: YearLedger): SettlementRecord {
  const c = parseClaim(input);
  if (!c.ok) throw new Error(`generator made an invalid claim: ${JSON.stringify(c.errors)}`);
  const r = settleClaim(c.value, ledger ? { ledger } : {});
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function checkClaimInvariants(r: SettlementRecord): void {
  const json = settlementToJson(r);
  const fen = (s: string) => parseAmount(s)!;
  // 1. total = hospitalAbsorbed + Σ lines + personal, read back from the strings callers see.
  const lines = json.lines.reduce((s, l) => s + fen(l.amount), 0);
  expect(fen(json.hospitalAbsorbed) + lines + fen(json.personal)).toBe(fen(json.total));
  expect(fen(json.billable)).toBe(fen(json.total) - fen(json.hospitalAbsorbed));
  // 2. no negative line; no tier pays more than was left when it ran.
  for (const l of r.lines) {
    expect(l.amount).toBeGreaterThanOrEqual(0);
    expect(l.amount).toBeLessThanOrEqual(l.available);
  }
  expect(r.personal).toBeGreaterThanOrEqual(0);
  // Lines in tier order; tier 0 exactly for deliveries.
  expect(json.lines.map((l) => l.tier)).toEqual(r.claim.visit.kind === 'delivery' ? [0, 1, 2, 3, 4, 5, 6, 7, 8] : [1, 2, 3, 4, 5, 6, 7, 8]);
  // No annual cap exceeded.
  const t = r.policy.tiers;
  for (const [pool, paid] of Object.entries(r.ledger.basicInsurancePaid)) expect(paid).toBeLessThanOrEqual(t['basic-insurance'].annualCaps[pool]!);
  expect(r.ledger.seriousIllnessPaid).toBeLessThanOrEqual(t['serious-illness-insurance'].annualCap);
  expect(r.ledger.supplementaryPaid).toBeLessThanOrEqual(t['supplementary-insurance'].annualCap);
  expect(r.ledger.assistancePaid).toBeLessThanOrEqual(t['medical-assistance'].annualLimit);
  // 4. with unlimited funds, a target is always met.
  if (r.target !== null) {
    expect(r.target.met).toBe(true);
    expect(r.personal).toBeLessThanOrEqual(r.target.personalMax);
  }
  // General outpatient is settled by basic insurance alone.
  if (r.claim.visit.kind === 'general-outpatient') {
    for (const l of r.lines) if (l.id !== 'basic-insurance') expect(l.amount).toBe(0);
  }
}

describe('every generated claim keeps the invariants of POLICY.md §5', () => {
  it(`conservation, no negative line, nothing above what was left or above a cap, targets met (${RUNS} claims)`, () => {
    fc.assert(
      fc.property(claimArb, (input) => {
        checkClaimInvariants(settleOk(input));
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same claim, rules and ledger give byte-identical output', () => {
    fc.assert(
      fc.property(claimArb, (input) => {
        const a = JSON.stringify(settlementToJson(settleOk(input)));
        const b = JSON.stringify(settlementToJson(settleOk(JSON.parse(JSON.stringify(input)))));
        expect(a).toBe(b);
      }),
      { numRuns: Math.min(500, RUNS) },
    );
  });
});

/** f(c) for the person's rules, computed independently with decimal.js. */
function seriousIllnessOracle(r: SettlementRecord, c: number): number {
  return fOracle(r.policy, r.policy.tiers['serious-illness-insurance'].poverty.when(r.facts.facts), c);
}

/** round(f(c)) in fen, with decimal.js, from the policy's bracket values. */
function fOracle(policy: Policy, adjusted: boolean, c: number): number {
  const t = policy.tiers['serious-illness-insurance'];
  const D = adjusted ? new Decimal(t.deductible).times(formatRatio(t.poverty.deductibleFactor)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP) : new Decimal(t.deductible);
  let lo = D;
  let sum = new Decimal(0);
  for (const b of t.brackets) {
    const ratio = Decimal.min(1, new Decimal(formatRatio(b.ratio)).plus(adjusted ? formatRatio(t.poverty.ratioAdd) : 0));
    const hi = b.upTo === null ? new Decimal(c) : Decimal.min(c, b.upTo);
    if (hi.gt(lo)) sum = sum.plus(hi.minus(lo).times(ratio));
    if (b.upTo !== null) lo = Decimal.max(lo, b.upTo);
  }
  return sum.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

describe('a person-year of claims keeps the invariants and the serious-illness identity', () => {
  function runYear(claims: readonly Record<string, unknown>[]) {
    const batch = createBatch();
    const records: SettlementRecord[] = [];
    for (const c of claims) {
      const o = batch.settle(c);
      if (!o.ok) throw new Error(JSON.stringify(o.errors));
      records.push(o.record);
    }
    return records;
  }

  it('every claim of a sequence keeps the invariants, and the caps hold across the year', () => {
    fc.assert(
      fc.property(yearSequenceArb, (claims) => {
        for (const r of runYear(claims)) checkClaimInvariants(r);
      }),
      { numRuns: Math.min(800, RUNS) },
    );
  });

  it("while no cap binds, the year's serious-illness total is round(f(final c)) in every order of its claims", () => {
    fc.assert(
      fc.property(
        yearSequenceArb.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))),
        ([claims, shuffled]) => {
          for (const order of [claims, shuffled]) {
            const records = runYear(order);
            const bound = records.some((r) =>
              r.lines.some((l) => l.detail.kind === 'serious-illness' && (l.detail.computed > l.detail.capLeft || l.detail.computed > l.detail.inScopeLeft)),
            );
            fc.pre(!bound);
            const paid = records.reduce((s, r) => s + r.lines.find((l) => l.id === 'serious-illness-insurance')!.amount, 0);
            const last = records.at(-1)!;
            const finalC = last.ledger.seriousIllnessBurden;
            // c is the sum, over the claims tier 3 ran on, of the in-scope cost basic insurance left.
            const expectedC = records
              .filter((r) => r.lines.some((l) => l.detail.kind === 'serious-illness'))
              .reduce((sum, r) => {
                const b = r.lines.find((l) => l.id === 'basic-insurance')!;
                return sum + (b.detail.kind === 'basic-insurance' ? b.detail.inScope - b.amount : 0);
              }, 0);
            expect(finalC).toBe(expectedC);
            // f depends only on who the person is, which does not change within a sequence.
            const ran = records.find((r) => r.lines.some((l) => l.detail.kind === 'serious-illness'));
            expect(paid).toBe(ran ? seriousIllnessOracle(ran, finalC) : 0);
          }
        },
      ),
      { numRuns: Math.min(800, RUNS) },
    );
  });
});

it('the oracle itself gives the hand-computed f(c) of worked example 10', () => {
  const policy = policyOn(defaultRules(), '2018-01-01')!;
  // Protected: 45,000 × 65% + 38,155 × 75% = 57,866.25; then 101,950: + 11,845 × 75% + 1,950 × 85% … = 68,407.50.
  expect(fOracle(policy, true, 8_815_500)).toBe(5_786_625);
  expect(fOracle(policy, true, 10_195_000)).toBe(6_840_750);
  // General: below the 10,000 deductible nothing; 20,000 → 10,000 × 55%.
  expect(fOracle(policy, false, 999_999)).toBe(0);
  expect(fOracle(policy, false, 2_000_000)).toBe(550_000);
});
