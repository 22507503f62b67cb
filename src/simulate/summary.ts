/**
 * The simulation's report as JSON (what `bashunwei simulate` prints and the HTML report shows):
 * every amount a contract string in yuan, shares with four decimals, percentiles from the
 * histograms, the premium split from the rule set, and the differences of each reform from the
 * baseline per tier, fund, county and pathway.
 */
import { VISIT_KINDS } from '../claim/enums.js';
import { formatShare } from '../format/settlement-json.js';
import { allocate } from '../money/allocate.js';
import { type Fen, formatFen } from '../money/fen.js';
import { applyRatio } from '../money/ratio.js';
import { type RuleBook, policyOn } from '../rules/book.js';
import { type Aggregates, type GroupSums, PAY_BRACKETS } from './aggregates.js';
import type { Dimensions } from './dimensions.js';
import { payBinUpper, percentileBin } from './histogram.js';
import type { SimulationResult } from './simulation.js';

/** The percentiles every distribution reports. */
export const PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;

const yuan = (fen: number): string => {
  if (!Number.isSafeInteger(fen)) throw new RangeError('a simulation total went beyond 2^53 fen; split the run');
  return formatFen(fen as Fen);
};
const perTier = (d: Dimensions, byTier: readonly number[]): Record<string, string> => Object.fromEntries(d.tiers.map((t, i) => [t.id, yuan(byTier[i]!)]));

function groupJson(d: Dimensions, g: GroupSums) {
  return {
    claims: g.claims,
    total: yuan(g.total),
    hospitalAbsorbed: yuan(g.hospitalAbsorbed),
    billable: yuan(g.billable),
    byTier: perTier(d, g.byTier),
    personal: yuan(g.personal),
    personalShare: formatShare(g.personal as Fen, g.billable as Fen),
  };
}

/**
 * Out of every 100 yuan of the bill, what each payer pays (the hospital, each tier, the patient),
 * split by largest remainder so that the parts add up to exactly 100.00.
 *
 * @example
 * per100(agg.dims, agg.all) // [{ payer: "hospital", yuan: "9.48" }, { payer: "maternal-subsidy", yuan: "0.61" }, …]
 */
export function per100(d: Dimensions, g: GroupSums): { payer: string; yuan: string }[] {
  const parts: [string, number][] = [['hospital', g.hospitalAbsorbed], ...d.tiers.map((t, i): [string, number] => [t.id, g.byTier[i]!]), ['personal', g.personal]];
  const shares = g.total === 0 ? parts.map(() => 0) : allocate(10_000 as Fen, parts.map(([, f]) => f as Fen));
  return parts.map(([payer], i) => ({ payer, yuan: yuan(shares[i]!) }));
}

/** One variant's report. */
export function variantJson(name: string, a: Aggregates, rules: RuleBook, fundsLeft: Record<string, Partial<Record<string, Fen>>>) {
  const pay = Object.fromEntries(PERCENTILES.map((p) => [`p${p * 100}`, percentileBin(a.personalPay, p)]));
  const share = Object.fromEntries(PERCENTILES.map((p) => [`p${p * 100}`, percentileBin(a.personalShare, p)]));
  const premium = premiumCost(a, rules);
  const d = a.dims;
  return {
    name,
    rules: d.ruleSets,
    tiers: d.tiers,
    funds: d.funds,
    counties: d.counties,
    categories: d.categories,
    ...groupJson(d, a.all),
    per100: per100(d, a.all),
    byFund: Object.fromEntries(d.funds.map((f, i) => [f.id, yuan(a.byFund[i]!)])),
    fundByMonth: Object.fromEntries(d.funds.map((f, i) => [f.id, a.fundByMonth[i]!.map(yuan)])),
    fundsLeft: Object.fromEntries(Object.entries(fundsLeft).map(([y, f]) => [y, Object.fromEntries(Object.entries(f).map(([k, v]) => [k, yuan(v!)]))])),
    byCounty: Object.fromEntries(d.counties.map((c, i) => [c.id, groupJson(d, a.byCounty[i]!)])),
    byPathway: Object.fromEntries(VISIT_KINDS.map((k, i) => [k, groupJson(d, a.byPathway[i]!)])),
    payBrackets: a.payBrackets.map((count, i) => ({ upTo: i < PAY_BRACKETS.length ? yuan(PAY_BRACKETS[i]!) : null, claims: count })),
    personalPayPercentiles: Object.fromEntries(Object.entries(pay).map(([k, b]) => [k, b < 0 ? null : yuan(payBinUpper(b))])),
    personalSharePercentiles: Object.fromEntries(Object.entries(share).map(([k, b]) => [k, b < 0 ? null : formatShare(b as Fen, 10_000 as Fen)])),
    targets: { ...a.targets, shortfall: yuan(a.targets.shortfall), metShare: formatShare(a.targets.met as Fen, a.targets.withTarget as Fen) },
    admissions: { ...a.admissions, inCountyShare: formatShare(a.admissions.inCounty as Fen, a.admissions.total as Fen) },
    personYears: {
      all: Object.fromEntries(d.counties.map((c, i) => [c.id, a.personYears.all[i]!])),
      protected: Object.fromEntries(d.counties.map((c, i) => [c.id, a.personYears.protected[i]!])),
    },
    premium,
    rejected: Object.fromEntries(Object.entries(a.rejected).sort(([x], [y]) => (x < y ? -1 : 1))),
  };
}

