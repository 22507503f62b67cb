/**
 * `bashunwei serve` under a bounded load with a kill -9 in the middle: three processes on one
 * PostgreSQL database (and one process on an SQLite file), hundreds of claims of a few persons
 * interleaved across the processes, replays and reversals (some repeated) mixed in; one process
 * is killed with SIGKILL while requests are known to be in flight, restarted, and every request
 * that got no answer is sent again. Known, not hoped: the kill waits until the victim has answered
 * one request of the wave in flight and holds a request it has received and cannot have answered
 * (its body half sent), and, on PostgreSQL, one whose transaction waits for a person-year's lock
 * the test holds (so the kill comes mid-transaction). Then, read back from the service:
 * - every claim is settled once: one `settle` in the journal, at most one 201 answer, and the
 *   version 1 stored is the answer given; a replay answers a version that is stored;
 * - a reversal happened once per reversed claim, and every repeat of it answered the first answer;
 * - every person-year's ledger equals its claims settled one by one in their stored order, and so
 *   does every claim's current settlement;
 * - every settlement version has its journal entry.
 */
import { connect, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/service/store/open-store.js';
import {
  type Keys,
  type Reply,
  type ServeProcess,
  call,
  makeKeys,
  settleInOrder,
  spawnServe,
  tempDir,
  testClaims,
} from './service-helpers.js';
import { type PostgresServer, startPostgres } from '../support/postgres-server.js';

/** One request of the load. */
interface Op {
  readonly kind: 'settle' | 'replay' | 'reverse';
  readonly claimId: string;
  readonly claim?: Record<string, unknown>;
  /** The process it is first sent to. */
  readonly process: number;
  /** Every answer it got (a resent request may get one more). */
  answers: Reply[];
  /** Attempts that got no answer (connection refused or reset). */
  failures: number;
}

const CLAIMS = 240;
const PERSONS = 4;
const WAVE = 16;

/** The load: each claim settled, every 6th replayed later, every 20th reversed later and the reversal repeated. */
function load(prefix: string, processes: number): Op[] {
  const claims = testClaims(CLAIMS, PERSONS, prefix, 31);
  const ops: Omit<Op, 'process' | 'answers' | 'failures'>[] = [];
  claims.forEach((c, i) => {
    ops.push({ kind: 'settle', claimId: c.id as string, claim: c });
    if (i % 6 === 5) ops.push({ kind: 'replay', claimId: claims[i - 5]!.id as string, claim: claims[i - 5] });
    if (i % 20 === 19) ops.push({ kind: 'reverse', claimId: claims[i - 19]!.id as string });
    if (i % 20 === 9 && i > 20) ops.push({ kind: 'reverse', claimId: claims[i - 29]!.id as string });
  });
  return ops.map((o, i) => ({ ...o, process: i % processes, answers: [], failures: 0 }));
}

/** Sends one op to `url`: records its answer, or a failure when the connection gave none. */
async function send(op: Op, url: string, keys: Keys): Promise<void> {
  try {
    const r =
      op.kind === 'reverse'
        ? await call(url, 'POST', `/claims/${encodeURIComponent(op.claimId)}/reverse`, { key: keys.admin })
        : await call(url, 'POST', '/claims', { key: keys.cashier, body: op.claim });
    op.answers.push(r);
  } catch {
    op.failures++;
  }
}

/** A request the victim holds when it is killed: in flight, and known to be. */
interface Held {
  readonly op: Op;
  /** Resolves once the victim has it (and cannot have answered it). */
  readonly inFlight: Promise<void>;
  /** Lets it go after the kill (a socket closed, a lock released). */
  release(): Promise<void>;
}

/** Waits until `check()` holds, or fails after `ms` (generous: the machine may be busy). */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 300_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * A settlement sent to `server` with half of its body: the service has received it (it logs the
 * request when its headers are read) and waits for the rest, which never comes.
 */
function halfSent(server: ServeProcess, op: Op, keys: Keys): Held {
  const requestId = `held-${op.claimId}`;
  const body = JSON.stringify(op.claim);
  let socket: Socket | undefined;
  const sent = new Promise<void>((resolve) => {
    socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => {
      socket!.write(
        `POST /claims HTTP/1.1\r\nHost: bashunwei\r\nAuthorization: Bearer ${keys.cashier}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\n\r\n${body.slice(0, body.length >> 1)}`,
      );
      resolve();
    });
    socket.on('data', () => op.answers.push({ status: 0, headers: new Headers(), text: 'unexpected', body: null }));
    socket.on('error', () => undefined);
    socket.on('close', () => op.failures++);
  });
  return {
    op,
    inFlight: sent.then(() =>
      until(
        () => server.logs.some((l) => l.msg === 'incoming request' && l.reqId === requestId),
        'the half-sent request to reach the victim',
      ),
    ),
    release: async () => void socket?.destroy(),
  };
}

/**
 * On PostgreSQL: a settlement sent to `url` whose person-year's lock the test holds (the
 * service's own advisory lock, docs/service.md "Scaling"), so that its transaction has begun and
 * waits; released after the kill.
 */
