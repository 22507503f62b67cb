/**
 * fast-check generators of valid claims and of claim sequences for one person-year, with bills
 * from a few yuan to millions (long tail) and every pathway of the contract, for every rule set of
 * the embedded book: claims of 2017–2020 use the counties, areas and categories of `ziyang-2017`,
 * claims of 2022–2025 those of `ziyang-2022`. The values are read from the book's schemes, not
 * written here, so a scheme that gains a category or a county is generated without a change.
 */
import fc from 'fast-check';
import { ITEM_CATEGORY_VALUES } from '../../src/claim/item-categories.js';
import { CATALOGS, DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from '../../src/claim/enums.js';
import { NO_END } from '../../src/scheme/compile.js';
import { defaultRules } from '../../src/scheme/embedded.js';

/** The last year generated for a rule set with no end date. */
const LAST_OPEN_YEAR = 2025;

/** What claims of one rule set of the embedded book are made of. */
export interface Era {
  readonly id: string;
  /** The first and last discharge dates generated (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly counties: readonly string[];
  /** Every area of care: the counties and the areas elsewhere. */
  readonly areas: readonly string[];
  readonly categories: readonly string[];
}

/**
 * The eras of the embedded rule book, in date order (`ziyang-2017`, `ziyang-2022`).
 *
 * @example
 * ERAS.map((e) => e.id) // ["ziyang-2017", "ziyang-2022"]
 */
export const ERAS: readonly Era[] = defaultRules().sets.map((set) => {
  const to = set.inForce.to === NO_END ? `${LAST_OPEN_YEAR}-12-31` : set.inForce.to;
  return {
    id: set.id,
    from: set.inForce.from,
    to,
    firstYear: Number(set.inForce.from.slice(0, 4)),
    lastYear: Number(to.slice(0, 4)),
    counties: [...set.scheme.counties.keys()],
    areas: [...set.scheme.areas.keys()],
    categories: [...set.scheme.categories.keys()],
  };
});

/**
 * The era of a rule set of the embedded book, by id.
 *
 * @example
 * era('ziyang-2022').categories // ["extreme-poor", "dibao", …]
 */
export function era(id: string): Era {
  const e = ERAS.find((x) => x.id === id);
  if (!e) throw new Error(`no rule set ${id} in the embedded book`);
  return e;
}

/** Amounts as contract strings, from fen to millions of yuan. */
export const amountArb = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 50_000 }) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000_000_000 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(0, 1, 19_999, 20_000, 20_001, 400_000, 399_999, 1_000_000, 5_000_000, 10_000_000),
    },
  )
  .map((f) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`);

/** An item category of the closed contract list, by id or by national code (drugs more often). */
export const itemCategoryArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ITEM_CATEGORY_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom('drug', 'western-drug', '09', '11') },
);

export const itemArb = fc.record({
  category: itemCategoryArb,
  catalog: fc.constantFrom(...CATALOGS),
  amount: amountArb,
  compliant: fc.constantFrom(true, true, true, true, false),
  necessary: fc.boolean(),
});

/** A person of a rule set: one of its counties and of its categories. */
export const personArb = (e: Era) =>
  fc.record({
    id: fc.constantFrom('P1', 'P2', 'P3'),
    county: fc.constantFrom(...e.counties),
    category: fc.constantFrom(...e.categories),
    illnessInduced: fc.boolean(),
  });

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** A discharge date of `year`, within the era's dates (2017 starts on 2017-03-17). */
const dateIn = (e: Era, year: number) => {
  const first = Math.max(utc(`${year}-01-01`), utc(e.from));
  const last = Math.min(utc(`${year}-12-31`), utc(e.to));
  return fc
    .integer({ min: 0, max: Math.round((last - first) / DAY) })
    .map((d) => new Date(first + d * DAY).toISOString().slice(0, 10));
};

export const visitArb = (e: Era, year: number) =>
  fc
    .record({
      kind: fc.constantFrom(...VISIT_KINDS),
      discharged: dateIn(e, year),
      chronic: fc.boolean(),
      majorDisease: fc.boolean(),
      referral: fc.constantFrom(...REFERRALS),
      deliveryMode: fc.constantFrom(...DELIVERY_MODES),
    })
    .map((v) => (v.kind === 'delivery' ? v : { ...v, deliveryMode: undefined }));

/** A hospital of a rule set: any contract level, one of its areas of care. */
export const hospitalArb = (e: Era) =>
  fc.record({
    level: fc.constantFrom(...HOSPITAL_LEVELS),
    area: fc.constantFrom(...e.areas),
    designated: fc.constantFrom(true, true, true, true, true, false),
  });

const yearArb = (e: Era) => fc.integer({ min: e.firstYear, max: e.lastYear });

/** One valid claim of a rule set. */
export const claimOfArb = (e: Era) =>
  fc
    .record({
      id: fc.uuid(),
      person: personArb(e),
      visit: yearArb(e).chain((y) => visitArb(e, y)),
      hospital: hospitalArb(e),
      items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
    })
    .map((c) => JSON.parse(JSON.stringify(c)) as Record<string, unknown>);

/** One valid claim of any rule set of the embedded book (2017–2020 or 2022–2025). */
export const claimArb = fc.oneof(...ERAS.map(claimOfArb));

/** 1–6 claims of one person in one year of a rule set (varied visits and hospitals), ids unique. */
export const yearSequenceOfArb = (e: Era) =>
  fc
    .record({
      person: personArb(e),
      year: yearArb(e),
      n: fc.integer({ min: 1, max: 6 }),
    })
    .chain(({ person, year, n }) =>
      fc
        .array(
          fc.record({
            visit: visitArb(e, year),
            hospital: hospitalArb(e),
            items: fc.array(itemArb, { minLength: 1, maxLength: 5 }),
          }),
          { minLength: n, maxLength: n },
        )
        .map((cs) =>
          cs.map((c, i) => JSON.parse(JSON.stringify({ id: `S${i}`, person, ...c })) as Record<string, unknown>),
        ),
    );

/** 1–6 claims of one person in one year of any rule set of the embedded book. */
export const yearSequenceArb = fc.oneof(...ERAS.map(yearSequenceOfArb));

/** What {@link mutateClaim} does at the path it picks. */
export type Mutation = 'remove' | 'replace' | 'add';

/**
 * A copy of `original` with one change at the `pick`-th path (mod the number of paths): the key
 * removed, its value replaced by `value`, or a key `key` added beside it.
 *
 * @example
 * mutateClaim({ id: 'C1' }, 0, 5, 'replace', '') // { id: 5 }
 */
export function mutateClaim<T>(original: T, pick: number, value: unknown, op: Mutation, key: string): T {
  // A copy: fast-check hands the same value again while shrinking.
  const claim = structuredClone(original);
  const paths: (string | number)[][] = [];
  const walk = (o: unknown, p: (string | number)[]): void => {
    if (typeof o !== 'object' || o === null) return;
    for (const [k, v] of Object.entries(o)) {
      const q = [...p, Array.isArray(o) ? Number(k) : k];
      paths.push(q);
      walk(v, q);
    }
  };
  walk(claim, []);
  if (paths.length === 0) return claim;
  const path = paths[pick % paths.length]!;
  let parent: any = claim;
  for (const k of path.slice(0, -1)) parent = parent[k];
  const last = path[path.length - 1]!;
  if (op === 'remove') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  else if (op === 'replace') parent[last] = value;
  // As JSON.parse adds a key: an own property even for "__proto__" (an assignment would set the prototype).
  else if (!Array.isArray(parent))
    Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  return claim;
}

/** A valid claim with one random change: a key removed, a value replaced, a key added. */
export const mutatedClaimArb = fc
  .tuple(claimArb, fc.nat(), fc.jsonValue(), fc.constantFrom<Mutation>('remove', 'replace', 'add'), fc.string())
  .map(([original, pick, value, op, key]) => mutateClaim(original, pick, value, op, key));

/**
 * Ids at the edge of what an id may hold (docs/claim.md, "Errors": `invalid_id`): a control
 * character (U+0000–U+001F, U+007F) or a lone surrogate put into printable text, and printable text
 * with a surrogate pair (one character beyond U+FFFF), which is a valid id.
 */
export const edgeIdArb = fc
  .tuple(
    fc.string({ maxLength: 6 }),
    fc.oneof(
      fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
      fc.constant('\u007f'),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\ud83d\ude00', '\u00a0', '\u2028', '安'),
    ),
    fc.string({ maxLength: 6 }),
  )
  .map(([a, b, c]) => `${a}${b}${c}`);

/** A valid claim with one of its ids (claim, person or hospital) replaced by an {@link edgeIdArb}. */
export const edgeIdClaimArb = fc
  .tuple(claimArb, fc.constantFrom('id', 'person', 'hospital'), edgeIdArb)
  .map(([original, where, id]) => {
    const claim = structuredClone(original) as Record<string, any>;
    if (where === 'id') claim.id = id;
    else claim[where] = { ...claim[where], id };
    return claim;
  });
