/**
 * The engine against the naive reference of bench/baselines/naive.ts (decimal.js yuan, the rule
 * files' conditions run by json-rules-engine's `engine.run()`, nothing shared with src/settle):
 * every line, the personal pay, the target, the ledger and the fund draws agree to the fen, over
 * whole person-years of claims and over relief funds that run dry.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyNaiveLedger, naiveEngines, naiveSettle, type NaiveLedger } from '../bench/baselines/naive.js';
import { parseClaim } from '../src/claim/parse.js';
import { emptyYearLedger, ledgerYear, type YearLedger } from '../src/ledger/year-ledger.js';
import { formatFen, type Fen } from '../src/money/fen.js';
import { defaultRules } from '../src/rules/embedded.js';
import type { FundId } from '../src/rules/schema.js';
import type { FundBalances } from '../src/settle/funds.js';
import { settleClaim } from '../src/settle/settle-claim.js';
import { yearSequenceArb } from './arbitraries.js';

const RUNS = Number(process.env.FC_RUNS ?? 3000) / 6;
const book = defaultRules();
const engines = naiveEngines(book.sets[0]!);
const yuan = (f: Fen): string => formatFen(f);
const text = (d: Decimal): string => d.toFixed(2);

const fundsArb = fc.option(
  fc.record({
    'emergency-relief': fc.integer({ min: 0, max: 300_000 }),
    'charity-care': fc.integer({ min: 0, max: 300_000 }),
    'health-poverty-relief': fc.integer({ min: 0, max: 300_000 }),
    'major-disease-charity': fc.integer({ min: 0, max: 300_000 }),
  }),
  { nil: undefined },
);

async function compareYear(inputs: readonly Record<string, unknown>[], startFunds: Record<string, number> | undefined): Promise<number> {
  let ledger: YearLedger | undefined;
  let funds: FundBalances = (startFunds ?? {}) as FundBalances;
  const naiveLedger: NaiveLedger = emptyNaiveLedger();
  const naiveFunds: Partial<Record<FundId, Decimal>> = Object.fromEntries(Object.entries(startFunds ?? {}).map(([k, v]) => [k, new Decimal(v).dividedBy(100)]));
  let compared = 0;
  for (const input of inputs) {
    const claim = parseClaim(input);
    if (!claim.ok) continue;
    const c = claim.value;
    ledger ??= emptyYearLedger(c.person.id, ledgerYear(c.visit.discharged));
    const ours = settleClaim(c, { ledger, funds });
    expect(ours.ok).toBe(true);
    if (!ours.ok) return compared;
    const ref = await naiveSettle(engines, c, naiveLedger, naiveFunds);
    const r = ours.value;
    const byTier = Array.from({ length: 9 }, (_, t) => yuan((r.lines.find((l) => l.tier === t)?.amount ?? 0) as Fen));
    expect({ claim: c.id, lines: byTier, personal: yuan(r.personal), absorbed: yuan(r.bill.hospitalAbsorbed) }).toEqual({
      claim: c.id,
      lines: ref.amounts.map(text),
      personal: text(ref.personal),
      absorbed: text(ref.hospitalAbsorbed),
    });
    expect(r.target && { personalMax: yuan(r.target.personalMax), met: r.target.met }).toEqual(ref.target && { personalMax: text(ref.target.personalMax), met: ref.target.met });
    const tier8 = r.lines.find((l) => l.tier === 8)?.funds ?? [];
    expect(Object.fromEntries(tier8.map((d) => [d.fund, yuan(d.amount)]))).toEqual(Object.fromEntries(Object.entries(ref.funds).filter(([, v]) => v.gt(0)).map(([k, v]) => [k, text(v)])));
    ledger = r.ledger;
    funds = r.funds;
    expect({
      burden: yuan(ledger.seriousIllnessBurden),
      serious: yuan(ledger.seriousIllnessPaid),
      supplementary: yuan(ledger.supplementaryPaid),
      assistance: yuan(ledger.assistancePaid),
      basic: Object.fromEntries(Object.entries(ledger.basicInsurancePaid).map(([k, v]) => [k, yuan(v)])),
      deductible: Object.fromEntries(Object.entries(ledger.basicDeductibleUsed).map(([k, v]) => [k, yuan(v)])),
    }).toEqual({
      burden: text(naiveLedger.burden),
      serious: text(naiveLedger.serious),
      supplementary: text(naiveLedger.supplementary),
      assistance: text(naiveLedger.assistance),
      basic: Object.fromEntries(Object.entries(naiveLedger.basic).map(([k, v]) => [k, text(v)])),
      deductible: Object.fromEntries(Object.entries(naiveLedger.deductibleUsed).map(([k, v]) => [k, text(v)])),
    });
    compared++;
  }
  return compared;
}

describe('the engine agrees with the naive decimal.js + json-rules-engine reference', () => {
  it('on every claim of generated person-years, line by line, with the ledger and the fund draws, funds finite or not', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(yearSequenceArb, fundsArb, async (claims, funds) => {
        compared += await compareYear(claims, funds);
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(RUNS);
  });
});
