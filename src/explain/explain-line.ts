/**
 * The explanation of a settlement line in a language: its kind's sentence (each kind explains its
 * own lines, in its folder under src/kinds/), or why the tier did not run. Written from the line's
 * detail: the very numbers that were paid, never recomputed.
 */
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { type SettledLine, kindNamed } from '../kinds/kind-list.js';
import { explainNotRunEn, explainNotRunZh } from '../kinds/shared/not-run.js';

/**
 * The one-sentence explanation of a line, in Chinese unless told otherwise.
 *
 * @example
 * explainLine(line, 'en')
 */
export function explainLine(line: SettledLine, lang: Lang = DEFAULT_LANG): string {
  const d = line.detail;
  if (d.kind === 'not-designated' || d.kind === 'not-applicable')
    return lang === 'en' ? explainNotRunEn(d, line) : explainNotRunZh(d, line);
  return kindNamed(d.kind)!.explain(lang, d, line);
}

/**
 * The one-sentence Chinese explanation of a settlement line.
 *
 * @example
 * explainLineZh(line) // "医疗总费用中非药品费用5000.00元按5%减免250.00元，减免后再进入报销程序。"
 */
export function explainLineZh(line: SettledLine): string {
  return explainLine(line, 'zh-CN');
}

/**
 * The one-sentence English explanation of a settlement line.
 *
 * @example
 * explainLineEn(line) // "The hospital waives 5% of the 5000.00 yuan of non-drug cost, 250.00 yuan, before any reimbursement."
 */
export function explainLineEn(line: SettledLine): string {
  return explainLine(line, 'en');
}
