/**
 * The simulation's report as JSON (what `bashunwei simulate` prints and the HTML report shows).
 * The reform's answer comes first (`summary`), then what was compared (`compared`: rule sets and
 * their differences), the honest counts (`counts`: read, settled, refused by code) and the labels
 * of every id it uses; then each variant's figures and the differences of each reform from the
 * baseline per tier, fund, county and pathway. Every amount is a contract string in yuan, shares
 * have four decimals, percentiles come from the histograms, the premium split from the rule set.
 * The aggregates are indexed through src/simulate/dimensions.ts, never by a constant.
 */
import { allocate } from '../../money/allocate.js';
import { type Fen } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import { type RuleBook, policyOn } from '../../scheme/book.js';
import { type Aggregates, type GroupSums, PAY_BRACKETS } from '../core/aggregates.js';
import { comparedJson } from './compared.js';
import {
  type DimensionEntry,
  byId,
  categories,
  counties,
  funds,
  pathways,
  tiers,
  unionOf,
} from './dimension-entries.js';
import { payBinUpper, percentileBin } from '../core/histogram.js';
import { BILL_SHARE_LABELS, type Label } from './labels.js';
import { hospitalTierIds, publicSpending, publicTierMask } from './public-spending.js';
import { reformSummary } from './reform-summary.js';
import { share, yuan } from './values.js';

export { TotalBeyondRangeError } from './values.js';
import type { SimulationResult } from '../core/simulation.js';

/** The percentiles every distribution reports. */
export const PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;

const perId = (dim: readonly DimensionEntry[], values: readonly number[]): Record<string, string> =>
  Object.fromEntries(dim.map((e, i) => [e.id, yuan(values[i] ?? 0)]));

function groupJson(g: GroupSums, tierList: readonly DimensionEntry[]) {
  return {
    claims: g.claims,
    total: yuan(g.total),
    hospitalAbsorbed: yuan(g.hospitalAbsorbed),
    billable: yuan(g.billable),
    byTier: perId(tierList, g.byTier),
    personal: yuan(g.personal),
    personalShare: share(g.personal, g.billable),
  };
}

/**
 * Out of every 100 yuan of the bill, what each payer pays (the hospital, each tier, the patient),
 * split by largest remainder so that the parts add up to exactly 100.00.
 *
 * @example
 * per100(agg.all, tiers(result, 0)) // [{ payer: "hospital", yuan: "9.48" }, { payer: "maternal-subsidy", yuan: "0.61" }, …]
 */
export function per100(g: GroupSums, tierList: readonly DimensionEntry[]): { payer: string; yuan: string }[] {
  const parts: [string, number][] = [
    ['hospital', g.hospitalAbsorbed],
    ...tierList.map((e, t): [string, number] => [e.id, g.byTier[t] ?? 0]),
    ['personal', g.personal],
  ];
  const shares =
    g.total === 0
      ? parts.map(() => 0)
      : allocate(
          10_000 as Fen,
          parts.map(([, f]) => f as Fen),
        );
  return parts.map(([payer], i) => ({ payer, yuan: yuan(shares[i]!) }));
}

/**
 * One variant's report.
 *
 * @example
 * variantJson(result, 0, defaultRules())
 */
