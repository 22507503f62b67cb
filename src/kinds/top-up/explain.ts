/**
 * A top-up line explained in one sentence, in Chinese and in English: the target, what was still
 * personal, what the funds topped up (and whether they ran dry), and what earlier carve-outs sent.
 */
import type { Lang } from '../../i18n/lang.js';
import type { LineBasics } from '../shared/line-record.js';
import { EN, ZH } from '../shared/words.js';
import type { TopUpDetail } from './detail.js';

/**
 * The explanation of a top-up line.
 *
 * @example
 * explainTopUp('zh-CN', detail, line) // "按"县域内住院"目标，个人负担不超过0.00元；…合计支付….00元。"
 */
export function explainTopUp(lang: Lang, d: TopUpDetail, l: LineBasics): string {
  // A rule set carries an amount to a top-up only from a carve-out's excess, and names that carve-out's
  // care as the top-up's carriedFrom (scheme/compile.ts); a detail made by hand without it still reads.
  // Stryker disable next-line ObjectLiteral,StringLiteral: no settlement reaches this fallback, as said above
  const from = d.carriedFrom ?? { description: '', descriptionEn: '' };
  if (lang === 'en') {
    const y = EN.y;
    const over = d.carried > 0 ? `; it also pays ${y(d.carried)} of ${from.descriptionEn} cost above the limit` : '';
    if (d.target === null)
      return `This visit has no protection target, so the ${l.labelEn} do not top up the personal pay${over}; pays ${y(l.amount)} in all.`;
    const dry =
      d.shortfall > 0 ? `; the funds ran dry and ${y(d.shortfall)} is left above the target (target missed)` : '';
    return `Under the target "${d.target.descriptionEn}" the patient pays at most ${y(d.target.personalMax)}; of ${y(d.remaining)} still personal, the ${l.labelEn} top up ${y(d.topUp)}${dry}${over}; pays ${y(l.amount)} in all.`;
  }
  const y = ZH.y;
  const over = d.carried > 0 ? `；另支付${from.description}费用超限额部分${y(d.carried)}` : '';
  if (d.target === null) return `本次就诊没有兜底保障目标，${l.label}不予补足个人负担${over}，合计支付${y(l.amount)}。`;
  const dry = d.shortfall > 0 ? `，${l.label}余额不足，仍有${y(d.shortfall)}未能兜底（目标未达成）` : '';
  return `按"${d.target.description}"目标，个人负担不超过${y(d.target.personalMax)}；此前个人仍需负担${y(d.remaining)}，${l.label}补足${y(d.topUp)}${dry}${over}，合计支付${y(l.amount)}。`;
}
