/**
 * A flat list of every dated parameter of a rule folder, with its clause and provenance: what
 * `rules check` prints and what the README's list of assumed values is checked against.
 */
import { formatPath } from '../errors/issue.js';
import type { RuleFiles } from '../rule-files/types.js';
import { forEachParameter } from '../rule-files/dated.js';

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

/** A rule (a condition, a mapping, a period) whose content is assumed, not a dated value. */
export interface AssumedRule {
  readonly file: string;
  readonly path: string;
  readonly clause: string;
  /** What it says, shortly: its description, or its fields written out. */
  readonly summary: string;
}

/**
 * Lists the assumed rules of a rule folder that are not dated parameters (those are in
 * {@link listParameters}): conditions, periods, the national platform's fund mappings.
 *
 * @example
 * listAssumedRules(set.files).map((r) => `${r.file} ${r.path}`) // ["tiers/basic-insurance.json nhsa", …]
 */
export function listAssumedRules(files: RuleFiles): AssumedRule[] {
  const out: AssumedRule[] = [];
  const walk = (file: string, node: unknown, path: PropertyKey[], clause: string): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const obj = node as Record<string, unknown>;
    const here = typeof obj.clause === 'string' ? obj.clause : clause;
    if ('values' in obj && (obj.source === 'seed' || obj.source === 'assumed')) return;
    if (obj.source === 'assumed') {
      const fields = Object.entries(obj)
        .filter(
          ([k, v]) =>
            !['source', 'verified', 'note', 'description', 'descriptionEn', 'clause', 'when'].includes(k) &&
            typeof v !== 'object',
        )
        .map(([k, v]) => `${k}=${String(v)}`);
      out.push({
        file,
        path: formatPath(path),
        clause: here,
        summary: typeof obj.description === 'string' ? obj.description : fields.join(' '),
      });
    }
    for (const [k, v] of Object.entries(obj)) if (k !== 'when') walk(file, v, [...path, k], here);
  };
  for (const [file, content] of Object.entries(files)) walk(file, content, [], '');
  return out;
}