export function variantJson(result: SimulationResult, v: number, rules: RuleBook) {
  const { name, aggregates: a, fundsLeft } = result.variants[v]!;
  const tierList = tiers(result, v);
  const fundList = funds(result, v);
  const countyList = counties(result, v);
  const pay = Object.fromEntries(PERCENTILES.map((p) => [`p${p * 100}`, percentileBin(a.personalPay, p)]));
  const shares = Object.fromEntries(PERCENTILES.map((p) => [`p${p * 100}`, percentileBin(a.personalShare, p)]));
  const premium = premiumCost(a, rules, countyList);
  return {
    name,
    /** The rule sets the variant settles by: id, title, period. */
    rules: a.dims.ruleSets,
    ...groupJson(a.all, tierList),
    /** Paid by every payer but the patient and the hospital: the tiers but those in `publicSpendingExcludes`. */
    publicSpending: yuan(publicSpending(publicTierMask(result, v), a.all.byTier)),
    /** The tiers whose payer kind is `hospital` (the hospital's waiver: its own money, not spending). */
    publicSpendingExcludes: hospitalTierIds(result, [v]),
    per100: per100(a.all, tierList),
    byFund: perId(fundList, a.byFund),
    fundByMonth: Object.fromEntries(fundList.map((f, i) => [f.id, a.fundByMonth[i]!.map(yuan)])),
    fundsLeft: Object.fromEntries(
      Object.entries(fundsLeft).map(([y, f]) => [
        y,
        Object.fromEntries(Object.entries(f).map(([k, v]) => [k, yuan(v!)])),
      ]),
    ),
    byCounty: Object.fromEntries(countyList.map((c, i) => [c.id, groupJson(a.byCounty[i]!, tierList)])),
    byPathway: Object.fromEntries(pathways(result, v).map((k, i) => [k.id, groupJson(a.byPathway[i]!, tierList)])),
    payBrackets: a.payBrackets.map((count, i) => ({
      upTo: i < PAY_BRACKETS.length ? yuan(PAY_BRACKETS[i]!) : null,
      claims: count,
    })),
    personalPayPercentiles: Object.fromEntries(
      Object.entries(pay).map(([k, b]) => [k, b < 0 ? null : yuan(payBinUpper(b))]),
    ),
    personalSharePercentiles: Object.fromEntries(
      Object.entries(shares).map(([k, b]) => [k, b < 0 ? null : share(b, 10_000)]),
    ),
    targets: {
      ...a.targets,
      shortfall: yuan(a.targets.shortfall),
      metShare: share(a.targets.met, a.targets.withTarget),
    },
    admissions: { ...a.admissions, inCountyShare: share(a.admissions.inCounty, a.admissions.total) },
    personYears: {
      all: Object.fromEntries(countyList.map((c, i) => [c.id, a.personYears.all[i]!])),
      protected: Object.fromEntries(countyList.map((c, i) => [c.id, a.personYears.protected[i]!])),
    },
    premium,
    rejected: Object.fromEntries(Object.entries(a.rejected).sort(([x], [y]) => (x < y ? -1 : 1))),
  };
}

/**
 * The premiums of an insurance bought for protected persons (2017: the special supplementary
 * insurance, 7.4.2), for the protected person-years seen, per county, split between city and
 * county by the first rule set of the book that has a premium (premium.json), on the first day of
 * its period; `null` when no rule set of the book has one (ziyang-2022).
 */
function premiumCost(a: Aggregates, rules: RuleBook, countyList: readonly DimensionEntry[]) {
  const set = rules.sets.find((s) => s.segments[0]!.premium !== null);
  const premium = set ? policyOn(rules, set.inForce.from)!.premium : null;
  if (!premium) return null;
  let city = 0;
  let county = 0;
  const byCounty = Object.fromEntries(
    countyList.map(({ id: c }, i) => {
      const total = premium.perPerson * a.personYears.protected[i]!;
      const cityPart = applyRatio(total as Fen, premium.cityShare[c] ?? { units: 0, scale: 0 });
      city += cityPart;
      county += total - cityPart;
      return [
        c,
        {
          persons: a.personYears.protected[i]!,
          total: yuan(total),
          city: yuan(cityPart),
          county: yuan(total - cityPart),
        },
      ];
    }),
  );
  return {
    clause: premium.clause,
    perPerson: yuan(premium.perPerson),
    byCounty,
    city: yuan(city),
    county: yuan(county),
  };
}

/**
 * The honest counts: claims read, settled and refused under each variant (refusals by error code;
 * the first ones are listed with their line in `rejections`), and what the figures cover.
 */
function countsJson(result: SimulationResult) {
  const years = [...new Set(result.variants.flatMap((v) => Object.keys(v.fundsLeft)))].sort();
  const base = result.variants[0]!.aggregates;
  return {
    read: result.lines,
    variants: result.variants.map((v) => {
      const refused = Object.values(v.aggregates.rejected).reduce((s, n) => s + n, 0);
      return {
        name: v.name,
        settled: v.aggregates.all.claims,
        refused,
        refusedByCode: sortedCounts(v.aggregates.rejected),
      };
    }),
    /** The figures of the report are those of the settled claims only, discharged in these years. */
    covers: { years, claims: base.all.claims, personYears: base.personYears.all.reduce((s, n) => s + n, 0) },
  };
}

