import { defineConfig } from 'tsup';

// Three entry points: the library (ESM + CJS + types), the command line (ESM only, with a shebang),
// and the simulation's worker thread (ESM; loaded by path from the library and the command).
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    // import.meta.url in the CommonJS build, to find the simulation worker next to it.
    shims: true,
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    entry: { 'simulate-worker': 'src/simulate/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
]);
