/**
 * A share-of-rest line explained in one sentence, in Chinese and in English: each share's base
 * (its parts), ratio and result, the total, and the cap.
 */
import type { Lang } from '../../i18n/lang.js';
import { formatPercent } from '../../money/ratio.js';
import type { LineBasics } from '../shared/line-record.js';
import { EN, ZH } from '../shared/words.js';
import type { ShareOfRestDetail } from './detail.js';

/**
 * The explanation of a share-of-rest line.
 *
 * @example
 * explainShareOfRest('zh-CN', detail, line) // "剩余政策范围内费用…按20%…计…，支付….00元。"
 */
export function explainShareOfRest(lang: Lang, d: ShareOfRestDetail, l: LineBasics): string {
  return lang === 'en' ? english(d, l) : chinese(d, l);
}

function chinese(d: ShareOfRestDetail, l: LineBasics): string {
  // Loops rather than map/join: four tiers of 2017 are of this kind, on every claim.
  const up = ZH.raised(d.adjustment);
  let all = '';
  for (let i = 0; i < d.shares.length; i++) {
    const s = d.shares[i]!;
    if (i > 0) all += '，';
    if (s.parts.length === 1) all += `${ZH.parts[s.parts[0]!.part]}${ZH.y(s.base)}`;
    else {
      for (let j = 0; j < s.parts.length; j++)
        all += `${j > 0 ? '、' : ''}${ZH.parts[s.parts[j]!.part]}${ZH.y(s.parts[j]!.amount)}`;
      all += `，合计${ZH.y(s.base)}`;
    }
    all += `按${formatPercent(s.ratio)}${up}计${ZH.y(s.computed)}`;
  }
  const total = d.shares.length > 1 ? `，合计${ZH.y(d.computed)}` : '';
  return `${all}${total}${ZH.capped(d.computed, d.capLeft, d.capLabel ?? '年度限额')}，支付${ZH.y(l.amount)}。`;
}

function english(d: ShareOfRestDetail, l: LineBasics): string {
  const share = (s: ShareOfRestDetail['shares'][number]): string => {
    const what =
      s.parts.length === 1
        ? `${EN.y(s.base)} of ${EN.parts[s.parts[0]!.part]}`
        : `${EN.y(s.base)} (${s.parts.map((p) => `${EN.y(p.amount)} of ${EN.parts[p.part]}`).join(', ')})`;
    return `${formatPercent(s.ratio)}${EN.raised(d.adjustment)} of ${what} is ${EN.y(s.computed)}`;
  };
  const all = d.shares.map(share).join('; ');
  const total = d.shares.length > 1 ? `, ${EN.y(d.computed)} in all` : '';
  return `${EN.capitalize(all)}${total}${EN.capped(d.computed, d.capLeft, 'annual limit')}; pays ${EN.y(l.amount)}.`;
}
