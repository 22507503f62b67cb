/**
 * SIGTERM under load, on both stores: `bashunwei serve` stops accepting connections, answers every
 * request it had received (each request carries an `x-request-id`, which the service logs as it
 * receives it: every id in its log got an answer, and every request that got none is absent from
 * the log), closes its database and exits 0. What it answered 201 is stored.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/service/store/open-store.js';
import { type PostgresServer, startPostgres } from '../support/postgres-server.js';
import { type ServeProcess, makeKeys, spawnServe, tempDir, testClaims } from './service-helpers.js';

const temp = tempDir();
let pg: PostgresServer;
const running: ServeProcess[] = [];
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(async () => {
  for (const p of running) p.proc.kill('SIGKILL');
  pg?.stop();
  temp.remove();
});

const stores: Record<string, () => Promise<string>> = {
  sqlite: async () => join(temp.dir, 'sigterm.sqlite'),
  postgres: () => pg.createDatabase('sigterm'),
};

describe.each(Object.keys(stores))('bashunwei serve on %s, sent SIGTERM under load', (kind) => {
  it('answers every request it received, closes the database and exits 0', async () => {
    const db = await stores[kind]!();
    const store = await openStore(db);
    const { cashier } = await makeKeys(store);
    await store.close();
    const serve = await spawnServe(db);
    running.push(serve);

    const claims = testClaims(600, 8, `ST${kind}`);
    const results: { id: string; requestId: string; status?: number; error?: string; at: number }[] = [];
    let next = 0;
    let termAt = Infinity;
    const worker = async () => {
      while (next < claims.length) {
        const i = next++;
        const requestId = `sigterm-${kind}-${i}`;
        try {
          const r = await fetch(`${serve.url}/claims`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${cashier}`,
              'content-type': 'application/json',
              'x-request-id': requestId,
            },
            body: JSON.stringify(claims[i]),
          });
          await r.text();
          results.push({ id: claims[i]!.id as string, requestId, status: r.status, at: performance.now() });
        } catch (e) {
          results.push({
            id: claims[i]!.id as string,
            requestId,
            error: String((e as { cause?: unknown }).cause ?? e),
            at: performance.now(),
          });
          // Refused: the server no longer listens. This worker stops.
          if (performance.now() > termAt) return;
        }
        if (results.length === 100 && termAt === Infinity) {
          termAt = performance.now();
          serve.proc.kill('SIGTERM');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(await serve.exited).toBe(0);

    const received = new Set(serve.logs.filter((l) => l.msg === 'incoming request').map((l) => l.reqId as string));
    const answered = results.filter((r) => r.status !== undefined);
    const dropped = results.filter((r) => r.status === undefined).filter((r) => received.has(r.requestId));
    expect(dropped, 'requests received but not answered').toEqual([]);
    for (const r of answered) expect(received.has(r.requestId), r.requestId).toBe(true);
    expect(answered.every((r) => r.status === 201)).toBe(true);
    // Some requests were in flight when SIGTERM came, and were answered after it.
    expect(answered.filter((r) => r.at > termAt).length).toBeGreaterThan(0);
    expect(results.some((r) => r.error !== undefined)).toBe(true);
    expect(serve.logs.map((l) => l.msg)).toContain('stopped');
    // Ids only in the logs: nothing of a claim's content, no key.
    const logText = serve.logs.map((l) => JSON.stringify(l)).join('\n');
    expect(serve.logs.filter((l) => l.claimId !== undefined).length).toBeGreaterThan(0);
    for (const word of [
      '"person"',
      '"items"',
      '"amount"',
      '"county"',
      '"category"',
      'registered-poor',
      'rural-dibao',
      '"personal"',
      'bsw_',
      'authorization',
    ]) {
      expect(logText, word).not.toContain(word);
    }

    // What was answered 201 is stored, and nothing else.
    const reopened = await openStore(db);
    try {
      for (const r of results) {
        const stored = await reopened.read((x) => x.claim(r.id));
        expect(stored !== undefined, r.id).toBe(r.status === 201);
      }
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
