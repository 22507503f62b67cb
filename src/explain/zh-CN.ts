/**
 * Chinese explanations of settlement lines, one sentence each, written from the line's `detail`:
 * the very numbers that were paid, never recomputed. One function per kind of detail.
 */
import { type Fen, formatFen } from '../money/fen.js';
import { formatPercent, type Ratio } from '../money/ratio.js';
import type { LineDetail, LineRecord, PovertyAdjustment } from '../settle/state.js';

const y = (f: Fen): string => `${formatFen(f)}元`;
const points = (r: Ratio): string => formatPercent(r).slice(0, -1);
const lowered = (p: PovertyAdjustment | null): string =>
  p?.standardDeductible != null && p.deductibleFactor ? `（贫困人口按标准${y(p.standardDeductible)}的${formatPercent(p.deductibleFactor)}计）` : '';
const raised = (p: PovertyAdjustment | null, what = ''): string => (p ? `（${what}贫困人口提高${points(p.ratioAdd)}个百分点）` : '');
const capped = (computed: Fen, left: Fen, what: string): string => (left < computed ? `，受${what}剩余${y(left)}限制` : '');

type Explainers = { readonly [K in LineDetail['kind']]: (d: Extract<LineDetail, { kind: K }>, line: LineRecord) => string };

const EXPLAIN: Explainers = {
  'not-designated': (d) => `就诊医疗机构不是${d.description}，本项不予支付（0.00元）。`,
  'not-applicable': (d, l) =>
    `本项仅适用于${d.description}，本次不适用，支付${y(l.amount)}${l.amount > 0 ? '（为分娩费用超限额部分）' : ''}。`,
  'no-table': () => '没有适用于本次就诊的基本医疗保险报销标准，本项支付0.00元。',
  'maternal-subsidy': (d, l) => {
    const mode = d.mode === 'cesarean' ? '剖宫产' : '顺产';
    const over = d.limit === null ? '' : `；分娩费用限额${y(d.limit)}，超出部分${y(d.excess)}由救助基金支付${y(d.excessPaid)}（列入救助基金）`;
    if (!d.granted) return `住院分娩（${mode}）不享受分娩补助，本项支付0.00元${over}。`;
    return `住院分娩（${mode}）补助标准${y(d.standard)}，剩余可补助费用${y(d.left)}，补助${y(l.amount)}${over}。`;
  },
  waiver: (d, l) => `医疗总费用中非药品费用${y(d.base)}按${formatPercent(d.rate)}减免${y(l.amount)}，减免后再进入报销程序。`,
  'basic-insurance': (d, l) =>
    `按${d.table}标准，政策范围内费用${y(d.inScope)}，${d.perYear ? '年度' : '本次'}起付线${y(d.deductible)}${lowered(d.poverty)}` +
    `${d.perYear ? `，本次扣除${y(d.deductibleDue)}` : ''}，报销比例${formatPercent(d.ratio)}${raised(d.poverty)}` +
    `，计${y(d.computed)}${capped(d.computed, d.capLeft, '年度最高支付限额')}，支付${y(l.amount)}。`,
  'serious-illness': (d, l) =>
    d.after <= d.deductible
      ? `年度累计政策范围内个人负担${y(d.after)}，未超过起付线${y(d.deductible)}${lowered(d.poverty)}，本项支付0.00元。`
      : `年度累计政策范围内个人负担由${y(d.before)}增至${y(d.after)}，起付线${y(d.deductible)}${lowered(d.poverty)}，分段累计应付${y(d.computed)}${raised(d.poverty, '各段比例')}${capped(d.computed, d.capLeft, '年度最高支付限额')}，支付${y(l.amount)}。`,
  supplementary: (d, l) =>
    `剩余政策范围内费用${y(d.base)}，报销比例${formatPercent(d.ratio)}${raised(d.poverty)}` +
    `，计${y(d.computed)}${capped(d.computed, d.capLeft, '年度最高支付限额')}，支付${y(l.amount)}。`,
  tilt: (d, l) => `剩余政策范围内费用${y(d.base)}按${formatPercent(d.ratio)}倾斜支付${y(l.amount)}。`,
  'special-supplementary': (d, l) =>
    `剩余政策范围内费用${y(d.inScope)}按${formatPercent(d.inScopeShare)}报销${y(d.inScopePaid)}，` +
    `目录外临床必需费用${y(d.necessary)}按${formatPercent(d.necessaryShare)}报销${y(d.necessaryPaid)}，合计${y(l.amount)}。`,
  assistance: (d, l) =>
    `经减免和各项保险报销后剩余的可救助费用${y(d.base)}按${formatPercent(d.ratio)}救助，计${y(d.computed)}${capped(d.computed, d.limitLeft, '年度救助限额')}，支付${y(l.amount)}。`,
  relief: (d, l) => {
    const over = d.excessPaid > 0 ? `；另支付分娩费用超限额部分${y(d.excessPaid)}` : '';
    if (d.target === null) return `本次就诊没有兜底保障目标，救助基金不予补足个人负担${over}，合计支付${y(l.amount)}。`;
    const dry = d.shortfall > 0 ? `，救助基金余额不足，仍有${y(d.shortfall)}未能兜底（目标未达成）` : '';
    return `按"${d.target.description}"目标，个人负担不超过${y(d.target.personalMax)}；此前个人仍需负担${y(d.remaining)}，救助基金补足${y(d.topUp)}${dry}${over}，合计支付${y(l.amount)}。`;
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
