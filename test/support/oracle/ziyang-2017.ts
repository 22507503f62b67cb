/**
 * The oracle of `ziyang-2017`: docs/policy-2017.md §2–§6 step by step, with the default parameters of
 * docs/policy-2017.md §8 as constants. Written from the spec text alone; shares nothing with src/.
 */
import type { OracleClaim } from './claim.js';
import {
  assemble,
  deductibleRatioPay,
  inJurisdiction,
  inScope,
  line,
  locationClass,
  NON_DRUG_POOLS,
  POOL_ORDER,
  poolSum,
  recordClaim,
  seriousIllnessPay,
  splitBill,
  tableRow,
  takeProRata,
  type Bracket,
  type TableRow,
} from './common.js';
import { capAtOne, formatFen, max0, min, ONE, ratio, timesFloor, timesRound, yuan, type Fen } from './money.js';
import type { OracleSettlement, OracleYearState } from './state.js';

// ── docs/policy-2017.md §8: default parameters of `ziyang-2017` ───────────────────────────────────────

export const P2017 = {
  waiverRate: ratio('0.05'),
  bSelfPay: ratio('0.10'),
  basic: {
    township: { deductible: yuan('100'), ratio: ratio('0.85') },
    county: { deductible: yuan('400'), ratio: ratio('0.75') },
    city: { deductible: yuan('800'), ratio: ratio('0.65') },
    'in-province': { deductible: yuan('1000'), ratio: ratio('0.55') },
    'out-of-province': { deductible: yuan('1200'), ratio: ratio('0.50') },
  } satisfies Record<TableRow, unknown>,
  /** Inpatient, delivery and special outpatient together. */
  basicAnnualCap: yuan('150000'),
  specialOutpatientResident: { deductible: yuan('300'), ratio: ratio('0.60') },
  specialOutpatientUrbanEmployee: { deductible: yuan('0'), ratio: ratio('0.85') },
  generalOutpatient: { deductible: yuan('0'), ratio: ratio('0.50'), annualCap: yuan('300') },
  povertyDeductibleFactor: ratio('0.5'),
  povertyBasicRatioBonus: ratio('0.05'),
  seriousIllnessDeductible: yuan('10000'),
  seriousIllnessBrackets: [
    { upTo: yuan('50000'), ratio: ratio('0.55') },
    { upTo: yuan('100000'), ratio: ratio('0.65') },
    { upTo: null, ratio: ratio('0.75') },
  ] as readonly Bracket[],
  seriousIllnessAnnualCap: yuan('300000'),
  povertySeriousIllnessDeductibleFactor: ratio('0.5'),
  povertySeriousIllnessRatioBonus: ratio('0.10'),
  supplementaryRatio: ratio('0.10'),
  supplementaryAnnualCap: yuan('50000'),
  povertySupplementaryRatioBonus: ratio('0.10'),
  tiltRatio: ratio('0.20'),
  specialSupplementaryNecessaryRatio: ratio('0.80'),
  assistanceRatio: ratio('0.70'),
  assistanceAnnualLimit: yuan('50000'),
  chronicTargetShare: ratio('0.10'),
  deliverySubsidy: { vaginal: yuan('500'), cesarean: yuan('500') },
  deliveryLimit: { vaginal: yuan('2000'), cesarean: yuan('4000') },
} as const;

/** The line ids of docs/claim.md, by tier. */
const IDS = [
  'maternal-subsidy',
  'hospital-waiver',
  'basic-insurance',
  'serious-illness-insurance',
  'supplementary-insurance',
  'tilt-payment',
  'special-supplementary-insurance',
  'medical-assistance',
  'relief-funds',
] as const;

/** What tiers 0–8 paid on one claim, in fen (0 where a tier does not apply). */
interface Paid {
  excess: Fen;
  subsidy: Fen;
  waiver: Fen;
  basic: Fen;
  seriousIllness: Fen;
  supplementary: Fen;
  tilt: Fen;
  specialSupplementary: Fen;
  assistance: Fen;
  topUp: Fen;
}