/**
 * The premiums of an insurance bought for protected persons (2017: the special supplementary
 * insurance, 7.4.2), for the protected person-years seen, per county, split between city and
 * county by the first rule set of the book that has a premium (premium.json), on the first day of
 * its period; `null` when no rule set of the book has one.
 */
function premiumCost(a: Aggregates, rules: RuleBook) {
  const set = rules.sets.find((s) => s.segments[0]!.premium !== null);
  const premium = set ? policyOn(rules, set.inForce.from)!.premium : null;
  if (!premium) return null;
  let city = 0;
  let county = 0;
  const byCounty = Object.fromEntries(
    a.dims.counties.map((c, i) => {
      const total = premium.perPerson * a.personYears.protected[i]!;
      const cityPart = applyRatio(total as Fen, premium.cityShare[c.id] ?? { units: 0, scale: 0 });
      city += cityPart;
      county += total - cityPart;
      return [c.id, { persons: a.personYears.protected[i]!, total: yuan(total), city: yuan(cityPart), county: yuan(total - cityPart) }];
    }),
  );
  return { clause: premium.clause, perPerson: yuan(premium.perPerson), byCounty, city: yuan(city), county: yuan(county) };
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
    // The reform's dimensions may differ from the baseline's (a structural reform): compare by id.
    const tierIds = [...new Set([...base.dims.tiers, ...a.dims.tiers].map((t) => t.id))];
    const at = <T extends { id: string }>(list: readonly T[], arr: readonly number[], id: string): number => {
      const i = list.findIndex((x) => x.id === id);
      return i < 0 ? 0 : arr[i]!;
    };
    const diff = (x: GroupSums, y: GroupSums) => ({
      byTier: Object.fromEntries(tierIds.map((id) => [id, yuan(at(a.dims.tiers, x.byTier, id) - at(base.dims.tiers, y.byTier, id))])),
      personal: yuan(x.personal - y.personal),
    });
    const fundIds = [...new Set([...base.dims.funds, ...a.dims.funds].map((f) => f.id))];
    const countyIds = [...new Set([...base.dims.counties, ...a.dims.counties].map((c) => c.id))];
    const emptyGroup: GroupSums = { claims: 0, total: 0, hospitalAbsorbed: 0, billable: 0, personal: 0, byTier: [] };
    const county = (agg: Aggregates, id: string): GroupSums => agg.byCounty[agg.dims.counties.findIndex((c) => c.id === id)] ?? emptyGroup;
    return {
      reform: v.name,
      baseline: result.variants[0]!.name,
      ...diff(a.all, base.all),
      byFund: Object.fromEntries(fundIds.map((f) => [f, yuan(at(a.dims.funds, a.byFund, f) - at(base.dims.funds, base.byFund, f))])),
      byCounty: Object.fromEntries(countyIds.map((c) => [c, diff(county(a, c), county(base, c))])),
      byPathway: Object.fromEntries(VISIT_KINDS.map((k, i) => [k, diff(a.byPathway[i]!, base.byPathway[i]!)])),
      targetsMissed: a.targets.missed - base.targets.missed,
    };
  });
  const changed = result.changed.map((p) => ({ personId: p.personId, county: p.county, category: p.category, personal: p.personal.map(yuan), change: yuan(p.change) }));
  return { lines: result.lines, variants, differences, changed, rejections: result.rejections };
}
