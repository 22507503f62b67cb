/**
 * Seeded generators (fast-check) of valid claims of both eras, as docs/claim.md writes them, for
 * comparing the engine with the oracle. They reach every branch of docs/policy-2017.md and docs/policy-2022.md:
 * every category of each era, every visit kind and delivery mode, every location class (in
 * county, in city, in province, out of province), Yanjiang city hospitals, non-designated
 * hospitals, C items necessary or not, non-compliant items, B items, referral, major disease,
 * chronic, bills from a few fen to millions (caps and brackets reached), person-years of several
 * claims and category changes within a year. Amounts are strings with 2, 1 or 0 decimals or JSON
 * numbers; item categories by id or by national code; optional fields sometimes left out so the
 * defaults are exercised. Shares nothing with src/ (test/arbitraries.ts is the engine's own).
 */
import fc from 'fast-check';
import type { OracleRuleSetId } from './claim.js';

type Json = Record<string, unknown>;

const COUNTIES = ['yanjiang', 'anyue', 'lezhi'] as const;
const CATEGORIES: Record<OracleRuleSetId, readonly string[]> = {
  'ziyang-2017': ['registered-poor', 'rural-dibao', 'general'],
  'ziyang-2022': ['extreme-poor', 'dibao', 'returned-poor', 'marginal', 'illness-poor', 'general'],
};
/** Calendar years of each era (2022 runs on; a few years are enough). */
const YEARS: Record<OracleRuleSetId, { min: number; max: number }> = {
  'ziyang-2017': { min: 2017, max: 2020 },
  'ziyang-2022': { min: 2022, max: 2026 },
};
/** docs/claim.md item categories, by id and by national code. */
const ITEM_CATEGORIES = [
  'bed',
  'consultation',
  'exam',
  'lab',
  'treatment',
  'surgery',
  'nursing',
  'material',
  'western-drug',
  'herbal-drug',
  'patent-drug',
  'general-care',
  'registration',
  'other',
  'drug',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
] as const;

/** Drops the keys whose value is `undefined`, so that left-out fields are really absent. */
function present(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

/** A value or, with weight `absent`, nothing (the field is left out and its default applies). */
function sometimes<T>(arb: fc.Arbitrary<T>, absent = 1, shown = 2): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: shown, arbitrary: arb });
}

/** How large a claim's items are, in fen: from small outpatient bills to very large stays. */
type Scale = 'tiny' | 'small' | 'medium' | 'large' | 'huge';
const SCALE_MAX: Record<Scale, number> = {
  tiny: 100,
  small: 50_000,
  medium: 2_000_000,
  large: 30_000_000,
  huge: 100_000_000,
};

function fenArb(scale: Scale): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: SCALE_MAX[scale] }) },
    // Whole yuan and whole ten-fen amounts, so that "1234" and "1234.5" can be written.
    { weight: 2, arbitrary: fc.integer({ min: 0, max: SCALE_MAX[scale] / 100 }).map((y) => y * 100) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: SCALE_MAX[scale] / 10 }).map((d) => d * 10) },
  );
}

/** docs/claim.md "Money": an amount of fen written as a string (2, 1 or 0 decimals) or a JSON number. */
function amountArb(scale: Scale): fc.Arbitrary<string | number> {
  return fc.tuple(fenArb(scale), fc.integer({ min: 0, max: 9 })).map(([fen, how]) => {
    const yuan = Math.floor(fen / 100);
    const cents = fen % 100;
    if (how <= 1) return fen / 100; // a JSON number: fen / 100 is the double nearest the decimal
    if (how <= 3 && cents === 0) return String(yuan);
    if (how <= 5 && cents % 10 === 0) return `${yuan}.${cents / 10}`;
    return `${yuan}.${String(cents).padStart(2, '0')}`;
  });
}

