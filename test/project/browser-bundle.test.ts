/**
 * The core runs in a browser (issue 23): the package's main entry imports no Node module — a
 * bundle of it for `platform: 'browser'` builds and names none of Node's globals — and
 * `import('bashunwei')` in Chromium settles a claim, explained, with the embedded rules.
 */
import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let server: Server | undefined;
afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** The main entry bundled for a browser, everything included (what a page's bundler would make of it). */
async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    // The package's own choice for browsers (package.json "browser" condition).
    conditions: ['browser'],
  });
  return out.outputFiles[0]!.text;
}

describe('the main entry in a browser', () => {
  it.each(['src/index.ts', 'src/browser.ts'])(
    '%s bundles for the browser with no Node module and no Node global',
    async (entry) => {
      const code = await bundle(entry);
      expect(code).not.toMatch(
        /\bfrom ["']node:|require\(["'](node:)?(fs|os|path|worker_threads|module|child_process)["']\)/,
      );
      // Buffer and process are Node's: the core uses Uint8Array, TextEncoder and TextDecoder.
      expect(code).not.toMatch(/\bBuffer\.(from|alloc|byteLength)\b/);
      expect(code.match(/\bprocess\.(env|argv|exit|stdout|cwd)\b/g) ?? []).toEqual([]);
    },
    120_000,
  );

  it("import('bashunwei') settles a claim in Chromium, with its explanation", async () => {
    const code = await bundle('src/browser.ts');
    const claim = readFileSync(join(ROOT, 'examples', 'claims', '01-poor-inpatient-in-county.json'), 'utf8');
    const page = `<!doctype html><meta charset="utf-8">
<script type="importmap">{ "imports": { "bashunwei": "/bashunwei.js" } }</script>
<script type="module">
  const m = await import('bashunwei');
  const r = m.settle(${claim});
  document.body.dataset.result = JSON.stringify(r.ok ? { personal: r.value.personal, explanation: r.value.lines[0].explanation } : r.errors);
</script>`;
    server = createServer((req, res) => {
      const js = req.url === '/bashunwei.js';
      res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8' });
      res.end(js ? code : page);
    });
    await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
    const port = (server.address() as { port: number }).port;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
    try {
      const p = await browser.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(`http://127.0.0.1:${port}/`);
      await p.waitForSelector('body[data-result]', { state: 'attached', timeout: 60_000 });
      const result = JSON.parse((await p.getAttribute('body', 'data-result'))!) as {
        personal: string;
        explanation: string;
      };
      expect(errors).toEqual([]);
      expect(result.personal).toBe('0.00');
      expect(result.explanation).toMatch(/医疗总费用中非药品费用/);
    } finally {
      await browser.close();
    }
  }, 600_000);
});
