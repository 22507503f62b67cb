/**
 * No test fails because the machine is slow (reported: `npm test` exited 1 on a loaded 2-core
 * machine, an afterAll rmSync past vitest's default hook limit of 10 s and the package test's tsc
 * past 240 s): the suite's limits only stop a test that hangs.
 */
import { expect, it } from 'vitest';
import config from '../../vitest.config.js';

it("the suite's limits for a test, a hook and the global teardown are minutes, not seconds", () => {
  const test = config.test!;
  expect(test.testTimeout).toBeGreaterThanOrEqual(300_000);
  expect(test.hookTimeout).toBeGreaterThanOrEqual(600_000);
  expect(test.teardownTimeout).toBeGreaterThanOrEqual(300_000);
});
