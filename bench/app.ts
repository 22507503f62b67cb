/**
 * `npm run bench:app`: the policy workbench (docs/app.md) on 100,000 synthetic claims, the
 * embedded rules against a reform (the tilted payment of 2017 raised to 30%), in Debian's Chromium,
 * against `bashunwei simulate` on the same claims and rules in Node, in the same run on the same
 * machine; and the page's transfer size. A script, not a test: it asserts nothing about time, it
 * measures, prints a table and writes bench/app-results.json.
 *
 * - The page, warm: loaded at `#reform` and left until its workers have loaded the engine, then
 *   the reform link is set as the fragment; the time is from that moment to `#report-json`
 *   filled (measured in the page).
 * - The page, cold: a fresh tab opened at the link; the time is from the navigation's start to
 *   `#report-json` filled (the page's own time origin).
 * - Where a run's time goes: each worker's time generating its stream (every worker generates the
 *   whole seeded stream and keeps its persons), settling its persons, and the page's adding up
 *   and report, as the page records them.
 * - The command: `node dist/cli.js simulate claims.ndjson --baseline rules --rules reform/`, every
 *   core, the whole process (it reads the file the page generates in memory: seeds/generate.ts
 *   writes the same claims).
 * - Transfer size: the bytes of every response the page loads, and gzipped (level 6, as a static
 *   server would send them).
 *
 * Runs on `npm run build`'s output (dist/cli.js and dist/app), as the package is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { defaultRules } from '../src/scheme/embedded.js';
import { type ParameterChange, reformRules } from '../src/scheme/reform.js';
import { appPage } from '../src/service/routes/app.js';
import { writeStandaloneBook } from '../test/app/support.js';
import { launchChromium } from '../test/support/chromium.js';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SEED = 7;
const YEAR = '2018';
const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.bench', 'app');
const log = (s: string) => process.stderr.write(`${s}\n`);
const change: ParameterChange = {
  set: 'ziyang-2017',
  file: 'tiers/tilt-payment.json',
  path: 'shares.in-scope.ratio',
  value: '0.30',
};
const link = `#reform=${encodeURIComponent(JSON.stringify({ population: { claims: CLAIMS, seed: SEED, years: YEAR }, changes: [change] }))}`;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x);

/** Where a run's time went, as the page records it on its report (data-timing). */
interface Timing {
  readonly milliseconds: number;
  readonly workers: readonly { readMs: number; settleMs: number; totalMs: number }[];
  readonly reportMs: number;
}

async function pageTiming(page: Page): Promise<Timing> {
  const t = await page.getAttribute('#report', 'data-timing');
  return JSON.parse(t ?? '{}') as Timing;
}

