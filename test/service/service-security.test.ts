/**
 * What the service refuses, on both stores: no key, a wrong key, a role without the right, a body
 * with a key written twice, too large, of another media type or charset, not UTF-8, not JSON, ids
 * with SQL and path characters in the URL, unknown routes and methods, malformed URLs and HTTP.
 * Each is answered with the documented error and nothing is written: the tables are counted
 * before and after, straight from the database. The tables refuse UPDATE and DELETE themselves.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_ONLY_TABLES } from '../../src/service/store/schema.js';
import { type LocalService, call, root, startLocal, tempDir } from './service-helpers.js';
import { type PostgresServer, startPostgres } from '../support/postgres-server.js';

const example = JSON.parse(
  readFileSync(join(root, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8'),
) as Record<string, unknown>;
const TABLES = APPEND_ONLY_TABLES.filter((t) => t !== 'api_keys');

let pg15: PostgresServer;
const temp = tempDir();
beforeAll(async () => {
  pg15 = await startPostgres();
}, 600_000);
afterAll(() => {
  pg15?.stop();
  temp.remove();
}, 600_000);

/** Direct access to a store's database, to count rows and to try what the service never does. */
interface Raw {
  counts(): Promise<Record<string, number>>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const stores: Record<string, () => Promise<{ db: string; raw: () => Promise<Raw> }>> = {
  sqlite: async () => {
    const db = join(temp.dir, 'security.sqlite');
    return {
      db,
      raw: async () => {
        const d = new Database(db);
        return {
          counts: async () =>
            Object.fromEntries(
              TABLES.map((t) => [t, (d.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
            ),
          exec: async (sql) => void d.exec(sql),
          close: async () => void d.close(),
        };
      },
    };
  },
  postgres: async () => {
    const db = await pg15.createDatabase('security');
    return {
      db,
      raw: async () => {
        const c = new pg.Client({ connectionString: db });
        await c.connect();
        return {
          counts: async () => {
            const out: Record<string, number> = {};
            for (const t of TABLES) out[t] = Number((await c.query(`SELECT COUNT(*) AS n FROM ${t}`)).rows[0].n);
            return out;
          },
          exec: async (sql) => void (await c.query(sql)),
          close: () => c.end(),
        };
      },
    };
  },
};

describe.each(Object.keys(stores))('the service on %s refuses', (kind) => {
  let s: LocalService;
  let raw: Raw;
  let settledText: string;
  beforeAll(async () => {
    const { db, raw: open } = await stores[kind]!();
    s = await startLocal(db);
    raw = await open();
    settledText = (await call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: example })).text;
  }, 600_000);
  afterAll(async () => {
    await raw?.close();
    await s?.close();
  }, 600_000);

  /** Sends a request, checks its status and error, and that not one row was written. */
  async function refused(
    request: () => Promise<{ status: number; body: { errors?: unknown } }>,
    status: number,
    error: Record<string, unknown>,
  ) {
    const before = await raw.counts();
    const r = await request();
    expect(r.status).toBe(status);
    expect((r.body.errors as unknown[])[0]).toMatchObject(error);
    expect(r.body.errors).toEqual(
      (r.body.errors as { code: string; path: string; message: string }[]).map((e) => ({
        code: e.code,
        path: e.path,
        message: expect.any(String),
      })),
    );
    expect(await raw.counts()).toEqual(before);
  }

  const claim = (id: string) => ({ ...example, id });
  const post = (path: string, body: unknown, key?: string, headers?: Record<string, string>) =>
    call(s.url, 'POST', path, { key, body, headers });

  it('a request without a key, or with an unknown or malformed one (401, WWW-Authenticate: Bearer)', async () => {
    await refused(() => post('/claims', claim('N1')), 401, {
      code: 'unauthorized',
      path: 'authorization',
      message: expect.stringContaining('API 密钥'),
    });
    await refused(() => post('/claims', claim('N1'), `${s.keys.cashier}x`), 401, { code: 'unauthorized' });
    await refused(
      () => call(s.url, 'GET', '/claims/C01', { headers: { authorization: `Basic ${s.keys.cashier}` } }),
      401,
      { code: 'unauthorized' },
    );
    await refused(() => call(s.url, 'GET', '/journal?lang=en'), 401, {
      message: expect.stringContaining('a valid API key is required'),
    });
    expect((await call(s.url, 'GET', '/ledgers/P1/2017')).headers.get('www-authenticate')).toBe('Bearer');
  });

  it('a role without the right (403): a cashier reversing or reading the journal, an auditor settling or reversing', async () => {
    await refused(() => post('/claims/C01/reverse', {}, s.keys.cashier), 403, {
      code: 'forbidden',
      path: 'authorization',
      message: 'cashier 角色的密钥无权使用 POST /claims/:id/reverse；需要以下角色之一：admin',
    });
    await refused(() => call(s.url, 'GET', '/journal', { key: s.keys.cashier }), 403, { code: 'forbidden' });
    await refused(() => post('/claims', claim('N2'), s.keys.auditor), 403, { code: 'forbidden' });
    await refused(() => post('/claims/C01/reverse?lang=en', {}, s.keys.auditor), 403, {
      message: 'a key of the role auditor may not use POST /claims/:id/reverse; it needs one of: admin',
    });
    // What each role may do, it does.
    expect((await call(s.url, 'GET', '/claims/C01', { key: s.keys.auditor })).status).toBe(200);
    expect((await call(s.url, 'GET', '/journal', { key: s.keys.auditor })).status).toBe(200);
    expect((await call(s.url, 'GET', '/ledgers/P1/2017', { key: s.keys.cashier })).status).toBe(200);
  });

  it('a body with a key written twice, as `bashunwei settle` does (400 duplicate_field at its path)', async () => {
    const text = JSON.stringify(claim('D1')).replace('"compliant":false', '"compliant":false,"compliant":true');
    expect(text).toContain('"compliant":false,"compliant":true');
    await refused(() => post('/claims', text, s.keys.cashier), 400, {
      code: 'duplicate_field',
      path: 'items[4].compliant',
    });
  });

  it('a body larger than a claim may be (413), of another media type or charset (415), not UTF-8, not JSON, empty, or not an object (400)', async () => {
    const big = JSON.stringify({
      ...claim('B1'),
      hospital: { ...(example.hospital as object), name: 'x'.repeat(1 << 20) },
    });
    await refused(() => post('/claims', big, s.keys.cashier), 413, { code: 'input_too_large', path: '' });
    await refused(
      () => post('/claims', JSON.stringify(claim('B2')), s.keys.cashier, { 'content-type': 'text/plain' }),
      415,
      { code: 'unsupported_media_type', path: 'content-type' },
    );
    await refused(() => post('/claims', '<claim/>', s.keys.cashier, { 'content-type': 'application/xml' }), 415, {
      code: 'unsupported_media_type',
    });
    await refused(
      () =>
        post('/claims', JSON.stringify(claim('B3')), s.keys.cashier, {
          'content-type': 'application/json; charset=latin1',
        }),
      415,
      { code: 'unsupported_media_type' },
    );
    await refused(
      () =>
        fetch(`${s.url}/claims`, {
          method: 'POST',
          headers: { authorization: `Bearer ${s.keys.cashier}`, 'content-type': 'application/json' },
          body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { errors?: unknown } })),
      400,
      { code: 'invalid_utf8', path: '' },
    );
    // One claim per request: the message does not suggest one per line (NDJSON), as a file's would.
    await refused(() => post('/claims', '{"id": "B4",', s.keys.cashier), 400, {
      code: 'invalid_json',
      path: '',
      message: expect.stringMatching(/请发送一个报销申请的 JSON 对象$/),
    });
    await refused(() => post('/claims', '', s.keys.cashier), 400, {
      code: 'invalid_json',
      message: expect.stringMatching(/请求体为空.*请发送一个报销申请的 JSON 对象$/),
    });
    await refused(() => call(s.url, 'POST', '/claims', { key: s.keys.cashier }), 400, { code: 'invalid_json' });
    await refused(() => post('/claims', [claim('B5')], s.keys.cashier), 400, { code: 'not_an_object', path: '' });
    await refused(
      () =>
        post(
          '/claims',
          { ...claim('B6'), items: [{ category: 'drug', catalog: 'A', amount: '1.234' }] },
          s.keys.cashier,
        ),
      400,
      { code: 'invalid_amount', path: 'items[0].amount' },
    );
    await refused(() => post('/claims/C01/reverse', { reason: 'typo' }, s.keys.admin), 400, {
      code: 'invalid_parameter',
    });
  });

  it('ids with SQL and path characters in the URL: not found (404), the tables untouched', async () => {
    for (const id of [
      "C01' OR '1'='1",
      "x'); DROP TABLE claims; --",
      '../../etc/passwd',
      'C01/../C01',
      '%00',
      'C01;',
      '"C01"',
    ]) {
      await refused(() => call(s.url, 'GET', `/claims/${encodeURIComponent(id)}`, { key: s.keys.admin }), 404, {
        code: 'not_found',
        path: 'id',
        message: expect.stringContaining(id),
      });
      await refused(() => post(`/claims/${encodeURIComponent(id)}/reverse`, undefined, s.keys.admin), 404, {
        code: 'not_found',
        path: 'id',
      });
      await refused(() => call(s.url, 'GET', `/ledgers/${encodeURIComponent(id)}/2017`, { key: s.keys.admin }), 404, {
        code: 'not_found',
        path: 'person',
      });
    }
    // The stored claim is as it was.
    expect(
      (await call(s.url, 'GET', '/claims/C01', { key: s.keys.admin })).body.versions.map(
        (v: { settlement: unknown }) => v.settlement,
      ),
    ).toEqual([JSON.parse(settledText)]);
  });

  it('a claim whose ids hold SQL characters is only data: settled under exactly that id, nothing else touched', async () => {
    const id = "Q1'); DELETE FROM claims; --";
    const before = await raw.counts();
    const r = await post(
      '/claims',
      { ...claim(id), person: { ...(example.person as object), id: "P' OR 1=1 --" } },
      s.keys.cashier,
    );
    expect(r.status).toBe(201);
    expect(r.body.claimId).toBe(id);
    expect(await raw.counts()).toEqual({
      ...before,
      journal: before.journal! + 1,
      claims: before.claims! + 1,
      settlements: before.settlements! + 1,
      ledgers: before.ledgers! + 1,
    });
    expect((await call(s.url, 'GET', `/claims/${encodeURIComponent(id)}`, { key: s.keys.auditor })).body.claimId).toBe(
      id,
    );
    expect(
      (await call(s.url, 'GET', `/ledgers/${encodeURIComponent("P' OR 1=1 --")}/2017`, { key: s.keys.auditor })).body
        .claims,
    ).toEqual([id]);
  });

  it('unknown routes (404), other methods on known paths (405 with Allow), malformed URLs and HTTP (400), in the documented shape', async () => {
    await refused(() => call(s.url, 'GET', '/nothing?lang=en'), 404, {
      code: 'unknown_route',
      path: '',
      message: 'there is no route GET /nothing; the routes are listed in /openapi.json',
    });
    const del = await call(s.url, 'DELETE', '/claims/C01', { key: s.keys.admin });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    expect(del.body.errors[0]).toMatchObject({ code: 'method_not_allowed', path: '/claims/C01' });
    await refused(() => call(s.url, 'GET', '/claims', { key: s.keys.admin }), 405, { code: 'method_not_allowed' });
    await refused(() => call(s.url, 'PUT', '/claims/C01/reverse', { key: s.keys.admin, body: {} }), 405, {
      code: 'method_not_allowed',
    });
    await refused(() => call(s.url, 'GET', '/claims/%E0%A4%A', { key: s.keys.admin }), 400, {
      code: 'invalid_parameter',
      path: 'url',
    });
    const rawHttp = await new Promise<string>((resolve) => {
      const socket: Socket = connect(Number(new URL(s.url).port), '127.0.0.1', () =>
        socket.write('GARBAGE /claims HTTP/9.9\r\n\r\n'),
      );
      let out = '';
      socket.on('data', (d: Buffer) => (out += d.toString()));
      socket.on('close', () => resolve(out));
    });
    expect(rawHttp).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(rawHttp.slice(rawHttp.indexOf('\r\n\r\n') + 4)).errors[0]).toMatchObject({
      code: 'invalid_parameter',
      path: '',
    });
  });

  it('nothing in place: the database itself refuses to update or delete a row of any table', async () => {
    // A row in every table first (SQLite's triggers fire per row).
    expect((await post('/claims', claim('AO1'), s.keys.cashier)).status).toBe(201);
    expect((await post('/claims/AO1/reverse', undefined, s.keys.admin)).status).toBe(200);
    expect(Object.values(await raw.counts()).every((n) => n > 0)).toBe(true);
    for (const table of APPEND_ONLY_TABLES) {
      await expect(
        raw.exec(
          `UPDATE ${table} SET ${table === 'api_keys' ? 'name' : table === 'ledgers' ? 'ledger' : table === 'reversals' ? 'answer' : table === 'journal' ? 'at' : table === 'claims' ? 'input' : 'settlement'} = 'x'`,
        ),
        table,
      ).rejects.toThrow(/append-only/);
      await expect(raw.exec(`DELETE FROM ${table}`), table).rejects.toThrow(/append-only/);
    }
  });
});
