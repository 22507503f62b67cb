/**
 * Dated parameters: the one place that knows how a value is chosen for a date, and the one walk
 * that finds every dated parameter of a rule folder (with the clause that governs it).
 */
import type { RuleFiles } from './types.js';

/** A dated parameter as written: provenance and `values` keyed by the first date they apply to. */
export interface DatedNode {
  readonly source: 'seed' | 'assumed';
  readonly verified?: boolean;
  readonly values: Readonly<Record<string, unknown>>;
}

/** Where a dated parameter stands in a rule folder. */
export interface DatedParameter {
  readonly file: string;
  readonly path: readonly PropertyKey[];
  /** The clause of the nearest enclosing object that names one. */
  readonly clause: string;
  readonly node: DatedNode;
}

/**
 * The value in force on `date`: the one with the latest key on or before it, or `undefined`.
 *
 * @example
 * valueOn({ '2017-03-17': '0.20', '2019-01-01': '0.30' }, '2018-06-01') // "0.20"
 */
export function valueOn<T>(values: Readonly<Record<string, T>>, date: string): T | undefined {
  let best: string | undefined;
  for (const d of Object.keys(values)) if (d <= date && (best === undefined || d > best)) best = d;
  return best === undefined ? undefined : values[best];
}

/**
 * Visits every dated parameter of a rule folder, in file and document order. Conditions (`when`)
 * hold no parameters and are not entered.
 *
 * @example
 * forEachParameter(files, (p) => console.log(p.file, p.path, Object.keys(p.node.values)));
 */
export function forEachParameter(files: RuleFiles, visit: (p: DatedParameter) => void): void {
  const walk = (file: string, node: unknown, path: PropertyKey[], clause: string): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach((x, i) => walk(file, x, [...path, i], clause));
    const obj = node as Record<string, unknown>;
    const here = typeof obj.clause === 'string' ? obj.clause : clause;
    if ((obj.source === 'seed' || obj.source === 'assumed') && typeof obj.values === 'object' && obj.values !== null) {
      return visit({ file, path, clause: here, node: obj as unknown as DatedNode });
    }
    for (const [k, v] of Object.entries(obj)) if (k !== 'when') walk(file, v, [...path, k], here);
  };
  for (const [file, content] of Object.entries(files) as [string, unknown][]) walk(file, content, [], '');
}
