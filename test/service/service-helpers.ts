/**
 * Helpers of the service's tests: a service on a real store (SQLite file or PostgreSQL database)
 * listening on a loopback port, in this process or as `bashunwei serve` processes; keys of each
 * role; claims that settle with the embedded rules; the ledger a person-year's claims give when
 * settled one by one; a small HTTP client that never throws for a status.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import { yearLedgerToJson } from '../../src/ledger/ledger-json.js';
import type { YearLedger } from '../../src/ledger/year-ledger.js';
import { buildService } from '../../src/service/build-service.js';
import { newApiKey } from '../../src/service/keys.js';
import type { Role } from '../../src/service/roles.js';
import { openStore } from '../../src/service/store/open-store.js';
import type { Store } from '../../src/service/store/store.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import { ROOT } from '../support/paths.js';
import { type PostgresServer, startPostgres } from '../support/postgres-server.js';

export const root = ROOT;

/**
 * The first example claim (examples/claims/01-poor-inpatient-in-county.json), as a client sends it.
 *
 * @example
 * await call(url, 'POST', '/claims', { key: keys.cashier, body: exampleClaim }) // 201, claim C01 of P1
 */
export const exampleClaim = JSON.parse(
  readFileSync(join(ROOT, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8'),
) as Record<string, unknown>;

/**
 * The example claim under another id (and person), discharged on `day` of June 2017.
 *
 * @example
 * juneClaim('R2', 'PR', 12) // settles after juneClaim('R1', 'PR', 10)
 */
export function juneClaim(id: string, person = 'P1', day = 10): Record<string, unknown> {
  return {
    ...exampleClaim,
    id,
    person: { ...(exampleClaim.person as object), id: person },
    visit: {
      kind: 'inpatient',
      admitted: `2017-06-${String(day - 1).padStart(2, '0')}`,
      discharged: `2017-06-${String(day).padStart(2, '0')}`,
    },
  };
}

/**
 * Both stores of a test file, each call a new one: an SQLite file in a temp folder, or a database
 * on a throwaway PostgreSQL server started before the file's tests. Call it at the file's top level:
 * it registers the hooks that start the server and remove both afterwards.
 *
 * @example
 * const stores = bothStores('routes'); … startLocal(await stores.postgres())
 */
export function bothStores(prefix: string): Record<'sqlite' | 'postgres', () => Promise<string>> {
  const temp = tempDir();
  let pg: PostgresServer | undefined;
  let n = 0;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 600_000);
  afterAll(() => {
    pg?.stop();
    temp.remove();
  }, 600_000);
  return {
    sqlite: async () => join(temp.dir, `${prefix}-${++n}.sqlite`),
    postgres: async () => pg!.createDatabase(`${prefix}_${++n}`),
  };
}

/** Keys of every role. */
export type Keys = Record<Role, string>;

/**
 * Makes one key of each role in the store at `db`.
 *
 * @example
 * const keys = await makeKeys(store);
 */
export async function makeKeys(store: Store): Promise<Keys> {
  const out = {} as Keys;
  for (const role of ['cashier', 'auditor', 'admin'] as const) {
    const { key, row } = newApiKey(role, `test ${role}`, new Date().toISOString());
    await store.insertKey(row);
    out[role] = key;
  }
  return out;
}

/** A temp folder, removed by the returned function. */
export function tempDir(prefix = 'bashunwei-service-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A service in this process, on a real store, listening on a loopback port. */
export interface LocalService {
  readonly url: string;
  readonly store: Store;
  readonly app: FastifyInstance;
  readonly keys: Keys;
  close(): Promise<void>;
}

/**
 * Starts the service in this process on the store `db` (an SQLite file or a postgres:// URL).
 *
 * @example
 * const s = await startLocal(join(dir, 'a.sqlite')); … await s.close();
 */
export async function startLocal(db: string): Promise<LocalService> {
  const store = await openStore(db);
  const keys = await makeKeys(store);
  const app = await buildService({ store });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    store,
    app,
    keys,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** A `bashunwei serve` process. */
export interface ServeProcess {
  readonly url: string;
  readonly proc: ChildProcess;
  /** Its JSON log lines, parsed, as they came. */
  readonly logs: Record<string, unknown>[];
  /** Resolves with the exit code (or the signal) once it has exited. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
}

/**
 * Runs `bashunwei serve --port 0 --db <db> [args…]` (from source, through tsx) and waits until it listens.
 *
 * @example
 * const p = await spawnServe(url, ['--headers-timeout', '2']); … p.proc.kill('SIGKILL');
 */
export async function spawnServe(db: string, args: readonly string[] = []): Promise<ServeProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/bin.ts', 'serve', '--port', '0', '--db', db, ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    proc.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let partial = '';
    proc.stdout!.on('data', (d: Buffer) => {
      partial += d.toString();
      const lines = partial.split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (line.trim() === '') continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        const m = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(String(entry.msg));
        if (m) resolve(m[1]!);
      }
    });
    proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    void exited.then((code) => reject(new Error(`serve exited with ${String(code)} before listening: ${stderr}`)));
  });
  return { url, proc, logs, exited };
}

/** An HTTP answer: status, headers, body (parsed when JSON). */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/**
 * Sends one request; a body that is not a string is sent as JSON.
 *
 * @example
 * const r = await call(url, 'POST', '/claims', { key: keys.cashier, body: claim });
 */
export async function call(
  url: string,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const r = await fetch(url + path, { method, headers, body });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the text stays
  }
  return { status: r.status, headers: r.headers, text, body: parsed };
}

/**
 * `n` claims of 2018 (they settle with the embedded rules) of `persons` persons, interleaved:
 * the generator's claims, their person ids taken in turn from P1…Pn and their ids prefixed.
 *
 * @example
 * const claims = testClaims(300, 5, 'L');
 */
export function testClaims(n: number, persons: number, prefix: string, seed = 12): Record<string, unknown>[] {
  return [...generateClaims({ claims: n, seed, year: 2018 })].map((c, i) => ({
    ...c,
    id: `${prefix}-${String(i).padStart(4, '0')}`,
    person: { ...(c.person as object), id: `${prefix}-P${(i % persons) + 1}` },
  }));
}

/**
 * What settling `inputs` one by one in this order gives: each settlement (as the service writes
 * it, in Chinese) and the ledger at the end.
 *
 * @example
 * expect(ledgerState.ledger).toEqual(settleInOrder(claimsInStoredOrder).ledger);
 */
export function settleInOrder(inputs: readonly unknown[]): { settlements: unknown[]; ledger: unknown } {
  let ledger: YearLedger | undefined;
  const settlements: unknown[] = [];
  for (const input of inputs) {
    const c = parseClaim(input);
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const r = settleClaim(c.value, ledger ? { ledger } : {});
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    ledger = r.value.ledger;
    settlements.push(JSON.parse(JSON.stringify(settlementToJson(r.value))));
  }
  return { settlements, ledger: ledger && yearLedgerToJson(ledger) };
}
