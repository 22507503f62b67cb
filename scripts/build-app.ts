/**
 * Builds the policy workbench (src/app, docs/app.md) into a folder of static files: the page
 * (index.html, app.css, icon.svg, copied as they are), its script (app.js) and its simulation
 * worker (worker.js), bundled by esbuild for browsers with the code they share in chunks, minified,
 * no source maps (the page loads nothing it does not need). `npm run build` runs it after tsup
 * into dist/app (tsup.config.ts); the browser tests and `npm run bench:app` build into a folder of
 * their own.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/** The project's root (this file is in scripts/). */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The page's static files, copied as they are. */
const STATIC = join(ROOT, 'src', 'app', 'static');

/** How esbuild bundles the page's scripts (the output folder aside). */
export const APP_BUNDLE: BuildOptions = {
  absWorkingDir: ROOT,
  entryPoints: { app: 'src/app/main.ts', worker: 'src/app/run/worker.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
};

/**
 * Builds the page into `outDir` (emptied first) and returns the names of the files written.
 *
 * @example
 * await buildApp('dist/app') // ["app.css", "app.js", "chunk-….js", "icon.svg", "index.html", "worker.js"]
 */
export async function buildApp(outDir: string): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({ ...APP_BUNDLE, outdir: outDir });
  for (const f of readdirSync(STATIC)) copyFileSync(join(STATIC, f), join(outDir, f));
  return readdirSync(outDir).sort();
}
