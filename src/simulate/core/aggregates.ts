/**
 * What a simulation adds up for one variant (a rule book): every amount in fen, by tier, fund,
 * county, pathway and month, plus the distributions and the counts the report needs. Plain arrays
 * indexed by the variant's dimensions (its rule sets' tiers, funds and counties: dimensions.ts)
 * and the contract's visit kinds, so that adding a claim is a few dozen integer additions and
 * merging the results of workers is adding arrays.
 */
import type { ClaimRecord } from '../../claim/claim-record.js';
import { VISIT_KINDS } from '../../claim/enums.js';
import { mulDiv } from '../../money/rounding.js';
import type { Scratch } from '../../kinds/shared/scratch.js';
import type { Policy } from '../../scheme/policy.js';
import type { BillSplit } from '../../settle/bill.js';
import type { ClaimProfile } from '../../settle/profile.js';
import { type Dimensions, slotsOf } from './dimensions.js';
import { PAY_BINS, SHARE_BINS, payBin } from './histogram.js';

/** Upper bounds (fen, inclusive) of the personal-pay brackets of the report; the last bracket is open. */
export const PAY_BRACKETS = [0, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000, 5_000_000] as const;

const MONTHS = 12;

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
  /** Claims per personal-pay bracket of `PAY_BRACKETS` (exact counts, for the report's chart). */
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

/** The visit kinds that are admissions (the plan's 95% in-county goal counts them). */
const ADMISSIONS = new Uint8Array(VISIT_KINDS.map((k) => (k === 'inpatient' || k === 'delivery' ? 1 : 0)));
const GROUP_FIXED = 5; // claims, total, hospitalAbsorbed, billable, personal; then one sum per tier
const MONTHS_PER_FUND = MONTHS;

/**
 * A variant's sums while a simulation runs: every figure of {@link Aggregates} in one typed array
 * at fixed offsets, so that adding a claim is a few dozen additions into one block of memory and
 * allocates nothing. `aggregates()` gives the figures in their public shape.
 */
export class AggregateTally {
  private readonly sums: Float64Array;
  private readonly tiers: number;
  private readonly groupWidth: number;
  private readonly countyAt: number;
  private readonly pathwayAt: number;
  private readonly fundAt: number;
  private readonly monthAt: number;
  private readonly targetAt: number;
  private readonly admissionAt: number;
  private readonly personYearAt: number;
  private readonly payAt: number;
  private readonly bracketAt: number;
  private readonly shareAt: number;
  private readonly rejected: Record<string, number> = {};

  constructor(readonly dims: Dimensions) {
    this.tiers = dims.tiers.length;
    this.groupWidth = GROUP_FIXED + this.tiers;
    const counties = dims.counties.length;
    const funds = dims.funds.length;
    let at = this.groupWidth; // the group of all claims first
    this.countyAt = at;
    at += counties * this.groupWidth;
    this.pathwayAt = at;
    at += VISIT_KINDS.length * this.groupWidth;
    this.fundAt = at;
    at += funds;
    this.monthAt = at;
    at += funds * MONTHS_PER_FUND;
    this.targetAt = at;
    at += 4;
    this.admissionAt = at;
    at += 2;
    this.personYearAt = at;
    at += 2 * counties;
    this.payAt = at;
    at += PAY_BINS;
    this.bracketAt = at;
    at += PAY_BRACKETS.length + 1;
    this.shareAt = at;
    at += SHARE_BINS;
    this.sums = new Float64Array(at);
  }

  private addGroup(at: number, bill: BillSplit, end: Scratch, tierSlots: Int32Array): void {
    const x = this.sums;
    x[at] = x[at]! + 1;
    x[at + 1] = x[at + 1]! + bill.total;
    x[at + 2] = x[at + 2]! + bill.hospitalAbsorbed;
    x[at + 3] = x[at + 3]! + bill.billable;
    x[at + 4] = x[at + 4]! + end.remaining;
    const amounts = end.amounts;
    for (let t = 0; t < tierSlots.length; t++) {
      const k = at + GROUP_FIXED + tierSlots[t]!;
      x[k] = x[k]! + amounts[t]!;
    }
  }

