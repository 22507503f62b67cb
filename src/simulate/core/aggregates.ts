/**
 * What a simulation adds up for one variant (a rule book): every amount in fen, by tier, fund,
 * county, pathway and month, plus the distributions and the counts the report needs. Plain arrays
 * indexed by the variant's dimensions (its rule sets' tiers, funds and counties: dimensions.ts)
 * and the contract's visit kinds, so that adding a claim is a few dozen integer additions and
 * merging the results of workers is adding arrays.
 */
import type { Claim } from '../../claim/claim.js';
import { VISIT_KINDS } from '../../claim/enums.js';
import { mulDiv } from '../../money/rounding.js';
import type { ClaimRun } from '../../settle/run-claim.js';
import { type Dimensions, slotsOf } from './dimensions.js';
import { PAY_BINS, SHARE_BINS, payBin } from './histogram.js';

/** Upper bounds (fen, inclusive) of the personal-pay brackets of the report; the last bracket is open. */
export const PAY_BRACKETS = [0, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000, 5_000_000] as const;

const MONTHS = 12;
const KIND_INDEX: Readonly<Record<string, number>> = Object.fromEntries(VISIT_KINDS.map((k, i) => [k, i]));

/** Sums for one group of claims (a county, a pathway, or all). */
export interface GroupSums {
  claims: number;
  total: number;
  hospitalAbsorbed: number;
  billable: number;
  personal: number;
  /** Paid per tier, in the order of the dimensions' tiers. */
  readonly byTier: number[];
}

/** Everything a simulation adds up for one rule set (amounts in fen). */
export interface Aggregates {
  /** What the arrays are indexed by. */
  readonly dims: Dimensions;
  readonly all: GroupSums;
  /** Per county, in the order of the dimensions' counties. */
  readonly byCounty: GroupSums[];
  /** Per visit kind (the pathway), in VISIT_KINDS order. */
  readonly byPathway: GroupSums[];
  /** Fund payments per fund (the dimensions' order), and per fund × month of discharge. */
  readonly byFund: number[];
  readonly fundByMonth: number[][];
  /** Claims with a top-up target, met, missed, and the shortfall of the missed. */
  targets: { withTarget: number; met: number; missed: number; shortfall: number };
  /** Admissions (inpatient and delivery) and those treated in the patient's county (the plan's 95% goal). */
  admissions: { total: number; inCounty: number };
  /** Person-years seen, per county, protected or not (the premium split counts the protected). */
  readonly personYears: { protected: number[]; all: number[] };
  /** Histograms of personal pay (log bins) and personal share (basis points) per claim. */
  readonly personalPay: number[];
  /** Claims per personal-pay bracket of {@link PAY_BRACKETS} (exact counts, for the report's chart). */
  readonly payBrackets: number[];
  readonly personalShare: number[];
  /** Claims refused (invalid, duplicate, no rules for the date), by error code. */
  readonly rejected: Record<string, number>;
}

/**
 * Empty aggregates for a variant's dimensions.
 *
 * @example
 * const agg = emptyAggregates(dimensionsOf(defaultRules()));
 */
export function emptyAggregates(dims: Dimensions): Aggregates {
  const group = (): GroupSums => ({
    claims: 0,
    total: 0,
    hospitalAbsorbed: 0,
    billable: 0,
    personal: 0,
    byTier: new Array<number>(dims.tiers.length).fill(0),
  });
  return {
    dims,
    all: group(),
    byCounty: dims.counties.map(group),
    byPathway: VISIT_KINDS.map(group),
    byFund: new Array<number>(dims.funds.length).fill(0),
    fundByMonth: dims.funds.map(() => new Array<number>(MONTHS).fill(0)),
    targets: { withTarget: 0, met: 0, missed: 0, shortfall: 0 },
    admissions: { total: 0, inCounty: 0 },
    personYears: {
      protected: new Array<number>(dims.counties.length).fill(0),
      all: new Array<number>(dims.counties.length).fill(0),
    },
    personalPay: new Array<number>(PAY_BINS).fill(0),
    payBrackets: new Array<number>(PAY_BRACKETS.length + 1).fill(0),
    personalShare: new Array<number>(SHARE_BINS).fill(0),
    rejected: {},
  };
}

function addTo(g: GroupSums, run: ClaimRun, tierSlots: Int32Array): void {
  const { bill, end } = run;
  g.claims++;
  g.total += bill.total;
  g.hospitalAbsorbed += bill.hospitalAbsorbed;
  g.billable += bill.billable;
  g.personal += end.remaining;
  for (let t = 0; t < tierSlots.length; t++) {
    const slot = tierSlots[t]!;
    g.byTier[slot] = g.byTier[slot]! + end.amounts[t]!;
  }
}

