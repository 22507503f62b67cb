/**
 * The browser tests' Chromium (test/support/chromium.ts): a browser that is missing fails the test
 * with what to do, and leaves nothing in the temporary directory (reported: with the browser
 * missing, two test files failed and left playwright folders behind).
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, it } from 'vitest';
import { launchChromium } from './chromium.js';

const playwrightFolders = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith('playwright'));

it('a browser that is missing fails with what to do, before Playwright makes anything', async () => {
  await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(
    '/nonexistent/chromium is missing: npm test installs it',
  );
  expect(playwrightFolders()).toEqual([]);
});