const sortedCounts = (r: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(r).sort(([x], [y]) => (x < y ? -1 : 1)));

/** The labels of every id the report uses, so that its readers (the HTML page, a notebook) show names. */
function labelsJson(result: SimulationResult) {
  const table = (dim: readonly DimensionEntry[]): Record<string, Label> =>
    Object.fromEntries(dim.map((e) => [e.id, e.label]));
  return {
    payers: {
      hospital: BILL_SHARE_LABELS.hospital,
      ...table(unionOf(result, tiers)),
      personal: BILL_SHARE_LABELS.personal,
    } as Record<string, Label>,
    funds: table(unionOf(result, funds)),
    counties: table(unionOf(result, counties)),
    categories: table(unionOf(result, categories)),
    pathways: table(unionOf(result, pathways)),
  };
}

/** The whole report of a simulation. */
export type SimulationReport = ReturnType<typeof simulationReport>;

/**
 * The report of a simulation: the reform's answer first, what was compared, the counts, then
 * each variant's figures and the differences of each reform from the baseline.
 *
 * @example
 * JSON.stringify(simulationReport(sim.result(), variants.map((v) => v.rules)), null, 2)
 */
export function simulationReport(result: SimulationResult, rules: readonly RuleBook[]) {
  const variants = result.variants.map((_, i) => variantJson(result, i, rules[i]!));
  const base = result.variants[0]!;
  const differences = result.variants.slice(1).map((v, k) => {
    const r = k + 1;
    const tierIds = unionOf(result, tiers, r + 1);
    const diff = (x: GroupSums, y: GroupSums) => {
      const xs = byId(tiers(result, r), x.byTier);
      const ys = byId(tiers(result, 0), y.byTier);
      return {
        byTier: Object.fromEntries(tierIds.map((t) => [t.id, yuan((xs.get(t.id) ?? 0) - (ys.get(t.id) ?? 0))])),
        personal: yuan(x.personal - y.personal),
      };
    };
    const a = v.aggregates;
    const b = base.aggregates;
    const fundsR = byId(funds(result, r), a.byFund);
    const fundsB = byId(funds(result, 0), b.byFund);
    const countyB = counties(result, 0);
    const pathB = pathways(result, 0);
    const at = (dim: readonly DimensionEntry[], list: readonly GroupSums[], id: string): GroupSums =>
      list[dim.findIndex((e) => e.id === id)] ?? {
        claims: 0,
        total: 0,
        hospitalAbsorbed: 0,
        billable: 0,
        personal: 0,
        byTier: [],
      };
    return {
      reform: v.name,
      baseline: base.name,
      ...diff(a.all, b.all),
      byFund: Object.fromEntries(
        unionOf(result, funds, r + 1).map((f) => [f.id, yuan((fundsR.get(f.id) ?? 0) - (fundsB.get(f.id) ?? 0))]),
      ),
      byCounty: Object.fromEntries(
        unionOf(result, counties, r + 1).map((c) => [
          c.id,
          diff(at(counties(result, r), a.byCounty, c.id), at(countyB, b.byCounty, c.id)),
        ]),
      ),
      byPathway: Object.fromEntries(
        unionOf(result, pathways, r + 1).map((k) => [
          k.id,
          diff(at(pathways(result, r), a.byPathway, k.id), at(pathB, b.byPathway, k.id)),
        ]),
      ),
      targetsMissed: a.targets.missed - b.targets.missed,
    };
  });
  const changed = result.changed.map((p) => ({
    personId: p.personId,
    year: p.year,
    county: p.county,
    category: p.category,
    personal: p.personal.map(yuan),
    change: yuan(p.change),
  }));
  return {
    summary: result.variants.slice(1).map((_, k) => reformSummary(result, k + 1)),
    compared: comparedJson(
      result.variants.map((v) => v.name),
      rules,
    ),
    counts: countsJson(result),
    labels: labelsJson(result),
    lines: result.lines,
    variants,
    differences,
    changed,
    rejections: result.rejections,
  };
}
