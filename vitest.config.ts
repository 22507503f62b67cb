import { defineConfig } from 'vitest/config';

// No test may fail because the machine is slow (a loaded 2-core machine runs the suite several
// times slower than an idle one): the limits below only stop a test that hangs. Tests that spawn
// processes, browsers, databases or builds give themselves more, in the test.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 300_000,
    // beforeAll/afterAll start and stop servers and browsers, build, and remove temporary folders
    // (vitest's default is 10 s: an afterAll rmSync once passed it on a loaded machine).
    hookTimeout: 600_000,
    // The global teardown removes the run's temporary directory (test/support/temp-dir-guard.ts).
    teardownTimeout: 300_000,
    // A temporary directory per run, and a failed run if a test leaves anything in it.
    globalSetup: ['test/support/temp-dir-guard.ts'],
  },
});
