/**
 * The profile of a claim: every rule condition of the policy evaluated once for one combination of
 * the claim's finite facts (person category, county, visit kind, hospital level and area, …), and
 * remembered. Every fact a claim-level condition may read takes a handful of values (rules/facts.ts),
 * so a year of claims has only a few thousand profiles; after the first claim of a profile, settling
 * evaluates no condition at all. Item conditions (what the hospital absorbs) are remembered per
 * profile and item kind the same way.
 */
import type { Claim, Item } from '../claim/claim.js';
import { CATALOGS, DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from '../claim/enums.js';
import { ITEM_CATEGORY_IDS } from '../claim/item-categories.js';
import { KINDS } from '../kinds/kind-list.js';
import type { Policy, Scheme } from '../scheme/policy.js';
import { type ClaimFacts, claimFacts, itemFacts } from './claim-facts.js';

/** Everything the waterfall decides from the claim's facts alone, decided once per profile. */
export interface ClaimProfile {
  readonly facts: ClaimFacts;
  /** The hospital is one the tiers pay at (bill.json `settled`). */
  readonly settled: boolean;
  /** Whether each tier's `applies` condition holds, by index in the policy's order. */
  readonly applies: readonly boolean[];
  /** What each tier's kind decided from the facts (its row, adjustment, target …), by index. */
  readonly decisions: readonly unknown[];
  /** The index in `policy.absorbed` of the rule that absorbs an item, or −1 (remembered per item kind). */
  absorbedIndex(item: Item): number;
}

/** At most this many profiles are kept per policy; beyond it the memory starts over (never wrong, only slower). */
const MAX_PROFILES = 4096;
const UNKNOWN = -2;

/** Per policy: its profiles so far, and the positions of its scheme's values. */
const memo = new WeakMap<Policy, { readonly profiles: Map<number, ClaimProfile>; readonly index: SchemeIndex }>();

/**
 * The profile of a claim under a policy, from the memory when its facts were seen before. The
 * claim's county, area and category must be values of the policy's scheme (settleClaim checks).
 *
 * @example
 * const p = profileOf(claim, policy);
 * p.applies[8] // the ninth tier applies to this claim
 */
export function profileOf(claim: Claim, policy: Policy): ClaimProfile {
  let m = memo.get(policy);
  if (!m) memo.set(policy, (m = { profiles: new Map(), index: schemeIndex(policy.scheme) }));
  const profiles = m.profiles;
  const key = keyOf(claim, m.index);
  let p = profiles.get(key);
  if (p) return p;
  if (profiles.size >= MAX_PROFILES) profiles.clear();
  p = buildProfile(claim, policy);
  profiles.set(key, p);
  return p;
}

const index = <T extends string>(values: readonly T[]): ReadonlyMap<string, number> =>
  new Map(values.map((v, i) => [v, i]));
const KIND = index(VISIT_KINDS);
const REFERRAL = index(REFERRALS);
const DELIVERY = index(['none', ...DELIVERY_MODES]);
const LEVEL = index(HOSPITAL_LEVELS);
const CATALOG = index(CATALOGS);
const ITEM_CATEGORY = index(ITEM_CATEGORY_IDS);

/** The positions of a scheme's values, for the profile key (computed once per scheme). */
interface SchemeIndex {
  readonly category: ReadonlyMap<string, number>;
  readonly county: ReadonlyMap<string, number>;
  readonly area: ReadonlyMap<string, number>;
}
const schemeIndexes = new WeakMap<Scheme, SchemeIndex>();
function schemeIndex(s: Scheme): SchemeIndex {
  let i = schemeIndexes.get(s);
  if (!i)
    schemeIndexes.set(
      s,
      (i = {
        category: index([...s.categories.keys()]),
        county: index([...s.counties.keys()]),
        area: index([...s.areas.keys()]),
      }),
    );
  return i;
}

/**
 * The key of a claim's finite facts, a number in mixed radix over their value lists (a string key
 * cost as much as the rest of the lookup): two claims with the same key meet every claim-level
 * condition alike.
 *
 * @example
 * profileKey(claim, policy.scheme) // 0 … 86399 for ziyang-2017
 */
export function profileKey(claim: Claim, scheme: Scheme): number {
  return keyOf(claim, schemeIndex(scheme));
}

function keyOf(claim: Claim, s: SchemeIndex): number {
  const { person: p, visit: v, hospital: h } = claim;
  let k = s.category.get(p.category)!;
  k = k * 2 + +p.illnessInduced;
  k = k * s.county.size + s.county.get(p.county)!;
  k = k * VISIT_KINDS.length + KIND.get(v.kind)!;
  k = k * 2 + +v.chronic;
  k = k * 2 + +v.majorDisease;
  k = k * REFERRALS.length + REFERRAL.get(v.referral)!;
  k = k * (DELIVERY_MODES.length + 1) + DELIVERY.get(v.deliveryMode ?? 'none')!;
  k = k * HOSPITAL_LEVELS.length + LEVEL.get(h.level)!;
  k = k * s.area.size + s.area.get(h.area)!;
  return k * 2 + +h.designated;
}

function buildProfile(claim: Claim, policy: Policy): ClaimProfile {
  const facts = claimFacts(claim, policy);
  const f = facts.facts;
  // Per item category × catalog × compliant × necessary, the index of the absorbing rule.
  const items = new Int16Array(ITEM_CATEGORY_IDS.length * CATALOGS.length * 4).fill(UNKNOWN);
  return {
    facts,
    settled: policy.settled.when(f),
    applies: policy.tiers.map((t) => t.applies.when(f)),
    decisions: policy.tiers.map((t) => KINDS[t.kind]!.decide(t.params as never, f)),
    absorbedIndex(item) {
      const k =
        ((ITEM_CATEGORY.get(item.category)! * CATALOGS.length + CATALOG.get(item.catalog)!) * 2 + +item.compliant) * 2 +
        +item.necessary;
      let i = items[k]!;
      if (i === UNKNOWN) items[k] = i = policy.absorbed.findIndex((a) => a.when(itemFacts(f, item)));
      return i;
    },
  };
}
