/**
 * `npm run bench:service`: settlements per second and p50/p99 latency of `bashunwei serve` over
 * HTTP on the loopback, for SQLite with one process and PostgreSQL with one and with two
 * processes (the built command, `dist/cli.js`, as it is installed). A script, not a test: it asserts
 * nothing about time, it measures and writes bench/service-results.json, and prints a table.
 *
 * The load: a closed loop of 8, then 32 connections in all (keep-alive), each sending the next
 * distinct claim (synthetic claims of 2018, from seeds/generator.ts) as soon as its previous one is
 * answered, spread round-robin over the processes; WARMUP requests first, not counted, then
 * REQUESTS measured. Every answer must be 201. PostgreSQL is a throwaway server with its durable
 * defaults (fsync on, synchronous_commit on); SQLite runs with synchronous=FULL, as served.
 * Then one more SQLite run and one PostgreSQL run under `--cpu-prof`, and where their CPU time went.
 *
 * The load generator shares the machine with the server(s) and PostgreSQL: on 2 cores, it takes
 * part of one. The figures are this machine's, on a day it is shared with others: see `machine`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClaims } from '../seeds/generator.js';
import { newApiKey } from '../src/service/keys.js';
import { openStore } from '../src/service/store/open-store.js';
import { startPostgres } from '../test/support/postgres-server.js';

const QUICK = process.env.BENCH_QUICK === '1';
/** Connections in all, per run: a cashier's desk load (8) and a busy back office's (32). */
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '8,32').split(',').map(Number);
const WARMUP = QUICK ? 300 : 2_000;
const REQUESTS = QUICK ? 2_000 : 10_000;
const PROFILED = QUICK ? 1_000 : 5_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.bench', 'service');
const log = (s: string) => process.stderr.write(`${s}\n`);

/** One measured run. */
interface Result {
  readonly name: string;
  readonly store: 'sqlite' | 'postgres';
  readonly processes: number;
  readonly connections: number;
  readonly requests: number;
  readonly seconds: number;
  readonly settlementsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
}

/** Starts `node dist/cli.js serve` on `db`, logs to a file, and resolves with its URL. */
async function serve(db: string, logFile: string, profileDir?: string): Promise<{ url: string; proc: ChildProcess }> {
  const args = [
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    join(root, 'dist/cli.js'),
    'serve',
    '--port',
    '0',
    '--db',
    db,
  ];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
      // Keep the log (the service's own request logs: part of what it costs) without holding it.
      if (out.length > 1 << 16) out = out.slice(-4096);
    });
    proc.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  writeFileSync(logFile, '');
  return { url, proc };
}

async function stop(procs: ChildProcess[]): Promise<void> {
  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((resolve) => {
          p.once('exit', () => resolve());
          p.kill('SIGTERM');
        }),
    ),
  );
}

/** Sends `bodies` in a closed loop of CONCURRENCY connections over `urls`; the latency of each, in ms. */
async function drive(
  urls: readonly string[],
  key: string,
  bodies: readonly string[],
  concurrency: number,
): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const agents = urls.map(() => new Agent({ keepAlive: true, maxSockets: Math.ceil(concurrency / urls.length) }));
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const target = new URL('/claims', urls[i % urls.length]);
      const body = bodies[i]!;
      const started = performance.now();
      const req = request(
        target,
        {
          method: 'POST',
          agent: agents[i % urls.length],
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if (res.statusCode !== 201) errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) await one(next++);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  for (const a of agents) a.destroy();
  return { latencies, errors, seconds };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The claims of a run: distinct ids, so that each request settles one claim (no replay). */
function bodies(prefix: string, n: number): string[] {
  return [...generateClaims({ claims: n, seed: 2018, year: 2018 })].map((c) =>
    JSON.stringify({ ...c, id: `${prefix}-${c.id as string}` }),
  );
}

async function keyFor(db: string): Promise<string> {
  const store = await openStore(db);
  const { key, row } = newApiKey('cashier', 'bench', new Date().toISOString());
  await store.insertKey(row);
  await store.close();
  return key;
}

/** One store and number of processes: a fresh database, warmed up, then each number of connections in turn. */
async function run(name: string, store: 'sqlite' | 'postgres', db: string, processes: number): Promise<Result[]> {
  const key = await keyFor(db);
  const servers = [];
  for (let i = 0; i < processes; i++) servers.push(await serve(db, join(work, `${name}-${i}.log`)));
  const urls = servers.map((s) => s.url);
  log(`${name}: warming up (${WARMUP} claims)…`);
  await drive(urls, key, bodies(`${name}-warm`, WARMUP), CONCURRENCY[0]!);
  const out: Result[] = [];
  for (const c of CONCURRENCY) {
    log(`${name}: ${REQUESTS} claims on ${c} connections…`);
    out.push(measured(name, store, processes, c, await drive(urls, key, bodies(`${name}-c${c}`, REQUESTS), c)));
  }
  await stop(servers.map((s) => s.proc));
  return out;
}

function measured(
  name: string,
  store: 'sqlite' | 'postgres',
  processes: number,
  connections: number,
  { latencies, errors, seconds }: { latencies: number[]; errors: number; seconds: number },
): Result {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    name,
    store,
    processes,
    connections,
    requests: REQUESTS,
    seconds: round(seconds),
    settlementsPerSecond: Math.round((REQUESTS - errors) / seconds),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1)!),
    errors,
  };
}

