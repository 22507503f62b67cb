/**
 * The explanation of a settlement line in a language: one table per language (zh-CN.ts, en.ts).
 */
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import type { LineRecord } from '../kinds/shared/scratch.js';
import { explainLineEn } from './en.js';
import { explainLineZh } from './zh-CN.js';

const EXPLAINERS: Readonly<Record<Lang, (line: LineRecord) => string>> = { 'zh-CN': explainLineZh, en: explainLineEn };

/**
 * The one-sentence explanation of a line, in Chinese unless told otherwise.
 *
 * @example
 * explainLine(line, 'en')
 */
export function explainLine(line: LineRecord, lang: Lang = DEFAULT_LANG): string {
  return EXPLAINERS[lang](line);
}
