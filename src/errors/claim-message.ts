/**
 * The message of a claim error in a language: one table per language (messages.zh-CN.ts,
 * messages.en.ts), chosen here.
 */
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import type { ClaimErrorCode } from './codes.js';
import type { JsonSyntaxError } from './json-syntax.js';
import { CLAIM_MESSAGES_EN, JSON_PROBLEMS_EN, type MessageParams } from './messages.en.js';
import { CLAIM_MESSAGES_ZH, JSON_PROBLEMS_ZH } from './messages.zh-CN.js';

const TABLES: Readonly<Record<Lang, Readonly<Record<ClaimErrorCode, (p: MessageParams) => string>>>> = {
  'zh-CN': CLAIM_MESSAGES_ZH,
  en: CLAIM_MESSAGES_EN,
};

/**
 * Builds the message for a code, in Chinese unless told otherwise.
 *
 * @example
 * claimMessage('empty_items', { path: 'items' }, 'en') // "items must list at least one item of the bill"
 */
export function claimMessage(code: ClaimErrorCode, params: MessageParams, lang: Lang = DEFAULT_LANG): string {
  return TABLES[lang][code](params);
}

/**
 * Where and why a text is not JSON, as the detail of an `invalid_json` message: the line and
 * column (the column alone for a one-line text), then the problem. `firstLine` is the input line
 * the text starts on.
 *
 * @example
 * jsonProblemDetail({ offset: 15, line: 3, column: 1, problem: 'unexpected_end' }, 'en', 1, true) // "line 3, column 1: the input ends before the JSON does"
 */
export function jsonProblemDetail(
  e: JsonSyntaxError,
  lang: Lang = DEFAULT_LANG,
  firstLine = 1,
  multiline = true,
): string {
  const line = firstLine + e.line - 1;
  if (lang === 'en') return `${multiline ? `line ${line}, ` : ''}column ${e.column}: ${JSON_PROBLEMS_EN[e.problem]}`;
  return `${multiline ? `第 ${line} 行` : ''}第 ${e.column} 列：${JSON_PROBLEMS_ZH[e.problem]}`;
}