/** A warm run: the page already loaded, its workers ready; from setting the fragment to #report-json. */
async function warmRun(browser: Browser, base: string): Promise<{ ms: number; timing: Timing }> {
  const page = await browser.newPage();
  await page.goto(`${base}#reform`);
  // Waits go through locators: a waitForFunction of text is evaluated by eval in the page, which its policy refuses.
  await page.locator('#view-reform[data-workers="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
  // Code run in the page is written as text: the bench, like the tests, has no DOM types.
  const ms = (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    const seen = new MutationObserver(() => {
      if (!document.getElementById('report-json')) return;
      seen.disconnect();
      resolve(performance.now() - t0);
    });
    seen.observe(document.body, { childList: true, subtree: true });
    location.hash = ${JSON.stringify(link)};
  })`)) as number;
  const timing = await pageTiming(page);
  await page.close();
  return { ms, timing };
}

/** A cold run: a fresh tab opened at the link; from the navigation's start to #report-json. */
async function coldRun(browser: Browser, base: string): Promise<{ ms: number; bytes: Map<string, number> }> {
  const page = await browser.newPage();
  const bytes = new Map<string, number>();
  page.on('response', async (r) => {
    const body = await r.body().catch(() => Buffer.alloc(0));
    bytes.set(r.url(), body.length);
  });
  await page.addInitScript(`
    const seen = new MutationObserver(() => {
      if (!document.getElementById('report-json')) return;
      seen.disconnect();
      window.__reportAt = performance.now();
    });
    document.addEventListener('DOMContentLoaded', () => seen.observe(document.body, { childList: true, subtree: true }));
  `);
  await page.goto(`${base}${link}`);
  await page.locator('#report-json').waitFor({ state: 'attached', timeout: 600_000 });
  const ms = (await page.evaluate('window.__reportAt')) as number;
  await page.close();
  return { ms, bytes };
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const app = join(root, 'dist', 'app');
  const cli = join(root, 'dist', 'cli.js');
  log(
    `bench:app: ${CLAIMS.toLocaleString('en')} claims (seed ${SEED}, ${YEAR}), ${ROUNDS} rounds, ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  // The same claims for the command, written by seeds/generate.ts.
  const claims = join(work, 'claims.ndjson');
  writeFileSync(
    claims,
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        join(root, 'seeds/generate.ts'),
        '--claims',
        String(CLAIMS),
        '--seed',
        String(SEED),
        '--year',
        YEAR,
      ],
      { cwd: root, maxBuffer: 1 << 30 },
    ),
  );
  const reform = reformRules(defaultRules(), [change]);
  if (!reform.ok) throw new Error('the reform does not pass the checks');
  const reformDir = join(work, 'reform');
  writeStandaloneBook(reform.value, reformDir);

  const node: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const p = spawnSync(
      process.execPath,
      [cli, 'simulate', claims, '--baseline', join(root, 'rules'), '--rules', reformDir],
      {
        cwd: root,
        maxBuffer: 1 << 30,
      },
    );
    node.push(performance.now() - t0);
    if (p.status !== 0) throw new Error(`bashunwei simulate exited ${p.status}: ${p.stderr}`);
    log(`  node simulate: ${round(node.at(-1)!)} ms`);
  }

  const server = Fastify();
  await server.register(appPage, { prefix: '/app', dir: app });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.server.address() as { port: number }).port}/app/`;
  const browser = await launchChromium();
  const warm: { ms: number; timing: Timing }[] = [];
  const cold: number[] = [];
  let bytes = new Map<string, number>();
  try {
    for (let r = 0; r < ROUNDS; r++) {
      warm.push(await warmRun(browser, base));
      log(`  page, warm: ${round(warm.at(-1)!.ms)} ms ${JSON.stringify(warm.at(-1)!.timing)}`);
      const c = await coldRun(browser, base);
      cold.push(c.ms);
      bytes = c.bytes;
      log(`  page, cold: ${round(c.ms)} ms`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const files = [...bytes.keys()]
    .filter((u) => u.startsWith(base))
    .map((u) => {
      const name = u.slice(base.length).replace(/#.*$/, '') || 'index.html';
      const body = readFileSync(join(app, name));
      return { name, bytes: body.length, gzip: gzipSync(body, { level: 6 }).length };
    })
    .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i);
  const transfer = {
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
  const best = warm.find((w) => w.ms === median(warm.map((x) => x.ms)))!;
  const results = {
    claims: CLAIMS,
    reform: change,
    machine: {
      cores: cpus().length,
      model: cpus()[0]?.model,
      memoryGiB: round(totalmem() / 2 ** 30),
      loadavg: loadavg(),
    },
    page: {
      warmMs: warm.map((w) => round(w.ms)),
      coldMs: cold.map(round),
      warmMedianMs: round(median(warm.map((w) => w.ms))),
      coldMedianMs: round(median(cold)),
      /** The median warm run: each worker's generating, settling and total, the page's adding up and report. */
      where: {
        workers: best.timing.workers.map((w) => ({
          generateMs: round(w.readMs),
          settleMs: round(w.settleMs),
          totalMs: round(w.totalMs),
        })),
        reportMs: round(best.timing.reportMs),
      },
    },
    node: { simulateMs: node.map(round), medianMs: round(median(node)) },
    transfer,
  };
  writeFileSync(join(root, 'bench', 'app-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  process.stdout.write(
    [
      `| ${CLAIMS.toLocaleString('en')} claims, baseline and reform | median of ${ROUNDS} |`,
      '|---|---|',
      `| workbench in Chromium, warm (fragment set → #report-json) | ${(results.page.warmMedianMs / 1000).toFixed(2)} s |`,
      `| workbench in Chromium, cold (navigation → #report-json) | ${(results.page.coldMedianMs / 1000).toFixed(2)} s |`,
      `| bashunwei simulate in Node (whole process) | ${(results.node.medianMs / 1000).toFixed(2)} s |`,
      `| where the warm run goes, per worker: generate / settle | ${results.page.where.workers.map((w) => `${w.generateMs} / ${w.settleMs} ms`).join('; ')}; report ${results.page.where.reportMs} ms |`,
      `| transfer size (${files.length} files) | ${kb(transfer.bytes)}, ${kb(transfer.gzip)} gzipped |`,
      '',
    ].join('\n'),
  );
}

await main();
