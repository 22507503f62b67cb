import { defineConfig } from 'vitest/config';

// The suite as Stryker runs it for every mutant: the same tests, with shorter property runs
// (a mutant that survives 100 generated claims is reported and looked at, not hidden) and
// without the tests that run separate processes, which would not see the mutant anyway.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/project/examples.test.ts'],
    testTimeout: 60_000,
    env: { FC_RUNS: '100', FUZZ_RUNS: '100' },
  },
});
