/**
 * Slow clients against `bashunwei serve`: a connection that sends half a request (half of its
 * headers, half of its body, or nothing at all) is answered 408 and closed once its timeout has
 * passed, and hundreds of them do not hold a SIGTERM: the process drains, ends them, and exits 0
 * well within its grace period. The timeouts by default are the documented ones.
 */
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildService } from '../../src/service/build-service.js';
import { openStore } from '../../src/service/store/open-store.js';
import { type ServeProcess, makeKeys, spawnServe, tempDir } from './service-helpers.js';

const temp = tempDir();
const running: ServeProcess[] = [];
afterAll(async () => {
  for (const p of running) p.proc.kill('SIGKILL');
  await Promise.all(running.map((p) => p.exited));
  temp.remove();
}, 600_000);

/** A connection to `url` that sends `text` and nothing more: what it received, and when it closed. */
interface Slow {
  readonly socket: Socket;
  readonly closed: Promise<{ received: string; afterMs: number }>;
}
function slowClient(url: string, text: string): Promise<Slow> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    const closed = new Promise<{ received: string; afterMs: number }>((done) =>
      socket.on('close', () => done({ received, afterMs: performance.now() - started })),
    );
    socket.on('data', (d: Buffer) => (received += d.toString()));
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      if (text !== '') socket.write(text);
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

/** Resolves with `p`'s value, or with 'still open' after `ms`. */
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<'still open'>((r) => setTimeout(() => r('still open'), ms).unref())]);

const halfHeaders = 'GET /healthz HTTP/1.1\r\nHost: bashunwei\r\nX-Slow: ';
const halfBody = (key: string) =>
  `POST /claims HTTP/1.1\r\nHost: bashunwei\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":"SLOW",`;

describe('bashunwei serve and slow clients', () => {
  it('has the documented timeouts by default: 60 s for a request, 10 s for its headers, 5 s for an idle connection', async () => {
    const store = await openStore(join(temp.dir, 'defaults.sqlite'));
    const app = await buildService({ store });
    try {
      expect(app.server.requestTimeout).toBe(60_000);
      expect(app.server.headersTimeout).toBe(10_000);
      expect(app.server.keepAliveTimeout).toBe(5_000);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('answers 408 and closes a connection that sends half of its headers, half of its body, or nothing, once its timeout has passed', async () => {
    const db = join(temp.dir, 'slow.sqlite');
    const store = await openStore(db);
    const { cashier } = await makeKeys(store);
    await store.close();
    const serve = await spawnServe(db, ['--headers-timeout', '2', '--request-timeout', '3']);
    running.push(serve);
    const clients = {
      headers: await slowClient(serve.url, halfHeaders),
      body: await slowClient(serve.url, halfBody(cashier)),
      nothing: await slowClient(serve.url, ''),
    };
    // Node checks incomplete requests every second: closed within about the timeout and a second,
    // given a generous margin here for a busy machine.
    for (const [name, client] of Object.entries(clients)) {
      const outcome = await within(client.closed, 30_000);
      expect(outcome, name).not.toBe('still open');
      const { received, afterMs } = outcome as { received: string; afterMs: number };
      expect(received, name).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(afterMs, name).toBeGreaterThan(1_500);
    }
    // And the service still serves.
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
    serve.proc.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
  }, 600_000);

  it('exits 0 on SIGTERM, within its grace period, with 300 slow connections open', async () => {
    const db = join(temp.dir, 'many.sqlite');
    const store = await openStore(db);
    const { cashier } = await makeKeys(store);
    await store.close();
    // The timeouts by default (60 s for a request): only the drain on closing can end these in time.
    const serve = await spawnServe(db);
    running.push(serve);
    const clients: Slow[] = [];
    for (let i = 0; i < 100; i++) {
      clients.push(await slowClient(serve.url, halfHeaders));
      clients.push(await slowClient(serve.url, halfBody(cashier)));
      clients.push(await slowClient(serve.url, ''));
    }
    // Every half body has reached the service (its request is logged when its headers are read).
    for (let t = 0; t < 300; t++) {
      if (serve.logs.filter((l) => l.msg === 'incoming request').length >= 100) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(serve.logs.filter((l) => l.msg === 'incoming request').length).toBeGreaterThanOrEqual(100);
    const started = performance.now();
    serve.proc.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    // The drain lasts the keep-alive timeout (5 s); the grace period, after which it would exit 1, is 25 s.
    expect(performance.now() - started).toBeLessThan(25_000);
    const outcomes = await Promise.all(clients.map((c) => within(c.closed, 10_000)));
    expect(outcomes.filter((o) => o === 'still open')).toEqual([]);
    expect(serve.logs.map((l) => l.msg)).toContain('stopped');
  }, 600_000);
});
