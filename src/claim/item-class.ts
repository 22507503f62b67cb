/**
 * The class of a bill's item: everything about an item the engine can use but its amount (its fee
 * category, catalog, whether it is compliant and necessary). Items of one class are settled alike
 * by every rule set (the pool an item goes to, whether the hospital absorbs it, are functions of
 * its class and the claim's facts), so a claim's bill is kept as one sum per class that occurs:
 * at most as many as the claim has items (docs/policy-2017.md §3).
 */
import { CATALOGS, type Catalog } from './enums.js';
import { ITEM_CATEGORY_IDS, type ItemCategory, isDrugCategory } from './item-categories.js';

/** How many item classes there are: categories × catalogs × compliant × necessary. */
export const ITEM_CLASS_COUNT = ITEM_CATEGORY_IDS.length * CATALOGS.length * 4;

const CATEGORY_INDEX = new Map<string, number>(ITEM_CATEGORY_IDS.map((c, i) => [c, i]));
const CATALOG_INDEX: Readonly<Record<Catalog, number>> = { A: 0, B: 1, C: 2 };

/**
 * The class of an item.
 *
 * @example
 * itemClass('drug', 'A', true, false) // the class of a compliant catalog-A drug
 */
export function itemClass(category: ItemCategory, catalog: Catalog, compliant: boolean, necessary: boolean): number {
  return itemClassAt(CATEGORY_INDEX.get(category)!, CATALOG_INDEX[catalog], compliant, necessary);
}

/**
 * The class of an item from the positions of its category (in ITEM_CATEGORY_IDS) and catalog (in CATALOGS).
 *
 * @example
 * itemClassAt(0, 2, true, true) // a necessary catalog-C item of the first category
 */
export function itemClassAt(category: number, catalog: number, compliant: boolean, necessary: boolean): number {
  return ((category * CATALOGS.length + catalog) * 2 + (compliant ? 1 : 0)) * 2 + (necessary ? 1 : 0);
}

/** What an item class stands for. */
export interface ItemClassInfo {
  readonly category: ItemCategory;
  readonly catalog: Catalog;
  readonly compliant: boolean;
  readonly necessary: boolean;
  readonly isDrug: boolean;
}

/** Every class, by its number. */
export const ITEM_CLASSES: readonly ItemClassInfo[] = Array.from({ length: ITEM_CLASS_COUNT }, (_, k) => {
  const necessary = k % 2 === 1;
  const compliant = Math.floor(k / 2) % 2 === 1;
  const rest = Math.floor(k / 4);
  const catalog = CATALOGS[rest % CATALOGS.length]!;
  const category = ITEM_CATEGORY_IDS[Math.floor(rest / CATALOGS.length)]!;
  return { category, catalog, compliant, necessary, isDrug: isDrugCategory(category) };
});