  /**
   * Adds one settled claim.
   *
   * @example
   * tally.addSettlement(record, county, policy, profile, bill, runRecord(record, policy, profile, counters, balances, bill))
   */
  addSettlement(
    r: ClaimRecord,
    county: number,
    policy: Policy,
    profile: ClaimProfile,
    bill: BillSplit,
    end: Scratch,
  ): void {
    const x = this.sums;
    const slots = slotsOf(policy, this.dims);
    this.addGroup(0, bill, end, slots.tiers);
    this.addGroup(this.countyAt + county * this.groupWidth, bill, end, slots.tiers);
    this.addGroup(this.pathwayAt + r.visitKind * this.groupWidth, bill, end, slots.tiers);
    const month = r.month - 1;
    for (let i = 0; i < end.drawCount; i++) {
      const f = slots.funds.get(end.drawFunds[i]!)!;
      const amount = end.drawAmounts[i]!;
      x[this.fundAt + f] = x[this.fundAt + f]! + amount;
      const m = this.monthAt + f * MONTHS_PER_FUND + month;
      x[m] = x[m]! + amount;
    }
    if (end.targetId !== null) {
      const t = this.targetAt;
      x[t] = x[t]! + 1;
      if (end.targetShortfall === 0) x[t + 1] = x[t + 1]! + 1;
      else {
        x[t + 2] = x[t + 2]! + 1;
        x[t + 3] = x[t + 3]! + end.targetShortfall;
      }
    }
    if (ADMISSIONS[r.visitKind] === 1) {
      x[this.admissionAt] = x[this.admissionAt]! + 1;
      if (profile.facts.location === 'in-county') x[this.admissionAt + 1] = x[this.admissionAt + 1]! + 1;
    }
    const personal = end.remaining;
    let k = 0;
    while (k < PAY_BRACKETS.length && personal > PAY_BRACKETS[k]!) k++;
    x[this.bracketAt + k] = x[this.bracketAt + k]! + 1;
    const pb = this.payAt + payBin(personal);
    x[pb] = x[pb]! + 1;
    // The basis point of the share, half-up, as the settlement's personalShare writes it (mulDiv
    // stays exact where personal × 10,000 passes 2^53).
    const billable = bill.billable;
    const bp = billable === 0 ? 0 : mulDiv(personal, 10_000, billable, 'half-up');
    const sb = this.shareAt + Math.min(SHARE_BINS - 1, bp);
    x[sb] = x[sb]! + 1;
  }

  /**
   * Counts a new person-year (first claim of a person in a year) of a county slot.
   *
   * @example
   * tally.addPersonYear(county, profile.facts.protectedPerson)
   */
  addPersonYear(county: number, protectedPerson: boolean): void {
    const x = this.sums;
    const c = this.dims.counties.length;
    x[this.personYearAt + c + county] = x[this.personYearAt + c + county]! + 1;
    if (protectedPerson) x[this.personYearAt + county] = x[this.personYearAt + county]! + 1;
  }

  /**
   * Counts a refused claim by its error code.
   *
   * @example
   * tally.addRejected('invalid_amount')
   */
  addRejected(code: string): void {
    this.rejected[code] = (this.rejected[code] ?? 0) + 1;
  }

  /**
   * The figures so far, in their public shape (a copy: the tally goes on).
   *
   * @example
   * tally.aggregates().all.personal
   */
  aggregates(): Aggregates {
    const x = this.sums;
    const list = (at: number, n: number): number[] => Array.from(x.subarray(at, at + n));
    const group = (at: number): GroupSums => ({
      claims: x[at]!,
      total: x[at + 1]!,
      hospitalAbsorbed: x[at + 2]!,
      billable: x[at + 3]!,
      personal: x[at + 4]!,
      byTier: list(at + GROUP_FIXED, this.tiers),
    });
    const counties = this.dims.counties.length;
    const funds = this.dims.funds.length;
    return {
      dims: this.dims,
      all: group(0),
      byCounty: Array.from({ length: counties }, (_, c) => group(this.countyAt + c * this.groupWidth)),
      byPathway: VISIT_KINDS.map((_, k) => group(this.pathwayAt + k * this.groupWidth)),
      byFund: list(this.fundAt, funds),
      fundByMonth: Array.from({ length: funds }, (_, f) => list(this.monthAt + f * MONTHS_PER_FUND, MONTHS_PER_FUND)),
      targets: {
        withTarget: x[this.targetAt]!,
        met: x[this.targetAt + 1]!,
        missed: x[this.targetAt + 2]!,
        shortfall: x[this.targetAt + 3]!,
      },
      admissions: { total: x[this.admissionAt]!, inCounty: x[this.admissionAt + 1]! },
      personYears: {
        protected: list(this.personYearAt, counties),
        all: list(this.personYearAt + counties, counties),
      },
      personalPay: list(this.payAt, PAY_BINS),
      payBrackets: list(this.bracketAt, PAY_BRACKETS.length + 1),
      personalShare: list(this.shareAt, SHARE_BINS),
      rejected: { ...this.rejected },
    };
  }
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
