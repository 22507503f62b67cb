/**
 * examples/back-office-service: the service mounted under /bashunwei in an app of one's own, run
 * as a real process on a loopback port: the app's own route and the service's side by side, the
 * service's errors and OpenAPI document under its prefix, the app's own 404 outside it, and a
 * graceful exit on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/service/store/open-store.js';
import { call, makeKeys, root, tempDir } from './service-helpers.js';

const temp = tempDir();
afterAll(() => temp.remove(), 600_000);

it('runs the service under /bashunwei inside an app of its own, and stops on SIGTERM', async () => {
  const db = join(temp.dir, 'embedded.sqlite');
  const store = await openStore(db);
  const keys = await makeKeys(store);
  await store.close();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'examples/back-office-service/server.ts'], {
    cwd: root,
    env: { ...process.env, DB: db, PORT: '0' },
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      void exited.then((code) => reject(new Error(`the example exited with ${code}`)));
    });
    expect((await call(url, 'GET', '/')).body.app).toBe('my back office');
    const claim = JSON.parse(readFileSync(join(root, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8'));
    const settled = await call(url, 'POST', '/bashunwei/claims', { key: keys.cashier, body: claim });
    expect(settled.status).toBe(201);
    expect(settled.body.personal).toBe('0.00');
    expect(
      (await call(url, 'POST', '/bashunwei/claims', { key: keys.cashier, body: claim })).headers.get(
        'idempotent-replay',
      ),
    ).toBe('true');
    expect((await call(url, 'GET', '/bashunwei/ledgers/P1/2017', { key: keys.auditor })).body.claims).toEqual(['C01']);
    expect((await call(url, 'POST', '/bashunwei/claims', { body: claim })).body.errors[0].code).toBe('unauthorized');
    expect((await call(url, 'DELETE', '/bashunwei/claims')).body.errors[0].code).toBe('method_not_allowed');
    expect((await call(url, 'GET', '/bashunwei/nothing')).body.errors[0].code).toBe('unknown_route');
    // Outside the prefix, the app's own answers.
    expect((await call(url, 'GET', '/nothing')).body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const doc = (await call(url, 'GET', '/bashunwei/openapi.json')).body;
    expect(doc.servers).toEqual([{ url: '/bashunwei' }]);
    expect(Object.keys(doc.paths)).toContain('/claims/{id}/reverse');
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    proc.kill('SIGKILL');
  }
}, 600_000);
