/**
 * The engine as it was before issue 10 (schemes as data), built from git into .bench/previous, so
 * that `npm run bench` measures the current engine against it in the same run on the same claims
 * ("no slowdown"). The old engine knows only the 2017 scheme and reads any item category as a
 * string (only "drug" being a drug), so its claims are given with the drug codes written "drug".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { itemCategoryOf, isDrugCategory } from '../src/claim/item-categories.js';

/** The last commit before the generic engine: the 2017-only engine of issue 4's benchmarks. */
export const PREVIOUS_ENGINE_COMMIT = '43f06435f26c8d6a41469626510b16399fddc7c2';

/** What the bench uses of the previous engine's public API. */
export interface PreviousEngine {
  settle(input: unknown): { ok: boolean };
  parseClaim(input: unknown): { ok: true; value: unknown } | { ok: false };
  defaultRules(): unknown;
  createSimulation(options: { variants: { name: string; rules: unknown }[] }): { addValid(claim: unknown): void };
}

/**
 * Builds (once) and imports the previous engine.
 *
 * @example
 * const old = await previousEngine(); old.settle(claim)
 */
export async function previousEngine(log: (s: string) => void): Promise<PreviousEngine> {
  const dir = resolve('.bench/previous');
  if (!existsSync(`${dir}/dist/index.js`)) {
    log(`building the previous engine (${PREVIOUS_ENGINE_COMMIT.slice(0, 7)}) in .bench/previous…`);
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${PREVIOUS_ENGINE_COMMIT} | tar -x -C ${dir}`]);
    if (!existsSync(`${dir}/node_modules`)) symlinkSync(resolve('node_modules'), `${dir}/node_modules`);
    execFileSync('npx', ['tsup', '--silent'], { cwd: dir, stdio: 'ignore' });
  }
  return (await import(pathToFileURL(`${dir}/dist/index.js`).href)) as PreviousEngine;
}

/**
 * A claim as the previous engine reads it: item categories as ids, every drug written "drug".
 *
 * @example
 * forPrevious(claim).items[0].category // "drug" for "09"
 */
export function forPrevious(claim: Record<string, unknown>): Record<string, unknown> {
  const items = (claim.items as Record<string, unknown>[]).map((it) => {
    const id = itemCategoryOf(it.category) ?? String(it.category);
    return { ...it, category: isDrugCategory(id) ? 'drug' : id };
  });
  return { ...claim, items };
}
