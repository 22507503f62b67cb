/**
 * fast-check generators of valid claims and of claim sequences for one person-year, with bills
 * from a few yuan to millions (long tail) and every pathway of the contract.
 */
import fc from 'fast-check';
import { AREAS, CATEGORIES, COUNTIES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from '../src/claim/enums.js';

/** Amounts as contract strings, from fen to millions of yuan. */
export const amountArb = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 50_000 }) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000_000_000 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1, 19_999, 20_000, 20_001, 400_000, 399_999, 1_000_000, 5_000_000, 10_000_000) },
  )
  .map((f) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`);

export const itemArb = fc.record({
  category: fc.constantFrom('drug', 'treatment', 'exam', 'material', 'bed', 'surgery'),
  catalog: fc.constantFrom('A', 'B', 'C'),
  amount: amountArb,
  compliant: fc.constantFrom(true, true, true, true, false),
  necessary: fc.boolean(),
});

export const personArb = fc.record({
  id: fc.constantFrom('P1', 'P2', 'P3'),
  county: fc.constantFrom(...COUNTIES),
  category: fc.constantFrom(...CATEGORIES),
  illnessInduced: fc.boolean(),
});

const dateIn = (year: number) =>
  fc.integer({ min: year === 2017 ? 76 : 1, max: 365 }).map((d) => {
    const t = new Date(Date.UTC(year, 0, d));
    return t.toISOString().slice(0, 10);
  });

export const visitArb = (year: number) =>
  fc
    .record({
      kind: fc.constantFrom(...VISIT_KINDS),
      discharged: dateIn(year),
      chronic: fc.boolean(),
      majorDisease: fc.boolean(),
      referral: fc.constantFrom(...REFERRALS),
      deliveryMode: fc.constantFrom('vaginal', 'cesarean'),
    })
    .map((v) => (v.kind === 'delivery' ? v : { ...v, deliveryMode: undefined }));

export const hospitalArb = fc.record({
  level: fc.constantFrom(...HOSPITAL_LEVELS),
  area: fc.constantFrom(...AREAS),
  designated: fc.constantFrom(true, true, true, true, true, false),
});

/** One valid claim. */
export const claimArb = fc
  .record({
    id: fc.uuid(),
    person: personArb,
    visit: fc.integer({ min: 2017, max: 2020 }).chain(visitArb),
    hospital: hospitalArb,
    items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
  })
  .map((c) => JSON.parse(JSON.stringify(c)) as Record<string, unknown>);

/** 1–6 claims of one person in one year (varied visits and hospitals), ids unique. */
export const yearSequenceArb = fc
  .record({
    person: personArb,
    year: fc.integer({ min: 2017, max: 2020 }),
    n: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ person, year, n }) =>
    fc.array(fc.record({ visit: visitArb(year), hospital: hospitalArb, items: fc.array(itemArb, { minLength: 1, maxLength: 5 }) }), { minLength: n, maxLength: n }).map((cs) =>
      cs.map((c, i) => JSON.parse(JSON.stringify({ id: `S${i}`, person, ...c })) as Record<string, unknown>),
    ),
  );

/** A valid claim with one random change: a key removed, a value replaced, a key added. */
export const mutatedClaimArb = fc.tuple(claimArb, fc.nat(), fc.jsonValue(), fc.constantFrom('remove', 'replace', 'add'), fc.string()).map(([original, pick, value, op, key]) => {
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
  const path = paths[pick % paths.length]!;
  let parent: any = claim;
  for (const k of path.slice(0, -1)) parent = parent[k];
  const last = path[path.length - 1]!;
  if (op === 'remove') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  else if (op === 'replace') parent[last] = value;
  else if (!Array.isArray(parent)) parent[key] = value;
  return claim;
});