const NOTHING: Paid = {
  excess: 0n,
  subsidy: 0n,
  waiver: 0n,
  basic: 0n,
  seriousIllness: 0n,
  supplementary: 0n,
  tilt: 0n,
  specialSupplementary: 0n,
  assistance: 0n,
  topUp: 0n,
};

/**
 * Settles one claim under `ziyang-2017` against the ledger of its person-year.
 * @example settle2017(readClaim(json), emptyYearState('P1', 2017, 'ziyang-2017'))
 */
export function settle2017(
  claim: OracleClaim,
  before: OracleYearState,
): { settlement: OracleSettlement; state: OracleYearState } {
  // §1 who is who.
  const category = claim.category;
  const isProtected = category === 'registered-poor' || category === 'rural-dibao';

  // §2 where the care happened; the Yanjiang rule (7.6): a city-level hospital in Yanjiang
  // treating a protected Yanjiang resident is settled as a county-level, in-county hospital.
  const yanjiangRule =
    isProtected && claim.county === 'yanjiang' && claim.area === 'yanjiang' && claim.level === 'city';
  const location = yanjiangRule ? 'in-county' : locationClass(claim.county, claim.area);
  const row: TableRow = yanjiangRule ? 'county' : tableRow(location, claim.level);

  // §3.1 hospital-absorbed: non-compliant items for everyone; every C item for protected persons
  // at in-jurisdiction hospitals. §3.2 the eight pools of the rest.
  const bill = splitBill(
    claim,
    (item) => !item.compliant || (isProtected && inJurisdiction(location) && item.catalog === 'C'),
  );

  // §2 not designated: no tier pays, tier 0 included, no target; only the claim id is recorded.
  if (!claim.designated) {
    return { settlement: settlement(claim, bill, NOTHING, null), state: recordClaim(before, claim.id, {}) };
  }

  // §4 tier 2, general outpatient: settled by basic insurance alone, its own table, yearly
  // deductible and annual cap, with the poverty adjustments; no other tier, no target.
  if (claim.kind === 'general-outpatient') {
    const { S } = inScope(bill.pools, P2017.bSelfPay);
    const table = P2017.generalOutpatient;
    const deductible = timesRound(table.deductible, isProtected ? P2017.povertyDeductibleFactor : ONE);
    const r = table.ratio + (isProtected ? P2017.povertyBasicRatioBonus : 0n);
    const basic = deductibleRatioPay(
      S,
      deductible,
      before.generalOutpatientDeductibleUsed,
      r,
      table.annualCap - before.generalOutpatientPaid,
    );
    const state = recordClaim(before, claim.id, {
      generalOutpatientDeductibleUsed: basic.consumed,
      generalOutpatientPaid: before.generalOutpatientPaid + basic.pay,
    });
    return { settlement: settlement(claim, bill, { ...NOTHING, basic: basic.pay }, null), state };
  }

  let pools = bill.pools;
  const paid: Paid = { ...NOTHING };

  // Tier 0 (delivery only, 7.1). Protected persons: the excess over the mode's limit is taken
  // pro-rata from all pools and paid by the relief funds. Everyone: the subsidy, at most what is left.
  if (claim.kind === 'delivery') {
    const mode = claim.deliveryMode;
    if (mode === undefined) throw new Error(`oracle: delivery claim ${claim.id} has no deliveryMode`);
    if (isProtected) {
      paid.excess = max0(bill.billable - P2017.deliveryLimit[mode]);
      pools = takeProRata(pools, POOL_ORDER, paid.excess);
    }
    paid.subsidy = min(P2017.deliverySubsidy[mode], poolSum(pools));
    pools = takeProRata(pools, POOL_ORDER, paid.subsidy);
  }

  // Tier 1 — hospital waiver (7.4.1): protected persons; 5% of the non-drug pools, taken
  // pro-rata from the four non-drug pools.
  if (isProtected) {
    paid.waiver = timesRound(poolSum(pools, NON_DRUG_POOLS), P2017.waiverRate);
    pools = takeProRata(pools, NON_DRUG_POOLS, paid.waiver);
  }

  // In-scope amount: S = A + B − Pb; Pb, N and O are out of scope.
  // (O is paid by no named tier: it stays personal unless tier 8 pays it.)
  const { S, Pb, N } = inScope(pools, P2017.bSelfPay);

  // Tier 2 — basic insurance (7.4.2), everyone. Special outpatient: protected persons use the
  // urban-employee table, others the resident table, without adjustments, a yearly deductible
  // per table. Inpatient and delivery: the location row, per-admission deductible, with the
  // poverty adjustments. One annual cap for inpatient, delivery and special outpatient.
  let soUsed = before.specialOutpatientDeductibleUsed;
  if (claim.kind === 'special-outpatient') {
    const table = isProtected ? P2017.specialOutpatientUrbanEmployee : P2017.specialOutpatientResident;
    const key = isProtected ? 'urbanEmployee' : 'resident';
    const basic = deductibleRatioPay(
      S,
      table.deductible,
      soUsed[key],
      table.ratio,
      P2017.basicAnnualCap - before.basicPaid,
    );
    paid.basic = basic.pay;
    soUsed = { ...soUsed, [key]: basic.consumed };
  } else {
    const table = P2017.basic[row];
    const deductible = timesRound(table.deductible, isProtected ? P2017.povertyDeductibleFactor : ONE);
    const r = table.ratio + (isProtected ? P2017.povertyBasicRatioBonus : 0n);
    paid.basic = deductibleRatioPay(S, deductible, null, r, P2017.basicAnnualCap - before.basicPaid).pay;
  }
  let sLeft = S - paid.basic;

  // Tier 3 — serious-illness insurance (7.4.2), everyone: c1 = c0 + (S − tier 2); brackets from
  // D = round(10,000 × (protected ? 0.5 : 1)), each ratio + (protected ? 0.10 : 0);
  // pay = min(round(f(c1)) − round(f(c0)), cap left, S left).
  const c0 = before.seriousIllnessBurden;
  const c1 = c0 + sLeft;
  const siDeductible = timesRound(
    P2017.seriousIllnessDeductible,
    isProtected ? P2017.povertySeriousIllnessDeductibleFactor : ONE,
  );
  const brackets = P2017.seriousIllnessBrackets.map((b) => ({
    upTo: b.upTo,
    ratio: b.ratio + (isProtected ? P2017.povertySeriousIllnessRatioBonus : 0n),
  }));
  paid.seriousIllness = seriousIllnessPay(
    c0,
    c1,
    siDeductible,
    brackets,
    P2017.seriousIllnessAnnualCap - before.seriousIllnessPaid,
    sLeft,
  );
  sLeft -= paid.seriousIllness;

  // Tier 4 — supplementary insurance (7.4.2), everyone: round(S left × (10% + 10 points if protected)), capped.
  const supplementaryRatio = capAtOne(
    P2017.supplementaryRatio + (isProtected ? P2017.povertySupplementaryRatioBonus : 0n),
  );
  paid.supplementary = min(
    timesRound(sLeft, supplementaryRatio),
    max0(P2017.supplementaryAnnualCap - before.supplementaryPaid),
  );
  sLeft -= paid.supplementary;

  // Tier 5 — tilt payment (7.4.4): registered-poor only, round(S left × 20%), no cap.
  if (category === 'registered-poor') {
    paid.tilt = timesRound(sLeft, P2017.tiltRatio);
    sLeft -= paid.tilt;
  }

  // Tier 6 — special supplementary (7.4.2): illness-induced registered poor and every rural-dibao
  // person: S left + round(N × 80%); in-scope cost is then fully paid.
  let nLeft = N;
  if ((category === 'registered-poor' && claim.illnessInduced) || category === 'rural-dibao') {
    const necessaryPaid = timesRound(N, P2017.specialSupplementaryNecessaryRatio);
    paid.specialSupplementary = sLeft + necessaryPaid;
    sLeft = 0n;
    nLeft = N - necessaryPaid;
  }

  // Tier 7 — civil-affairs assistance (7.4.3): protected persons; base = S left + Pb + N left
  // (O excluded); min(round(base × 70%), annual limit left).
  if (isProtected) {
    const base = sLeft + Pb + nLeft;
    paid.assistance = min(
      timesRound(base, P2017.assistanceRatio),
      max0(P2017.assistanceAnnualLimit - before.assistancePaid),
    );
  }

  // Tier 8 — relief funds (7.4.4, 7.1): protected persons; R = everything still personal; the
  // target τ by pathway; pay = max(0, R − τ). Funds are unlimited in a single settlement.
  const target = isProtected ? targetOf(claim, location, bill.billable) : null;
  if (target !== null) {
    const stillPersonal = bill.billable - sumPaid(paid);
    paid.topUp = max0(stillPersonal - target.personalMax);
  }

  // §6 the ledger after this claim.
  const state = recordClaim(before, claim.id, {
    basicPaid: before.basicPaid + paid.basic,
    specialOutpatientDeductibleUsed: soUsed,
    seriousIllnessBurden: c1,
    seriousIllnessPaid: before.seriousIllnessPaid + paid.seriousIllness,
    supplementaryPaid: before.supplementaryPaid + paid.supplementary,
    assistancePaid: before.assistancePaid + paid.assistance,
  });
  return { settlement: settlement(claim, bill, paid, target), state };
}

