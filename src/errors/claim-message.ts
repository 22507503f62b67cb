/**
 * The message of a claim error in a language: one table per language (messages.zh-CN.ts,
 * messages.en.ts), chosen here.
 */
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import type { ClaimErrorCode } from './codes.js';
import { CLAIM_MESSAGES_EN, type MessageParams } from './messages.en.js';
import { CLAIM_MESSAGES_ZH } from './messages.zh-CN.js';

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
