/**
 * The HTML report of a simulation in a real headless Chromium (Debian's `chromium` and
 * `fonts-noto-cjk`, installed by `npm test`: scripts/test-setup.mjs): the page loads without a console error or a request,
 * the reform's answer comes first, every figure it shows is the value of the report JSON at the
 * path the figure names (in the format it names), and no text of any chart overflows its SVG or
 * overlaps another text. A screenshot of the first screen is written to docs/ for the README.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../../../seeds/generator.js';
import { defaultRules } from '../../../src/scheme/embedded.js';
import { reformRules } from '../../../src/scheme/reform.js';
import { simulationHtml } from '../../../src/simulate/report/html.js';
import { createSimulation } from '../../../src/simulate/core/simulation.js';
import { type SimulationReport, simulationReport } from '../../../src/simulate/report/summary.js';
import { launchChromium, layoutProblems } from '../../support/chromium.js';
import { tempDir } from '../../support/helpers.js';
import { ROOT } from '../../support/paths.js';

const SCREENSHOT = join(ROOT, 'docs', 'report-first-screen.png');
let browser: Browser;
const dir = tempDir('report');
const pages: Record<'reform' | 'single', { report: SimulationReport; file: string }> = {} as never;

function build(name: 'reform' | 'single', withReform: boolean): void {
  const reform = reformRules(defaultRules(), [
    { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.40' },
  ]);
  if (!reform.ok) throw new Error('reform');
  const variants = withReform
    ? [
        { name: 'baseline', rules: defaultRules() },
        { name: 'tilt 40%', rules: reform.value },
      ]
    : [{ name: 'rules', rules: defaultRules() }];
  const sim = createSimulation({
    variants,
    funds: {
      'emergency-relief': 2_000_000,
      'charity-care': 1_000_000,
      'health-poverty-relief': 500_000,
      'major-disease-charity': 0,
    } as never,
  });
  for (const c of generateClaims({ claims: 4000, seed: 9 })) sim.add(c);
  sim.add({ id: 'broken' }, 4001);
  const report = simulationReport(
    sim.result(),
    variants.map((v) => v.rules),
  );
  const file = join(dir, `${name}.html`);
  writeFileSync(file, simulationHtml(report));
  pages[name] = { report, file };
}

beforeAll(async () => {
  build('reform', true);
  build('single', false);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

/** The value at `a.b[2].c` of a report. */
function at(report: SimulationReport, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], report);
}

/**
 * The JSON value a shown figure stands for, read back from the page's text (written here apart
 * from the page's own formatting, so that a wrong format is caught): separators and signs
 * removed, percentages back to shares.
 */
function readBack(text: string, format: string): string {
  const plain = text.replace(/,/g, '').replace('\u2212', '-').replace(/^\+/, '');
  if (format === 'share' || format === 'share-change') {
    const m = /^(-?)(\d+)\.(\d\d)%?$/.exec(plain);
    if (!m) return `unreadable: ${text}`;
    const bp = Number(m[2]) * 100 + Number(m[3]);
    return `${m[1] && bp !== 0 ? '-' : ''}${Math.floor(bp / 10_000)}.${String(bp % 10_000).padStart(4, '0')}`;
  }
  return plain;
}

async function open(name: 'reform' | 'single'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(pathToFileURL(pages[name].file).href);
  return page;
}

describe('the simulation report of a reform in Chromium', () => {
  it('loads with no console error, no page error and no request beyond the file itself', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(pages.reform.file).href);
    expect(await page.title()).toContain('八顺位');
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(pages.reform.file).href]);
    // The reform's diverging chart, and the three charts of each variant's section.
    expect(await page.locator('svg[role=img]').count()).toBe(1 + 3 * pages.reform.report.variants.length);
    await page.close();
  });

  it('answers first: the net changes for payers, patients, their share and missed targets, before anything else', async () => {
    const { report } = pages.reform;
    const s = report.summary[0]!;
    expect(s.publicSpending.change).not.toBe('0.00');
    expect(s.personYears!.less).toBeGreaterThan(0);
    const page = await open('reform');
    const first = page.locator('section').first();
    expect(await first.getAttribute('class')).toBe('answer');
    const text = await first.textContent();
    for (const words of ['各方支付合计', '个人自付', '个人负担比例', '未达兜底目标', '谁受益', '分县', '分就诊类型'])
      expect(text).toContain(words);
    expect(await first.locator('[data-figure="summary[0].publicSpending.change"]').first().textContent()).toMatch(
      /^[+\u2212][\d,]+\.\d\d$/,
    );
    // Labels, never raw ids, in the tables a policy office reads.
    expect(text).toContain('雁江区');
    expect(text).toContain('建档立卡贫困人口');
    expect(text).not.toMatch(/\byanjiang\b|registered-poor/);
    await page.close();
  });

  it("names the rule sets compared and the reform's change against the baseline, and counts the refused input", async () => {
    const { report } = pages.reform;
    expect(report.compared[1]!.changes).toEqual([
      {
        ruleSet: 'ziyang-2017',
        kind: 'value-changed',
        file: 'tiers/tilt-payment.json',
        path: 'shares.in-scope.ratio',
        clause: '7.4.4',
        date: '2017-03-17',
        before: '0.20',
        after: '0.40',
      },
    ]);
    expect(report.counts.read).toBe(4001);
    expect(report.counts.variants.map((v) => [v.settled, v.refused])).toEqual([
      [4000, 1],
      [4000, 1],
    ]);
    const page = await open('reform');
    const text = await page.locator('body').textContent();
    expect(text).toContain('tiers/tilt-payment.json');
    expect(text).toContain('ziyang-2017');
    expect(text).toContain('最先被拒绝的输入');
    await page.close();
  });

  it('shows every figure as the JSON has it (all of them, hundreds)', async () => {
    const { report } = pages.reform;
    const page = await open('reform');
    const figures = await page.$$eval('[data-figure]', (els) =>
      els.map((e) => [e.getAttribute('data-figure')!, e.getAttribute('data-format')!, e.textContent ?? '']),
    );
    expect(figures.length).toBeGreaterThan(300);
    const wrong = figures.filter(([path, format, text]) => {
      const v = at(report, path!);
      const expected = v === null ? '—' : format === 'json' ? JSON.stringify(v) : String(v);
      return (v === null || format === 'json' || format === 'text' ? text : readBack(text!, format!)) !== expected;
    });
    expect(wrong).toEqual([]);
    // The per-100-yuan split adds up to exactly 100.00 for every variant.
    for (const v of report.variants)
      expect(v.per100.reduce((s, p) => s + Math.round(Number(p.yuan) * 100), 0)).toBe(10_000);
    await page.close();
  });

  it('lays out every chart with no text leaving its SVG and no two texts overlapping', async () => {
    const page = await open('reform');
    expect(await layoutProblems(page)).toEqual([]);
    await page.close();
  });

  it('saves a screenshot of the first screen (docs/report-first-screen.png, shown in the README)', async () => {
    const page = await open('reform');
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
    await page.close();
  });
});

describe('the report of one rule set', () => {
  it('has the results at a glance first and no section named after the variant ("rules")', async () => {
    const page = await open('single');
    expect(await page.locator('section').first().getAttribute('class')).toBe('answer');
    const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(headings[0]).toContain('结果一览');
    expect(headings.filter((h) => /^rules\b/i.test(h.trim()))).toEqual([]);
    expect(pages.single.report.summary).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    await page.close();
  });
});
