/**
 * English explanations of settlement lines, one sentence each, written from the line's `detail`
 * like the Chinese ones (zh-CN.ts): the very numbers that were paid, never recomputed. Names from
 * the rule files are their English names where the rule files give one.
 */
import { CONTRACT_LABELS } from '../claim/enums.js';
import type { AppliedAdjustment } from '../kinds/shared/adjustment.js';
import { type Fen, formatFen } from '../money/fen.js';
import { formatPercent, type Ratio } from '../money/ratio.js';
import type { Part } from '../rule-files/types.js';
import type { LineDetail, LineRecord } from '../kinds/shared/scratch.js';

const y = (f: Fen): string => `${formatFen(f)} yuan`;
const points = (r: Ratio): string => formatPercent(r).slice(0, -1);
const lowered = (a: AppliedAdjustment | null): string =>
  a?.standardDeductible != null && a.deductibleFactor
    ? ` (for ${a.whoEn}, ${formatPercent(a.deductibleFactor)} of the standard ${y(a.standardDeductible)})`
    : '';
const raised = (a: AppliedAdjustment | null, what = 'raised'): string =>
  a?.ratioAdd ? ` (${what} ${points(a.ratioAdd)} points for ${a.whoEn})` : '';
const capped = (computed: Fen, left: Fen | null, what: string): string =>
  left !== null && left < computed ? `, limited by the ${y(left)} left of the ${what}` : '';
const uncapped = (a: AppliedAdjustment | null): string => (a?.uncapped ? `, with no annual cap for ${a.whoEn}` : '');

/** How a sentence names each part of what is left (docs/policy-2017.md §4). */
const PART_NAMES: Readonly<Record<Part, string>> = {
  S: 'in-scope cost left',
  Pb: 'class-B self-pay share',
  N: 'necessary out-of-catalog cost',
  O: 'other out-of-catalog cost',
};
const POOL_NAMES = { all: 'cost', drug: 'drug cost', nondrug: 'non-drug cost' } as const;

type Explainers = {
  readonly [K in LineDetail['kind']]: (d: Extract<LineDetail, { kind: K }>, line: LineRecord) => string;
};

const EXPLAIN: Explainers = {
  'not-designated': (d) => `The hospital is not ${d.descriptionEn}; this payer pays nothing (0.00 yuan).`,
  'not-applicable': (d, l) =>
    `This payer only covers ${d.descriptionEn}; it does not apply here and pays ${y(l.amount)}${d.carried ? ` (the ${d.carried.descriptionEn} cost above the limit)` : ''}.`,
  'carve-out': (d, l) => {
    if (d.share)
      return `The hospital waives ${formatPercent(d.share)} of the ${y(d.base)} of ${POOL_NAMES[d.from]}, ${y(l.amount)}, before any reimbursement.`;
    const by = d.byFact && d.byValue ? ` (${CONTRACT_LABELS[d.byFact]?.[d.byValue]?.en ?? d.byValue})` : '';
    const over = d.excess
      ? `; the limit is ${y(d.excess.limit)}, and the ${d.excess.paidByEn} pay ${y(d.excess.paid)} of the ${y(d.excess.over)} above it (on the ${d.excess.paidByEn} line)`
      : '';
    if (!d.granted)
      return `${capitalize(d.descriptionEn)}${by} without the ${l.labelEn}; this payer pays 0.00 yuan${over}.`;
    return `${capitalize(d.descriptionEn)}${by}: a subsidy of ${y(d.standard ?? (0 as Fen))} on ${y(d.base)} of cost left pays ${y(l.amount)}${over}.`;
  },
  table: (d, l) => {
    if (!d.row) return `No ${l.labelEn} table applies to this visit; this payer pays 0.00 yuan.`;
    return (
      `Under the ${d.row.labelEn} table, of ${y(d.inScope)} in scope, with a ${d.perYear ? 'yearly' : 'per-admission'} deductible of ${y(d.deductible)}${lowered(d.adjustment)}` +
      `${d.perYear ? ` (${y(d.deductibleCharged)} charged now)` : ''} and a ratio of ${formatPercent(d.ratio)}${raised(d.adjustment)}` +
      `, ${y(d.computed)} is due${capped(d.computed, d.capLeft, 'annual cap')}; pays ${y(l.amount)}.`
    );
  },
  brackets: (d, l) =>
    d.after <= d.deductible
      ? `The year's in-scope personal burden of ${y(d.after)} is not above the deductible of ${y(d.deductible)}${lowered(d.adjustment)}; this payer pays 0.00 yuan.`
      : `The year's in-scope personal burden rises from ${y(d.before)} to ${y(d.after)}; above the deductible of ${y(d.deductible)}${lowered(d.adjustment)} the brackets give ${y(d.computed)}${raised(d.adjustment, 'each ratio raised')}${uncapped(d.adjustment)}${capped(d.computed, d.capLeft, 'annual cap')}; pays ${y(l.amount)}.`,
  'share-of-rest': (d, l) => {
    const share = (s: (typeof d.shares)[number]): string => {
      const what =
        s.parts.length === 1
          ? `${y(s.base)} of ${PART_NAMES[s.parts[0]!.part]}`
          : `${y(s.base)} (${s.parts.map((p) => `${y(p.amount)} of ${PART_NAMES[p.part]}`).join(', ')})`;
      return `${formatPercent(s.ratio)}${raised(d.adjustment)} of ${what} is ${y(s.computed)}`;
    };
    const all = d.shares.map(share).join('; ');
    const total = d.shares.length > 1 ? `, ${y(d.computed)} in all` : '';
    return `${capitalize(all)}${total}${capped(d.computed, d.capLeft, 'annual limit')}; pays ${y(l.amount)}.`;
  },
  'yearly-assistance': (d, l) => {
    if (!d.row) return `No ${l.labelEn} rule applies to this person; this payer pays 0.00 yuan.`;
    return (
      `Under the rule for ${d.row.labelEn}, of ${y(d.base)} in scope, with a yearly deductible of ${y(d.deductible)} (${y(d.deductibleCharged)} charged now)` +
      ` and a ratio of ${formatPercent(d.ratio)}, ${y(d.computed)} is due${capped(d.computed, d.limitLeft, 'yearly assistance limit')}; pays ${y(l.amount)}.`
    );
  },
  'top-up': (d, l) => {
    const over =
      d.carried > 0
        ? `; it also pays ${y(d.carried)} of ${d.carriedFrom?.descriptionEn ?? ''} cost above the limit`
        : '';
    if (d.target === null)
      return `This visit has no protection target, so the ${l.labelEn} do not top up the personal pay${over}; pays ${y(l.amount)} in all.`;
    const dry =
      d.shortfall > 0 ? `; the funds ran dry and ${y(d.shortfall)} is left above the target (target missed)` : '';
    return `Under the target "${d.target.descriptionEn}" the patient pays at most ${y(d.target.personalMax)}; of ${y(d.remaining)} still personal, the ${l.labelEn} top up ${y(d.topUp)}${dry}${over}; pays ${y(l.amount)} in all.`;
  },
};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

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
