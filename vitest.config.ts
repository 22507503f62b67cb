import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // A temporary directory per run, and a failed run if a test leaves anything in it.
    globalSetup: ['test/support/temp-dir-guard.ts'],
  },
});
