/**
 * A carve-out line explained in one sentence, in Chinese and in English: the share waived of the
 * pools, or the fixed subsidy by the fact it depends on, and what the funds paid above a limit.
 */
import { CONTRACT_LABELS } from '../../claim/enums.js';
import type { Lang } from '../../i18n/lang.js';
import type { Fen } from '../../money/fen.js';
import { formatPercent } from '../../money/ratio.js';
import type { LineBasics } from '../shared/line-record.js';
import { EN, ZH } from '../shared/words.js';
import type { CarveOutDetail } from './detail.js';

const POOLS_ZH = { all: '', drug: '中药品费用', nondrug: '中非药品费用' } as const;
const POOLS_EN = { all: 'cost', drug: 'drug cost', nondrug: 'non-drug cost' } as const;

/**
 * The explanation of a carve-out line.
 *
 * @example
 * explainCarveOut('zh-CN', detail, line) // "医疗总费用中非药品费用5000.00元按5%减免250.00元，减免后再进入报销程序。"
 */
export function explainCarveOut(lang: Lang, d: CarveOutDetail, l: LineBasics): string {
  return lang === 'en' ? english(d, l) : chinese(d, l);
}

function chinese(d: CarveOutDetail, l: LineBasics): string {
  const y = ZH.y;
  if (d.share)
    return `医疗总费用${POOLS_ZH[d.from]}${y(d.base)}按${formatPercent(d.share)}减免${y(l.amount)}，减免后再进入报销程序。`;
  const by = d.byFact && d.byValue ? `（${CONTRACT_LABELS[d.byFact]?.[d.byValue]?.zh ?? d.byValue}）` : '';
  const over = d.excess
    ? `；${d.description}费用限额${y(d.excess.limit)}，超出部分${y(d.excess.over)}由${d.excess.paidBy}支付${y(d.excess.paid)}（列入${d.excess.paidBy}）`
    : '';
  if (!d.granted) return `${d.description}${by}不享受${l.label}，本项支付0.00元${over}。`;
  return `${d.description}${by}补助标准${y(d.standard ?? (0 as Fen))}，剩余可补助费用${y(d.base)}，补助${y(l.amount)}${over}。`;
}

function english(d: CarveOutDetail, l: LineBasics): string {
  const y = EN.y;
  if (d.share)
    return `The hospital waives ${formatPercent(d.share)} of the ${y(d.base)} of ${POOLS_EN[d.from]}, ${y(l.amount)}, before any reimbursement.`;
  const by = d.byFact && d.byValue ? ` (${CONTRACT_LABELS[d.byFact]?.[d.byValue]?.en ?? d.byValue})` : '';
  const over = d.excess
    ? `; the limit is ${y(d.excess.limit)}, and the ${d.excess.paidByEn} pay ${y(d.excess.paid)} of the ${y(d.excess.over)} above it (on the ${d.excess.paidByEn} line)`
    : '';
  if (!d.granted)
    return `${EN.capitalize(d.descriptionEn)}${by} without the ${l.labelEn}; this payer pays 0.00 yuan${over}.`;
  return `${EN.capitalize(d.descriptionEn)}${by}: a subsidy of ${y(d.standard ?? (0 as Fen))} on ${y(d.base)} of cost left pays ${y(l.amount)}${over}.`;
}
