/**
 * The oracle of `ziyang-2022`: docs/policy-2022.md §1–§4 step by step, with the default parameters
 * of docs/policy-2022.md §5 as constants ("as ziyang-2017 §8" where it says so). Written from the spec
 * text alone; shares nothing with src/.
 */
import type { OracleClaim } from './claim.js';
import {
  assemble,
  deductibleRatioPay,
  inScope,
  line,
  locationClass,
  recordClaim,
  seriousIllnessPay,
  splitBill,
  tableRow,
  type Bracket,
} from './common.js';
import { divHalfUp, max0, min, ONE, ratio, timesRound, yuan, type Fen } from './money.js';
import type { OracleSettlement, OracleYearState } from './state.js';
import { P2017 } from './ziyang-2017.js';

// ── docs/policy-2022.md §5: default parameters of `ziyang-2022` ──────────────────────────────────

/** Last year's per-capita disposable income of residents [assumed]. */
const INCOME = yuan('30000');

export const P2022 = {
  // "basic tables, caps, 乙类 share: as ziyang-2017 §8, without poverty adjustments"
  bSelfPay: P2017.bSelfPay,
  basic: P2017.basic,
  basicAnnualCap: P2017.basicAnnualCap,
  specialOutpatientResident: P2017.specialOutpatientResident,
  generalOutpatient: P2017.generalOutpatient,
  // "serious illness: as ziyang-2017; core group deductible × 0.5, +5 points, no cap"
  seriousIllnessDeductible: P2017.seriousIllnessDeductible,
  seriousIllnessBrackets: P2017.seriousIllnessBrackets,
  seriousIllnessAnnualCap: P2017.seriousIllnessAnnualCap,
  coreSeriousIllnessDeductibleFactor: ratio('0.5'),
  coreSeriousIllnessRatioBonus: ratio('0.05'),
  // §2 tier 3 table: yearly deductible and ratio per category; one annual limit.
  assistance: {
    'extreme-poor': { deductible: yuan('0'), ratio: ratio('1.00') },
    dibao: { deductible: yuan('0'), ratio: ratio('0.70') },
    'returned-poor': { deductible: yuan('0'), ratio: ratio('0.70') },
    marginal: { deductible: timesRound(INCOME, ratio('0.10')), ratio: ratio('0.60') },
    'illness-poor': { deductible: timesRound(INCOME, ratio('0.25')), ratio: ratio('0.60') },
  } as Record<string, { deductible: Fen; ratio: bigint }>,
  assistanceAnnualLimit: yuan('50000'),
  // §2 tier 4.
  tiltedThreshold: yuan('10000'),
  tiltedRatio: ratio('0.50'),
  tiltedAnnualCap: yuan('20000'),
} as const;

/** §1 the assistance group of each category (`general` has none). */
const GROUP: Record<string, 'core' | 'marginal' | 'illness' | undefined> = {
  'extreme-poor': 'core',
  dibao: 'core',
  'returned-poor': 'core',
  marginal: 'marginal',
  'illness-poor': 'illness',
};

const IDS = ['basic-insurance', 'serious-illness-insurance', 'medical-assistance', 'tilted-assistance'] as const;

/**
 * Settles one claim under `ziyang-2022` against the ledger of its person-year.
 * @example settle2022(readClaim(json), emptyYearState('P1', 2022, 'ziyang-2022'))
 */
