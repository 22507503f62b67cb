/**
 * A seeded, deterministic generator of synthetic claims from the plan's figures (county split,
 * share of illness-induced poverty) and the assumed distributions of seeds/population.json.
 *
 * Claims come person by person, each person's claims of each year in discharge order, so a
 * stream of any length is produced in constant memory and settles with a ledger per person-year.
 * Over several years a person keeps their county and draws their category each year from the rule
 * set in force (so 2019–2023 spans both shipped schemes; a year no rule set covers, 2021, has no
 * claims). Counties and areas come from the rule set's scheme, item categories are national codes.
 * Floats are used only to draw random shapes; every amount is a whole number of fen before it is
 * written as a contract string.
 */
import type { RuleBook } from '../src/scheme/book.js';
import { policyOn } from '../src/scheme/book.js';
import { defaultRules } from '../src/scheme/embedded.js';
import population from './population.json';

/** Options of the generator. */
export interface GeneratorOptions {
  /** How many claims to produce. */
  readonly claims: number;
  /** The seed: the same seed and options give the same claims, byte for byte. */
  readonly seed?: number;
  /** The calendar year of the discharge dates (default 2018). */
  readonly year?: number;
  /** Or a span of years, each person having claims in each year a rule set covers. */
  readonly years?: readonly [number, number];
  /** The rule book whose schemes give the counties, areas and categories (default: the embedded one). */
  readonly rules?: RuleBook;
  /** Replace any distribution of population.json (same shapes). */
  readonly population?: Partial<Population>;
}

/** The distributions the generator draws from. */
export type Population = typeof population;

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; deterministic across platforms. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Yields `options.claims` synthetic claims (contract JSON objects).
 *
 * @example
 * for (const claim of generateClaims({ claims: 1000, seed: 7 })) write(JSON.stringify(claim));
 */
export function* generateClaims(options: GeneratorOptions): Generator<Record<string, unknown>> {
  for (const [, claim] of generateNumberedClaims(options)) yield claim;
}

/**
 * Yields the claims of `generateClaims(options)` as `[line, claim]`, the line being the claim's
 * place in the whole stream (1 for the first), keeping only the persons `keep` accepts. A person
 * left out costs only the random draws their claims would have taken, the same draws in the same
 * order, so the claims kept are byte for byte those of the whole stream: a worker of the
 * workbench page settling a share of the persons generates only that share (docs/app.md,
 * "Speed").
 *
 * @example
 * for (const [line, claim] of generateNumberedClaims({ claims: 1000 }, (id) => id.endsWith('7'))) sim.add(claim, line);
 */
