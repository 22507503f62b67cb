/**
 * Where the workbench page is served from: `bashunwei serve` at /app/ (no key, the page's
 * Content-Security-Policy on every file, revalidated by ETag, the meta tag the same policy), and
 * `bashunwei app --out DIR`, which writes the same files for any static host.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../scripts/build-app.js';
import { appCommand } from '../../src/cli/app-command.js';
import { buildService } from '../../src/service/build-service.js';
import { APP_CONTENT_SECURITY_POLICY, appPage, builtAppFolder } from '../../src/service/routes/app.js';
import { openStore } from '../../src/service/store/open-store.js';
import type { Store } from '../../src/service/store/store.js';
import { tempDir } from '../support/helpers.js';
import { runCommand } from './support.js';

const built = tempDir('app-built');
let files: string[];
let page: FastifyInstance;

beforeAll(async () => {
  files = await buildApp(built);
  page = Fastify();
  await page.register(appPage, { prefix: '/app', dir: built });
}, 600_000);
afterAll(() => page?.close());

describe('the page at /app/', () => {
  it("answers /app/ with index.html and the page's Content-Security-Policy, the meta tag saying the same", async () => {
    const r = await page.inject('/app/');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(r.body)?.[1];
    expect(meta).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(APP_CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(APP_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it("redirects /app to /app/, so that the page's relative URLs resolve", async () => {
    const r = await page.inject('/app');
    expect(r.statusCode).toBe(301);
    expect(r.headers.location).toBe('/app/');
  });

  it('serves every built file with its type and the policy (a worker takes its policy from its own response)', async () => {
    for (const f of files) {
      const r = await page.inject(`/app/${f}`);
      expect(r.statusCode, f).toBe(200);
      expect(r.headers['content-security-policy'], f).toBe(APP_CONTENT_SECURITY_POLICY);
      expect(r.rawPayload.equals(readFileSync(join(built, f))), f).toBe(true);
    }
    expect((await page.inject('/app/worker.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers a file it has seen with 304 by its ETag, and a name it does not serve with 404', async () => {
    const first = await page.inject('/app/app.js');
    const again = await page.inject({ url: '/app/app.js', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await page.inject('/app/package.json')).statusCode).toBe(404);
    expect((await page.inject('/app/..%2Fpackage.json')).statusCode).toBe(404);
  });

  it("says the page is not built (503, in the service's error shape) when there is no built page", async () => {
    const bare = Fastify();
    await bare.register(appPage, { prefix: '/app', dir: tempDir('app-empty') });
    const r = await bare.inject('/app/?lang=en');
    expect(r.statusCode).toBe(503);
    expect(r.json().errors[0].code).toBe('unavailable');
    expect(r.json().errors[0].message).toContain('npm run build');
    await bare.close();
  });

  it('is registered by the service with no key needed, while the claims still need one', async () => {
    const store: Store = await openStore(join(tempDir('app-db'), 'db.sqlite'));
    const service = await buildService({ store });
    const r = await service.inject('/app/');
    // 200 when the package's page is built (npm run build), else the page's own 503: never a key's 401.
    expect(r.statusCode).toBe(builtAppFolder() === undefined ? 503 : 200);
    expect((await service.inject({ method: 'POST', url: '/claims', payload: {} })).statusCode).toBe(401);
    await service.close();
    await store.close();
  });
});

describe('bashunwei app --out DIR', () => {
  it('writes the built page as static files', async () => {
    const out = join(tempDir('app-out'), 'site', 'workbench');
    let said = '';
    const code = await appCommand(['--out', out], { out: (s) => (said += s), err: () => undefined }, built);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(out, f)).equals(readFileSync(join(built, f)))).toBe(true);
    expect(said).toContain('static web server');
  });

  it('says what to do when the page was not built, or the folder cannot be written (exit 2)', async () => {
    let err = '';
    const io = { out: () => undefined, err: (s: string) => (err += s) };
    expect(await appCommand(['--out', tempDir('app-x')], io, tempDir('app-not-built'))).toBe(2);
    expect(err).toContain('npm run build');
    const file = join(tempDir('app-y'), 'a-file');
    writeFileSync(file, '');
    expect(await appCommand(['--out', file], io, built)).toBe(2);
    expect(existsSync(file)).toBe(true);
  });

  it('has its usage (--help) and refuses a missing --out (exit 2)', async () => {
    const help = await runCommand(['app', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('bashunwei app --out DIR');
    expect((await runCommand(['--help'])).out).toContain('bashunwei app --out DIR');
    const missing = await runCommand(['app']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--out DIR');
  });
});
