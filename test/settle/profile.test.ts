/**
 * The profile table (src/settle/profile.ts): one profile per combination of a claim's finite
 * facts, built once and remembered, each with the facts of its own combination (never those of
 * another that happens to share its key), at most 16,384 kept per table before the memory starts
 * over; a record whose county, area or category is not its scheme's has the non-member profile.
 */
import { describe, expect, it } from 'vitest';
import { CHRONIC, ClaimRecord, DESIGNATED, ILLNESS_INDUCED, MAJOR_DISEASE } from '../../src/claim/claim-record.js';
import { DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from '../../src/claim/enums.js';
import { vocabularyIndex } from '../../src/claim/vocabulary-index.js';
import { claimVocabulary, policyOn } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { ProfileTable, profileTable } from '../../src/settle/profile.js';

const book = defaultRules();
const vocabulary = vocabularyIndex(claimVocabulary(book));
const policy2017 = policyOn(book, '2017-06-10')!;
const policy2022 = policyOn(book, '2023-06-10')!;

/** A record's finite facts as positions: category, county, area, visit kind, referral, delivery mode (0 = none), level, flags. */
type Combination = readonly [number, number, number, number, number, number, number, number];
const position = (list: readonly string[], value: string) => list.indexOf(value);

function recordOf([category, county, area, visitKind, referral, deliveryMode, level, flags]: Combination): ClaimRecord {
  return Object.assign(new ClaimRecord(), { category, county, area, visitKind, referral, deliveryMode, level, flags });
}

/** Every combination of the facts of a person of `category` in `county` at a hospital in `area`. */
function* combinationsAt(category: number, county: number, area: number): Generator<Combination> {
  for (let visitKind = 0; visitKind < VISIT_KINDS.length; visitKind++)
    for (let referral = 0; referral < REFERRALS.length; referral++)
      for (let deliveryMode = 0; deliveryMode <= DELIVERY_MODES.length; deliveryMode++)
        for (let level = 0; level < HOSPITAL_LEVELS.length; level++)
          for (let flags = 0; flags < 16; flags++)
            yield [category, county, area, visitKind, referral, deliveryMode, level, flags];
}

/** Every combination of the vocabulary's values, in a fixed order. */
function* allCombinations(): Generator<Combination> {
  const v = vocabulary.vocabulary;
  for (let category = 0; category < v.categories.length; category++)
    for (let county = 0; county < v.counties.length; county++)
      for (let area = 0; area < v.areas.length; area++) yield* combinationsAt(category, county, area);
}

describe('each combination of facts has a profile of its own facts', () => {
  it.each([
    ['a general resident of Anyue at a county hospital in Anyue', 'general', 'anyue', 'anyue'],
    ['a registered-poor resident of Yanjiang at a hospital in Yanjiang', 'registered-poor', 'yanjiang', 'yanjiang'],
    ['a rural-dibao resident of Lezhi at a hospital elsewhere in Sichuan', 'rural-dibao', 'lezhi', 'sichuan'],
  ])(
    '%s: every visit kind, referral, delivery mode, level and flag read through one table keeps its own facts',
    (_name, category, county, area) => {
      const v = vocabulary.vocabulary;
      const table = new ProfileTable(policy2017, vocabulary);
      const at = combinationsAt(
        position(v.categories, category),
        position(v.counties, county),
        position(v.areas, area),
      );
      const seen: string[] = [];
      for (const c of at) {
        const [, , , visitKind, referral, deliveryMode, level, flags] = c;
        const f = table.profileOf(recordOf(c)).facts.facts;
        const got = [f.visitKind, f.referral, f.deliveryMode, f.hospitalLevel, f.illnessInduced, f.chronic]
          .concat([f.majorDisease, f.designated, f.category, f.county, f.hospitalArea])
          .join(' ');
        const want = [
          VISIT_KINDS[visitKind],
          REFERRALS[referral],
          deliveryMode === 0 ? 'none' : DELIVERY_MODES[deliveryMode - 1],
          HOSPITAL_LEVELS[level],
          (flags & ILLNESS_INDUCED) !== 0,
          (flags & CHRONIC) !== 0,
        ]
          .concat([(flags & MAJOR_DISEASE) !== 0, (flags & DESIGNATED) !== 0, category, county, area])
          .join(' ');
        if (got !== want) seen.push(`${want} was profiled as ${got}`);
      }
      expect(seen).toEqual([]);
    },
  );

  it('a referred vaginal delivery and an unreferred caesarean are two profiles, whichever is read first', () => {
    const v = vocabulary.vocabulary;
    const person = [
      position(v.categories, 'general'),
      position(v.counties, 'anyue'),
      position(v.areas, 'anyue'),
    ] as const;
    const delivery = VISIT_KINDS.indexOf('delivery');
    const level = HOSPITAL_LEVELS.indexOf('county');
    const referredVaginal: Combination = [...person, delivery, REFERRALS.indexOf('referred'), 1, level, DESIGNATED];
    const caesarean: Combination = [...person, delivery, REFERRALS.indexOf('none'), 2, level, DESIGNATED];
    const table = new ProfileTable(policy2017, vocabulary);
    const facts = (c: Combination) => {
      const f = table.profileOf(recordOf(c)).facts.facts;
      return [f.referral, f.deliveryMode];
    };
    expect([facts(caesarean), facts(referredVaginal), facts(caesarean)]).toEqual([
      ['none', 'cesarean'],
      ['referred', 'vaginal'],
      ['none', 'cesarean'],
    ]);
  });
});

describe('a profile is built once and remembered, up to 16,384 per table', () => {
  const first = [...allCombinations()].slice(0, 16_385);

  it('the same facts read twice give the same profile, another combination between them or not', () => {
    const table = new ProfileTable(policy2017, vocabulary);
    const a = table.profileOf(recordOf(first[0]!));
    expect(table.profileOf(recordOf(first[0]!))).toBe(a);
    const b = table.profileOf(recordOf(first[1]!));
    expect(b).not.toBe(a);
    expect(table.profileOf(recordOf(first[0]!))).toBe(a);
    expect(table.profileOf(recordOf(first[1]!))).toBe(b);
  });

  it('16,384 combinations are all kept; the 16,385th starts the memory over, and the first is built again alike', () => {
    const table = new ProfileTable(policy2017, vocabulary);
    const a = table.profileOf(recordOf(first[0]!));
    for (const c of first.slice(1, 16_384)) table.profileOf(recordOf(c));
    expect(table.profileOf(recordOf(first[0]!))).toBe(a);
    table.profileOf(recordOf(first[16_384]!));
    const again = table.profileOf(recordOf(first[0]!));
    expect(again).not.toBe(a);
    expect([again.member, again.settled, [...again.applies], again.facts]).toEqual([
      a.member,
      a.settled,
      [...a.applies],
      a.facts,
    ]);
  });

  it('the table of a policy and a vocabulary is one table, kept while both live; another policy has its own', () => {
    const t = profileTable(policy2017, vocabulary);
    expect(profileTable(policy2017, vocabulary)).toBe(t);
    const u = profileTable(policy2022, vocabulary);
    expect(u).not.toBe(t);
    expect([u.policy.id, profileTable(policy2022, vocabulary)]).toEqual(['ziyang-2022', u]);
    const other = vocabularyIndex({ ...vocabulary.vocabulary });
    expect(profileTable(policy2017, other)).not.toBe(t);
    expect(profileTable(policy2017, other)).toBe(profileTable(policy2017, other));
  });
});

describe("a record whose values are not its scheme's has the non-member profile", () => {
  it('a dibao person (a category of 2022) under the 2017 rules: no tier applies, no hospital is settled, no class is absorbed', () => {
    const v = vocabulary.vocabulary;
    const dibao = recordOf([
      position(v.categories, 'dibao'),
      position(v.counties, 'anyue'),
      position(v.areas, 'anyue'),
      VISIT_KINDS.indexOf('inpatient'),
      0,
      0,
      HOSPITAL_LEVELS.indexOf('county'),
      DESIGNATED,
    ]);
    const p = new ProfileTable(policy2017, vocabulary).profileOf(dibao);
    expect([p.member, p.settled, p.applies.length, p.decisions, [0, 1, 5].map((k) => p.absorbedIndex(k))]).toEqual([
      false,
      false,
      0,
      [],
      [-1, -1, -1],
    ]);
  });
});
