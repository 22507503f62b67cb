/**
 * What changed between two rule folders, value by value: the list a policy officer reads before
 * trusting a reform (and the basis of `bashunwei rules diff`). Generic over JSON trees, so that
 * it survives a redesign of the rule-file format: it knows only that a rule folder is files of
 * JSON, and that an object `values` keyed by dates holds one dated parameter, whose values are
 * compared date by date and each as a whole (a bracket list is one value).
 */

/** One difference between two rule folders. */
export interface RuleDifference {
  /** `changed`: both have it and it differs; `added`: only the second has it; `removed`: only the first. */
  readonly kind: 'changed' | 'added' | 'removed';
  /** The rule file, e.g. `tier-5-tilt-payment.json`. */
  readonly file: string;
  /** The path in the file as parameter changes and `rules check` write it (`ratio`, `tables[3].deductible`, `annualCaps.general-outpatient`); `""` for a whole file. */
  readonly path: string;
  /** The first discharge date of the value, when the difference is one value of a dated parameter. */
  readonly date?: string;
  /** The value in the first folder (absent when added). */
  readonly before?: unknown;
  /** The value in the second folder (absent when removed). */
  readonly after?: unknown;
}

/** Options of {@link diffRuleFiles}. */
export interface DiffOptions {
  /** Keys not compared (default: those starting with `$`, i.e. `$schema` and `$comment`). */
  readonly ignore?: (key: string) => boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A key that reads unambiguously after a dot (the convention of parameter paths: `annualCaps.general-outpatient`). */
const PLAIN_KEY = /^[^.[\]"]+$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const keyPath = (path: string, key: string): string => (PLAIN_KEY.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`);
const isDatedValues = (x: unknown): x is Record<string, unknown> => isObject(x) && Object.keys(x).length > 0 && Object.keys(x).every((k) => DATE.test(k));
const isPrimitiveList = (x: unknown): boolean => Array.isArray(x) && x.every((e) => typeof e !== 'object' || e === null);

/**
 * True when two JSON values are equal (object keys in any order).
 *
 * @example
 * sameJson({ a: [1, "x"] }, { a: [1, "x"] }) // true
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

/**
 * The differences between two rule folders (file name → parsed JSON, or its text), in the first
 * folder's file and document order, then what only the second has.
 *
 * @example
 * diffRuleFiles(baseline.sets[0].files, reform.sets[0].files)
 * // [{ kind: "changed", file: "tier-5-tilt-payment.json", path: "ratio", date: "2017-03-17", before: "0.20", after: "0.40" }]
 */
export function diffRuleFiles(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>, options: DiffOptions = {}): RuleDifference[] {
  const ignore = options.ignore ?? ((k: string) => k.startsWith('$'));
  const out: RuleDifference[] = [];
  const parse = (x: unknown): unknown => (typeof x === 'string' ? (JSON.parse(x) as Json) : x);

  const walk = (file: string, path: string, x: unknown, y: unknown): void => {
    if (sameJson(x, y)) return;
    if (isDatedValues(x) && isDatedValues(y)) {
      // One dated parameter: each date's value is one value, whatever its shape.
      const dates = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
      for (const date of dates) {
        if (!Object.hasOwn(y, date)) out.push({ kind: 'removed', file, path, date, before: x[date] });
        else if (!Object.hasOwn(x, date)) out.push({ kind: 'added', file, path, date, after: y[date] });
        else if (!sameJson(x[date], y[date])) out.push({ kind: 'changed', file, path, date, before: x[date], after: y[date] });
      }
      return;
    }
    if (isObject(x) && isObject(y)) {
      for (const k of Object.keys(x)) {
        if (ignore(k)) continue;
        const p = keyPath(path, k);
        if (!Object.hasOwn(y, k)) out.push({ kind: 'removed', file, path: p, before: x[k] });
        // `values` of a dated parameter is named by the parameter's path, as parameter changes name it.
        else walk(file, k === 'values' && isDatedValues(x[k]) && isDatedValues(y[k]) ? path : p, x[k], y[k]);
      }
      for (const k of Object.keys(y)) if (!ignore(k) && !Object.hasOwn(x, k)) out.push({ kind: 'added', file, path: keyPath(path, k), after: y[k] });
      return;
    }
    // Lists of objects (conditions, tables) are compared entry by entry; a list of plain values
    // (the categories a condition admits) is one value.
    if (Array.isArray(x) && Array.isArray(y) && !(isPrimitiveList(x) && isPrimitiveList(y))) {
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const p = `${path}[${i}]`;
        if (i >= y.length) out.push({ kind: 'removed', file, path: p, before: x[i] });
        else if (i >= x.length) out.push({ kind: 'added', file, path: p, after: y[i] });
        else walk(file, p, x[i], y[i]);
      }
      return;
    }
    out.push({ kind: 'changed', file, path, before: x, after: y });
  };

  for (const name of Object.keys(a)) {
    if (!Object.hasOwn(b, name)) out.push({ kind: 'removed', file: name, path: '', before: parse(a[name]) });
    else walk(name, '', parse(a[name]), parse(b[name]));
  }
  for (const name of Object.keys(b)) if (!Object.hasOwn(a, name)) out.push({ kind: 'added', file: name, path: '', after: parse(b[name]) });
  return out;
}
