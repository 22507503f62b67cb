/**
 * `bashunwei keys create` and `bashunwei serve` as commands: a key printed once and stored only as
 * its SHA-256, usage errors (exit 2), a store that cannot be opened (exit 2, its reason), the
 * store chosen by --db, then DATABASE_URL, then bashunwei.sqlite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dbOption } from '../../src/cli/db-option.js';
import { main } from '../../src/cli/main.js';
import { hashKey } from '../../src/service/keys.js';
import { buildService } from '../../src/service/build-service.js';
import { openStore } from '../../src/service/store/open-store.js';
import { call, tempDir } from './service-helpers.js';

const temp = tempDir();
afterAll(() => temp.remove(), 600_000);

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('bashunwei keys create', () => {
  it('prints a new key once on stdout, says what it is on stderr, and stores only its SHA-256', async () => {
    const db = join(temp.dir, 'keys.sqlite');
    const { code, out, err } = await run(['keys', 'create', '--role', 'auditor', '--name', 'audit office', '--db', db]);
    expect(code).toBe(0);
    const key = out.trim();
    expect(key).toMatch(/^bsw_k_[0-9a-f]{12}_[\w-]{43}$/);
    expect(err).toMatch(
      /^bashunwei: key k_[0-9a-f]{12} \(auditor, "audit office"\) created in .*keys\.sqlite; it is shown this once: only its SHA-256 is kept\n$/,
    );
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT id, name, role, hash FROM api_keys').all()).toEqual([
      { id: key.split('_').slice(1, 3).join('_'), name: 'audit office', role: 'auditor', hash: hashKey(key) },
    ]);
    raw.close();
    expect(readFileSync(db).includes(Buffer.from(key.slice(-20)))).toBe(false);

    // The key opens what an auditor may read, and nothing more.
    const store = await openStore(db);
    const app = await buildService({ store });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect((await call(url, 'GET', '/journal', { key })).status).toBe(200);
      expect((await call(url, 'POST', '/claims', { key, body: {} })).status).toBe(403);
      expect((await call(url, 'GET', '/journal', { key: key.slice(0, -1) })).status).toBe(401);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it.each([
    [['keys'], /keys needs a subcommand: create/],
    [['keys', 'list'], /unknown keys subcommand list/],
    [['keys', 'create'], /--role must be one of cashier, auditor, admin/],
    [['keys', 'create', '--role', 'root'], /--role must be one of cashier, auditor, admin/],
    [['keys', 'create', '--role', 'admin', '--db'], /option --db needs a value/],
    [['serve', '--port', 'http'], /--port must be a number from 0 to 65535/],
    [['serve', '--port', '70000'], /--port must be a number/],
    [['serve', 'now'], /serve takes no argument, not now/],
    [['serve', '--verbose'], /unknown option --verbose/],
  ])('refuses %j as a usage error (exit 2)', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    // The subcommand's own usage follows the message.
    expect(err).toContain(
      argv[0] === 'serve'
        ? 'usage: bashunwei serve [--port 8080] [--host 127.0.0.1] [--db FILE | --db postgres://USER@HOST/DB]'
        : 'usage: bashunwei keys create --role cashier|auditor|admin',
    );
  });
});

describe('bashunwei serve', () => {
  it('exits 2 with the reason when the store cannot be opened', async () => {
    const pg = await run(['serve', '--port', '0', '--db', 'postgres://nobody:secret@127.0.0.1:1/none']);
    expect(pg.code).toBe(2);
    expect(pg.err).toMatch(
      /^bashunwei: cannot use PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: .*ECONNREFUSED/,
    );
    expect(pg.err).not.toContain('secret');
    const file = await run(['serve', '--port', '0', '--db', join(temp.dir, 'no-such-folder', 'x.sqlite')]);
    expect(file.code).toBe(2);
    expect(file.err).toMatch(
      /^bashunwei: cannot use the SQLite file .*no-such-folder\/x\.sqlite: Cannot open database because the directory does not exist\n$/,
    );
  });

  it('takes its store from --db, else DATABASE_URL, else bashunwei.sqlite in the working directory', () => {
    expect(dbOption('a.sqlite', { DATABASE_URL: 'postgres://h/d' })).toBe('a.sqlite');
    expect(dbOption(undefined, { DATABASE_URL: 'postgres://h/d' })).toBe('postgres://h/d');
    expect(dbOption(undefined, { DATABASE_URL: '' })).toBe('bashunwei.sqlite');
    expect(dbOption(undefined, {})).toBe('bashunwei.sqlite');
  });
});
