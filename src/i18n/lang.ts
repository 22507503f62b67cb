/**
 * The languages of what people read: explanations of settlement lines and claim error messages.
 * Chinese is the default (the cashier, the patient); English for integrators and logs.
 */

/** The languages with a message table. */
export const LANGS = ['zh-CN', 'en'] as const;
/** A language with a message table. */
export type Lang = (typeof LANGS)[number];
/** The language used when none is chosen. */
export const DEFAULT_LANG: Lang = 'zh-CN';

/**
 * True when `s` names a language with a message table.
 *
 * @example
 * isLang('en') // true
 */
export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}
