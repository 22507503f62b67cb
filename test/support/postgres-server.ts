/**
 * A throwaway PostgreSQL server for the tests and the service bench: Debian's server binaries
 * (`postgresql` package: `npm test` installs it, scripts/test-setup.mjs), a cluster made by initdb in a temp folder, started
 * on a free loopback port, removed afterwards. initdb refuses to run as root: as root the cluster
 * belongs to the `postgres` system user (runuser), otherwise to whoever runs the tests.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A running server. */
export interface PostgresServer {
  /** The URL of a database on it (default `postgres`). */
  url(database?: string): string;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its folder. */
  stop(): void;
}

/** Options of {@link startPostgres}. */
export interface PostgresServerOptions {
  /**
   * Keep PostgreSQL's durability settings (fsync, synchronous_commit): on for the bench; off by
   * default in tests, which kill the service's processes, never the database's.
   */
  readonly durable?: boolean;
}

/**
 * The folder of the newest installed PostgreSQL server binaries (PG_BIN overrides).
 *
 * @example
 * postgresBin() // "/usr/lib/postgresql/15/bin"
 */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest)
    throw new Error(
      "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin: install Debian's postgresql package (apt-get install postgresql), as npm test does (scripts/test-setup.mjs)",
    );
  return join(root, newest, 'bin');
}

/**
 * Starts a throwaway server.
 *
 * @example
 * const server = await startPostgres(); const url = await server.createDatabase('t1'); … server.stop();
 */
export async function startPostgres(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'bashunwei-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  // As root, hand the folder to the postgres user and run the tools as it.
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })) : undefined;
  if (owner !== undefined) chownSync(dir, owner, Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe' });
  let port = 0;
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
    // A free port is free when asked, not always when the server binds it (other tests and other
    // processes of the machine take ports too): a port taken meanwhile is tried again with another.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const settings = [
        `listen_addresses=127.0.0.1`,
        `port=${port}`,
        `unix_socket_directories=${dir}`,
        'max_connections=200',
        ...(options.durable ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']),
      ];
      try {
        run('pg_ctl', [
          '-D',
          data,
          '-l',
          join(dir, 'server.log'),
          '-w',
          // Generous: a loaded machine starts a server slowly (pg_ctl's default wait is 60 s).
          '-t',
          '600',
          '-o',
          settings.map((s) => `-c ${s}`).join(' '),
          'start',
        ]);
        break;
      } catch (e) {
        const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
        if (attempt >= 5 || !/could not bind|already in use/i.test(log)) throw e;
      }
    }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `PostgreSQL did not start: ${(e as { stderr?: Buffer }).stderr?.toString() ?? (e as Error).message}`,
    );
  }
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '600', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A TCP port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
