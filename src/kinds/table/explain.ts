/**
 * A table line explained in one sentence, in Chinese and in English: the row, the in-scope cost,
 * the deductible (and what this claim paid of a yearly one), the ratio, the cap.
 */
import type { Lang } from '../../i18n/lang.js';
import { formatPercent } from '../../money/ratio.js';
import type { LineBasics } from '../shared/line-record.js';
import { EN, ZH } from '../shared/words.js';
import type { TableDetail } from './detail.js';

/**
 * The explanation of a table line.
 *
 * @example
 * explainTable('zh-CN', detail, line) // "按县级医院标准，政策范围内费用…，支付6200.00元。"
 */
export function explainTable(lang: Lang, d: TableDetail, l: LineBasics): string {
  if (lang === 'en') {
    if (!d.row) return `No ${l.labelEn} table applies to this visit; this payer pays 0.00 yuan.`;
    return (
      `Under the ${d.row.labelEn} table, of ${EN.y(d.inScope)} in scope, with a ${d.perYear ? 'yearly' : 'per-admission'} deductible of ${EN.y(d.deductible)}${EN.lowered(d.adjustment)}` +
      `${d.perYear ? ` (${EN.y(d.deductibleCharged)} charged now)` : ''} and a ratio of ${formatPercent(d.ratio)}${EN.raised(d.adjustment)}` +
      `, ${EN.y(d.computed)} is due${EN.capped(d.computed, d.capLeft, 'annual cap')}; pays ${EN.y(l.amount)}.`
    );
  }
  if (!d.row) return `没有适用于本次就诊的${l.label}标准，本项支付0.00元。`;
  return (
    `按${d.row.label}标准，政策范围内费用${ZH.y(d.inScope)}，${d.perYear ? '年度' : '本次'}起付线${ZH.y(d.deductible)}${ZH.lowered(d.adjustment)}` +
    `${d.perYear ? `，本次扣除${ZH.y(d.deductibleCharged)}` : ''}，报销比例${formatPercent(d.ratio)}${ZH.raised(d.adjustment)}` +
    `，计${ZH.y(d.computed)}${ZH.capped(d.computed, d.capLeft, '年度最高支付限额')}，支付${ZH.y(l.amount)}。`
  );
}
