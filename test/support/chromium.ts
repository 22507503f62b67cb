/**
 * The headless Chromium of the browser tests (the HTML report, the statement, the workbench page):
 * Debian's `chromium` (or `CHROMIUM_PATH`), which `npm test` installs when it is missing
 * (scripts/test-setup.mjs), and the layout check the charts must pass: no text of a chart leaves
 * its SVG, no two texts overlap. Playwright makes its folders (artifacts, the browser profile) in
 * the temporary directory before it looks for the browser and leaves them there when it is
 * missing, so the executable is looked for first.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
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

/**
 * Every text box of every chart (`svg[role=img]`) that leaves its SVG, and every pair of text
 * boxes of one chart that overlap, as measured by the browser.
 *
 * @example
 * expect(await layoutProblems(page)).toEqual([]);
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.$$eval('svg[role=img]', (svgs) => {
    const problems: string[] = [];
    svgs.forEach((svg, s) => {
      const box = svg.getBoundingClientRect();
      // A chart of a view that is not shown has no boxes to measure.
      if (box.width === 0) return;
      const texts = [...svg.querySelectorAll('text')].map((t) => ({
        text: t.textContent ?? '',
        r: t.getBoundingClientRect(),
      }));
      for (const { text, r } of texts) {
        if (
          r.left < box.left - 0.5 ||
          r.right > box.right + 0.5 ||
          r.top < box.top - 0.5 ||
          r.bottom > box.bottom + 0.5
        )
          problems.push(`chart ${s} (${svg.getAttribute('aria-label')}): "${text}" leaves the chart`);
      }
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i]!.r;
          const b = texts[j]!.r;
          const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (overlapX > 0.5 && overlapY > 0.5)
            problems.push(
              `chart ${s} (${svg.getAttribute('aria-label')}): "${texts[i]!.text}" overlaps "${texts[j]!.text}"`,
            );
        }
    });
    return problems;
  });
}