function itemArb(scale: Scale): fc.Arbitrary<Json> {
  return fc
    .record({
      category: fc.constantFrom(...ITEM_CATEGORIES),
      catalog: fc.oneof(
        { weight: 4, arbitrary: fc.constant('A') },
        { weight: 2, arbitrary: fc.constant('B') },
        { weight: 2, arbitrary: fc.constant('C') },
      ),
      amount: amountArb(scale),
      compliant: fc.oneof(
        { weight: 5, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      necessary: sometimes(fc.boolean()),
    })
    .map(present);
}

/** Where the care happened, relative to the patient's county (so every location class comes up). */
const hospitalArb = fc.record({
  where: fc.oneof(
    { weight: 4, arbitrary: fc.constant('own' as const) },
    { weight: 2, arbitrary: fc.constant('other-ziyang' as const) },
    { weight: 2, arbitrary: fc.constant('sichuan' as const) },
    { weight: 2, arbitrary: fc.constant('other-province' as const) },
  ),
  otherCounty: fc.integer({ min: 1, max: 2 }),
  level: fc.oneof(
    { weight: 2, arbitrary: fc.constant('township') },
    { weight: 3, arbitrary: fc.constant('county') },
    { weight: 3, arbitrary: fc.constant('city') },
    { weight: 2, arbitrary: fc.constant('provincial') },
  ),
  designated: fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  named: fc.boolean(),
});

/** Everything of one claim that does not depend on the person-year, drawn before the claim is built. */
const claimPartsArb = fc.record({
  day: fc.integer({ min: 0, max: 365 }),
  stayDays: sometimes(fc.integer({ min: 0, max: 40 })),
  /** A new category from this claim on (2022: category changes within the year). */
  newCategory: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 }) },
  ),
  kind: fc.oneof(
    { weight: 4, arbitrary: fc.constant('inpatient') },
    { weight: 2, arbitrary: fc.constant('delivery') },
    { weight: 3, arbitrary: fc.constant('special-outpatient') },
    { weight: 2, arbitrary: fc.constant('general-outpatient') },
  ),
  chronic: sometimes(fc.boolean()),
  majorDisease: sometimes(fc.boolean()),
  referral: sometimes(fc.constantFrom('none', 'referred', 'emergency')),
  deliveryMode: fc.constantFrom('vaginal', 'cesarean'),
  /** docs/claim.md's own example carries a deliveryMode on an inpatient claim: sometimes do so too. */
  strayDeliveryMode: fc.integer({ min: 0, max: 9 }),
  hospital: hospitalArb,
  scale: fc.oneof(
    { weight: 1, arbitrary: fc.constant<Scale>('tiny') },
    { weight: 3, arbitrary: fc.constant<Scale>('small') },
    { weight: 4, arbitrary: fc.constant<Scale>('medium') },
    { weight: 2, arbitrary: fc.constant<Scale>('large') },
    { weight: 1, arbitrary: fc.constant<Scale>('huge') },
  ),
});

type ClaimParts = typeof claimPartsArb extends fc.Arbitrary<infer T> ? T : never;

const ISO = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** The first discharge date of a year in an era (2017 starts on 2017-03-17). */
function firstDay(rules: OracleRuleSetId, year: number): number {
  return rules === 'ziyang-2017' && year === 2017 ? Date.UTC(2017, 2, 17) : Date.UTC(year, 0, 1);
}

