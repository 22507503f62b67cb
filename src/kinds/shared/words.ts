/**
 * The words the kinds' explanations share, in both languages: amounts in yuan, percentages, and
 * what an adjustment or a cap did. Each kind's explain.ts writes its sentences with them, from its
 * line's detail: the very numbers that were paid, never recomputed.
 */
import { type Fen, formatFen } from '../../money/fen.js';
import { type Ratio, formatPercent } from '../../money/ratio.js';
import type { Part } from '../../rule-files/types.js';
import type { AppliedAdjustment } from './adjustment.js';

/** Chinese: an amount (`1234.50元`), points of a ratio, and what an adjustment and a cap did. */
export const ZH = {
  y: (f: Fen): string => `${formatFen(f)}元`,
  points: (r: Ratio): string => formatPercent(r).slice(0, -1),
  lowered: (a: AppliedAdjustment | null): string =>
    a?.standardDeductible != null && a.deductibleFactor
      ? `（${a.who}按标准${ZH.y(a.standardDeductible)}的${formatPercent(a.deductibleFactor)}计）`
      : '',
  raised: (a: AppliedAdjustment | null, what = ''): string =>
    a?.ratioAdd ? `（${what}${a.who}提高${ZH.points(a.ratioAdd)}个百分点）` : '',
  capped: (computed: Fen, left: Fen | null, what: string): string =>
    left !== null && left < computed ? `，受${what}剩余${ZH.y(left)}限制` : '',
  uncapped: (a: AppliedAdjustment | null): string => (a?.uncapped ? `，${a.who}不设年度最高支付限额` : ''),
  /** How a sentence names each part of what is left (docs/policy-2017.md §4). */
  parts: { S: '剩余政策范围内费用', Pb: '乙类先行自付费用', N: '目录外临床必需费用', O: '其他目录外费用' } as Readonly<
    Record<Part, string>
  >,
};

/** English: the same words. */
export const EN = {
  y: (f: Fen): string => `${formatFen(f)} yuan`,
  points: (r: Ratio): string => formatPercent(r).slice(0, -1),
  lowered: (a: AppliedAdjustment | null): string =>
    a?.standardDeductible != null && a.deductibleFactor
      ? ` (for ${a.whoEn}, ${formatPercent(a.deductibleFactor)} of the standard ${EN.y(a.standardDeductible)})`
      : '',
  raised: (a: AppliedAdjustment | null, what = 'raised'): string =>
    a?.ratioAdd ? ` (${what} ${EN.points(a.ratioAdd)} points for ${a.whoEn})` : '',
  capped: (computed: Fen, left: Fen | null, what: string): string =>
    left !== null && left < computed ? `, limited by the ${EN.y(left)} left of the ${what}` : '',
  uncapped: (a: AppliedAdjustment | null): string => (a?.uncapped ? `, with no annual cap for ${a.whoEn}` : ''),
  /** How a sentence names each part of what is left (docs/policy-2017.md §4). */
  parts: {
    S: 'in-scope cost left',
    Pb: 'class-B self-pay share',
    N: 'necessary out-of-catalog cost',
    O: 'other out-of-catalog cost',
  } as Readonly<Record<Part, string>>,
  /** The sentence with its first letter upper case. */
  capitalize: (s: string): string => s.charAt(0).toUpperCase() + s.slice(1),
};
