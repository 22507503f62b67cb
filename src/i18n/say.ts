/**
 * The words of a message's detail (the part in brackets: which ledger, which rule set, which
 * line) in the reader's language, so that a Chinese message never carries an English fragment.
 * The message tables say what went wrong; these words are the facts the caller adds.
 */
import { DEFAULT_LANG, type Lang } from './lang.js';

/** The same words in both languages. */
export interface Words {
  readonly zh: string;
  readonly en: string;
}

/**
 * The words for `lang` (the default language when none is given).
 *
 * @example
 * say(undefined, { zh: '本批次前面或台账中', en: 'earlier in this batch or in the ledger' }) // '本批次前面或台账中'
 * say('en', { zh: '第 3 行', en: 'line 3' }) // 'line 3'
 */
export function say(lang: Lang | undefined, words: Words): string {
  return (lang ?? DEFAULT_LANG) === 'en' ? words.en : words.zh;
}

/**
 * A size in bytes, or more than it (`over`), in the reader's language.
 *
 * @example
 * bytesIn('en', 1024) // '1024 bytes'
 * bytesIn(undefined, 1024, true) // '超过 1024 字节'
 */
export function bytesIn(lang: Lang | undefined, n: number, over = false): string {
  return say(lang, { zh: `${over ? '超过 ' : ''}${n} 字节`, en: `${over ? 'over ' : ''}${n} bytes` });
}

/**
 * A line of the input, in the reader's language.
 *
 * @example
 * lineIn('en', 7) // 'line 7'
 * lineIn('zh-CN', 7) // '第 7 行'
 */
export function lineIn(lang: Lang | undefined, line: number): string {
  return say(lang, { zh: `第 ${line} 行`, en: `line ${line}` });
}
