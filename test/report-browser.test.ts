/**
 * The HTML report of a simulation in a real headless Chromium (Debian's `chromium`, installed by
 * .ci/run): the page loads without a console error or a request, and every figure it shows is
 * the value of the report JSON at the path the figure names.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../seeds/generator.js';
import { defaultRules } from '../src/rules/embedded.js';
import { reformRules } from '../src/rules/reform.js';
import { simulationHtml } from '../src/simulate/report-html.js';
import { createSimulation } from '../src/simulate/simulation.js';
import { type SimulationReport, simulationReport } from '../src/simulate/summary.js';
import { tempDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser;
let report: SimulationReport;
let file: string;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (as .ci/run does), or set CHROMIUM_PATH`).toBe(true);
  const reform = reformRules(defaultRules(), [{ set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.30' }]);
  if (!reform.ok) throw new Error(JSON.stringify(reform.errors));
  const variants = [
    { name: 'baseline', rules: defaultRules() },
    { name: 'tilt 30%', rules: reform.value },
  ];
  const sim = createSimulation({ variants, funds: { 'emergency-relief': 2_000_000, 'charity-care': 1_000_000, 'health-poverty-relief': 500_000, 'major-disease-charity': 0 } as never });
  for (const c of generateClaims({ claims: 4000, seed: 9 })) sim.add(c);
  report = simulationReport(sim.result(), variants.map((v) => v.rules));
  file = join(tempDir('report'), 'report.html');
  writeFileSync(file, simulationHtml(report));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The value at `a.b[2].c` of the report. */
function at(path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], report);
}

describe('the simulation report in Chromium', () => {
  it('loads with no console error, no page error and no request beyond the file itself', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    expect(await page.title()).toContain('八顺位');
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    // The four charts of each variant's section and the comparison.
    expect(await page.locator('svg[role=img]').count()).toBe(1 + 3 * report.variants.length);
    await page.close();
  });

  it('shows every figure as the JSON has it (all of them, hundreds)', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    const figures = await page.$$eval('[data-figure]', (els) => els.map((e) => [e.getAttribute('data-figure')!, e.textContent ?? '']));
    expect(figures.length).toBeGreaterThan(150);
    const wrong = figures.filter(([path, text]) => {
      const v = at(path!);
      return (v === null ? '—' : String(v)) !== text;
    });
    expect(wrong).toEqual([]);
    // The per-100-yuan split adds up to exactly 100.00 for every variant.
    for (const v of report.variants) expect(v.per100.reduce((s, p) => s + Math.round(Number(p.yuan) * 100), 0)).toBe(10_000);
    await page.close();
  });

  it('names the targets missed when the funds ran dry', async () => {
    expect(report.variants[0]!.targets.missed).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('[data-figure="variants[0].targets.missed"]').textContent()).toBe(String(report.variants[0]!.targets.missed));
    await page.close();
  });
});
