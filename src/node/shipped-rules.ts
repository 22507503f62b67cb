/**
 * Where the package's own rule folders are on disk (`rules/` beside `dist/`, or beside `src/` when
 * running from source): the embedded rules are compiled into the library, but their worked cases
 * (`tests/`) and editor schemas are read from there. Node only.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The package's `rules/` folder, or `undefined` when the package was installed without it.
 *
 * @example
 * shippedRulesFolder() // "/…/node_modules/bashunwei/rules"
 */
export function shippedRulesFolder(): string | undefined {
  for (const rel of ['../rules', '../../rules']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}/ziyang-2017/ruleset.json`)) return dir.replace(/\/$/, '');
  }
  return undefined;
}
