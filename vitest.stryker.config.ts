import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (stryker.config.json): those that run the library in
// this process, where the mutant is. Left out, by folder or by name, so that the rule holds for
// tests added later: what runs in other processes, servers, browsers or builds, which cannot see a
// mutant and take minutes (the whole suite once made Stryker's first run pass its time limit).
//   test/service/   the service over HTTP: servers, PostgreSQL, child processes
//   test/project/   the package, the notebook (Jupyter), the API docs build, the examples and the
//                   README's snippets as scripts, the test set-up
//   test/node/      the Node adapters: files, worker threads, the command as a process
//   test/simulate/  simulations on worker threads and as the command, the report in Chromium
//                   (simulate/ is not mutated; its sums are held to settle, whose tests run here)
//   test/support/   the suite's own helpers
//   *browser*       a test that opens a page in Chromium, wherever it is
// Property runs are shorter (a mutant that survives 100 generated claims is reported and looked
// at, not hidden), and the differential test of the compiled engine against the reference runs a
// hundredth of its 210,000 claims (2,100).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/service/**',
      'test/project/**',
      'test/node/**',
      'test/simulate/**',
      'test/support/**',
      'test/**/*browser*.test.ts',
    ],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    env: { FC_RUNS: '100', FUZZ_RUNS: '100', DIFFERENTIAL_SCALE: '0.01' },
  },
});
