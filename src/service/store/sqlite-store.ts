/**
 * The embedded store: one SQLite file through better-sqlite3 (loaded here, on first use, so that
 * nothing else pays for it), for one `serve` process.
 *
 * Writes go through one connection, reads through a second, read-only one that sees only what was
 * committed (WAL). better-sqlite3 is synchronous and the writer has one transaction at a time, so
 * transactions are queued and run in turn; those that arrive together share one COMMIT (each in
 * its own SAVEPOINT, so one that fails leaves the others whole). synchronous=FULL: a settlement
 * that was answered was on the disk first, and shares of one fsync keep that affordable.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import { type Dialect, INSERT_KEY, readStatements, type SqlConn, transactionStatements } from './statements.js';
import { SCHEMA_VERSION, sqliteSchema } from './schema.js';
import type { Store, Tx } from './store.js';
import { StoreError } from './store-error.js';

/** Most transactions that share one COMMIT. */
const MAX_BATCH = 128;

type Job = {
  readonly work: (tx: Tx) => Promise<unknown>;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
};

/**
 * Opens (and creates when new) the SQLite store in `file`.
 *
 * @example
 * const store = openSqliteStore('bashunwei.sqlite');
 */
export function openSqliteStore(file: string): Store {
  if (file === ':memory:' || file === '')
    throw new StoreError(
      `the SQLite store needs a file (it is read through a second connection), not ${JSON.stringify(file)}`,
    );
  const Database = loadDriver();
  const { writer, reader } = open(Database, file);

  const dialect: Dialect = {
    lockPersonYear: async () => {},
    // One writer: the journal's order is the commit order, a transaction's number the next one.
    transactionNumber: {
      sql: '?',
      value: async (conn) => String((await conn.all('SELECT COALESCE(MAX(txid), 0) + 1 AS t FROM journal', []))[0]!.t),
    },
    journalHorizon: '',
  };
  const writeConn = connection(writer);
  const readConn = connection(reader);
  const queue: Job[] = [];
  let flushing = false;
  let reads: Promise<unknown> = Promise.resolve();

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      const outcomes: (() => void)[] = [];
      // A failure SQLite answers by rolling back the whole transaction takes the batch with it.
      let broken: unknown;
      try {
        writer.exec('BEGIN IMMEDIATE');
      } catch (e) {
        for (const job of batch) job.reject(e);
        continue;
      }
      for (const job of batch) {
        if (broken !== undefined) break;
        writer.exec('SAVEPOINT job');
        try {
          const value = await job.work(transactionStatements(writeConn, dialect));
          writer.exec('RELEASE job');
          outcomes.push(() => job.resolve(value));
        } catch (e) {
          try {
            writer.exec('ROLLBACK TO job');
            writer.exec('RELEASE job');
            outcomes.push(() => job.reject(e));
          } catch {
            broken = e;
          }
        }
      }
      try {
        if (broken !== undefined) throw broken;
        writer.exec('COMMIT');
      } catch (e) {
        if (writer.inTransaction) writer.exec('ROLLBACK');
        for (const job of batch) job.reject(e);
        continue;
      }
      // Answers only after the COMMIT: nothing is told that is not on the disk.
      for (const settle of outcomes) settle();
    }
    flushing = false;
  }

  return {
    kind: 'sqlite',
    description: file,
    transaction: <T>(work: (tx: Tx) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (!flushing) {
          flushing = true;
          // Whatever else arrives in this turn of the event loop joins the same COMMIT.
          setImmediate(() => void flush());
        }
      }),
    read: <T>(work: (r: ReturnType<typeof readStatements>) => Promise<T>) => {
      // One snapshot per read; reads take turns on their connection (a transaction each).
      const run = async (): Promise<T> => {
        reader.exec('BEGIN');
        try {
          return await work(readStatements(readConn, dialect));
        } finally {
          reader.exec('COMMIT');
        }
      };
      const next = reads.then(run, run);
      reads = next.catch(() => undefined);
      return next;
    },
    insertKey: async (k) => void writer.prepare(INSERT_KEY).run(k.id, k.name, k.role, k.hash, k.createdAt),
    ping: async () => void reader.prepare('SELECT 1').get(),
    close: async () => {
      reader.close();
      writer.close();
    },
  };
}

/** The two connections, the tables made when new; a file that cannot be used is a StoreError. */
function open(
  Database: typeof BetterSqlite3,
  file: string,
): { writer: BetterSqlite3.Database; reader: BetterSqlite3.Database } {
  let writer: BetterSqlite3.Database | undefined;
  try {
    writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = FULL');
    writer.pragma('foreign_keys = ON');
    writer.pragma('busy_timeout = 5000');
    writer.exec(sqliteSchema());
    checkVersion(writer);
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    reader.pragma('busy_timeout = 5000');
    return { writer, reader };
  } catch (e) {
    writer?.close();
    if (e instanceof StoreError) throw e;
    if (writer === undefined && isNativeLoadError(e)) {
      // better-sqlite3 loads its compiled part when the first database is opened: a package
      // installed without it (no compiler, no prebuilt binary) or built for another Node fails here.
      throw new StoreError(
        `the SQLite driver better-sqlite3 is installed but its compiled part cannot be loaded (${firstLine(e)}); rebuild it for this Node (npm rebuild better-sqlite3) or reinstall it (npm install better-sqlite3@12), or use PostgreSQL: --db postgres://USER@HOST/DB`,
      );
    }
    throw new StoreError(`cannot use the SQLite file ${file}: ${(e as Error).message}`);
  }
}

/** A native module that would not load: no binary (the `bindings` package's words), another Node's ABI, a bad file. */
function isNativeLoadError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  if (err?.code === 'ERR_DLOPEN_FAILED') return true;
  return (
    typeof err?.message === 'string' &&
    /Could not locate the bindings file|NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header/.test(
      err.message,
    )
  );
}

const firstLine = (e: unknown): string => String((e as Error)?.message ?? e).split('\n')[0]!;

/** A better-sqlite3 connection as a {@link SqlConn}, its statements prepared once. */
function connection(db: BetterSqlite3.Database): SqlConn {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const statement = (sql: string): BetterSqlite3.Statement => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    all: async (sql, params) => statement(sql).all(...params) as Record<string, unknown>[],
    run: async (sql, params) => void statement(sql).run(...params),
  };
}

function checkVersion(db: BetterSqlite3.Database): void {
  db.prepare('INSERT INTO bashunwei_schema (version, applied_at) VALUES (?, ?) ON CONFLICT (version) DO NOTHING').run(
    SCHEMA_VERSION,
    new Date().toISOString(),
  );
  const { v } = db.prepare('SELECT MAX(version) AS v FROM bashunwei_schema').get() as { v: number };
  if (v > SCHEMA_VERSION)
    throw new StoreError(
      `the database was written by a newer bashunwei (schema ${v}, this one knows ${SCHEMA_VERSION})`,
    );
}

/** better-sqlite3, an optional dependency: its native build may be absent where it could not be made. */
function loadDriver(): typeof BetterSqlite3 {
  try {
    return createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  } catch (e) {
    throw new StoreError(
      `the SQLite driver better-sqlite3 cannot be loaded (${firstLine(e)}); install it (npm install better-sqlite3@12) or use PostgreSQL: --db postgres://USER@HOST/DB`,
    );
  }
}
