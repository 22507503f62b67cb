/**
 * A flat list of every dated parameter of a rule folder, with its clause and provenance: what
 * `rules check` prints and what the README's list of assumed values is checked against.
 */
import { formatPath } from '../errors/issue.js';
import type { RuleFiles } from './format.js';
import { forEachParameter } from './dated.js';

/** One parameter of a rule folder. */
export interface ParameterInfo {
  readonly file: string;
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
  forEachParameter(files, ({ file, path, clause, node }) => {
    const latest = node.values[Object.keys(node.values).sort().at(-1)!];
    out.push({
      file,
      path: formatPath(path),
      clause,
      source: node.source,
      verified: node.verified !== false,
      latest: typeof latest === 'string' ? latest : JSON.stringify(latest),
    });
  });
  return out;
}