/**
 * Adds one settled claim.
 *
 * @example
 * addSettlement(agg, claim, runClaim(claim, policy, counters, funds, false))
 */
export function addSettlement(agg: Aggregates, claim: Claim, run: ClaimRun): void {
  const { bill, end, profile } = run;
  const slots = slotsOf(run.policy, agg.dims);
  addTo(agg.all, run, slots.tiers);
  addTo(agg.byCounty[slots.county.get(claim.person.county)!]!, run, slots.tiers);
  addTo(agg.byPathway[KIND_INDEX[claim.visit.kind]!]!, run, slots.tiers);
  const month = Number(claim.visit.discharged.slice(5, 7)) - 1;
  for (const d of end.draws) {
    const f = slots.funds.get(d.fund)!;
    agg.byFund[f] = agg.byFund[f]! + d.amount;
    agg.fundByMonth[f]![month] = agg.fundByMonth[f]![month]! + d.amount;
  }
  if (end.target) {
    agg.targets.withTarget++;
    if (end.target.met) agg.targets.met++;
    else {
      agg.targets.missed++;
      agg.targets.shortfall += end.target.shortfall;
    }
  }
  if (claim.visit.kind === 'inpatient' || claim.visit.kind === 'delivery') {
    agg.admissions.total++;
    if (profile.facts.location === 'in-county') agg.admissions.inCounty++;
  }
  let k = 0;
  while (k < PAY_BRACKETS.length && end.remaining > PAY_BRACKETS[k]!) k++;
  agg.payBrackets[k] = agg.payBrackets[k]! + 1;
  const pb = payBin(end.remaining);
  agg.personalPay[pb] = agg.personalPay[pb]! + 1;
  // The basis point of the share, half-up, as the settlement's personalShare writes it (mulDiv
  // stays exact where personal × 10,000 passes 2^53).
  const bp = bill.billable === 0 ? 0 : mulDiv(end.remaining, 10_000, bill.billable, 'half-up');
  const sb = Math.min(SHARE_BINS - 1, bp);
  agg.personalShare[sb] = agg.personalShare[sb]! + 1;
}

/**
 * Counts a new person-year (first claim of a person in a year).
 *
 * @example
 * addPersonYear(agg, claim, profile.facts.protectedPerson)
 */
export function addPersonYear(agg: Aggregates, claim: Claim, protectedPerson: boolean): void {
  const c = agg.dims.counties.findIndex((x) => x.id === claim.person.county);
  agg.personYears.all[c] = agg.personYears.all[c]! + 1;
  if (protectedPerson) agg.personYears.protected[c] = agg.personYears.protected[c]! + 1;
}

/**
 * Counts a refused claim by its error code.
 *
 * @example
 * addRejected(agg, 'invalid_amount')
 */
export function addRejected(agg: Aggregates, code: string): void {
  agg.rejected[code] = (agg.rejected[code] ?? 0) + 1;
}

/**
 * Adds `b` into `a` (the results of two workers); counts and sums only, so the order never matters.
 *
 * @example
 * mergeAggregates(total, fromWorker)
 */
export function mergeAggregates(a: Aggregates, b: Aggregates): Aggregates {
  const sums = (x: GroupSums, y: GroupSums): void => {
    x.claims += y.claims;
    x.total += y.total;
    x.hospitalAbsorbed += y.hospitalAbsorbed;
    x.billable += y.billable;
    x.personal += y.personal;
    addArrays(x.byTier, y.byTier);
  };
  sums(a.all, b.all);
  a.byCounty.forEach((g, i) => sums(g, b.byCounty[i]!));
  a.byPathway.forEach((g, i) => sums(g, b.byPathway[i]!));
  addArrays(a.byFund, b.byFund);
  a.fundByMonth.forEach((m, i) => addArrays(m, b.fundByMonth[i]!));
  a.targets = {
    withTarget: a.targets.withTarget + b.targets.withTarget,
    met: a.targets.met + b.targets.met,
    missed: a.targets.missed + b.targets.missed,
    shortfall: a.targets.shortfall + b.targets.shortfall,
  };
  a.admissions = {
    total: a.admissions.total + b.admissions.total,
    inCounty: a.admissions.inCounty + b.admissions.inCounty,
  };
  addArrays(a.personYears.protected, b.personYears.protected);
  addArrays(a.personYears.all, b.personYears.all);
  addArrays(a.personalPay, b.personalPay);
  addArrays(a.payBrackets, b.payBrackets);
  addArrays(a.personalShare, b.personalShare);
  for (const [k, v] of Object.entries(b.rejected)) a.rejected[k] = (a.rejected[k] ?? 0) + v;
  return a;
}

function addArrays(a: number[], b: readonly number[]): void {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
}