async function waitingForLock(db: string, url: string, op: Op, keys: Keys): Promise<Held> {
  const holder = new pg.Client({ connectionString: db });
  await holder.connect();
  const person = (op.claim!.person as { id: string }).id;
  await holder.query('BEGIN');
  await holder.query("SELECT pg_advisory_xact_lock(hashtextextended($1::text || '|' || $2::text, 0))", [person, 2018]);
  const answered = send(op, url, keys);
  return {
    op,
    inFlight: until(
      async () =>
        Number(
          (await holder.query("SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rows[0]
            .n,
        ) > 0,
      "the victim's transaction to wait for the person-year's lock",
    ),
    release: async () => {
      await answered;
      await holder.query('COMMIT');
      await holder.end();
    },
  };
}

/**
 * Runs the load on `processes` processes of `db`, killing process `victim` with SIGKILL mid-load
 * (with requests known to be in flight) and restarting it.
 */
async function runWithKill(db: string, processes: number, victim: number, prefix: string) {
  const store = await openStore(db);
  const keys = await makeKeys(store);
  await store.close();
  const servers: ServeProcess[] = await Promise.all(Array.from({ length: processes }, () => spawnServe(db)));
  const ops = load(prefix, processes);
  // The held requests: claims of persons of their own, so that nothing else waits for their locks.
  const extra = (suffix: string): Op => {
    const [c] = testClaims(1, 1, `${prefix}${suffix}`, 77);
    return { kind: 'settle', claimId: c!.id as string, claim: c, process: victim, answers: [], failures: 0 };
  };
  let killedAt = -1;
  let held: Held[] = [];
  try {
    for (let w = 0; w < ops.length; w += WAVE) {
      const wave = ops.slice(w, w + WAVE);
      const answered = ops.filter((o) => o.answers.length > 0).length;
      if (killedAt < 0 && answered >= ops.length / 3) {
        held = [halfSent(servers[victim]!, extra('H'), keys)];
        if (db.startsWith('postgres')) held.push(await waitingForLock(db, servers[victim]!.url, extra('L'), keys));
        await Promise.all(held.map((h) => h.inFlight));
      }
      const inFlight = wave.map((o) => send(o, servers[o.process]!.url, keys));
      if (killedAt < 0 && held.length > 0) {
        // Kill while this wave is in flight, once the victim has answered one of its requests: the
        // others are then queued behind a person-year's lock, mid-transaction, or not yet read.
        killedAt = w;
        const mine = wave.filter((o) => o.process === victim);
        for (let t = 0; t < 100 && !mine.some((o) => o.answers.length > 0); t++)
          await new Promise((r) => setTimeout(r, 2));
        servers[victim]!.proc.kill('SIGKILL');
        await Promise.all(inFlight);
        expect(await servers[victim]!.exited).toBe('SIGKILL');
        for (const h of held) await h.release();
        servers[victim] = await spawnServe(db);
      } else await Promise.all(inFlight);
    }
    ops.push(...held.map((h) => h.op));
    // Every request that got no answer, sent again (round the processes) until answered.
    const unanswered = ops.filter((o) => o.answers.length === 0);
    for (let attempt = 0; attempt < 3; attempt++) {
      for (const [i, o] of ops.filter((x) => x.answers.length === 0).entries())
        await send(o, servers[i % processes]!.url, keys);
    }
    return { ops, keys, servers, killedAt, unanswered: unanswered.length, held: held.map((h) => h.op) };
  } catch (e) {
    for (const s of servers) s.proc.kill('SIGKILL');
    throw e;
  }
}

/** Everything the service holds, read through one of its processes. */
async function verify(url: string, keys: Keys, ops: Op[]) {
  const claims = new Map<string, Record<string, unknown>>();
  for (const o of ops) if (o.claim) claims.set(o.claimId, o.claim);
  expect(
    ops.every((o) => o.answers.length > 0),
    'every request answered in the end',
  ).toBe(true);

  const histories = new Map<
    string,
    { status: string; versions: { version: number; settlement: unknown; action: string }[]; settlement: unknown }
  >();
  for (const id of claims.keys()) {
    const r = await call(url, 'GET', `/claims/${encodeURIComponent(id)}`, { key: keys.auditor });
    expect(r.status, id).toBe(200);
    histories.set(id, r.body);
  }
  const journal: { action: string; claimId: string; versionAfter: number }[] = [];
  for (let since = '0-0'; ; ) {
    const page = (await call(url, 'GET', `/journal?since=${since}&limit=5000`, { key: keys.auditor })).body;
    if (page.entries.length === 0) break;
    journal.push(...page.entries);
    since = page.next;
  }

  // Settled once, stored as answered.
  const reversedByAnswer = new Set<string>();
  for (const [id, h] of histories) {
    const settleOps = ops.filter((o) => o.claimId === id && o.kind !== 'reverse');
    const created = settleOps.flatMap((o) => o.answers).filter((a) => a.status === 201);
    expect(created.length, `${id}: answered 201 at most once`).toBeLessThanOrEqual(1);
    if (created[0])
      expect(h.versions[0]!.settlement, `${id}: version 1 is the settlement answered`).toEqual(created[0].body);
    for (const a of settleOps.flatMap((o) => o.answers)) {
      if (a.status === 200)
        expect(
          h.versions.map((v) => v.settlement),
          `${id}: a replay answers a stored version`,
        ).toContainEqual(a.body);
      else if (a.status === 409) expect(h.status, `${id}: refused as a duplicate only once reversed`).toBe('reversed');
      else expect(a.status, `${id}: ${a.text}`).toBe(201);
    }
    expect(
      journal.filter((e) => e.claimId === id && e.action === 'settle'),
      `${id}: one settle in the journal`,
    ).toHaveLength(1);
    // Each version has its journal entry.
    expect(
      journal.filter((e) => e.claimId === id).map((e) => e.versionAfter),
      id,
    ).toEqual(h.versions.map((v) => v.version));
    const reversals = ops.filter((o) => o.claimId === id && o.kind === 'reverse').flatMap((o) => o.answers);
    const done = reversals.filter((a) => a.status === 200);
    for (const a of done) expect(a.text, `${id}: a repeated reversal answers the first`).toBe(done[0]!.text);
    for (const a of reversals.filter((x) => x.status !== 200)) expect(a.status, `${id}: ${a.text}`).toBe(404);
    if (done.length > 0) reversedByAnswer.add(id);
    expect(h.status === 'reversed', `${id}: reversed exactly when a reversal was answered`).toBe(done.length > 0);
    expect(journal.filter((e) => e.claimId === id && e.action === 'reverse')).toHaveLength(done.length > 0 ? 1 : 0);
  }

  // Every person-year: its claims in stored order give its ledger and every current settlement.
  const persons = new Set([...claims.values()].map((c) => (c.person as { id: string }).id));
  let inLedgers = 0;
  for (const person of persons) {
    const state = (await call(url, 'GET', `/ledgers/${encodeURIComponent(person)}/2018`, { key: keys.auditor })).body;
    const ordered = (state.claims as string[]).map((id) => claims.get(id)!);
    const expected = settleInOrder(ordered);
    if (ordered.length > 0) expect(state.ledger, person).toEqual(expected.ledger);
    for (const [i, id] of (state.claims as string[]).entries())
      expect(histories.get(id)!.settlement, `${person} ${id}`).toEqual(expected.settlements[i]);
    expect(new Set(state.claims).size).toBe(state.claims.length);
    inLedgers += state.claims.length;
  }
  expect(inLedgers + reversedByAnswer.size, 'each claim in one ledger or reversed').toBe(claims.size);
  return { reversed: reversedByAnswer.size, journal: journal.length };
}

describe('bashunwei serve across a kill -9 mid-load', () => {
  const temp = tempDir();
  let pgServer: PostgresServer;
  let running: ServeProcess[] = [];
  beforeAll(async () => {
    pgServer = await startPostgres();
  }, 600_000);
  afterAll(async () => {
    for (const s of running) s.proc.kill('SIGKILL');
    await Promise.all(running.map((s) => s.exited));
    pgServer?.stop();
    temp.remove();
  }, 600_000);

  it('three processes on one PostgreSQL database: every answered claim stored once and unchanged, every ledger its claims in stored order', async () => {
    const db = await pgServer.createDatabase('crash');
    const run = await runWithKill(db, 3, 1, 'PG');
    running = run.servers;
    expect(run.killedAt).toBeGreaterThan(0);
    expect(run.unanswered, 'the kill left requests unanswered').toBeGreaterThan(0);
    // The held requests (half a body; a transaction waiting for its lock) got no answer from the
    // victim, and were settled once when sent again.
    expect(run.held.map((o) => [o.failures > 0, o.answers.map((a) => a.status)])).toEqual([
      [true, [201]],
      [true, [201]],
    ]);
    const seen = await verify(run.servers[0]!.url, run.keys, run.ops);
    expect(seen.reversed).toBeGreaterThan(5);
    // Each process took part.
    for (const s of run.servers)
      expect(s.logs.some((l) => l.msg === 'request completed' && l.outcome === 'settled')).toBe(true);
    for (const s of run.servers) s.proc.kill('SIGKILL');
  }, 600_000);

  it('one process on an SQLite file: the same', async () => {
    const run = await runWithKill(`${temp.dir}/crash.sqlite`, 1, 0, 'SQ');
    running = run.servers;
    expect(run.unanswered).toBeGreaterThan(0);
    expect(run.held.map((o) => [o.failures > 0, o.answers.map((a) => a.status)])).toEqual([[true, [201]]]);
    const seen = await verify(run.servers[0]!.url, run.keys, run.ops);
    expect(seen.reversed).toBeGreaterThan(5);
    for (const s of run.servers) s.proc.kill('SIGKILL');
  }, 600_000);
});