/**
 * §4 tier 8, the target table (only called for protected persons at designated hospitals, not
 * general outpatient): delivery 0; chronic special outpatient floor(10% × billable) at any
 * location; inpatient or non-chronic special outpatient in county 0, or out of county for a
 * major disease referred or emergency 0; otherwise no target.
 */
function targetOf(claim: OracleClaim, location: string, billable: Fen): { personalMax: Fen } | null {
  if (claim.kind === 'delivery') return { personalMax: 0n };
  if (claim.kind === 'special-outpatient' && claim.chronic)
    return { personalMax: timesFloor(billable, P2017.chronicTargetShare) };
  if (location === 'in-county') return { personalMax: 0n };
  if (claim.majorDisease && (claim.referral === 'referred' || claim.referral === 'emergency'))
    return { personalMax: 0n };
  return null;
}

function sumPaid(paid: Paid): Fen {
  return Object.values(paid).reduce((a, b) => a + b, 0n);
}

/** docs/claim.md lines: tier 0 first for delivery claims, then tiers 1–8 always. */
function settlement(
  claim: OracleClaim,
  bill: ReturnType<typeof splitBill>,
  paid: Paid,
  target: { personalMax: Fen } | null,
): OracleSettlement {
  const amounts = [
    paid.subsidy,
    paid.waiver,
    paid.basic,
    paid.seriousIllness,
    paid.supplementary,
    paid.tilt,
    paid.specialSupplementary,
    paid.assistance,
  ];
  const lines = amounts.map((fen, tier) => ({ line: line(tier, IDS[tier]!, fen), fen }));
  if (claim.kind !== 'delivery') lines.shift();
  // Funds in paying order: a delivery's excess from health-poverty-relief first, then the top-up
  // from the first fund of the order, emergency-relief (no balances in a single settlement).
  const funds: Record<string, string> = {};
  if (paid.excess > 0n) funds['health-poverty-relief'] = formatFen(paid.excess);
  if (paid.topUp > 0n) funds['emergency-relief'] = formatFen(paid.topUp);
  const relief = paid.excess + paid.topUp;
  lines.push({ line: { ...line(8, IDS[8], relief), funds }, fen: relief });
  return assemble(claim, 'ziyang-2017', bill, lines, target);
}
