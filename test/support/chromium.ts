/**
 * Debian's Chromium for the browser tests (the HTML report, the workbench page): where it is, how
 * it is started (no sandbox in a container, no GPU, no network of its own), and the layout check
 * the charts must pass: no text of a chart leaves its SVG, no two texts overlap.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** The Chromium the tests drive (`CHROMIUM_PATH` to use another). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Starts Chromium headless, failing with what to install when it is missing.
 *
 * @example
 * const browser = await launchChromium();
 */
export async function launchChromium(): Promise<Browser> {
  expect(
    existsSync(CHROMIUM),
    `${CHROMIUM} is missing: apt-get install chromium (as .ci/run does), or set CHROMIUM_PATH`,
  ).toBe(true);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
