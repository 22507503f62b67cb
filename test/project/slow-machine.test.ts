/**
 * No test fails because the machine is slow (reported: `npm test` exited 1 on a loaded 2-core
 * machine, an afterAll rmSync past vitest's default hook limit of 10 s and the package test's tsc
 * past 240 s): the suite's limits only stop a test that hangs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { TEST } from '../support/paths.js';
import config from '../../vitest.config.js';

it("the suite's limits for a test, a hook and the global teardown are minutes, not seconds", () => {
  const test = config.test!;
  expect(test.testTimeout).toBeGreaterThanOrEqual(300_000);
  expect(test.hookTimeout).toBeGreaterThanOrEqual(600_000);
  expect(test.teardownTimeout).toBeGreaterThanOrEqual(300_000);
});

it('no test or hook of the suite sets a limit of its own below five minutes', () => {
  const short: string[] = [];
  for (const file of readdirSync(TEST, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.startsWith('fixtures')) continue;
    readFileSync(join(TEST, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        // A limit is the last argument of it/beforeAll/afterAll: `}, 120_000);` or `fn, 60_000);`.
        const m = /[})], (\d{1,3}_000)\);\s*$/.exec(line);
        if (m && Number(m[1]!.replaceAll('_', '')) < 300_000) short.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(short).toEqual([]);
});
