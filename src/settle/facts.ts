/**
 * The facts of a claim that rule conditions read: the claim's own fields, then who is protected
 * (persons.json), where the care happened (POLICY.md §2 and location.json) and which row of the
 * tables applies.
 */
import type { Claim, Item } from '../claim/claim.js';
import type { Location, ParameterLevel } from '../claim/enums.js';
import type { FactBag } from '../rules/facts.js';
import type { Policy } from '../rules/policy.js';

/** What the waterfall needs to know about a claim besides its bill. */
export interface ClaimFacts {
  readonly facts: FactBag;
  readonly protectedPerson: boolean;
  readonly location: Location;
  readonly level: ParameterLevel | undefined;
  /** The id of the location override applied (the Yanjiang rule), if any. */
  readonly override: string | undefined;
}

/**
 * The location class of the hospital relative to the patient, before any override (POLICY.md §2).
 *
 * @example
 * baseLocation('anyue', 'lezhi') // "in-city"
 */
export function baseLocation(county: Claim['person']['county'], area: Claim['hospital']['area']): Location {
  if (area === county) return 'in-county';
  if (area === 'sichuan') return 'in-province';
  if (area === 'other-province') return 'out-of-province';
  return 'in-city';
}

/**
 * Derives the facts of a claim under a policy.
 *
 * @example
 * claimFacts(claim, policy).level // "county" for a county hospital in the patient's county
 */
export function claimFacts(claim: Claim, policy: Policy): ClaimFacts {
  const base: FactBag = {
    category: claim.person.category,
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
  const loc0 = baseLocation(claim.person.county, claim.hospital.area);
  const atLocation: FactBag = { ...base, protected: protectedPerson, location: loc0, inJurisdiction: inJurisdiction(loc0) };
  const override = policy.overrides.find((o) => o.when(atLocation));
  const location = override?.location ?? loc0;
  const atLevel: FactBag = { ...atLocation, location, inJurisdiction: inJurisdiction(location) };
  const level = override?.level ?? policy.levels.find((l) => l.when(atLevel))?.level;
  const facts: FactBag = level === undefined ? atLevel : { ...atLevel, level };
  return { facts, protectedPerson, location, level, override: override?.id };
}

/**
 * The facts of one item, on top of its claim's.
 *
 * @example
 * itemFacts(facts, item).itemCatalog // "C"
 */
export function itemFacts(facts: FactBag, item: Item): FactBag {
  return {
    ...facts,
    itemCategory: item.category,
    itemCatalog: item.catalog,
    itemIsDrug: item.category === 'drug',
    itemCompliant: item.compliant,
    itemNecessary: item.necessary,
  };
}

function inJurisdiction(l: Location): boolean {
  return l === 'in-county' || l === 'in-city';
}
