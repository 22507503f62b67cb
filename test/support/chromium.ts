/**
 * The headless Chromium of the browser tests: Debian's `chromium` (or `CHROMIUM_PATH`), which
 * `npm test` installs when it is missing (scripts/test-setup.mjs). Playwright makes its folders
 * (artifacts, the browser profile) in the temporary directory before it looks for the browser and
 * leaves them there when it is missing, so the executable is looked for first.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { expect } from 'vitest';

/** The browser's executable. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What keeps a headless Chromium quiet and off the network in a test. */
const QUIET = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A headless Chromium, or a failed expectation that says how to get one (leaving nothing in the
 * temporary directory).
 *
 * @example
 * const browser = await launchChromium(); try { … } finally { await browser.close(); }
 */
export async function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  expect(
    existsSync(executablePath),
    `${executablePath} is missing: npm test installs it (scripts/test-setup.mjs: apt-get install chromium fonts-noto-cjk), or set CHROMIUM_PATH`,
  ).toBe(true);
  return chromium.launch({ executablePath, args: QUIET });
}
