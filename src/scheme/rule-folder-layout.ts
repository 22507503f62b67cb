/**
 * Which files of a folder tree make which rule set: the one reading of a rule folder's layout,
 * shared by the folders read from disk (src/node/load-rule-folder.ts) and the embedded rule book
 * generated from `rules/` (scripts/embed-rules.ts). Pure: it works on relative paths written with
 * `/`, so that it runs in a browser too.
 *
 * - A **rule-set folder** is any folder that holds a `ruleset.json`, at any depth.
 * - Its **rule files** are its JSON files at any depth, except those under `tests/` (worked cases,
 *   `rules test`), `schema/` (editor schemas) and any folder that is a rule-set folder of its own.
 *   A JSON file that is not a file of the format is then reported, never silently skipped.
 * - `extends` is a path relative to the folder that writes it, followed at most
 *   {@link MAX_EXTENDS_DEPTH} folders deep.
 */

/**
 * How many folders an `extends` chain may hold (a longer chain is almost surely a loop).
 *
 * @example
 * if (chain.length >= MAX_EXTENDS_DEPTH) refuse('"extends" goes too deep');
 */
export const MAX_EXTENDS_DEPTH = 16;

/**
 * Folders that hold no rule files: worked cases, editor schemas, and what is not the author's (`node_modules`, `.git` …).
 *
 * @example
 * isSkippedFolder('tests') // true
 * isSkippedFolder('tiers') // false
 */
export function isSkippedFolder(name: string): boolean {
  return name === 'tests' || name === 'schema' || name === 'node_modules' || name.startsWith('.');
}

/**
 * The rule-set folders of a tree, given the relative paths of its files: every folder holding a
 * `ruleset.json` (`''` for the root), outside skipped folders, sorted.
 *
 * @example
 * ruleSetFoldersOf(['ziyang-2017/ruleset.json', 'ziyang-2017/bill.json', 'schema/x.json']) // ["ziyang-2017"]
 */
export function ruleSetFoldersOf(paths: readonly string[]): string[] {
  return paths
    .filter((p) => (p === 'ruleset.json' || p.endsWith('/ruleset.json')) && !inSkippedFolder(p))
    .map((p) => p.slice(0, -'ruleset.json'.length).replace(/\/$/, ''))
    .sort();
}

/**
 * The rule files of one rule-set folder of a tree, relative to that folder, sorted: its JSON files
 * at any depth, not under a skipped folder nor under another rule-set folder.
 *
 * @example
 * ruleFilesOf(['a/ruleset.json', 'a/tiers/x.json', 'a/tests/01.json', 'a/b/ruleset.json'], 'a') // ["ruleset.json", "tiers/x.json"]
 */
export function ruleFilesOf(paths: readonly string[], folder: string): string[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const sets = ruleSetFoldersOf(paths).filter((s) => s !== folder && (folder === '' || s.startsWith(prefix)));
  return paths
    .filter((p) => p.startsWith(prefix) && p.endsWith('.json'))
    .map((p) => p.slice(prefix.length))
    .filter((p) => !inSkippedFolder(p) && !sets.some((s) => `${prefix}${p}`.startsWith(`${s}/`)))
    .sort();
}

/**
 * The folder an `extends` names, relative to the tree's root (`null` when it leaves the tree).
 *
 * @example
 * extendsFolder('ziyang-2022', '../ziyang-2017') // "ziyang-2017"
 * extendsFolder('cities/anyue', '../../ziyang-2022') // "ziyang-2022"
 */
export function extendsFolder(folder: string, rel: string): string | null {
  const parts = folder === '' ? [] : folder.split('/');
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.pop() === undefined) return null;
  }
  return parts.join('/');
}

function inSkippedFolder(path: string): boolean {
  return path.split('/').slice(0, -1).some(isSkippedFolder);
}
