/**
 * The engine as it was before rule sets were compiled and claims settled from records (issue 23:
 * an interpretive waterfall over claim objects, the simulation spilling JSON lines), built from
 * git into .bench/previous, so that `npm run bench` measures the current engine against it in the
 * same run on the same claims. Its library and command take the same claims and options.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The last commit before the compiled engine (the layout of issue 21 in place, the engine of issues 10–15). */
export const PREVIOUS_ENGINE_COMMIT = 'a417ded2f06b0273e5133843d2d107d5a4d15aa3';

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
  const dir = resolve(`.bench/previous-${PREVIOUS_ENGINE_COMMIT.slice(0, 7)}`);
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
 * Where the previous engine's command is (built by {@link previousEngine}).
 *
 * @example
 * execFileSync('node', [previousCli(), 'simulate', file])
 */
export function previousCli(): string {
  return resolve(`.bench/previous-${PREVIOUS_ENGINE_COMMIT.slice(0, 7)}/dist/cli.js`);
}
