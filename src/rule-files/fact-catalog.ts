/**
 * The closed catalogue of facts a rule condition may read, with the values each can take and the
 * point of the waterfall from which it is known. Some facts take the contract's fixed values
 * (visit kinds, hospital levels, …); others take values a scheme declares (its categories, groups,
 * counties, areas, table rows). The loader rejects a condition on an unknown fact, on a fact not
 * yet known where the condition sits, or with a value the fact never takes in that scheme.
 */
import { CATALOGS, DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from '../claim/enums.js';
import { ITEM_CATEGORY_IDS } from '../claim/item-categories.js';

export const LOCATION_CLASSES = ['in-county', 'in-city', 'in-province', 'out-of-province'] as const;
/** One of {@link LOCATION_CLASSES}. */
export type LocationClass = (typeof LOCATION_CLASSES)[number];

/** Where a condition sits, in the order facts become known. */
export const SITES = ['person', 'location', 'level', 'tier', 'item'] as const;
/** A place in the rule files where conditions are evaluated. */
export type Site = (typeof SITES)[number];

/** A list of values a scheme declares (persons.json, jurisdiction.json, location.json). */
export type SchemeList = 'categories' | 'groups' | 'counties' | 'areas' | 'levels';

/** A fact's definition: its values (fixed, or a list of the scheme), and the first site that can read it. */
export interface FactDef {
  readonly values: readonly (string | boolean)[] | SchemeList;
  readonly from: Site;
  readonly description: string;
}

const BOOL = [true, false] as const;

/** Every fact a condition may name. */
export const FACTS = {
  category: { values: 'categories', from: 'person', description: 'person.category' },
  group: { values: 'groups', from: 'person', description: 'the group of person.category (persons.json)' },
  illnessInduced: { values: BOOL, from: 'person', description: 'person.illnessInduced' },
  county: { values: 'counties', from: 'person', description: 'person.county' },
  visitKind: { values: VISIT_KINDS, from: 'person', description: 'visit.kind' },
  chronic: { values: BOOL, from: 'person', description: 'visit.chronic' },
  majorDisease: { values: BOOL, from: 'person', description: 'visit.majorDisease' },
  referral: { values: REFERRALS, from: 'person', description: 'visit.referral' },
  deliveryMode: {
    values: [...DELIVERY_MODES, 'none'],
    from: 'person',
    description: 'visit.deliveryMode ("none" when absent)',
  },
  hospitalLevel: { values: HOSPITAL_LEVELS, from: 'person', description: 'hospital.level' },
  hospitalArea: { values: 'areas', from: 'person', description: 'hospital.area' },
  designated: { values: BOOL, from: 'person', description: 'hospital.designated' },
  protected: { values: BOOL, from: 'location', description: 'persons.json protected' },
  location: {
    values: LOCATION_CLASSES,
    from: 'location',
    description: 'location class (after overrides, from the level site on)',
  },
  inJurisdiction: { values: BOOL, from: 'location', description: 'location is in-county or in-city' },
  level: { values: 'levels', from: 'tier', description: 'row of the tables (location.json levels)' },
  itemCategory: {
    values: ITEM_CATEGORY_IDS,
    from: 'item',
    description: 'items[].category (its id; national codes are read as their ids)',
  },
  itemCatalog: { values: CATALOGS, from: 'item', description: 'items[].catalog' },
  itemIsDrug: { values: BOOL, from: 'item', description: 'items[].category is a drug category' },
  itemCompliant: { values: BOOL, from: 'item', description: 'items[].compliant' },
  itemNecessary: { values: BOOL, from: 'item', description: 'items[].necessary' },
} as const satisfies Record<string, FactDef>;

/** A fact name. */
export type FactName = keyof typeof FACTS;

/** The facts of one claim (and, at the item site, one item), as conditions read them. */
export type FactBag = { readonly [K in FactName]?: string | boolean };

/** The values of a scheme's lists, for checking conditions. */
export type SchemeValues = Readonly<Record<SchemeList, readonly string[]>>;

/**
 * The values a fact can take in a scheme.
 *
 * @example
 * factValues('county', values) // ["yanjiang", "anyue", "lezhi"]
 */
export function factValues(fact: FactName, scheme: SchemeValues): readonly (string | boolean)[] {
  const v = (FACTS as Record<FactName, FactDef>)[fact].values;
  return typeof v === 'string' ? scheme[v] : v;
}

/**
 * True when a condition at `site` may read `fact`.
 *
 * @example
 * factReadableAt('level', 'location') // false: the level is chosen after the location rules
 */
export function factReadableAt(fact: FactName, site: Site): boolean {
  return SITES.indexOf(FACTS[fact].from) <= SITES.indexOf(site);
}

/**
 * True when `name` is a fact of the catalogue.
 *
 * @example
 * isFactName('visitKind') // true
 */
export function isFactName(name: string): name is FactName {
  return Object.prototype.hasOwnProperty.call(FACTS, name);
}
