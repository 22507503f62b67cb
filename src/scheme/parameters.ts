/**
 * A flat list of every dated parameter of a rule folder, with its clause and provenance: what
 * `rules check` prints and what the README's list of assumed values is checked against. A
 * folder's inline patches (ruleset.json `patches`) are listed where they land, in the merged
 * files, never again at their place in ruleset.json.
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
  /** Every dated value, by date: the first discharge date it applies to and the value as written (JSON for structured values). */
  readonly values: readonly { readonly date: string; readonly value: string }[];
}

/**
 * A rule folder's files with its ruleset.json's inline `patches` left out: they are already merged
 * into the files they patch, where every list and check finds them.
 *
 * @example
 * withoutInlinePatches(set.files)['ruleset.json'].patches // undefined
 */
export function withoutInlinePatches(files: RuleFiles): RuleFiles {
  const rs = files['ruleset.json'] as RuleFiles['ruleset.json'] & { patches?: unknown };
  if (rs.patches === undefined) return files;
  const { patches: _, ...own } = rs;
  return { ...files, 'ruleset.json': own as RuleFiles['ruleset.json'] };
}

/**
 * Lists every parameter (an object with `source` and dated `values`) of a rule folder.
 *
 * @example
 * listParameters(set.files).filter((p) => p.source === 'assumed')
 */
export function listParameters(files: RuleFiles): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  const written = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
  forEachParameter(withoutInlinePatches(files), ({ file, path, clause, node }) => {
    const values = Object.keys(node.values)
      .sort()
      .map((date) => ({ date, value: written(node.values[date]) }));
    out.push({
      file,
      path: formatPath(path),
      clause,
      source: node.source,
      verified: node.verified !== false,
      latest: values.at(-1)!.value,
      values,
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
  for (const [file, content] of Object.entries(withoutInlinePatches(files))) walk(file, content, [], '');
  return out;
}
