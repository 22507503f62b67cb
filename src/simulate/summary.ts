/**
 * The simulation's report as JSON (what `bashunwei simulate` prints and the HTML report shows):
 * every amount a contract string in yuan, shares with four decimals, percentiles from the
 * histograms, the premium split from the rule set, and the differences of each reform from the
 * baseline per tier, fund, county and pathway.
 */
import { COUNTIES, VISIT_KINDS } from '../claim/enums.js';
import { formatShare } from '../format/settlement-json.js';
import { allocate } from '../money/allocate.js';
import { type Fen, formatFen } from '../money/fen.js';
import { applyRatio } from '../money/ratio.js';
import { type RuleBook, policyOn } from '../rules/book.js';
import { FUND_IDS, TIER_ORDER } from '../rules/schema.js';
import { type Aggregates, type GroupSums, PAY_BRACKETS } from './aggregates.js';
import { payBinUpper, percentileBin } from './histogram.js';
import type { SimulationResult } from './simulation.js';

/** The percentiles every distribution reports. */
export const PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;

/**
 * A total of the whole simulation beyond 2^53 fen (about 9 × 10^13 yuan, thousands of times a
 * province's yearly spending): the report would not be exact, so none is printed. Each claim and
 * each person-year is held below that limit (ledger_overflow); the run's sums across persons can
 * only be checked here.
 */
export class TotalBeyondRangeError extends RangeError {}

const yuan = (fen: number): string => {
  if (!Number.isSafeInteger(fen)) {
    throw new TotalBeyondRangeError(
      'a total of the simulation passes 2^53 fen (about 9 × 10^13 yuan), beyond which it would not be exact: no report is printed; simulate the input in parts (by county, by month), whose reports are exact',
    );
  }
  return formatFen(fen as Fen);
};
const perTier = (byTier: readonly number[]): Record<string, string> => Object.fromEntries(TIER_ORDER.map((id, t) => [id, yuan(byTier[t]!)]));

function groupJson(g: GroupSums) {
  return {
    claims: g.claims,
    total: yuan(g.total),
    hospitalAbsorbed: yuan(g.hospitalAbsorbed),
    billable: yuan(g.billable),
    byTier: perTier(g.byTier),
    personal: yuan(g.personal),
    personalShare: formatShare(g.personal as Fen, g.billable as Fen),
  };
}

/**
 * Out of every 100 yuan of the bill, what each payer pays (the hospital, tiers 0–8, the patient),
 * split by largest remainder so that the parts add up to exactly 100.00.
 *
 * @example
 * per100(agg.all) // [{ payer: "hospital", yuan: "9.48" }, { payer: "maternal-subsidy", yuan: "0.61" }, …]
 */
export function per100(g: GroupSums): { payer: string; yuan: string }[] {
  const parts: [string, number][] = [['hospital', g.hospitalAbsorbed], ...TIER_ORDER.map((id, t): [string, number] => [id, g.byTier[t]!]), ['personal', g.personal]];
  const shares = g.total === 0 ? parts.map(() => 0) : allocate(10_000 as Fen, parts.map(([, f]) => f as Fen));
  return parts.map(([payer], i) => ({ payer, yuan: yuan(shares[i]!) }));
}

