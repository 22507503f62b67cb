/**
 * The walks the rule checks share: every object of a rule file (conditions not entered), and every
 * condition with the point of the waterfall where it is evaluated.
 */
import type { Site } from '../../rule-files/fact-catalog.js';
import type { RuleFiles } from '../../rule-files/types.js';

/**
 * Visits every object of a JSON value, depth first, with its path; a condition (`when`) is not entered.
 *
 * @example
 * walkObjects(tierFile, [], (node, path) => { if ('of' in node) console.log(path, node.of) });
 */
export function walkObjects(
  node: unknown,
  path: PropertyKey[],
  visit: (node: Record<string, unknown>, path: PropertyKey[]) => void,
): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((x, i) => walkObjects(x, [...path, i], visit));
    return;
  }
  const obj = node as Record<string, unknown>;
  visit(obj, path);
  for (const [k, v] of Object.entries(obj)) if (k !== 'when') walkObjects(v, [...path, k], visit);
}

/**
 * One node of a condition tree, where it is written and where it is evaluated.
 *
 * @example
 * { file: 'persons.json', path: ['protected', 'when', 'all', 0], site: 'person', node: { fact: 'group', operator: 'equal', value: 'poor' } }
 */
export interface ConditionNode {
  readonly file: string;
  /** The path of the node in its file (`protected.when.all[0]`). */
  readonly path: readonly PropertyKey[];
  readonly site: Site;
  readonly node: Readonly<Record<string, unknown>>;
}

/**
 * Visits every node of every condition (`when`) of a rule folder, each group (`all`, `any`,
 * `not`) before the conditions inside it, in file and document order.
 *
 * @example
 * forEachCondition(files, ({ file, path, node }) => { if (typeof node.fact === 'string') console.log(file, path, node.fact) });
 */
export function forEachCondition(files: RuleFiles, visit: (c: ConditionNode) => void): void {
  const inside = (file: string, cond: unknown, path: readonly PropertyKey[], site: Site): void => {
    if (typeof cond !== 'object' || cond === null) return;
    const c = cond as Record<string, unknown>;
    visit({ file, path, site, node: c });
    if (Array.isArray(c.all)) c.all.forEach((x, i) => inside(file, x, [...path, 'all', i], site));
    else if (Array.isArray(c.any)) c.any.forEach((x, i) => inside(file, x, [...path, 'any', i], site));
    else if (c.not !== undefined) inside(file, c.not, [...path, 'not'], site);
  };
  for (const [file, content] of Object.entries(files) as [string, unknown][])
    walkObjects(content, [], (node, path) => {
      if ('when' in node) inside(file, node.when, [...path, 'when'], siteOf(file, path));
    });
}

/** Where the waterfall evaluates a condition of a file (the facts known there differ). */
function siteOf(file: string, path: readonly PropertyKey[]): Site {
  if (file === 'persons.json') return 'person';
  if (file === 'location.json') return path[0] === 'overrides' ? 'location' : 'level';
  if (file === 'bill.json' && path[0] === 'hospitalAbsorbed') return 'item';
  return 'tier';
}

/**
 * The fact a condition node reads, when it is a comparison (not a group `all`, `any` or `not`).
 *
 * @example
 * factOf({ fact: 'county', operator: 'equal', value: 'anyue' }) // "county"
 * factOf({ all: [] }) // undefined
 */
export function factOf(node: Readonly<Record<string, unknown>>): string | undefined {
  if (Array.isArray(node.all) || Array.isArray(node.any) || node.not !== undefined) return undefined;
  return typeof node.fact === 'string' ? node.fact : undefined;
}
