/**
 * A flat list of every dated parameter of a rule folder, with its clause and provenance: what
 * `rules check` prints and what the README's list of assumed values is checked against.
 */
import { formatPath } from '../errors/issue.js';
import type { RuleFileName, RuleFiles } from './schema.js';

/** One parameter of a rule folder. */
export interface ParameterInfo {
  readonly file: RuleFileName;
  readonly path: string;
  readonly clause: string;
  readonly source: 'seed' | 'assumed';
  readonly verified: boolean;
  /** The value of the latest date, as written (JSON for structured values). */
  readonly latest: string;
}

/**
 * Lists every parameter (an object with `source` and dated `values`) of a rule folder.
 *
 * @example
 * listParameters(set.files).filter((p) => p.source === 'assumed')
 */
export function listParameters(files: RuleFiles): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  for (const [file, content] of Object.entries(files) as [RuleFileName, unknown][]) walk(content, [], '', file, out);
  return out;
}

function walk(node: unknown, path: PropertyKey[], clause: string, file: RuleFileName, out: ParameterInfo[]): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((x, i) => walk(x, [...path, i], clause, file, out));
    return;
  }
  const obj = node as Record<string, unknown>;
  const here = typeof obj.clause === 'string' ? obj.clause : clause;
  if ('values' in obj && (obj.source === 'seed' || obj.source === 'assumed')) {
    const values = obj.values as Record<string, unknown>;
    const latest = values[Object.keys(values).sort().at(-1)!];
    out.push({
      file,
      path: formatPath(path),
      clause: here,
      source: obj.source,
      verified: obj.verified !== false,
      latest: typeof latest === 'string' ? latest : JSON.stringify(latest),
    });
    return;
  }
  for (const [k, v] of Object.entries(obj)) if (k !== 'when') walk(v, [...path, k], here, file, out);
}
