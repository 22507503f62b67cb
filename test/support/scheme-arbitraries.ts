/**
 * fast-check generators of valid claims for any rule book, from its own vocabulary: counties,
 * areas and categories of the rule set in force on each generated discharge date, every contract
 * value (visit kinds, levels, referrals, item categories by id or national code), bills from fen
 * to millions. Used to hold a scheme that is only data (the made-up third scheme) to docs/policy-2017.md §5.
 */
import fc from 'fast-check';
import { CATALOGS, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from '../../src/claim/enums.js';
import { ITEM_CATEGORY_VALUES } from '../../src/claim/item-categories.js';
import type { RuleBook } from '../../src/scheme/book.js';
import type { RuleSet } from '../../src/scheme/compile.js';

const amountArb = fc
  .oneof(
    fc.integer({ min: 0, max: 100_000 }),
    fc.integer({ min: 0, max: 10_000_000 }),
    fc.integer({ min: 0, max: 300_000_000 }),
  )
  .map((f) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`);

/** A discharge date inside a rule set's period: in one year, or in its first `years` years. */
function dateIn(set: RuleSet, years: number, year?: number) {
  const first = Number(set.inForce.from.slice(0, 4));
  const lo = year === undefined ? set.inForce.from : [`${year}-01-01`, set.inForce.from].sort()[1]!;
  const hi = [year === undefined ? `${first + years - 1}-12-31` : `${year}-12-31`, set.inForce.to].sort()[0]!;
  const from = Date.parse(`${lo}T00:00:00Z`);
  const to = Date.parse(`${hi}T00:00:00Z`);
  return fc
    .integer({ min: 0, max: Math.floor((to - from) / 86_400_000) })
    .map((d) => new Date(from + d * 86_400_000).toISOString().slice(0, 10));
}

/**
 * One valid claim of one of the book's rule sets (its values taken from that rule set's scheme).
 *
 * @example
 * fc.sample(claimArbOf(book), 3)
 */
export function claimArbOf(book: RuleBook, years = 3, personIds: readonly string[] = ['P1', 'P2']) {
  return fc.constantFrom(...book.sets).chain((set) => claimOfSet(set, years, personIds));
}

function claimOfSet(set: RuleSet, years: number, personIds: readonly string[], year?: number) {
  const s = set.scheme;
  return fc
    .record({
      id: fc.uuid(),
      person: fc.record({
        id: fc.constantFrom(...personIds),
        county: fc.constantFrom(...s.counties.keys()),
        category: fc.constantFrom(...s.categories.keys()),
        illnessInduced: fc.boolean(),
      }),
      visit: fc.record({
        kind: fc.constantFrom(...VISIT_KINDS),
        discharged: dateIn(set, years, year),
        chronic: fc.boolean(),
        majorDisease: fc.boolean(),
        referral: fc.constantFrom(...REFERRALS),
        deliveryMode: fc.constantFrom('vaginal', 'cesarean'),
      }),
      hospital: fc.record({
        level: fc.constantFrom(...HOSPITAL_LEVELS),
        area: fc.constantFrom(...s.areas.keys()),
        designated: fc.constantFrom(true, true, true, false),
      }),
      items: fc.array(
        fc.record({
          category: fc.constantFrom(...ITEM_CATEGORY_VALUES),
          catalog: fc.constantFrom(...CATALOGS),
          amount: amountArb,
          compliant: fc.constantFrom(true, true, true, false),
          necessary: fc.boolean(),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    })
    .map((c) => (c.visit.kind === 'delivery' ? c : { ...c, visit: { ...c.visit, deliveryMode: undefined } }))
    .map((c) => JSON.parse(JSON.stringify(c)) as Record<string, unknown>);
}

/**
 * 1–6 claims of one person in one calendar year of one rule set (ids unique, in date order).
 *
 * @example
 * fc.sample(personYearArbOf(book), 1)
 */
export function personYearArbOf(book: RuleBook, years = 3) {
  return fc
    .constantFrom(...book.sets)
    .chain((set) => {
      const first = Number(set.inForce.from.slice(0, 4));
      const last = Math.min(first + years - 1, Number(set.inForce.to.slice(0, 4)));
      return fc
        .integer({ min: first, max: last })
        .chain((year) => fc.array(claimOfSet(set, years, ['PY'], year), { minLength: 1, maxLength: 6 }));
    })
    .map((cs) => {
      const day = (c: Record<string, unknown>): string => (c.visit as { discharged: string }).discharged;
      return [...cs]
        .sort((a, b) => (day(a) < day(b) ? -1 : 1))
        .map((c, i) => ({ ...c, id: `Y${i}`, person: cs[0]!.person }));
    });
}
