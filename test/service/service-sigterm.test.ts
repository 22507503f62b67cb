/**
 * SIGTERM under load, on both stores: `bashunwei serve` stops accepting connections, answers every
 * request it had received (each request carries an `x-request-id`, which the service logs as it
 * receives it: every id in its log got an answer, and every request that got none is absent from
 * the log), closes its database and exits 0. What it answered 201 is stored. Keep-alive clients
 * sending one request after another are drained rather than cut: each request on a connection it
 * had accepted gets its whole answer (the last one with `Connection: close`), and a client's next
 * request finds the port closed (refused, never accepted), never a reset.
 */
import { Agent, request } from 'node:http';
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
}, 600_000);
afterAll(async () => {
  for (const p of running) p.proc.kill('SIGKILL');
  pg?.stop();
  temp.remove();
}, 600_000);

let n = 0;
const stores: Record<string, () => Promise<string>> = {
  sqlite: async () => join(temp.dir, `sigterm-${++n}.sqlite`),
  postgres: () => pg.createDatabase(`sigterm_${++n}`),
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
  }, 600_000);

  it('drains keep-alive clients: a connection idle at SIGTERM still has its next request answered, and clients sending a steady stream get every request answered in full or refused before it was accepted, never reset', async () => {
    const db = await stores[kind]!();
    const store = await openStore(db);
    const { cashier } = await makeKeys(store);
    await store.close();
    // A keep-alive timeout longer than a busy machine's pauses: the idle connection below must not
    // end by it before its next request.
    const serve = await spawnServe(db, ['--keep-alive-timeout', '10']);
    running.push(serve);

    const claims = testClaims(2000, 40, `KA${kind}`);
    let next = 0;
    /** Sends claim `i` on `agent`'s connection: its answer (status, whether it closes the connection), or the error that ended it. */
    const post = (agent: Agent, i: number) =>
      new Promise<Outcome>((resolve) => {
        const requestId = `keepalive-${kind}-${i}`;
        const body = JSON.stringify(claims[i]);
        const req = request(`${serve.url}/claims`, {
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${cashier}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-request-id': requestId,
          },
        });
        const failed = (e: Error) => resolve({ requestId, error: (e as NodeJS.ErrnoException).code ?? e.message });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('error', failed);
          res.on('end', () => {
            let complete = false;
            try {
              complete = (JSON.parse(text) as { claimId?: string }).claimId === claims[i]!.id;
            } catch {
              // an answer cut short is not JSON
            }
            resolve({
              requestId,
              status: res.statusCode,
              close: res.headers.connection === 'close',
              complete,
              reused: req.reusedSocket,
            });
          });
        });
        req.on('error', failed);
        req.end(body);
      });

    const results: Outcome[] = [];
    let answered = 0;
    const steady = async () => {
      // One connection per client, kept alive between its requests, the next request sent as soon
      // as the last answer is read.
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        while (next < claims.length) {
          const outcome = await post(agent, next++);
          results.push(outcome);
          if (outcome.error !== undefined) return;
          answered++;
        }
      } finally {
        agent.destroy();
      }
    };
    const idle = async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        while (answered < 150) await new Promise((r) => setTimeout(r, 10));
        expect((await post(agent, next++)).status).toBe(201);
        // Its connection is idle when SIGTERM comes; it sends again once the service is shutting down.
        serve.proc.kill('SIGTERM');
        while (!serve.logs.some((l) => String(l.msg).startsWith('shutting down')))
          await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 200));
        return await post(agent, next++);
      } finally {
        agent.destroy();
      }
    };
    const [last] = await Promise.all([idle(), ...Array.from({ length: 8 }, steady)]);
    expect(await serve.exited).toBe(0);

    expect(last).toMatchObject({ status: 201, complete: true, close: true, reused: true });
    const failed = results.filter((r) => r.error !== undefined);
    // Each steady client ended on a refused connection: after SIGTERM the port is closed, and a
    // connection it had accepted was closed only after an answer that said so.
    expect(failed.map((r) => r.error)).toEqual(failed.map(() => 'ECONNREFUSED'));
    const received = new Set(serve.logs.filter((l) => l.msg === 'incoming request').map((l) => l.reqId as string));
    for (const r of failed) expect(received.has(r.requestId), r.requestId).toBe(false);
    const answers = results.filter((r) => r.error === undefined);
    expect(answers.every((r) => r.status === 201 && r.complete)).toBe(true);
    for (const r of answers) expect(received.has(r.requestId), r.requestId).toBe(true);
    // The answers given while closing said Connection: close.
    expect(answers.filter((r) => r.close).length).toBeGreaterThan(0);
  }, 600_000);
});

/** One request's fate: its answer (status, whether it closes the connection, on a connection used before), or the error that ended it. */
interface Outcome {
  readonly requestId: string;
  readonly status?: number;
  readonly close?: boolean;
  readonly complete?: boolean;
  readonly reused?: boolean;
  readonly error?: string;
}
