/**
 * The profile of a claim: every rule condition of the policy evaluated once for one combination of
 * the claim's finite facts (person category, county, visit kind, hospital level and area, …), and
 * remembered. Every fact a claim-level condition may read takes a handful of values (rules/facts.ts),
 * so a year of claims has only a few hundred profiles; after the first claim of a profile, settling
 * evaluates no condition at all. Item conditions (what the hospital absorbs) are remembered per
 * profile and item kind the same way.
 */
import type { Claim, Item } from '../claim/claim.js';
import { AREAS, CATALOGS, CATEGORIES, COUNTIES, DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from '../claim/enums.js';
import type { BasicTable, Policy, Target } from '../rules/policy.js';
import type { TierId } from '../rules/schema.js';
import { type ClaimFacts, claimFacts, itemFacts } from './facts.js';

/** Everything the waterfall decides from the claim's facts alone, decided once per profile. */
export interface ClaimProfile {
  readonly facts: ClaimFacts;
  /** The hospital is one the tiers pay at (bill.json `settled`). */
  readonly settled: boolean;
  /** Whether each tier's `applies` condition holds. */
  readonly applies: Readonly<Record<TierId, boolean>>;
  /** Tier 0: the delivery excess is paid by the funds / the subsidy is granted. */
  readonly deliveryExcess: boolean;
  readonly deliverySubsidy: boolean;
  /** Tier 2: the first table whose condition holds, and whether the poverty adjustment applies to it. */
  readonly basicTable: BasicTable | undefined;
  readonly basicAdjusted: boolean;
  /** Tiers 3 and 4: the poverty adjustment applies. */
  readonly seriousAdjusted: boolean;
  readonly supplementaryAdjusted: boolean;
  /** Tier 8: the target of the pathway, if any. */
  readonly target: Target | undefined;
  /** The index in `policy.absorbed` of the rule that absorbs an item, or −1 (remembered per item kind). */
  absorbedIndex(item: Item): number;
}

/** At most this many profiles are kept per policy; beyond it the memory starts over (never wrong, only slower). */
const MAX_PROFILES = 4096;
/** At most this many item categories per profile (they are open strings). */
const MAX_ITEM_KINDS = 256;
const UNKNOWN = -2;

const memo = new WeakMap<Policy, Map<number, ClaimProfile>>();

/**
 * The profile of a claim under a policy, from the memory when its facts were seen before.
 *
 * @example
 * const p = profileOf(claim, policy);
 * p.applies['relief-funds'] // tier 8 applies to this claim
 */
export function profileOf(claim: Claim, policy: Policy): ClaimProfile {
  let profiles = memo.get(policy);
  if (!profiles) memo.set(policy, (profiles = new Map()));
  const key = profileKey(claim);
  let p = profiles.get(key);
  if (p) return p;
  if (profiles.size >= MAX_PROFILES) profiles.clear();
  p = buildProfile(claim, policy);
  profiles.set(key, p);
  return p;
}

const index = <T extends string>(values: readonly T[]): Readonly<Record<string, number>> => Object.fromEntries(values.map((v, i) => [v, i]));
const CATEGORY = index(CATEGORIES);
const COUNTY = index(COUNTIES);
const KIND = index(VISIT_KINDS);
const REFERRAL = index(REFERRALS);
const DELIVERY = index(['none', ...DELIVERY_MODES]);
const LEVEL = index(HOSPITAL_LEVELS);
const AREA = index(AREAS);
const CATALOG = index(CATALOGS);

/**
 * The key of a claim's finite facts, a number in mixed radix over their value lists (a string key
 * cost as much as the rest of the lookup): two claims with the same key meet every claim-level
 * condition alike.
 *
 * @example
 * profileKey(claim) // 0 … 86399
 */
export function profileKey(claim: Claim): number {
  const { person: p, visit: v, hospital: h } = claim;
  let k = CATEGORY[p.category]!;
  k = k * 2 + +p.illnessInduced;
  k = k * COUNTIES.length + COUNTY[p.county]!;
  k = k * VISIT_KINDS.length + KIND[v.kind]!;
  k = k * 2 + +v.chronic;
  k = k * 2 + +v.majorDisease;
  k = k * REFERRALS.length + REFERRAL[v.referral]!;
  k = k * (DELIVERY_MODES.length + 1) + DELIVERY[v.deliveryMode ?? 'none']!;
  k = k * HOSPITAL_LEVELS.length + LEVEL[h.level]!;
  k = k * AREAS.length + AREA[h.area]!;
  return k * 2 + +h.designated;
}

function buildProfile(claim: Claim, policy: Policy): ClaimProfile {
  const facts = claimFacts(claim, policy);
  const f = facts.facts;
  const t = policy.tiers;
  const applies = Object.fromEntries(policy.order.map((id) => [id, t[id].applies.when(f)])) as Record<TierId, boolean>;
  const basicTable = t['basic-insurance'].tables.find((x) => x.when(f));
  // Per item category (an open string), the absorbing rule of each catalog × compliant × necessary.
  const items = new Map<string, Int16Array>();
  const evaluate = (item: Item): number => policy.absorbed.findIndex((a) => a.when(itemFacts(f, item)));
  return {
    facts,
    settled: policy.settled.when(f),
    applies,
    deliveryExcess: t['maternal-subsidy'].excess.when(f),
    deliverySubsidy: t['maternal-subsidy'].subsidy.when(f),
    basicTable,
    basicAdjusted: basicTable !== undefined && basicTable.povertyAdjusted && t['basic-insurance'].poverty.when(f),
    seriousAdjusted: t['serious-illness-insurance'].poverty.when(f),
    supplementaryAdjusted: t['supplementary-insurance'].poverty.when(f),
    target: t['relief-funds'].targets.find((x) => x.when(f)),
    absorbedIndex(item) {
      let kinds = items.get(item.category);
      if (!kinds) {
        if (items.size >= MAX_ITEM_KINDS) return evaluate(item);
        items.set(item.category, (kinds = new Int16Array(CATALOGS.length * 4).fill(UNKNOWN)));
      }
      const k = CATALOG[item.catalog]! * 4 + +item.compliant * 2 + +item.necessary;
      let i = kinds[k]!;
      if (i === UNKNOWN) kinds[k] = i = evaluate(item);
      return i;
    },
  };
}