export function settle2022(
  claim: OracleClaim,
  before: OracleYearState,
): { settlement: OracleSettlement; state: OracleYearState } {
  // §1: the category's group; illnessInduced is ignored; no Yanjiang rule, no waiver, no targets.
  const group = GROUP[claim.category];
  const location = locationClass(claim.county, claim.area);

  // §1 hospital-absorbed: non-compliant items only, for everyone. Pools as docs/policy-2017.md §3.
  const bill = splitBill(claim, (item) => !item.compliant);
  const paid = { basic: 0n, seriousIllness: 0n, assistance: 0n, tilted: 0n };

  // docs/policy-2017.md §2 (kept by docs/policy-2022.md): not designated, no tier pays; only the id is recorded.
  if (!claim.designated) return { settlement: settlement(claim, bill, paid), state: recordClaim(before, claim.id, {}) };

  const { S } = inScope(bill.pools, P2022.bSelfPay);

  // Tier 1 — basic insurance, general outpatient: settled by this tier alone, its own table,
  // yearly deductible and cap, no poverty adjustment.
  if (claim.kind === 'general-outpatient') {
    const table = P2022.generalOutpatient;
    const basic = deductibleRatioPay(
      S,
      table.deductible,
      before.generalOutpatientDeductibleUsed,
      table.ratio,
      table.annualCap - before.generalOutpatientPaid,
    );
    paid.basic = basic.pay;
    const state = recordClaim(before, claim.id, {
      generalOutpatientDeductibleUsed: basic.consumed,
      generalOutpatientPaid: before.generalOutpatientPaid + basic.pay,
    });
    return { settlement: settlement(claim, bill, paid), state };
  }

  // Tier 1 — basic insurance: as docs/policy-2017.md tier 2 with no poverty adjustment for anyone; special
  // outpatient uses the resident table for everyone (yearly deductible); inpatient and delivery
  // the location row (per-admission deductible).
  let soUsed = before.specialOutpatientDeductibleUsed;
  if (claim.kind === 'special-outpatient') {
    const table = P2022.specialOutpatientResident;
    const basic = deductibleRatioPay(
      S,
      table.deductible,
      soUsed.resident,
      table.ratio,
      P2022.basicAnnualCap - before.basicPaid,
    );
    paid.basic = basic.pay;
    soUsed = { ...soUsed, resident: basic.consumed };
  } else {
    const table = P2022.basic[tableRow(location, claim.level)];
    paid.basic = deductibleRatioPay(
      S,
      table.deductible,
      null,
      table.ratio,
      P2022.basicAnnualCap - before.basicPaid,
    ).pay;
  }
  let sLeft = S - paid.basic;

  // Tier 2 — serious illness: c1 = c0 + (S − basic); core group: deductible × 0.5, +5 points, no
  // cap; others: as 2017 without adjustment, cap left = max(0, cap − everything paid this year).
  const core = group === 'core';
  const c0 = before.seriousIllnessBurden;
  const c1 = c0 + sLeft;
  const siDeductible = timesRound(
    P2022.seriousIllnessDeductible,
    core ? P2022.coreSeriousIllnessDeductibleFactor : ONE,
  );
  const brackets: Bracket[] = P2022.seriousIllnessBrackets.map((b) => ({
    upTo: b.upTo,
    ratio: b.ratio + (core ? P2022.coreSeriousIllnessRatioBonus : 0n),
  }));
  const capLeft = core ? null : max0(P2022.seriousIllnessAnnualCap - before.seriousIllnessPaid);
  paid.seriousIllness = seriousIllnessPay(c0, c1, siDeductible, brackets, capLeft, sLeft);
  sLeft -= paid.seriousIllness;

  // Tier 3 — medical assistance: core, marginal and illness groups; base = S left; the
  // category's yearly deductible on one counter per person-year; ratio; one annual limit.
  let assistanceUsed = before.assistanceDeductibleUsed;
  if (group !== undefined) {
    const terms = P2022.assistance[claim.category]!;
    const assistance = deductibleRatioPay(
      sLeft,
      terms.deductible,
      assistanceUsed,
      terms.ratio,
      P2022.assistanceAnnualLimit - before.assistancePaid,
    );
    paid.assistance = assistance.pay;
    assistanceUsed = assistance.consumed;
    sLeft -= paid.assistance;
  }

  // Tier 4 — tilted assistance: the groups, care in the province properly referred (in county;
  // in city or in province when referred or emergency); on the cumulative burden b of S left:
  // min(round(50% × max(0, b1 − T)) − round(50% × max(0, b0 − T)), cap left, S left).
  const referred = claim.referral === 'referred' || claim.referral === 'emergency';
  const tiltedApplies =
    group !== undefined &&
    (location === 'in-county' || ((location === 'in-city' || location === 'in-province') && referred));
  const b0 = before.tiltedBurden;
  const b1 = tiltedApplies ? b0 + sLeft : b0;
  if (tiltedApplies) {
    const above = (b: Fen) => divHalfUp(max0(b - P2022.tiltedThreshold) * P2022.tiltedRatio, ONE);
    paid.tilted = min(above(b1) - above(b0), max0(P2022.tiltedAnnualCap - before.tiltedPaid), sLeft);
  }

  // §4 the ledger after this claim.
  const state = recordClaim(before, claim.id, {
    basicPaid: before.basicPaid + paid.basic,
    specialOutpatientDeductibleUsed: soUsed,
    seriousIllnessBurden: c1,
    seriousIllnessPaid: before.seriousIllnessPaid + paid.seriousIllness,
    assistanceDeductibleUsed: assistanceUsed,
    assistancePaid: before.assistancePaid + paid.assistance,
    tiltedBurden: b1,
    tiltedPaid: before.tiltedPaid + paid.tilted,
  });
  return { settlement: settlement(claim, bill, paid), state };
}

/** §3: tiers 1–4 in order, target null. */
function settlement(
  claim: OracleClaim,
  bill: ReturnType<typeof splitBill>,
  paid: { basic: Fen; seriousIllness: Fen; assistance: Fen; tilted: Fen },
): OracleSettlement {
  const amounts = [paid.basic, paid.seriousIllness, paid.assistance, paid.tilted];
  return assemble(
    claim,
    'ziyang-2022',
    bill,
    amounts.map((fen, i) => ({ line: line(i + 1, IDS[i]!, fen), fen })),
    null,
  );
}
