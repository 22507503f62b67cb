import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { buildApp } from './scripts/build-app.js';

// The entry points: the library (`bashunwei`, which runs in a browser too), its Node part
// (`bashunwei/node`: rule folders on disk, simulations on worker threads) and the back-office
// service (`bashunwei/service`), each ESM + CJS + types (one type build for all); the library's
// browser build (ESM, zod imported up front: src/browser.ts); the command line (ESM only, with a
// shebang); and the simulation's worker thread (ESM; loaded by path from the library and the
// command). The command loads `serve` and `keys` by dynamic import (chunks beside cli.js), so
// `settle` never loads Fastify or a database driver.
// better-sqlite3 is an optional dependency: never bundled, loaded when an SQLite store is opened.
// When the first build (which empties the output folder) is done, the policy workbench is built
// into its app/ folder (scripts/build-app.ts; `bashunwei serve` serves it, `bashunwei app` copies it).
export default defineConfig((cli): Options[] => [
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', service: 'src/service/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    // import.meta.url in the CommonJS build, to find the simulation worker next to it.
    shims: true,
    external: ['better-sqlite3'],
    onSuccess: async () => {
      await buildApp(join(cli.outDir ?? 'dist', 'app'));
    },
  },
  {
    entry: { browser: 'src/browser.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
    platform: 'browser',
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: ['better-sqlite3'],
  },

  {
    entry: { 'simulate-worker': 'src/node/simulate/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
]);
