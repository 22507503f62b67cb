/**
 * Chinese explanations of settlement lines, one sentence each, written from the line's `detail`:
 * the very numbers that were paid, never recomputed. One function per kind of detail (a kind of
 * the vocabulary, or a tier that did not run); names come from the rule files (row labels, who an
 * adjustment is for, target descriptions).
 */
import { CONTRACT_LABELS } from '../claim/enums.js';
import type { AppliedAdjustment } from '../kinds/shared/adjustment.js';
import { type Fen, formatFen } from '../money/fen.js';
import { formatPercent, type Ratio } from '../money/ratio.js';
import type { Part } from '../rule-files/types.js';
import type { LineDetail, LineRecord } from '../kinds/shared/scratch.js';

const y = (f: Fen): string => `${formatFen(f)}元`;
const points = (r: Ratio): string => formatPercent(r).slice(0, -1);
const lowered = (a: AppliedAdjustment | null): string =>
  a?.standardDeductible != null && a.deductibleFactor
    ? `（${a.who}按标准${y(a.standardDeductible)}的${formatPercent(a.deductibleFactor)}计）`
    : '';
const raised = (a: AppliedAdjustment | null, what = ''): string =>
  a?.ratioAdd ? `（${what}${a.who}提高${points(a.ratioAdd)}个百分点）` : '';
const capped = (computed: Fen, left: Fen | null, what: string): string =>
  left !== null && left < computed ? `，受${what}剩余${y(left)}限制` : '';
const uncapped = (a: AppliedAdjustment | null): string => (a?.uncapped ? `，${a.who}不设年度最高支付限额` : '');

/** How a sentence names each part of what is left (docs/policy-2017.md §4). */
const PART_NAMES: Readonly<Record<Part, string>> = {
  S: '剩余政策范围内费用',
  Pb: '乙类先行自付费用',
  N: '目录外临床必需费用',
  O: '其他目录外费用',
};
const POOL_NAMES = { all: '', drug: '中药品费用', nondrug: '中非药品费用' } as const;

type Explainers = {
  readonly [K in LineDetail['kind']]: (d: Extract<LineDetail, { kind: K }>, line: LineRecord) => string;
};

const EXPLAIN: Explainers = {
  'not-designated': (d) => `就诊医疗机构不是${d.description}，本项不予支付（0.00元）。`,
  'not-applicable': (d, l) =>
    `本项仅适用于${d.description}，本次不适用，支付${y(l.amount)}${d.carried ? `（为${d.carried.description}费用超限额部分）` : ''}。`,
  'carve-out': (d, l) => {
    if (d.share)
      return `医疗总费用${POOL_NAMES[d.from]}${y(d.base)}按${formatPercent(d.share)}减免${y(l.amount)}，减免后再进入报销程序。`;
    const by = d.byFact && d.byValue ? `（${CONTRACT_LABELS[d.byFact]?.[d.byValue]?.zh ?? d.byValue}）` : '';
    const over = d.excess
      ? `；${d.description}费用限额${y(d.excess.limit)}，超出部分${y(d.excess.over)}由${d.excess.paidBy}支付${y(d.excess.paid)}（列入${d.excess.paidBy}）`
      : '';
    if (!d.granted) return `${d.description}${by}不享受${l.label}，本项支付0.00元${over}。`;
    return `${d.description}${by}补助标准${y(d.standard ?? (0 as Fen))}，剩余可补助费用${y(d.base)}，补助${y(l.amount)}${over}。`;
  },
  table: (d, l) => {
    if (!d.row) return `没有适用于本次就诊的${l.label}标准，本项支付0.00元。`;
    return (
      `按${d.row.label}标准，政策范围内费用${y(d.inScope)}，${d.perYear ? '年度' : '本次'}起付线${y(d.deductible)}${lowered(d.adjustment)}` +
      `${d.perYear ? `，本次扣除${y(d.deductibleCharged)}` : ''}，报销比例${formatPercent(d.ratio)}${raised(d.adjustment)}` +
      `，计${y(d.computed)}${capped(d.computed, d.capLeft, '年度最高支付限额')}，支付${y(l.amount)}。`
    );
  },
  brackets: (d, l) =>
    d.after <= d.deductible
      ? `年度累计政策范围内个人负担${y(d.after)}，未超过起付线${y(d.deductible)}${lowered(d.adjustment)}，本项支付0.00元。`
      : `年度累计政策范围内个人负担由${y(d.before)}增至${y(d.after)}，起付线${y(d.deductible)}${lowered(d.adjustment)}，分段累计应付${y(d.computed)}${raised(d.adjustment, '各段比例')}${uncapped(d.adjustment)}${capped(d.computed, d.capLeft, d.capLabel ?? '年度最高支付限额')}，支付${y(l.amount)}。`,
  'share-of-rest': (d, l) => {
    // Loops rather than map/join: four tiers of 2017 are of this kind, on every claim.
    const up = raised(d.adjustment);
    let all = '';
    for (let i = 0; i < d.shares.length; i++) {
      const s = d.shares[i]!;
      if (i > 0) all += '，';
      if (s.parts.length === 1) all += `${PART_NAMES[s.parts[0]!.part]}${y(s.base)}`;
      else {
        for (let j = 0; j < s.parts.length; j++)
          all += `${j > 0 ? '、' : ''}${PART_NAMES[s.parts[j]!.part]}${y(s.parts[j]!.amount)}`;
        all += `，合计${y(s.base)}`;
      }
      all += `按${formatPercent(s.ratio)}${up}计${y(s.computed)}`;
    }
    const total = d.shares.length > 1 ? `，合计${y(d.computed)}` : '';
    return `${all}${total}${capped(d.computed, d.capLeft, d.capLabel ?? '年度限额')}，支付${y(l.amount)}。`;
  },
  'yearly-assistance': (d, l) => {
    if (!d.row) return `没有适用于本人的${l.label}标准，本项支付0.00元。`;
    return (
      `按${d.row.label}标准，可救助的政策范围内费用${y(d.base)}，年度起付标准${y(d.deductible)}，本次扣除${y(d.deductibleCharged)}` +
      `，救助比例${formatPercent(d.ratio)}，计${y(d.computed)}${capped(d.computed, d.limitLeft, d.limitLabel ?? '年度救助限额')}，支付${y(l.amount)}。`
    );
  },
  'top-up': (d, l) => {
    const over = d.carried > 0 ? `；另支付${d.carriedFrom?.description ?? ''}费用超限额部分${y(d.carried)}` : '';
    if (d.target === null)
      return `本次就诊没有兜底保障目标，${l.label}不予补足个人负担${over}，合计支付${y(l.amount)}。`;
    const dry = d.shortfall > 0 ? `，${l.label}余额不足，仍有${y(d.shortfall)}未能兜底（目标未达成）` : '';
    return `按"${d.target.description}"目标，个人负担不超过${y(d.target.personalMax)}；此前个人仍需负担${y(d.remaining)}，${l.label}补足${y(d.topUp)}${dry}${over}，合计支付${y(l.amount)}。`;
  },
};

/**
 * The one-sentence Chinese explanation of a settlement line.
 *
 * @example
 * explainLineZh(line) // "医疗总费用中非药品费用5000.00元按5%减免250.00元，减免后再进入报销程序。"
 */
export function explainLineZh(line: LineRecord): string {
  const f = EXPLAIN[line.detail.kind] as (d: LineDetail, l: LineRecord) => string;
  return f(line.detail, line);
}
