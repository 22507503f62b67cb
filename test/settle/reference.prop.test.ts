/**
 * The engine against the oracle of the specification (test/oracle: a second implementation of
 * docs/policy-2017.md and docs/policy-2022.md written from the spec text alone, BigInt fen, sharing nothing with
 * src/ or rules/): over whole person-years of both eras, every line (tier, id, amount, funds), the
 * bill, the personal pay and share, the target and the year-to-date ledger agree to the fen.
 *
 * Both implementations settle one claim with unlimited funds (a single settlement, docs/claim.md);
 * what the engine does when finite funds run dry is checked by test/fuzz.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import type { YearLedger } from '../../src/ledger/year-ledger.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import { yearSequenceArb } from '../support/arbitraries.js';
import { arbPersonYear } from '../support/oracle/generate.js';
import { oracleSettle, type OracleSettlement, type OracleYearState } from '../support/oracle/index.js';
import { formatFen } from '../support/oracle/money.js';

// A whole number: fast-check never stops a property whose numRuns has a fraction (FC_RUNS=100 gave 16.67).
const RUNS = Math.ceil(Number(process.env.FC_RUNS ?? 3000) / 6);

/**
 * Where each of the oracle's year-to-date amounts is in the engine's ledger: the counter of the
 * rule set's layout (`<tier id>.<counter>`) that keeps it. An amount whose counter a rule set does
 * not have must be 0 in the oracle for that rule set.
 */
const LEDGER_COUNTERS: Readonly<Record<string, (s: OracleYearState) => bigint>> = {
  'basic-insurance.paid.basic': (s) => s.basicPaid,
  'basic-insurance.paid.general-outpatient': (s) => s.generalOutpatientPaid,
  'basic-insurance.deductible.general-outpatient': (s) => s.generalOutpatientDeductibleUsed,
  'basic-insurance.deductible.special-outpatient-employee': (s) => s.specialOutpatientDeductibleUsed.urbanEmployee,
  'basic-insurance.deductible.special-outpatient-resident': (s) => s.specialOutpatientDeductibleUsed.resident,
  'serious-illness-insurance.burden': (s) => s.seriousIllnessBurden,
  'serious-illness-insurance.paid': (s) => s.seriousIllnessPaid,
  'supplementary-insurance.paid': (s) => s.supplementaryPaid,
  'medical-assistance.deductible': (s) => s.assistanceDeductibleUsed,
  'medical-assistance.paid': (s) => s.assistancePaid,
  'tilted-assistance.burden': (s) => s.tiltedBurden,
  'tilted-assistance.paid': (s) => s.tiltedPaid,
};

/** The engine's settlement, in the oracle's shape (the fields both give). */
function engineView(json: ReturnType<typeof settlementToJson>): OracleSettlement {
  return {
    claimId: json.claimId,
    rules: json.rules.id as OracleSettlement['rules'],
    total: json.total,
    hospitalAbsorbed: json.hospitalAbsorbed,
    billable: json.billable,
    lines: json.lines.map((l) =>
      l.funds === undefined
        ? { tier: l.tier, id: l.id, amount: l.amount }
        : { tier: l.tier, id: l.id, amount: l.amount, funds: l.funds },
    ),
    personal: json.personal,
    personalShare: json.personalShare,
    target: json.target,
  };
}

/** The engine's ledger counters and the oracle's amounts, as contract strings, by counter. */
function ledgers(
  engine: YearLedger,
  oracle: OracleYearState,
): { engine: Record<string, string>; oracle: Record<string, string> } {
  const names = Object.keys(LEDGER_COUNTERS);
  const unknown = Object.keys(engine.counters).filter((n) => !names.includes(n));
  if (unknown.length > 0) throw new Error(`counters the oracle has no reading of: ${unknown.join(', ')}`);
  return {
    engine: Object.fromEntries(names.map((n) => [n, formatFen(BigInt(engine.counters[n] ?? 0))])),
    oracle: Object.fromEntries(names.map((n) => [n, formatFen(LEDGER_COUNTERS[n]!(oracle))])),
  };
}

/** Settles a person-year with both, claim by claim, and compares; returns how many claims were compared. */
function compareYear(inputs: readonly Record<string, unknown>[]): number {
  let ledger: YearLedger | undefined;
  let state: OracleYearState | undefined;
  for (const input of inputs) {
    const claim = parseClaim(input);
    if (!claim.ok)
      throw new Error(`the oracle's generator made a claim the engine refuses: ${JSON.stringify(claim.errors)}`);
    const ours = settleClaim(claim.value, ledger ? { ledger } : {});
    if (!ours.ok) throw new Error(`the engine refused a valid claim: ${JSON.stringify(ours.errors)}`);
    const theirs = oracleSettle(input, state);
    expect(engineView(settlementToJson(ours.value))).toEqual(theirs.settlement);
    // Funds are an object in paying order: the order of its keys is part of the answer.
    ours.value.lines.forEach((l, i) => {
      if (l.funds !== undefined)
        expect(l.funds.filter((d) => d.amount > 0).map((d) => d.fund)).toEqual(
          Object.keys(theirs.settlement.lines[i]!.funds ?? {}),
        );
    });
    ledger = ours.value.ledger;
    state = theirs.state;
    const both = ledgers(ledger, state);
    expect(both.engine).toEqual(both.oracle);
    expect(ledger.claimIds).toEqual(state.claimIds);
  }
  return inputs.length;
}

describe('the engine agrees with the oracle of docs/policy-2017.md and docs/policy-2022.md', () => {
  it('on every claim of generated person-years of both eras: lines, funds, personal, share, target and ledger', () => {
    let compared = 0;
    const eras = new Set<string>();
    fc.assert(
      fc.property(arbPersonYear, (claims) => {
        compared += compareYear(claims);
        eras.add(oracleSettle(claims[0], undefined).settlement.rules);
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(RUNS);
    expect([...eras].sort()).toEqual(['ziyang-2017', 'ziyang-2022']);
  });

  it("on the engine's own generated person-years of both eras too (other shapes: bills up to a billion yuan, every contract field written)", () => {
    fc.assert(
      fc.property(yearSequenceArb, (claims) => {
        compareYear(claims);
      }),
      { numRuns: RUNS },
    );
  });
});
