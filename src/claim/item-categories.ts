/**
 * The closed list of item categories (docs/claim.md, "The claim"): the national medical fee item
 * categories (医疗收费项目类别, the `med_chrgitm_type` codes of the national medical-insurance
 * platform), written by id or by code, plus `drug` for a drug whose kind is not known. A code and
 * its id are the same category: the reader turns codes into ids, so the engine and the rules only
 * ever see ids. Whether a category is a drug decides the pools and the hospital waiver's base
 * (docs/policy-2017.md §3), so a misspelt category is an error, never a silent non-drug.
 *
 * This list is part of the contract (a national standard), not of a policy: it lives here, not in
 * rules/.
 */

/** One item category: its id, its national code (none for `drug`), its Chinese name, and whether it is a drug. */
export interface ItemCategoryInfo {
  readonly id: string;
  readonly code: string | null;
  readonly zh: string;
  readonly en: string;
  readonly drug: boolean;
}

/**
 * Every item category, in the order of their national codes, `drug` last.
 *
 * @example
 * ITEM_CATEGORIES.find((c) => c.code === '09')?.id // "western-drug"
 */
export const ITEM_CATEGORIES = [
  { id: 'bed', code: '01', zh: '床位费', en: 'bed', drug: false },
  { id: 'consultation', code: '02', zh: '诊察费', en: 'consultation', drug: false },
  { id: 'exam', code: '03', zh: '检查费', en: 'examination', drug: false },
  { id: 'lab', code: '04', zh: '化验费', en: 'laboratory test', drug: false },
  { id: 'treatment', code: '05', zh: '治疗费', en: 'treatment', drug: false },
  { id: 'surgery', code: '06', zh: '手术费', en: 'surgery', drug: false },
  { id: 'nursing', code: '07', zh: '护理费', en: 'nursing', drug: false },
  { id: 'material', code: '08', zh: '卫生材料费', en: 'medical material', drug: false },
  { id: 'western-drug', code: '09', zh: '西药费', en: 'western medicine', drug: true },
  { id: 'herbal-drug', code: '10', zh: '中药饮片费', en: 'Chinese herbal pieces', drug: true },
  { id: 'patent-drug', code: '11', zh: '中成药费', en: 'Chinese patent medicine', drug: true },
  { id: 'general-care', code: '12', zh: '一般诊疗费', en: 'general medical service', drug: false },
  { id: 'registration', code: '13', zh: '挂号费', en: 'registration', drug: false },
  { id: 'other', code: '14', zh: '其他费', en: 'other', drug: false },
  { id: 'drug', code: null, zh: '药品', en: 'drug (kind not known)', drug: true },
] as const satisfies readonly ItemCategoryInfo[];

/** An item category id (what a validated claim holds). */
export type ItemCategory = (typeof ITEM_CATEGORIES)[number]['id'];

/** The ids, in list order. @example ITEM_CATEGORY_IDS[0] // "bed" */
export const ITEM_CATEGORY_IDS: readonly ItemCategory[] = ITEM_CATEGORIES.map((c) => c.id);

/** The national codes, in list order. @example ITEM_CATEGORY_CODES[8] // "09" */
export const ITEM_CATEGORY_CODES: readonly string[] = ITEM_CATEGORIES.flatMap((c) => (c.code === null ? [] : [c.code]));

/** Every spelling the contract accepts (ids, then codes), for schemas and messages. */
export const ITEM_CATEGORY_VALUES: readonly string[] = [...ITEM_CATEGORY_IDS, ...ITEM_CATEGORY_CODES];

// Keyed by any value so that a spelling that is no string (a number, null…) is simply not found.
const BY_SPELLING = new Map<unknown, ItemCategory>(
  ITEM_CATEGORIES.flatMap((c): [string, ItemCategory][] =>
    c.code === null
      ? [[c.id, c.id]]
      : [
          [c.id, c.id],
          [c.code, c.id],
        ],
  ),
);
const DRUGS = new Set<string>(ITEM_CATEGORIES.filter((c) => c.drug).map((c) => c.id));

/**
 * The category id an input spelling stands for (an id or a national code), or `undefined`.
 *
 * @example
 * itemCategoryOf('09') // "western-drug"
 * itemCategoryOf('药品') // undefined
 */
export function itemCategoryOf(spelling: unknown): ItemCategory | undefined {
  return BY_SPELLING.get(spelling);
}

/**
 * True when the category (an id) is a drug: `drug`, `western-drug`, `herbal-drug`, `patent-drug`.
 *
 * @example
 * isDrugCategory('patent-drug') // true
 */
export function isDrugCategory(id: string): boolean {
  return DRUGS.has(id);
}
