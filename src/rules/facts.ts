/**
 * The closed catalogue of facts a rule condition may read, with the values each can take and the
 * point of the waterfall from which it is known. The loader rejects a condition on an unknown
 * fact, on a fact not yet known where the condition sits, or with a value the fact never takes.
 */
import {
  AREAS, CATALOGS, CATEGORIES, COUNTIES, DELIVERY_MODES, HOSPITAL_LEVELS, LOCATIONS, PARAMETER_LEVELS, REFERRALS, VISIT_KINDS,
} from '../claim/enums.js';

/** Where a condition sits, in the order facts become known. */
export const SITES = ['person', 'location', 'level', 'tier', 'item'] as const;
/** A place in the rule files where conditions are evaluated. */
export type Site = (typeof SITES)[number];

/** A fact's definition: its values (`null` = any non-empty string) and the first site that can read it. */
export interface FactDef {
  readonly values: readonly (string | boolean)[] | null;
  readonly from: Site;
  readonly description: string;
}

const BOOL = [true, false] as const;

/** Every fact a condition may name. */
export const FACTS = {
  category: { values: CATEGORIES, from: 'person', description: 'person.category' },
  illnessInduced: { values: BOOL, from: 'person', description: 'person.illnessInduced' },
  county: { values: COUNTIES, from: 'person', description: 'person.county' },
  visitKind: { values: VISIT_KINDS, from: 'person', description: 'visit.kind' },
  chronic: { values: BOOL, from: 'person', description: 'visit.chronic' },
  majorDisease: { values: BOOL, from: 'person', description: 'visit.majorDisease' },
  referral: { values: REFERRALS, from: 'person', description: 'visit.referral' },
  deliveryMode: { values: [...DELIVERY_MODES, 'none'], from: 'person', description: 'visit.deliveryMode ("none" when absent)' },
  hospitalLevel: { values: HOSPITAL_LEVELS, from: 'person', description: 'hospital.level' },
  hospitalArea: { values: AREAS, from: 'person', description: 'hospital.area' },
  designated: { values: BOOL, from: 'person', description: 'hospital.designated' },
  protected: { values: BOOL, from: 'location', description: 'persons.json protected' },
  location: { values: LOCATIONS, from: 'location', description: 'location class (after overrides, from the level site on)' },
  inJurisdiction: { values: BOOL, from: 'location', description: 'location is in-county or in-city' },
  level: { values: PARAMETER_LEVELS, from: 'tier', description: 'row of the basic-insurance table (location.json levels)' },
  itemCategory: { values: null, from: 'item', description: 'items[].category' },
  itemCatalog: { values: CATALOGS, from: 'item', description: 'items[].catalog' },
  itemIsDrug: { values: BOOL, from: 'item', description: 'items[].category is "drug"' },
  itemCompliant: { values: BOOL, from: 'item', description: 'items[].compliant' },
  itemNecessary: { values: BOOL, from: 'item', description: 'items[].necessary' },
} as const satisfies Record<string, FactDef>;

/** A fact name. */
export type FactName = keyof typeof FACTS;

/** The facts of one claim (and, at the item site, one item), as conditions read them. */
export type FactBag = { readonly [K in FactName]?: string | boolean };

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
