/**
 * docs/policy-2017.md §5 as properties over thousands of generated claims and claim sequences of both eras
 * (ziyang-2017 and ziyang-2022): conservation to the fen, no negative line, no tier above what was
 * left or above its cap, determinism, targets met while the funds last, and a year's total of every
 * brackets tier (serious illness; 2022's tilted assistance) equal to round(f(final burden)) whatever
 * the order of its claims (while no cap binds), with the adjustment of the person's group. Nothing
 * here names a tier's structure: caps and brackets are read from the policy's tiers by kind.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import type { Adjustment } from '../../src/kinds/shared/adjustment.js';
import type { BracketsParams } from '../../src/kinds/brackets/params.js';
import type { TierSpec } from '../../src/kinds/kind.js';
import { PART_INDEX } from '../../src/kinds/shared/parts.js';
import { type YearLedger } from '../../src/ledger/year-ledger.js';
import { parseAmount } from '../../src/money/fen.js';
import { formatRatio } from '../../src/money/ratio.js';
import { policyOn } from '../../src/scheme/book.js';
import type { Policy } from '../../src/scheme/policy.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { type SettlementRecord, settleClaim } from '../../src/settle/settle-claim.js';
import { createBatch } from '../../src/settle/batch.js';
import { ERAS, claimArb, yearSequenceArb } from '../support/arbitraries.js';
import { paidCounterCaps } from '../support/tier-caps.js';

const RUNS = Number(process.env.FC_RUNS ?? 3000);

function settleOk(input: unknown, ledger?: YearLedger): SettlementRecord {
  const c = parseClaim(input);
  if (!c.ok) throw new Error(`generator made an invalid claim: ${JSON.stringify(c.errors)}`);
  const r = settleClaim(c.value, ledger ? { ledger } : {});
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/**
 * The invariants of one settlement; `uncapped` lists the tiers an `uncapped` adjustment applied
 * to this year (their paid counters may pass the cap: docs/policy-2022.md §2 tier 2).
 */
function checkClaimInvariants(r: SettlementRecord, uncapped: ReadonlySet<string> = new Set()): void {
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
  // Lines in the order of the rule set, each with its tier's number; a tier listed only where it
  // applies (the 2017 delivery carve-out, tier 0) appears exactly on the claims it applies to.
  const listed = r.policy.tiers.filter((t) => !t.listedWhenApplies || t.applies.when(r.facts.facts));
  expect(json.lines.map((l) => [l.tier, l.id])).toEqual(listed.map((t) => [t.tier, t.id]));
  const numbers = json.lines.map((l) => l.tier);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  // 3. no annual cap exceeded: every <tier>.paid… counter within its tier's cap, unless an
  // uncapped adjustment applied to that tier this year.
  for (const c of paidCounterCaps(r.policy)) {
    if (c.cap === null || uncapped.has(c.tier.id)) continue;
    expect(r.ledger.counters[c.counter] ?? 0, c.counter).toBeLessThanOrEqual(c.cap);
  }
  // 4. with unlimited funds, a target is always met.
  if (r.target !== null) {
    expect(r.target.met).toBe(true);
    expect(r.personal).toBeLessThanOrEqual(r.target.personalMax);
  }
  // General outpatient is settled by basic insurance alone (both eras).
  if (r.claim.visit.kind === 'general-outpatient') {
    for (const l of r.lines) if (l.id !== 'basic-insurance') expect(l.amount).toBe(0);
  }
}

/** The tiers of a settlement whose line applied an `uncapped` adjustment. */
function uncappedTiers(r: SettlementRecord): string[] {
  return r.lines.flatMap((l) => ('adjustment' in l.detail && l.detail.adjustment?.uncapped ? [l.id] : []));
}

