/**
 * The choices of the claim form's selects: the contract's closed lists (docs/claim.md) named in the
 * page's language, and the counties, areas and categories of the rule set in force on the claim's
 * discharge date, named as its rule files name them.
 */
import {
  CATALOGS,
  CONTRACT_LABELS,
  DELIVERY_MODES,
  HOSPITAL_LEVELS,
  REFERRALS,
  VISIT_KINDS,
} from '../../claim/enums.js';
import { ITEM_CATEGORIES } from '../../claim/item-categories.js';
import { policyOn } from '../../scheme/book.js';
import { defaultRules } from '../../scheme/embedded.js';
import type { Named, Scheme } from '../../scheme/policy.js';
import type { Choice } from '../ui/fields.js';
import { currentLang, t } from '../ui/lang.js';
import { WORDS } from '../ui/words.js';

const CATALOG_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  A: { zh: '甲类', en: 'class A' },
  B: { zh: '乙类', en: 'class B' },
  C: { zh: '丙类（目录外）', en: 'class C (out of catalog)' },
};

const contract = (list: string, values: readonly string[], optional = false): Choice[] => [
  ...(optional ? [{ value: '', label: t(WORDS.notGiven) }] : []),
  ...values.map((v) => {
    const l = CONTRACT_LABELS[list]?.[v];
    return { value: v, label: l ? `${t(l)} (${v})` : v };
  }),
];

const named = (n: Named): Choice => ({
  value: n.id,
  label: `${currentLang() === 'en' ? n.labelEn : n.label} (${n.id})`,
});

/**
 * The scheme of the rule set in force on a date (the latest one when none is: the library then
 * refuses the date, at its field).
 *
 * @example
 * schemeOn('2023-05-10').categories.has('dibao') // true
 */
export function schemeOn(date: string): Scheme {
  const book = defaultRules();
  return (policyOn(book, date) ?? book.policies.at(-1)!).scheme;
}

/** The choices of every select of the form. */
export const CHOICES = {
  visitKind: () => contract('visitKind', VISIT_KINDS),
  referral: () => contract('referral', REFERRALS, true),
  deliveryMode: () => contract('deliveryMode', DELIVERY_MODES, true),
  level: () => contract('hospitalLevel', HOSPITAL_LEVELS),
  catalog: (): Choice[] => CATALOGS.map((c) => ({ value: c, label: `${t(CATALOG_NAMES[c]!)} (${c})` })),
  itemCategory: (): Choice[] =>
    ITEM_CATEGORIES.map((c) => ({ value: c.id, label: `${t(c)}${c.code ? ` ${c.code}` : ''}` })),
  county: (s: Scheme): Choice[] => [...s.counties.values()].map(named),
  category: (s: Scheme): Choice[] => [...s.categories.values()].map(named),
  area: (s: Scheme): Choice[] => [...s.areas.values()].map(named),
} as const;