export function* generateNumberedClaims(
  options: GeneratorOptions,
  keep: (personId: string) => boolean = () => true,
): Generator<[number, Record<string, unknown>]> {
  const pop: Population = { ...population, ...options.population };
  const rnd = prng(options.seed ?? 1);
  const book = options.rules ?? defaultRules();
  const [firstYear, lastYear] = options.years ?? [options.year ?? 2018, options.year ?? 2018];
  /** The years a rule set covers, with its scheme's values the generator draws from. */
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i).flatMap((year) => {
    const policy = policyOn(book, `${year}-07-01`);
    if (!policy) return [];
    const s = policy.scheme;
    const weights =
      (pop.categoryWeights.values as Record<string, Record<string, number>>)[policy.id] ??
      Object.fromEntries([...s.categories.keys()].map((c) => [c, 1]));
    const elsewhere = (location: string) => [...s.areas.values()].find((a) => a.location === location)?.id;
    const day0 =
      policy.version > `${year}-01-01`
        ? Math.round((Date.parse(policy.version) - Date.UTC(year, 0, 1)) / 86_400_000) + 1
        : 1;
    return [
      {
        year,
        counties: [...s.counties.keys()],
        categories: weights,
        inProvince: elsewhere('in-province'),
        outOfProvince: elsewhere('out-of-province'),
        day0,
      },
    ];
  });
  if (years.length === 0) throw new RangeError(`no rule set covers ${firstYear}–${lastYear}`);
  // A table of weights is read once (its entries and their sum, in the same order and so the same
  // float sum): the tables are the population's, fixed for the run, and this was a third of the time.
  const tables = new WeakMap<object, { entries: [string, number][]; total: number }>();
  const pick = <K extends string>(weights: Readonly<Record<K, number>>): K => {
    let table = tables.get(weights);
    if (!table) {
      const entries = Object.entries(weights) as [string, number][];
      table = { entries, total: entries.reduce((s, [, w]) => s + w, 0) };
      tables.set(weights, table);
    }
    const entries = table.entries as [K, number][];
    let x = rnd() * table.total;
    for (const [k, w] of entries) if ((x -= w) < 0) return k;
    return entries[entries.length - 1]![0];
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  /** Poisson by inversion (Knuth's sum form); the cap keeps a float tail from looping. */
  const poisson = (mean: number): number => {
    const u = rnd();
    let k = 0;
    let p = Math.exp(-mean);
    let s = p;
    while (u > s && k < 100) {
      k++;
      p *= mean / k;
      s += p;
    }
    return k;
  };

  const countyWeights = Object.fromEntries(
    years[0]!.counties.map((c) => [c, (pop.countyWeights.values as Record<string, number>)[c] ?? 1]),
  );
  /** Each day of a year as an ISO date, and each county's neighbours, made once. */
  const isoDays = new Map<number, string[]>();
  const isoDay = (year: number, day: number): string => {
    let days = isoDays.get(year);
    if (!days) isoDays.set(year, (days = []));
    return (days[day] ??= new Date(Date.UTC(year, 0, day)).toISOString().slice(0, 10));
  };
  const neighbours = new Map<string, string[]>();
  const othersOf = (y: (typeof years)[number], county: string): string[] => {
    const key = `${y.year} ${county}`;
    let others = neighbours.get(key);
    if (!others) neighbours.set(key, (others = y.counties.filter((c) => c !== county)));
    return others;
  };

  let made = 0;
  let personNo = 0;
  while (made < options.claims) {
    personNo++;
    const id = `P${String(personNo).padStart(8, '0')}`;
    const kept = keep(id);
    const county = pick(countyWeights);
    for (const y of years) {
      if (made >= options.claims) break;
      const category = pick(y.categories);
      const person = {
        id,
        county,
        category,
        illnessInduced: pop.illnessInducedShare.categories.includes(category) && rnd() < pop.illnessInducedShare.value,
      };
      const n = Math.min(options.claims - made, 1 + poisson(pop.claimsPerPersonYear.value));
      const daysInYear = (y.year % 4 === 0 && y.year % 100 !== 0) || y.year % 400 === 0 ? 366 : 365;
      const days = Array.from({ length: n }, () => y.day0 + Math.floor(rnd() * (daysInYear - y.day0 + 1))).sort(
        (a, b) => a - b,
      );
      if (!kept) {
        for (let k = 0; k < n; k++) claimFor(y, person, days[k]!, '', false);
        made += n;
        continue;
      }
      for (let k = 0; k < n; k++) {
        made++;
        yield [made, claimFor(y, person, days[k]!, `C${y.year}-${String(made).padStart(9, '0')}`)!];
      }
    }
  }

  /**
   * One claim of a person on a day. Every draw is taken whether or not the claim is built
   * (`build` false: a person left out), in the same order, so the stream stays the same.
   */
  function claimFor(
    y: (typeof years)[number],
    person: { id: string; county: string; category: string; illnessInduced: boolean },
    day: number,
    id: string,
    build = true,
  ): Record<string, unknown> | undefined {
    const kind = pick(pop.visitKindWeights.values);
    const location = kind === 'general-outpatient' ? 'in-county' : pick(pop.locationWeights.values);
    const others = othersOf(y, person.county);
    const area =
      location === 'in-county' || (location === 'in-city' && others.length === 0)
        ? person.county
        : location === 'in-city'
          ? others[Math.floor(rnd() * others.length)]!
          : ((location === 'in-province' ? y.inProvince : y.outOfProvince) ?? person.county);
    const level =
      kind === 'general-outpatient'
        ? 'township'
        : location === 'in-county'
          ? pick(pop.inCountyLevelWeights.values)
          : location === 'in-city'
            ? (['county', 'city'] as const)[Math.floor(rnd() * 2)]!
            : (['city', 'provincial'] as const)[Math.floor(rnd() * 2)]!;
    const v = pop.visits.values;
    const out = location !== 'in-county';
    const stay = kind === 'inpatient' || kind === 'delivery' ? Math.floor(rnd() * 12) : 0;
    const chronic = kind === 'special-outpatient' && rnd() < v.chronicShareOfSpecial;
    const majorDisease = kind === 'inpatient' && rnd() < v.majorDiseaseShareOfInpatient;
    const referral = out && kind !== 'general-outpatient' ? pick(v.referralOutOfCounty) : 'none';
    const cesarean = kind === 'delivery' && rnd() < v.cesareanShare;
    const notDesignated = rnd() >= pop.designatedShare.value;
    const items = itemsFor(kind, build);
    if (!build) return undefined;
    const visit: Record<string, unknown> = {
      kind,
      admitted: isoDay(y.year, Math.max(1, day - stay)),
      discharged: isoDay(y.year, day),
    };
    if (chronic) visit.chronic = true;
    if (majorDisease) visit.majorDisease = true;
    if (referral !== 'none') visit.referral = referral;
    if (kind === 'delivery') visit.deliveryMode = cesarean ? 'cesarean' : 'vaginal';
    const hospital: Record<string, unknown> = { id: `H-${area}-${level}`, level, area };
    if (notDesignated) hospital.designated = false;
    return { id, person, visit, hospital, items };
  }

  /** A bill of one visit kind split into items (drawn, and built when `build`; none otherwise). */
  function itemsFor(kind: keyof Population['bill']['values'], build: boolean) {
    const b = pop.bill.values[kind];
    const totalFen = Math.max(100, Math.min(b.cap * 100, Math.round(b.median * 100 * Math.exp(b.sigma * normal()))));
    const it = pop.items.values;
    const n = 1 + Math.floor(rnd() * it.maxItems);
    const cuts = Array.from({ length: n - 1 }, () => Math.floor(rnd() * totalFen)).sort((a, c) => a - c);
    const parts = [...cuts, totalFen].map((c, i) => c - (i === 0 ? 0 : cuts[i - 1]!));
    const items: Record<string, unknown>[] = [];
    for (const fen of parts) {
      const catalog = pick(it.catalogWeights);
      const category = rnd() < it.drugShare ? pick(it.drugCategoryWeights) : pick(it.otherCategoryWeights);
      const necessary = catalog === 'C' && rnd() < it.necessaryShareOfC;
      const nonCompliant = rnd() < it.nonCompliantShare;
      if (!build) continue;
      const item: Record<string, unknown> = {
        category,
        catalog,
        amount: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`,
      };
      if (necessary) item.necessary = true;
      if (nonCompliant) item.compliant = false;
      items.push(item);
    }
    return items;
  }
}
