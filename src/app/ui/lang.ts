/**
 * The page's language: Chinese by default (the policy office), English by the switch in the
 * header; the choice is kept in the browser (localStorage, nothing sent anywhere).
 */
import type { Lang } from '../../i18n/lang.js';
import type { Words } from '../../i18n/say.js';

const KEY = 'bashunwei.lang';
let lang: Lang = readSaved();

function readSaved(): Lang {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage refused (a private window's policy): the default
  }
}

/**
 * The language the page is shown in.
 *
 * @example
 * currentLang() // "zh-CN"
 */
export function currentLang(): Lang {
  return lang;
}

/**
 * Switches the language (the caller draws the page again).
 *
 * @example
 * setLang('en')
 */
export function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  try {
    globalThis.localStorage?.setItem(KEY, next);
  } catch {
    // Not kept: the page still switches.
  }
}

/**
 * Words in the page's language.
 *
 * @example
 * t({ zh: '结算', en: 'Settle' })
 */
export function t(words: Words): string {
  return lang === 'en' ? words.en : words.zh;
}
