/**
 * The profile of a claim: every rule condition of a policy evaluated once for one combination of
 * the claim's finite facts (person category, county, visit kind, hospital level and area, …), and
 * remembered. Every fact a claim-level condition may read takes a handful of values
 * (rule-files/fact-catalog.ts), so a year of claims has only a few thousand profiles; after the
 * first claim of a profile, settling evaluates no condition at all. What the hospital absorbs is
 * remembered per profile and item class the same way (claim/item-class.ts).
 */
import { ITEM_CLASSES, ITEM_CLASS_COUNT } from '../claim/item-class.js';
import { type ClaimRecord, CHRONIC, DESIGNATED, ILLNESS_INDUCED, MAJOR_DISEASE } from '../claim/claim-record.js';
import { DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from '../claim/enums.js';
import type { VocabularyIndex } from '../claim/vocabulary-index.js';
import { kindOf } from '../kinds/kind-list.js';
import type { FactBag } from '../rule-files/fact-catalog.js';
import type { Policy } from '../scheme/policy.js';
import { type ClaimFacts, type ClaimTraits, claimFacts, itemFacts } from './claim-facts.js';

/** Everything the waterfall decides from the claim's facts alone, decided once per profile. */
export interface ClaimProfile {
  /** The claim's county, hospital area and person category are values of the policy's scheme. */
  readonly member: boolean;
  /** The policy the profile is of (undefined for a profile that is not its scheme's member). */
  readonly policy: Policy;
  readonly facts: ClaimFacts;
  /** The hospital is one the tiers pay at (bill.json `settled`). */
  readonly settled: boolean;
  /** Whether each tier's `applies` condition holds (1) or not (0), by index in the policy's order. */
  readonly applies: Uint8Array;
  /** What each tier's kind decided from the facts (its row, adjustment, target …), by index. */
  readonly decisions: readonly unknown[];
  /** The index in `policy.absorbed` of the rule that absorbs the items of a class, or −1. */
  absorbedIndex(cls: number): number;
}

/** At most this many profiles are kept per table; beyond it the memory starts over (never wrong, only slower). */
const MAX_PROFILES = 16384;
const UNKNOWN = -2;

/**
 * The profiles of one policy for claims read with one vocabulary (a record's county, area and
 * category are positions in it).
 */
export class ProfileTable {
  private readonly profiles = new Map<number, ClaimProfile>();
  private readonly sizes: { readonly categories: number; readonly counties: number; readonly areas: number };

  constructor(
    readonly policy: Policy,
    readonly vocabulary: VocabularyIndex,
  ) {
    const v = vocabulary.vocabulary;
    this.sizes = { categories: v.categories.length, counties: v.counties.length, areas: v.areas.length };
  }

  /**
   * The profile of a record's facts.
   *
   * @example
   * const p = table.profileOf(record); p.applies[8] // 1 when the ninth tier applies
   */
  profileOf(r: ClaimRecord): ClaimProfile {
    const key = this.keyOf(r);
    let p = this.profiles.get(key);
    if (p) return p;
    if (this.profiles.size >= MAX_PROFILES) this.profiles.clear();
    p = buildProfile(traitsOf(r, this.vocabulary), this.policy);
    this.profiles.set(key, p);
    return p;
  }

  /** The key of a record's finite facts, a number in mixed radix over their value lists (a string key cost as much as the rest of the lookup). */
  private keyOf(r: ClaimRecord): number {
    const z = this.sizes;
    let k = r.category;
    // Each digit below is written k * radix + digit: k * radix − digit is as injective (digit <
    // radix), so no two combinations share a key either way; only a wrong radix (the delivery
    // mode's, whose digit runs to its length) could make two share one, and the tests show it.
    // Stryker disable ArithmeticOperator: k * radix − digit is as injective as k * radix + digit
    k = k * 2 + (r.flags & ILLNESS_INDUCED ? 1 : 0);
    k = k * z.counties + r.county;
    k = k * VISIT_KINDS.length + r.visitKind;
    k = k * 2 + (r.flags & CHRONIC ? 1 : 0);
    k = k * 2 + (r.flags & MAJOR_DISEASE ? 1 : 0);
    k = k * REFERRALS.length + r.referral;
    // Stryker restore ArithmeticOperator
    k = k * (DELIVERY_MODES.length + 1) + r.deliveryMode;
    // Stryker disable ArithmeticOperator: k * radix − digit is as injective as k * radix + digit
    k = k * HOSPITAL_LEVELS.length + r.level;
    k = k * z.areas + r.area;
    return k * 2 + (r.flags & DESIGNATED ? 1 : 0);
    // Stryker restore ArithmeticOperator
  }
}

/**
 * The facts of a record as a claim's fields (made only when a profile is first seen).
 *
 * @example
 * traitsOf(record, vocabularyIndex(v)).person.county // "anyue"
 */
export function traitsOf(r: ClaimRecord, v: VocabularyIndex): ClaimTraits {
  const vocabulary = v.vocabulary;
  return {
    person: {
      category: vocabulary.categories[r.category]!,
      illnessInduced: (r.flags & ILLNESS_INDUCED) !== 0,
      county: vocabulary.counties[r.county]!,
    },
    visit: {
      kind: VISIT_KINDS[r.visitKind]!,
      chronic: (r.flags & CHRONIC) !== 0,
      majorDisease: (r.flags & MAJOR_DISEASE) !== 0,
      referral: REFERRALS[r.referral]!,
      // Stryker disable next-line ConditionalExpression: DELIVERY_MODES[0 − 1] is undefined too, the value the test gives for no delivery mode
      deliveryMode: r.deliveryMode === 0 ? undefined : DELIVERY_MODES[r.deliveryMode - 1],
    },
    hospital: {
      level: HOSPITAL_LEVELS[r.level]!,
      area: vocabulary.areas[r.area]!,
      designated: (r.flags & DESIGNATED) !== 0,
    },
  };
}

/** A profile of the policy's scheme: its facts, answers and decisions, and what the hospital absorbs per item class (found on first use). */
class MemberProfile implements ClaimProfile {
  readonly member = true;
  readonly settled: boolean;
  readonly applies: Uint8Array;
  readonly decisions: readonly unknown[];
  private readonly absorbed = new Int16Array(ITEM_CLASS_COUNT).fill(UNKNOWN);
  /** The item facts of each class are written into one bag (a class's facts once, on first use). */
  private item: Record<string, unknown> | undefined;

  constructor(
    readonly facts: ClaimFacts,
    readonly policy: Policy,
  ) {
    const f = facts.facts;
    this.settled = policy.settled.when(f);
    this.applies = Uint8Array.from(policy.tiers, (t) => (t.applies.when(f) ? 1 : 0));
    this.decisions = policy.tiers.map((t) => kindOf(t).decide(t.params, f));
  }

  absorbedIndex(cls: number): number {
    const i = this.absorbed[cls]!;
    // Stryker disable next-line ConditionalExpression: looking the class up again every time finds the same rule (only slower)
    return i === UNKNOWN ? this.findAbsorbing(cls) : i;
  }

  private findAbsorbing(cls: number): number {
    this.item = itemFacts(this.facts.facts, ITEM_CLASSES[cls]!, this.item);
    const bag = this.item as FactBag;
    const i = this.policy.absorbed.findIndex((a) => a.when(bag));
    this.absorbed[cls] = i;
    return i;
  }
}

const NOT_A_MEMBER: ClaimProfile = {
  member: false,
  policy: undefined as never,
  facts: undefined as never,
  settled: false,
  applies: new Uint8Array(0),
  decisions: [],
  absorbedIndex: () => -1,
};

function buildProfile(traits: ClaimTraits, policy: Policy): ClaimProfile {
  const s = policy.scheme;
  if (
    !s.counties.has(traits.person.county) ||
    !s.categories.has(traits.person.category) ||
    !s.areas.has(traits.hospital.area)
  )
    return NOT_A_MEMBER;
  return new MemberProfile(claimFacts(traits, policy), policy);
}

const tables = new WeakMap<VocabularyIndex, Map<Policy, ProfileTable>>();

/**
 * The profile table of a policy for records read with a vocabulary (one per pair, kept while both live).
 *
 * @example
 * profileTable(policy, vocabularyIndex(claimVocabulary(book))).profileOf(record)
 */
export function profileTable(policy: Policy, vocabulary: VocabularyIndex): ProfileTable {
  let byPolicy = tables.get(vocabulary);
  if (!byPolicy) tables.set(vocabulary, (byPolicy = new Map()));
  let t = byPolicy.get(policy);
  if (!t) byPolicy.set(policy, (t = new ProfileTable(policy, vocabulary)));
  return t;
}