/** Where a profiled run's CPU time went: self time per function, and per part of the stack. */
async function profile(name: string, db: string): Promise<Record<string, unknown>> {
  const dir = join(work, `profile-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const key = await keyFor(db);
  const server = await serve(db, join(work, `${name}-profiled.log`), dir);
  await drive([server.url], key, bodies(`${name}-pw`, WARMUP), CONCURRENCY[0]!);
  const t0 = performance.now();
  await drive([server.url], key, bodies(`${name}-p`, PROFILED), CONCURRENCY[0]!);
  const seconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await stop([server.proc]);
  const stopping = (performance.now() - t1) / 1000;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: { id: number; hitCount: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
    endTime: number;
  };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const parts = new Map<string, number>();
  // Only the measured stretch: the samples of the last `seconds` before the shutdown began (the
  // start, module loading and the warm-up left out).
  const times: number[] = [];
  prof.timeDeltas.reduce((t, d, i) => (times[i] = t + d), prof.startTime);
  const to = prof.endTime - stopping * 1e6;
  const from = to - seconds * 1e6;
  prof.samples.forEach((id, i) => {
    if (times[i]! < from || times[i]! > to) return;
    const n = byId.get(id)!;
    const us = prof.timeDeltas[i] ?? 0;
    const f = n.callFrame;
    const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
    const label = `${f.functionName || '(anonymous)'} ${where}${f.url ? `:${f.lineNumber + 1}` : ''}`.trim();
    self.set(label, (self.get(label) ?? 0) + us);
    parts.set(part(f.functionName, f.url), (parts.get(part(f.functionName, f.url)) ?? 0) + us);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const share = (m: Map<string, number>, k: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([what, us]) => ({
        what,
        share: `${((100 * us) / total).toFixed(1)}%`,
        msPerSettlement: +(us / 1000 / PROFILED).toFixed(3),
      }));
  return {
    run: name,
    settlements: PROFILED,
    connections: CONCURRENCY[0],
    seconds: +seconds.toFixed(2),
    parts: share(parts, 12),
    functions: share(self, 20),
  };
}

/** The part of the stack a function belongs to. */
function part(fn: string, url: string): string {
  if (fn === '(idle)') return 'idle (waiting: the database, the network, the client)';
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(program)') return 'V8 and native code (program)';
  if (/better-sqlite3/.test(url) || (/^(run|all|get|exec|prepare)$/.test(fn) && url === ''))
    return 'SQLite (better-sqlite3, native)';
  if (/node_modules\/pg/.test(url)) return 'PostgreSQL client (pg)';
  if (/node_modules\/(pino|sonic-boom|thread-stream)/.test(url)) return 'logging (pino)';
  if (/node_modules\/(fastify|find-my-way|avvio|light-my-request|@fastify)/.test(url)) return 'Fastify';
  if (/node_modules\/prom-client/.test(url)) return 'metrics (prom-client)';
  if (/node_modules\/zod/.test(url)) return 'zod';
  if (/^node:|^$/.test(url))
    return fn === 'stringify' || fn === 'parse' ? 'JSON' : 'Node (http, net, streams, crypto …)';
  if (/dist\//.test(url)) return 'bashunwei (read, settle, write, store)';
  return 'other';
}

async function main(): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  log('building dist/ (tsup)…');
  execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'inherit' });
  const results: Result[] = [];
  const profiles: Record<string, unknown>[] = [];
  results.push(...(await run('sqlite-1', 'sqlite', join(work, 'bench.sqlite'), 1)));
  log('starting PostgreSQL (durable defaults)…');
  const pg = await startPostgres({ durable: true });
  try {
    results.push(...(await run('postgres-1', 'postgres', await pg.createDatabase('bench1'), 1)));
    results.push(...(await run('postgres-2', 'postgres', await pg.createDatabase('bench2'), 2)));
    log('profiling one SQLite run and one PostgreSQL run…');
    profiles.push(await profile('sqlite-1', join(work, 'profiled.sqlite')));
    profiles.push(await profile('postgres-1', await pg.createDatabase('profiled')));
  } finally {
    pg.stop();
  }
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: execFileSync(
      join((await import('../test/support/postgres-server.js')).postgresBin(), 'postgres'),
      ['--version'],
      { encoding: 'utf8' },
    ).trim(),
    loadAverageAtEnd: loadavg().map((x) => +x.toFixed(2)),
    note: "a 2-core machine shared with other engineers' builds and tests: absolute figures move by tens of percent from one run to the next; the load generator runs on the same cores",
    date: new Date().toISOString().slice(0, 10),
  };
  const out = {
    machine,
    load: { concurrency: CONCURRENCY, warmup: WARMUP, requests: REQUESTS, quick: QUICK },
    results,
    profiles,
  };
  writeFileSync(join(root, 'bench/service-results.json'), `${JSON.stringify(out, null, 2)}\n`);
  const rows = results.map(
    (r) =>
      `| ${r.store} | ${r.processes} | ${r.connections} | ${r.settlementsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} | ${r.errors} |`,
  );
  process.stdout.write(
    [
      `bashunwei serve, ${REQUESTS} settlements per row over HTTP on the loopback (${machine.cpus} × ${machine.cpu}, Node ${machine.node}, ${machine.postgres}; load average ${machine.loadAverageAtEnd.join(' ')})`,
      '',
      '| store | processes | connections | settlements/s | p50 ms | p99 ms | max ms | errors |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      ...profiles.flatMap((p) => [
        `where the CPU time of ${p.run as string} went (${p.settlements as number} settlements profiled):`,
        ...(p.parts as { what: string; share: string }[]).map((x) => `  ${x.share.padStart(6)}  ${x.what}`),
        '',
      ]),
    ].join('\n'),
  );
}

await main();