/** One person-year: the person, then its claims in order of discharge, ids unique. */
function personYearArb(rules: OracleRuleSetId, claims: { minLength: number; maxLength: number }): fc.Arbitrary<Json[]> {
  return fc
    .record({
      year: fc.integer(YEARS[rules]),
      personNo: fc.integer({ min: 1, max: 999_999 }),
      county: fc.constantFrom(...COUNTIES),
      category: fc.constantFrom(...CATEGORIES[rules]),
      illnessInduced: sometimes(fc.boolean()),
      /** A heavy year: every claim large, so that annual caps and high brackets are reached. */
      heavy: fc.integer({ min: 0, max: 5 }),
      parts: fc.array(claimPartsArb, claims),
      items: fc.array(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 4 }),
            itemArb('tiny'),
            itemArb('small'),
            itemArb('medium'),
            itemArb('large'),
            itemArb('huge'),
          ),
          { minLength: 1, maxLength: 7 },
        ),
        {
          minLength: claims.maxLength,
          maxLength: claims.maxLength,
        },
      ),
    })
    .map((py) => {
      const personId = `P-${py.year}-${py.personNo}`;
      const start = firstDay(rules, py.year);
      const end = Date.UTC(py.year, 11, 31);
      const days = Math.round((end - start) / DAY);
      const ordered = [...py.parts].sort((a, b) => a.day - b.day);
      let category = py.category;
      return ordered.map((parts, i) => {
        if (parts.newCategory !== undefined)
          category = CATEGORIES[rules][parts.newCategory % CATEGORIES[rules].length]!;
        const discharged = start + Math.round((parts.day / 365) * days) * DAY;
        return buildClaim(parts, {
          id: `C-${personId}-${i + 1}`,
          person: present({ id: personId, county: py.county, category, illnessInduced: py.illnessInduced }),
          discharged,
          items: py.items[i]!.map(([pick, ...byScale]) => {
            const scale = py.heavy === 0 ? (['large', 'huge', 'huge', 'large', 'medium'] as const)[pick]! : parts.scale;
            return byScale[(['tiny', 'small', 'medium', 'large', 'huge'] as const).indexOf(scale)]!;
          }),
        });
      });
    });
}

function buildClaim(parts: ClaimParts, fixed: { id: string; person: Json; discharged: number; items: Json[] }): Json {
  const county = fixed.person.county as (typeof COUNTIES)[number];
  const others = COUNTIES.filter((c) => c !== county);
  const h = parts.hospital;
  const area = h.where === 'own' ? county : h.where === 'other-ziyang' ? others[h.otherCounty - 1]! : h.where;
  const delivery = parts.kind === 'delivery';
  return {
    id: fixed.id,
    person: fixed.person,
    visit: present({
      kind: parts.kind,
      admitted: parts.stayDays === undefined ? undefined : ISO(fixed.discharged - parts.stayDays * DAY),
      discharged: ISO(fixed.discharged),
      chronic: parts.chronic,
      majorDisease: parts.majorDisease,
      referral: parts.referral,
      deliveryMode: delivery || parts.strayDeliveryMode === 0 ? parts.deliveryMode : undefined,
    }),
    hospital: present({
      id: `H-${area}-${h.level}`,
      name: h.named ? `${area} ${h.level} hospital` : undefined,
      level: h.level,
      area,
      designated: h.designated,
    }),
    items: fixed.items,
  };
}

/**
 * One valid claim of `ziyang-2017` (discharged 2017-03-17 … 2020-12-31).
 * @example fc.assert(fc.property(arbClaim2017, (claim) => { oracleSettle(claim, undefined); }))
 */
export const arbClaim2017: fc.Arbitrary<Json> = personYearArb('ziyang-2017', { minLength: 1, maxLength: 1 }).map(
  (claims) => claims[0]!,
);

/**
 * One valid claim of `ziyang-2022` (discharged 2022 or later).
 * @example fc.assert(fc.property(arbClaim2022, (claim) => { oracleSettle(claim, undefined); }))
 */
export const arbClaim2022: fc.Arbitrary<Json> = personYearArb('ziyang-2022', { minLength: 1, maxLength: 1 }).map(
  (claims) => claims[0]!,
);

/**
 * The claims of one person-year of either era (1–6 claims, in discharge order, unique ids,
 * categories sometimes changing within the year).
 * @example fc.assert(fc.property(arbPersonYear, (claims) => { oracleSettleSequence(claims); }))
 */
export const arbPersonYear: fc.Arbitrary<Json[]> = fc.oneof(
  personYearArb('ziyang-2017', { minLength: 1, maxLength: 6 }),
  personYearArb('ziyang-2022', { minLength: 1, maxLength: 6 }),
);

/**
 * `count` person-years drawn with a fixed seed: the same seed gives the same claims.
 * @example samplePersonYears(42, 100).flat().length
 */
export function samplePersonYears(seed: number, count: number): Json[][] {
  return fc.sample(arbPersonYear, { seed, numRuns: count });
}
