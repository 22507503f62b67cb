/**
 * The mergeable result of a simulation, as a file: what `bashunwei simulate --aggregates-out FILE`
 * writes on each machine of a sharded run and `bashunwei simulate --merge A B C` adds up. The
 * printed report cannot be added up exactly (its percentiles come from histograms), so this file
 * holds the histograms and every sum and count, with a fingerprint of each variant's rules so that
 * parts simulated under other rules are refused rather than added.
 */
import { createHash } from 'node:crypto';
import type { RuleBook } from '../../scheme/book.js';
import type { Fen } from '../../money/fen.js';
import { emptyAggregates } from '../../simulate/core/aggregates.js';
import { dimensionsOf } from '../../simulate/core/dimensions.js';
import type { SimulationResult } from '../../simulate/core/simulation.js';

/** What the file says it is. */
export const AGGREGATES_FORMAT = 'bashunwei-simulation-aggregates';

/** The content of an aggregates file (version 1). */
export interface AggregatesFile {
  readonly format: typeof AGGREGATES_FORMAT;
  readonly version: 1;
  /** The input simulated (its name, for the rejections of a merged report). */
  readonly input: string;
  /** Each variant's name and the fingerprint of its rules (SHA-256 of the rule files). */
  readonly variants: readonly { readonly name: string; readonly rules: string }[];
  /** Finite fund balances of the run, if any (such runs cannot be split into parts). */
  readonly funds: Readonly<Partial<Record<string, Fen>>> | null;
  readonly result: SimulationResult;
}

/**
 * The fingerprint of a rule book: SHA-256 of its rule sets' files.
 *
 * @example
 * rulesFingerprint(defaultRules()) // "3f1a…"
 */
export function rulesFingerprint(book: RuleBook): string {
  return createHash('sha256')
    .update(JSON.stringify(book.sets.map((s) => s.files)))
    .digest('hex');
}

/**
 * The aggregates file of a run.
 *
 * @example
 * writeFileSync('part-1.json', JSON.stringify(aggregatesFile('part-1.ndjson', result, books)));
 */
export function aggregatesFile(
  input: string,
  result: SimulationResult,
  books: readonly RuleBook[],
  funds?: Readonly<Partial<Record<string, Fen>>>,
): AggregatesFile {
  return {
    format: AGGREGATES_FORMAT,
    version: 1,
    input,
    variants: result.variants.map((v, i) => ({ name: v.name, rules: rulesFingerprint(books[i]!) })),
    funds: funds && Object.keys(funds).length > 0 ? funds : null,
    result,
  };
}

/**
 * Reads an aggregates file's JSON for the rule books given now (one per variant): the file, or
 * what is wrong with it. Its sums must have the shape the books give (their tiers, funds and
 * counties); the lists that name them are taken from the books, which the fingerprints pin.
 *
 * @example
 * const part = readAggregatesFile(JSON.parse(text), books);
 * if (typeof part === 'string') fail(part);
 */
export function readAggregatesFile(json: unknown, books: readonly RuleBook[]): AggregatesFile | string {
  const f = json as Partial<AggregatesFile> | null;
  if (typeof f !== 'object' || f === null || f.format !== AGGREGATES_FORMAT)
    return `not an aggregates file of bashunwei simulate (no "format": "${AGGREGATES_FORMAT}")`;
  if (f.version !== 1)
    return `version ${String(f.version)} of the aggregates format is not known (this bashunwei reads version 1)`;
  const r = f.result;
  if (
    typeof f.input !== 'string' ||
    !Array.isArray(f.variants) ||
    typeof r !== 'object' ||
    r === null ||
    !Array.isArray(r.variants) ||
    r.variants.length !== f.variants.length
  ) {
    return 'the file is cut or changed: input, variants and result do not fit together';
  }
  if (r.variants.length !== books.length)
    return `it has ${r.variants.length} variant(s) and ${books.length} rule set(s) are given now (--rules, --baseline): give the same rule folders as the runs`;
  // Other rules first: their sums have other shapes, and that is the thing to say.
  if (f.variants.some((v, i) => v.rules !== rulesFingerprint(books[i]!))) {
    return 'it was simulated under other rules than the ones given now (--rules, --baseline): give the same rule folders as the runs';
  }
  for (const [i, v] of r.variants.entries()) {
    const dims = dimensionsOf(books[i]!);
    const bad = shapeProblem(emptyAggregates(dims), v.aggregates, `result.variants[${i}].aggregates`);
    if (bad) return `the file is cut or changed: ${bad}`;
    (v as { aggregates: { dims: unknown } }).aggregates.dims = dims;
  }
  if (!Number.isSafeInteger(r.lines) || !Array.isArray(r.changed) || !Array.isArray(r.rejections))
    return 'the file is cut or changed: result.lines, changed or rejections';
  if (
    !Array.isArray(r.unlike) ||
    r.unlike.length !== r.variants.length - 1 ||
    !r.unlike.every((x) => Number.isSafeInteger(x) && x >= 0)
  ) {
    return 'the file is cut or changed, or was written before result.unlike (the claims settled by one side only): simulate the shard again';
  }
  return f as AggregatesFile;
}

/** Where `value` departs from the shape of `template` (same keys, same array lengths, safe integers), or undefined. */
function shapeProblem(template: unknown, value: unknown, path: string): string | undefined {
  if (typeof template === 'number') return Number.isSafeInteger(value) ? undefined : `${path} is not a whole number`;
  if (Array.isArray(template)) {
    if (!Array.isArray(value) || value.length !== template.length) return `${path} is not a list of ${template.length}`;
    for (let i = 0; i < template.length; i++) {
      const bad = shapeProblem(template[i], value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path} is not an object`;
  const t = template as Record<string, unknown>;
  const v = value as Record<string, unknown>;
  // `rejected` counts refusals by code: any codes, each a count.
  if (path.endsWith('.rejected'))
    return Object.values(v).every((x) => Number.isSafeInteger(x))
      ? undefined
      : `${path} holds a count that is not a whole number`;
  // The names of the lists (tiers, funds, counties: `dims`) come from the rule books, not from the file.
  const keys = Object.keys(t).filter((k) => k !== 'dims');
  if (Object.keys(v).filter((k) => k !== 'dims').length !== keys.length)
    return `${path} does not have the fields ${keys.join(', ')}`;
  for (const k of keys) {
    const bad = shapeProblem(t[k], v[k], `${path}.${k}`);
    if (bad) return bad;
  }
  return undefined;
}
