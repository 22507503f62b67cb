/**
 * The facts of a claim that rule conditions read: the claim's own fields, then the group of its
 * category, who is protected (persons.json), where the care happened (docs/policy-2017.md §2, the scheme's
 * jurisdiction and location.json) and which row of the tables applies.
 */
import type { Claim, Item } from '../claim/claim.js';

/** What the facts of a claim are made of: its finite fields (a claim is one; a claim record makes one on demand). */
export interface ClaimTraits {
  readonly person: Pick<Claim['person'], 'category' | 'illnessInduced' | 'county'>;
  readonly visit: Pick<Claim['visit'], 'kind' | 'chronic' | 'majorDisease' | 'referral' | 'deliveryMode'>;
  readonly hospital: Pick<Claim['hospital'], 'level' | 'area' | 'designated'>;
}
import { isDrugCategory } from '../claim/item-categories.js';
import type { FactBag } from '../rule-files/fact-catalog.js';
import type { LocationClass } from '../rule-files/types.js';
import type { Policy, Scheme } from '../scheme/policy.js';

/** What the waterfall needs to know about a claim besides its bill. */
export interface ClaimFacts {
  readonly facts: FactBag;
  readonly group: string;
  readonly protectedPerson: boolean;
  readonly location: LocationClass;
  readonly level: string | undefined;
  /** The id of the location override applied (the 2017 Yanjiang rule), if any. */
  readonly override: string | undefined;
}

/**
 * The location class of the hospital relative to the patient, before any override (docs/policy-2017.md §2):
 * the patient's own county, another county of the jurisdiction, or the class of an area elsewhere.
 *
 * @example
 * baseLocation(scheme, 'anyue', 'lezhi') // "in-city"
 */
export function baseLocation(scheme: Scheme, county: string, area: string): LocationClass {
  if (area === county) return 'in-county';
  return scheme.areas.get(area)?.location ?? 'in-city';
}

/**
 * Derives the facts of a claim under a policy (the claim's values belong to its scheme).
 *
 * @example
 * claimFacts(claim, policy).level // "county" for a county hospital in the patient's county
 */
export function claimFacts(claim: ClaimTraits, policy: Policy): ClaimFacts {
  const group = policy.scheme.categories.get(claim.person.category)?.group ?? '';
  const base: FactBag = {
    category: claim.person.category,
    group,
    illnessInduced: claim.person.illnessInduced,
    county: claim.person.county,
    visitKind: claim.visit.kind,
    chronic: claim.visit.chronic,
    majorDisease: claim.visit.majorDisease,
    referral: claim.visit.referral,
    deliveryMode: claim.visit.deliveryMode ?? 'none',
    hospitalLevel: claim.hospital.level,
    hospitalArea: claim.hospital.area,
    designated: claim.hospital.designated,
  };
  const protectedPerson = policy.protected.when(base);
  const loc0 = baseLocation(policy.scheme, claim.person.county, claim.hospital.area);
  const atLocation: FactBag = {
    ...base,
    protected: protectedPerson,
    location: loc0,
    inJurisdiction: inJurisdiction(loc0),
  };
  const override = policy.overrides.find((o) => o.when(atLocation));
  const location = override?.location ?? loc0;
  const atLevel: FactBag = { ...atLocation, location, inJurisdiction: inJurisdiction(location) };
  const level = override?.level ?? policy.levels.find((l) => l.when(atLevel))?.level;
  const facts: FactBag = level === undefined ? atLevel : { ...atLevel, level };
  return { facts, group, protectedPerson, location, level, override: override?.id };
}

/**
 * The facts of one item, on top of its claim's (written into `into`, a bag this function made for
 * the same claim before, when given).
 *
 * @example
 * itemFacts(facts, item).itemCatalog // "C"
 */
export function itemFacts(facts: FactBag, item: Omit<Item, 'amount'>, into?: Record<string, unknown>): FactBag {
  // A bag given back is the same claim's: only the item's facts change (no object per item class).
  const bag = into ?? { ...facts };
  bag.itemCategory = item.category;
  bag.itemCatalog = item.catalog;
  bag.itemIsDrug = isDrugCategory(item.category);
  bag.itemCompliant = item.compliant;
  bag.itemNecessary = item.necessary;
  return bag as FactBag;
}

function inJurisdiction(l: LocationClass): boolean {
  return l === 'in-county' || l === 'in-city';
}
