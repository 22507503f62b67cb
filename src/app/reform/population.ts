/**
 * The synthetic population of a reform link: exactly what `seeds/generate.ts --claims N --seed S
 * --years Y` writes (Y a year, or a span `FROM-TO`), generated in the browser by the same
 * generator (seeds/generator.ts, README "The synthetic population").
 */
import { policyOn } from '../../scheme/book.js';
import { defaultRules } from '../../scheme/embedded.js';
import type { GeneratorOptions } from '../../../seeds/generator.js';
import { type LinkIssue, isPlainObject, knownKeys } from './link-issue.js';

/** The claims of a link: how many, the seed, the year or span of years (`"2023"`, `"2019-2023"`). */
export interface PopulationSpec {
  readonly claims: number;
  readonly seed: number;
  readonly years: string;
}

/** The most claims a link may ask for: a browser tab holds a million person-years' ledgers comfortably. */
export const MAX_CLAIMS = 1_000_000;
/** What generate.ts uses when a value is not given. */
export const DEFAULT_POPULATION: PopulationSpec = { claims: 2000, seed: 1, years: '2018' };

/**
 * The first and last year of `"2023"` or `"2019-2023"`, or `undefined`.
 *
 * @example
 * yearSpan('2019-2023') // [2019, 2023]
 */
export function yearSpan(years: string): readonly [number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(years);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return from <= to && to - from <= 50 ? [from, to] : undefined;
}

/**
 * Reads a link's `population`, adding its problems to `issues`.
 *
 * @example
 * readPopulation({ claims: 2000, seed: 7, years: '2023' }, issues) // { claims: 2000, seed: 7, years: '2023' }
 */
export function readPopulation(value: unknown, issues: LinkIssue[]): PopulationSpec | undefined {
  if (!isPlainObject(value)) {
    issues.push({
      path: 'population',
      message: {
        zh: '应为对象 { "claims": 件数, "seed": 种子, "years": "2023" }',
        en: 'must be an object { "claims": N, "seed": S, "years": "2023" }',
      },
    });
    return undefined;
  }
  const before = issues.length;
  knownKeys(value, ['claims', 'seed', 'years'], 'population', issues);
  const claims = value.claims;
  if (typeof claims !== 'number' || !Number.isSafeInteger(claims) || claims < 1 || claims > MAX_CLAIMS)
    issues.push({
      path: 'population.claims',
      message: {
        zh: `应为 1 到 ${MAX_CLAIMS.toLocaleString('en')} 之间的整数`,
        en: `must be a whole number from 1 to ${MAX_CLAIMS.toLocaleString('en')}`,
      },
    });
  const seed = value.seed ?? DEFAULT_POPULATION.seed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed))
    issues.push({ path: 'population.seed', message: { zh: '应为整数', en: 'must be a whole number' } });
  // A year may be written as a number; a span is text.
  const years = typeof value.years === 'number' ? String(value.years) : (value.years ?? DEFAULT_POPULATION.years);
  const span = typeof years === 'string' ? yearSpan(years) : undefined;
  if (!span)
    issues.push({
      path: 'population.years',
      message: {
        zh: '应为年份 "2023" 或年份区间 "2019-2023"',
        en: 'must be a year "2023" or a span of years "2019-2023"',
      },
    });
  else if (!coveredYears(span))
    issues.push({
      path: 'population.years',
      message: {
        zh: `内置规则不覆盖 ${years} 的任何一年（ziyang-2017：2017–2020；ziyang-2022：2022 起）`,
        en: `no embedded rule set covers any year of ${years} (ziyang-2017: 2017–2020; ziyang-2022: from 2022)`,
      },
    });
  if (issues.length > before) return undefined;
  return { claims: claims as number, seed: seed as number, years: years as string };
}

/** True when a rule set of the embedded book is in force in the middle of some year of the span (as the generator asks). */
function coveredYears([from, to]: readonly [number, number]): boolean {
  for (let y = from; y <= to; y++) if (policyOn(defaultRules(), `${y}-07-01`)) return true;
  return false;
}

/**
 * The generator's options for a population (a single year as `--year`, a span as `--years`).
 *
 * @example
 * generatorOptions({ claims: 2000, seed: 7, years: '2019-2023' }) // { claims: 2000, seed: 7, years: [2019, 2023] }
 */
export function generatorOptions(p: PopulationSpec): GeneratorOptions {
  const [from, to] = yearSpan(p.years) ?? [2018, 2018];
  return from === to
    ? { claims: p.claims, seed: p.seed, year: from }
    : { claims: p.claims, seed: p.seed, years: [from, to] };
}
