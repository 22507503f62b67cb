/**
 * The line of a tier that did not run for a claim: the hospital is not one the tiers pay at
 * (bill.json `settled`), or the tier's `applies` does not hold. Such a line pays nothing of its
 * own (a top-up still reports what an earlier carve-out sent to its funds); its explanation says
 * why, in both languages, from the rule files' descriptions.
 */
import { type Fen, formatFen } from '../../money/fen.js';
import type { LineBasics } from './line-record.js';
import type { CarriedFrom } from './scratch.js';

/** Why a line paid nothing of its own. */
export type NotRunDetail =
  | { readonly kind: 'not-designated'; readonly description: string; readonly descriptionEn: string }
  | {
      readonly kind: 'not-applicable';
      readonly description: string;
      readonly descriptionEn: string;
      readonly carried: CarriedFrom | null;
    };

const zh = (f: Fen): string => `${formatFen(f)}元`;
const en = (f: Fen): string => `${formatFen(f)} yuan`;

/**
 * The explanation of a line that did not run, in Chinese.
 *
 * @example
 * explainNotRunZh({ kind: 'not-designated', description: '定点医疗机构', descriptionEn: 'a designated hospital' }, line)
 */
export function explainNotRunZh(d: NotRunDetail, l: LineBasics): string {
  if (d.kind === 'not-designated') return `就诊医疗机构不是${d.description}，本项不予支付（0.00元）。`;
  return `本项仅适用于${d.description}，本次不适用，支付${zh(l.amount)}${d.carried ? `（为${d.carried.description}费用超限额部分）` : ''}。`;
}

/**
 * The explanation of a line that did not run, in English.
 *
 * @example
 * explainNotRunEn({ kind: 'not-designated', description: '定点医疗机构', descriptionEn: 'a designated hospital' }, line)
 */
export function explainNotRunEn(d: NotRunDetail, l: LineBasics): string {
  if (d.kind === 'not-designated')
    return `The hospital is not ${d.descriptionEn}; this payer pays nothing (0.00 yuan).`;
  return `This payer only covers ${d.descriptionEn}; it does not apply here and pays ${en(l.amount)}${d.carried ? ` (the ${d.carried.descriptionEn} cost above the limit)` : ''}.`;
}
