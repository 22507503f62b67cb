/**
 * A brackets line explained in one sentence, in Chinese and in English: the year's burden before
 * and after the claim, the deductible, what the brackets give, the adjustment and the cap.
 */
import type { Lang } from '../../i18n/lang.js';
import type { LineBasics } from '../shared/line-record.js';
import { EN, ZH } from '../shared/words.js';
import type { BracketsDetail } from './detail.js';

/**
 * The explanation of a brackets line.
 *
 * @example
 * explainBrackets('zh-CN', detail, line) // "年度累计政策范围内个人负担由…增至…，起付线…，支付….00元。"
 */
export function explainBrackets(lang: Lang, d: BracketsDetail, l: LineBasics): string {
  if (lang === 'en')
    return d.after <= d.deductible
      ? `The year's in-scope personal burden of ${EN.y(d.after)} is not above the deductible of ${EN.y(d.deductible)}${EN.lowered(d.adjustment)}; this payer pays 0.00 yuan.`
      : `The year's in-scope personal burden rises from ${EN.y(d.before)} to ${EN.y(d.after)}; above the deductible of ${EN.y(d.deductible)}${EN.lowered(d.adjustment)} the brackets give ${EN.y(d.computed)}${EN.raised(d.adjustment, 'each ratio raised')}${EN.uncapped(d.adjustment)}${EN.capped(d.computed, d.capLeft, 'annual cap')}; pays ${EN.y(l.amount)}.`;
  return d.after <= d.deductible
    ? `年度累计政策范围内个人负担${ZH.y(d.after)}，未超过起付线${ZH.y(d.deductible)}${ZH.lowered(d.adjustment)}，本项支付0.00元。`
    : `年度累计政策范围内个人负担由${ZH.y(d.before)}增至${ZH.y(d.after)}，起付线${ZH.y(d.deductible)}${ZH.lowered(d.adjustment)}，分段累计应付${ZH.y(d.computed)}${ZH.raised(d.adjustment, '各段比例')}${ZH.uncapped(d.adjustment)}${ZH.capped(d.computed, d.capLeft, d.capLabel ?? '年度最高支付限额')}，支付${ZH.y(l.amount)}。`;
}
