/**
 * A yearly-assistance line explained in one sentence, in Chinese and in English: the row, the
 * base, the yearly deductible and what this claim paid of it, the ratio, the yearly limit.
 */
import type { Lang } from '../../i18n/lang.js';
import { formatPercent } from '../../money/ratio.js';
import type { LineBasics } from '../shared/line-record.js';
import { EN, ZH } from '../shared/words.js';
import type { YearlyAssistanceDetail } from './detail.js';

/**
 * The explanation of a yearly-assistance line.
 *
 * @example
 * explainYearlyAssistance('zh-CN', detail, line) // "按低保对象标准，可救助的政策范围内费用…，支付….00元。"
 */
export function explainYearlyAssistance(lang: Lang, d: YearlyAssistanceDetail, l: LineBasics): string {
  if (lang === 'en') {
    if (!d.row) return `No ${l.labelEn} rule applies to this person; this payer pays 0.00 yuan.`;
    return (
      `Under the rule for ${d.row.labelEn}, of ${EN.y(d.base)} in scope, with a yearly deductible of ${EN.y(d.deductible)} (${EN.y(d.deductibleCharged)} charged now)` +
      ` and a ratio of ${formatPercent(d.ratio)}, ${EN.y(d.computed)} is due${EN.capped(d.computed, d.limitLeft, 'yearly assistance limit')}; pays ${EN.y(l.amount)}.`
    );
  }
  if (!d.row) return `没有适用于本人的${l.label}标准，本项支付0.00元。`;
  return (
    `按${d.row.label}标准，可救助的政策范围内费用${ZH.y(d.base)}，年度起付标准${ZH.y(d.deductible)}，本次扣除${ZH.y(d.deductibleCharged)}` +
    `，救助比例${formatPercent(d.ratio)}，计${ZH.y(d.computed)}${ZH.capped(d.computed, d.limitLeft, d.limitLabel ?? '年度救助限额')}，支付${ZH.y(l.amount)}。`
  );
}
