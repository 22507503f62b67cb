/**
 * English explanations of settlement lines, one sentence each, written from the line's `detail`
 * like the Chinese ones (zh-CN.ts): the very numbers that were paid, never recomputed.
 */
import { type Fen, formatFen } from '../money/fen.js';
import { formatPercent, type Ratio } from '../money/ratio.js';
import type { LineDetail, LineRecord, PovertyAdjustment } from '../settle/state.js';

const y = (f: Fen): string => `${formatFen(f)} yuan`;
const points = (r: Ratio): string => formatPercent(r).slice(0, -1);
const lowered = (p: PovertyAdjustment | null): string =>
  p?.standardDeductible != null && p.deductibleFactor ? ` (for poor people, ${formatPercent(p.deductibleFactor)} of the standard ${y(p.standardDeductible)})` : '';
const raised = (p: PovertyAdjustment | null, what = 'raised'): string => (p ? ` (${what} ${points(p.ratioAdd)} points for poor people)` : '');
const capped = (computed: Fen, left: Fen, what: string): string => (left < computed ? `, limited by the ${y(left)} left of the ${what}` : '');

type Explainers = { readonly [K in LineDetail['kind']]: (d: Extract<LineDetail, { kind: K }>, line: LineRecord) => string };

const EXPLAIN: Explainers = {
  'not-designated': (d) => `The hospital is not ${d.description}; this payer pays nothing (0.00 yuan).`,
  'not-applicable': (d, l) => `This payer only covers ${d.description}; it does not apply here and pays ${y(l.amount)}${l.amount > 0 ? ' (the delivery cost above the limit)' : ''}.`,
  'no-table': () => 'No basic-insurance table applies to this visit; this payer pays 0.00 yuan.',
  'maternal-subsidy': (d, l) => {
    const mode = d.mode === 'cesarean' ? 'cesarean' : 'vaginal';
    const over = d.limit === null ? '' : `; the delivery limit is ${y(d.limit)}, and the relief funds pay ${y(d.excessPaid)} of the ${y(d.excess)} above it (on the relief-fund line)`;
    if (!d.granted) return `Hospital delivery (${mode}) without the delivery subsidy; this payer pays 0.00 yuan${over}.`;
    return `Hospital delivery (${mode}): a subsidy of ${y(d.standard)} on ${y(d.left)} of cost left pays ${y(l.amount)}${over}.`;
  },
  waiver: (d, l) => `The hospital waives ${formatPercent(d.rate)} of the ${y(d.base)} of non-drug cost, ${y(l.amount)}, before any reimbursement.`,
  'basic-insurance': (d, l) =>
    `Under the ${d.table} table, of ${y(d.inScope)} in scope, with a ${d.perYear ? 'yearly' : 'per-admission'} deductible of ${y(d.deductible)}${lowered(d.poverty)}` +
    `${d.perYear ? ` (${y(d.deductibleDue)} charged now)` : ''} and a ratio of ${formatPercent(d.ratio)}${raised(d.poverty)}` +
    `, ${y(d.computed)} is due${capped(d.computed, d.capLeft, 'annual cap')}; pays ${y(l.amount)}.`,
  'serious-illness': (d, l) =>
    d.after <= d.deductible
      ? `The year's in-scope personal burden of ${y(d.after)} is not above the deductible of ${y(d.deductible)}${lowered(d.poverty)}; this payer pays 0.00 yuan.`
      : `The year's in-scope personal burden rises from ${y(d.before)} to ${y(d.after)}; above the deductible of ${y(d.deductible)}${lowered(d.poverty)} the brackets give ${y(d.computed)}${raised(d.poverty, 'each ratio raised')}${capped(d.computed, d.capLeft, 'annual cap')}; pays ${y(l.amount)}.`,
  supplementary: (d, l) =>
    `Of ${y(d.base)} in scope left, at ${formatPercent(d.ratio)}${raised(d.poverty)}, ${y(d.computed)} is due${capped(d.computed, d.capLeft, 'annual cap')}; pays ${y(l.amount)}.`,
  tilt: (d, l) => `Of ${y(d.base)} in scope left, the tilted payment of ${formatPercent(d.ratio)} pays ${y(l.amount)}.`,
  'special-supplementary': (d, l) =>
    `Pays ${formatPercent(d.inScopeShare)} of ${y(d.inScope)} in scope left, ${y(d.inScopePaid)}, and ${formatPercent(d.necessaryShare)} of ${y(d.necessary)} of necessary out-of-catalog cost, ${y(d.necessaryPaid)}: ${y(l.amount)} in all.`,
  assistance: (d, l) =>
    `Of ${y(d.base)} left after the waiver and the insurances, assistance at ${formatPercent(d.ratio)} gives ${y(d.computed)}${capped(d.computed, d.limitLeft, 'yearly assistance limit')}; pays ${y(l.amount)}.`,
  relief: (d, l) => {
    const over = d.excessPaid > 0 ? `; it also pays ${y(d.excessPaid)} of delivery cost above the limit` : '';
    if (d.target === null) return `This visit has no protection target, so the relief funds do not top up the personal pay${over}; pays ${y(l.amount)} in all.`;
    const dry = d.shortfall > 0 ? `; the funds ran dry and ${y(d.shortfall)} is left above the target (target missed)` : '';
    return `Under the target "${d.target.description}" the patient pays at most ${y(d.target.personalMax)}; of ${y(d.remaining)} still personal, the relief funds top up ${y(d.topUp)}${dry}${over}; pays ${y(l.amount)} in all.`;
  },
};

/**
 * The one-sentence English explanation of a settlement line.
 *
 * @example
 * explainLineEn(line) // "The hospital waives 5% of the 5000.00 yuan of non-drug cost, 250.00 yuan, before any reimbursement."
 */
export function explainLineEn(line: LineRecord): string {
  const f = EXPLAIN[line.detail.kind] as (d: LineDetail, l: LineRecord) => string;
  return f(line.detail, line);
}