describe('every generated claim keeps the invariants of docs/policy-2017.md §5, in both eras', () => {
  it('the generators make claims of every rule set of the embedded book', () => {
    const rules = new Set(
      fc
        .sample(claimArb, { numRuns: 200, seed: 1 })
        .map((c) => policyOn(defaultRules(), (c.visit as { discharged: string }).discharged)!.id),
    );
    expect([...rules].sort()).toEqual(ERAS.map((e) => e.id).sort());
  });

  it(`conservation, no negative line, nothing above what was left or above a cap, targets met (${RUNS} claims)`, () => {
    fc.assert(
      fc.property(claimArb, (input) => {
        const r = settleOk(input);
        checkClaimInvariants(r, new Set(uncappedTiers(r)));
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

/**
 * round(f(c)) in fen, with decimal.js, from a brackets tier's parameters and the adjustment that
 * applies to the person (if any): the deductible × its factor (half-up), every ratio + its points
 * (at most 1), the brackets from the deductible to their absolute bounds.
 */
function fOracle(p: BracketsParams, adjustment: Adjustment | undefined, c: number): number {
  const standard = new Decimal(p.standard.deductible);
  const D = adjustment?.deductibleFactor
    ? standard.times(formatRatio(adjustment.deductibleFactor)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    : standard;
  const add = adjustment?.ratioAdd ? formatRatio(adjustment.ratioAdd) : 0;
  let lo = D;
  let sum = new Decimal(0);
  for (const b of p.standard.brackets) {
    const ratio = Decimal.min(1, new Decimal(formatRatio(b.ratio)).plus(add));
    const hi = b.upTo === null ? new Decimal(c) : Decimal.min(c, b.upTo);
    if (hi.gt(lo)) sum = sum.plus(hi.minus(lo).times(ratio));
    if (b.upTo !== null) lo = Decimal.max(lo, b.upTo);
  }
  return sum.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** A brackets tier of a policy, by id. */
function bracketsTier(policy: Policy, id: string): TierSpec<BracketsParams> {
  const t = policy.tiers.find((x) => x.id === id);
  if (!t || t.kind !== 'brackets') throw new Error(`${id} is not a brackets tier of ${policy.id}`);
  return t as TierSpec<BracketsParams>;
}

const S_ONLY = [PART_INDEX.S];

/**
 * The in-scope cost S left when a brackets tier ran on a claim, computed from the other lines: what
 * the table tier (basic insurance) found in scope, less what it and every tier between it and this
 * one paid. Every tier between them must pay from S alone (true of both shipped schemes; a test
 * error otherwise, not a silent wrong number).
 */
function inScopeLeftAt(r: SettlementRecord, id: string): number {
  const at = r.lines.findIndex((l) => l.id === id);
  const table = r.lines.findIndex((l) => l.detail.kind === 'table');
  const first = r.lines[table]!;
  if (first.detail.kind !== 'table' || table > at) throw new Error(`no table tier before ${id}`);
  let left = first.detail.inScope - first.amount;
  for (const l of r.lines.slice(table + 1, at)) {
    const spec = r.policy.tiers.find((t) => t.id === l.id)!;
    const parts = (spec.params as { parts?: readonly number[] }).parts;
    if (!parts || JSON.stringify(parts) !== JSON.stringify(S_ONLY))
      throw new Error(`${l.id} between the table and ${id} does not pay from S alone`);
    left -= l.amount;
  }
  return left;
}

/** How many person-years checked the identity, per rule set and brackets tier (none may stay at 0). */
const identityChecked = new Map<string, number>();

describe('a person-year of claims keeps the invariants and the serious-illness identity, in both eras', () => {
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
        const uncapped = new Set<string>();
        for (const r of runYear(claims)) {
          for (const id of uncappedTiers(r)) uncapped.add(id);
          checkClaimInvariants(r, uncapped);
        }
      }),
      { numRuns: Math.min(800, RUNS) },
    );
  });

  it("while no cap binds, a brackets tier's year total is round(f(final c)) in every order of the claims (2022: the core group's tilt)", () => {
    fc.assert(
      fc.property(
        yearSequenceArb.chain((cs) =>
          fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length })),
        ),
        ([claims, shuffled]) => {
          for (const order of [claims, shuffled]) {
            const records = runYear(order);
            const last = records.at(-1)!;
            for (const { id } of last.policy.tiers.filter((t) => t.kind === 'brackets')) {
              const ranOn = records.filter((r) => r.lines.some((l) => l.id === id && l.detail.kind === 'brackets'));
              const bound = ranOn.some((r) =>
                r.lines.some(
                  (l) =>
                    l.id === id &&
                    l.detail.kind === 'brackets' &&
                    ((l.detail.capLeft !== null && l.detail.computed > l.detail.capLeft) ||
                      l.detail.computed > l.detail.base),
                ),
              );
              if (bound) continue;
              const paid = records.reduce((s, r) => s + r.lines.find((l) => l.id === id)!.amount, 0);
              const finalC = last.ledger.counters[`${id}.burden`] ?? 0;
              // c is the sum, over the claims the tier ran on, of the in-scope cost the tiers before it left.
              expect(finalC).toBe(ranOn.reduce((sum, r) => sum + inScopeLeftAt(r, id), 0));
              // f depends only on who the person is, which does not change within a sequence.
              const ran = ranOn[0];
              if (ran) {
                const p = bracketsTier(ran.policy, id).params;
                const adjustment = p.adjustments.find((a) => a.when(ran.facts.facts));
                expect(paid).toBe(fOracle(p, adjustment, finalC));
                const key = `${ran.policy.id} ${id}${adjustment ? ` (${adjustment.id})` : ''}`;
                identityChecked.set(key, (identityChecked.get(key) ?? 0) + 1);
              } else expect(paid).toBe(0);
            }
          }
        },
      ),
      { numRuns: Math.min(800, RUNS) },
    );
    // Every brackets tier of every era, with and without its adjustment, was really checked.
    const expected = defaultRules().policies.flatMap((policy) =>
      policy.tiers
        .filter((t) => t.kind === 'brackets')
        .flatMap((t) => [
          `${policy.id} ${t.id}`,
          ...(t.params as BracketsParams).adjustments.map((a) => `${policy.id} ${t.id} (${a.id})`),
        ]),
    );
    for (const key of expected) expect(identityChecked.get(key) ?? 0, key).toBeGreaterThan(0);
  });
});

describe('the oracle of f(c) itself', () => {
  const serious = (date: string) => bracketsTier(policyOn(defaultRules(), date)!, 'serious-illness-insurance').params;

  it('gives the hand-computed f(c) of worked example 10 (2017)', () => {
    const p = serious('2018-01-01');
    const poverty = p.adjustments.find((a) => a.id === 'poverty');
    // Protected: 45,000 × 65% + 38,155 × 75% = 57,866.25; then 101,950: + 11,845 × 75% + 1,950 × 85% … = 68,407.50.
    expect(fOracle(p, poverty, 8_815_500)).toBe(5_786_625);
    expect(fOracle(p, poverty, 10_195_000)).toBe(6_840_750);
    // General: below the 10,000 deductible nothing; 20,000 → 10,000 × 55%.
    expect(fOracle(p, undefined, 999_999)).toBe(0);
    expect(fOracle(p, undefined, 2_000_000)).toBe(550_000);
  });

  it('gives the hand-computed f(c) of the core group in 2022 (deductible 5,000, 60 / 70 / 80%)', () => {
    const p = serious('2023-01-01');
    const tilt = p.adjustments.find((a) => a.id === 'core-group-tilt');
    expect(tilt?.uncapped).toBe(true);
    // 20,000: 15,000 × 60% = 9,000. 120,000: 45,000 × 60% + 50,000 × 70% + 20,000 × 80% = 78,000.
    expect(fOracle(p, tilt, 2_000_000)).toBe(900_000);
    expect(fOracle(p, tilt, 12_000_000)).toBe(7_800_000);
    expect(fOracle(p, undefined, 2_000_000)).toBe(550_000);
  });
});