/** One variant's report. */
export function variantJson(name: string, a: Aggregates, rules: RuleBook, fundsLeft: Record<string, Partial<Record<string, Fen>>>) {
  const pay = Object.fromEntries(PERCENTILES.map((p) => [`p${p * 100}`, percentileBin(a.personalPay, p)]));
  const share = Object.fromEntries(PERCENTILES.map((p) => [`p${p * 100}`, percentileBin(a.personalShare, p)]));
  const premium = premiumCost(a, rules);
  return {
    name,
    ...groupJson(a.all),
    per100: per100(a.all),
    byFund: Object.fromEntries(FUND_IDS.map((f, i) => [f, yuan(a.byFund[i]!)])),
    fundByMonth: Object.fromEntries(FUND_IDS.map((f, i) => [f, a.fundByMonth[i]!.map(yuan)])),
    fundsLeft: Object.fromEntries(Object.entries(fundsLeft).map(([y, f]) => [y, Object.fromEntries(Object.entries(f).map(([k, v]) => [k, yuan(v!)]))])),
    byCounty: Object.fromEntries(COUNTIES.map((c, i) => [c, groupJson(a.byCounty[i]!)])),
    byPathway: Object.fromEntries(VISIT_KINDS.map((k, i) => [k, groupJson(a.byPathway[i]!)])),
    payBrackets: a.payBrackets.map((count, i) => ({ upTo: i < PAY_BRACKETS.length ? yuan(PAY_BRACKETS[i]!) : null, claims: count })),
    personalPayPercentiles: Object.fromEntries(Object.entries(pay).map(([k, b]) => [k, b < 0 ? null : yuan(payBinUpper(b))])),
    personalSharePercentiles: Object.fromEntries(Object.entries(share).map(([k, b]) => [k, b < 0 ? null : formatShare(b as Fen, 10_000 as Fen)])),
    targets: { ...a.targets, shortfall: yuan(a.targets.shortfall), metShare: formatShare(a.targets.met as Fen, a.targets.withTarget as Fen) },
    admissions: { ...a.admissions, inCountyShare: formatShare(a.admissions.inCounty as Fen, a.admissions.total as Fen) },
    personYears: {
      all: Object.fromEntries(COUNTIES.map((c, i) => [c, a.personYears.all[i]!])),
      protected: Object.fromEntries(COUNTIES.map((c, i) => [c, a.personYears.protected[i]!])),
    },
    premium,
    rejected: Object.fromEntries(Object.entries(a.rejected).sort(([x], [y]) => (x < y ? -1 : 1))),
  };
}

/**
 * The premiums of the special supplementary insurance for the protected person-years seen, per
 * county, split between city and county by the rule set (7.4.2), on the first day of its period.
 */
function premiumCost(a: Aggregates, rules: RuleBook) {
  const policy = policyOn(rules, rules.sets[0]!.inForce.from)!;
  let city = 0;
  let county = 0;
  const byCounty = Object.fromEntries(
    COUNTIES.map((c, i) => {
      const total = policy.premium.perPerson * a.personYears.protected[i]!;
      const cityPart = applyRatio(total as Fen, policy.premium.cityShare[c]);
      city += cityPart;
      county += total - cityPart;
      return [c, { persons: a.personYears.protected[i]!, total: yuan(total), city: yuan(cityPart), county: yuan(total - cityPart) }];
    }),
  );
  return { clause: policy.premium.clause, perPerson: yuan(policy.premium.perPerson), byCounty, city: yuan(city), county: yuan(county) };
}

/** The whole report of a simulation. */
export type SimulationReport = ReturnType<typeof simulationReport>;

/**
 * The report of a simulation, with the differences of each reform from the baseline.
 *
 * @example
 * JSON.stringify(simulationReport(sim.result(), variants), null, 2)
 */
export function simulationReport(result: SimulationResult, rules: readonly RuleBook[]) {
  const variants = result.variants.map((v, i) => variantJson(v.name, v.aggregates, rules[i]!, v.fundsLeft));
  const base = result.variants[0]!.aggregates;
  const differences = result.variants.slice(1).map((v) => {
    const a = v.aggregates;
    const diff = (x: GroupSums, y: GroupSums) => ({
      byTier: Object.fromEntries(TIER_ORDER.map((id, t) => [id, yuan(x.byTier[t]! - y.byTier[t]!)])),
      personal: yuan(x.personal - y.personal),
    });
    return {
      reform: v.name,
      baseline: result.variants[0]!.name,
      ...diff(a.all, base.all),
      byFund: Object.fromEntries(FUND_IDS.map((f, i) => [f, yuan(a.byFund[i]! - base.byFund[i]!)])),
      byCounty: Object.fromEntries(COUNTIES.map((c, i) => [c, diff(a.byCounty[i]!, base.byCounty[i]!)])),
      byPathway: Object.fromEntries(VISIT_KINDS.map((k, i) => [k, diff(a.byPathway[i]!, base.byPathway[i]!)])),
      targetsMissed: a.targets.missed - base.targets.missed,
    };
  });
  const changed = result.changed.map((p) => ({ personId: p.personId, county: p.county, category: p.category, personal: p.personal.map(yuan), change: yuan(p.change) }));
  return { lines: result.lines, variants, differences, changed, rejections: result.rejections };
}
