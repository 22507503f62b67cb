/**
 * The shared store: PostgreSQL through `pg` (loaded here, on first use), for any number of
 * `serve` processes on one database.
 *
 * Each transaction takes, before it reads anything, a transaction-scoped advisory lock on the
 * person-year: two processes settling claims of one person take turns, and the second reads the
 * ledger the first committed (READ COMMITTED reads anew at each statement). One lock per
 * transaction, so no two can wait for each other. Two claims under one id but of two person-years
 * do not share a lock: the second INSERT of the id waits for the first and fails on the unique
 * key, and its transaction is then run again from the start (it finds the id and answers 200 or
 * 409), as is one that a deadlock or a serialization failure ended.
 * The journal's entries carry their transaction's id; a reader gets only those below the oldest
 * running transaction (`pg_snapshot_xmin`), so an entry that commits late is never skipped.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type Pg from 'pg';
import { type Dialect, INSERT_KEY, readStatements, type SqlConn, transactionStatements } from './statements.js';
import { SCHEMA_VERSION, postgresSchema } from './schema.js';
import type { Reads, Store, Tx } from './store.js';
import { StoreError } from './store-error.js';

/** unique_violation, serialization_failure, deadlock_detected: a transaction that lost a race, worth running again. */
const RETRYABLE = new Set(['23505', '40001', '40P01']);
const RETRIES = 3;

/**
 * A new settlement's four appends in one statement (data-modifying CTEs): the journal entry, the
 * claim, its version 1 and the ledger's next version, the last two pointing to the entry. The
 * foreign keys are checked at the end of the statement, when all four rows exist. Numbered by hand
 * (parameters used twice): it has no `?` for {@link numbered} to number.
 */
const RECORD_SETTLEMENT = `WITH j AS (
    INSERT INTO journal (txid, at, key_id, action, claim_id, person_id, year, version_before, version_after, cause)
    VALUES (pg_current_xact_id()::text::bigint, $1, $2, 'settle', $3, $4, $5, NULL, 1, NULL) RETURNING id
  ), c AS (
    INSERT INTO claims (claim_id, person_id, year, input, received_at, key_id) VALUES ($3, $4, $5, $6, $1, $2)
  ), s AS (
    INSERT INTO settlements (claim_id, version, status, settlement, journal_id) SELECT $3, 1, 'settled', $7, id FROM j
  )
  INSERT INTO ledgers (person_id, year, version, ledger, journal_id) SELECT $4, $5, $8, $9, id FROM j`;

/** The advisory lock that serializes the creation of the tables by processes starting together. */
const SCHEMA_LOCK = 0x62_73_77_31;

/** Options of the PostgreSQL store. */
export interface PostgresOptions {
  /** Connections per process (default 10). */
  readonly poolSize?: number;
  /** Called with an error of an idle connection (the pool drops it and opens another). */
  readonly onIdleError?: (e: Error) => void;
}

/**
 * Opens the PostgreSQL store at `url`, creating the tables when absent.
 *
 * @example
 * const store = await openPostgresStore('postgres://bashunwei@db.internal/bashunwei');
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const pg = loadDriver();
  const description = withoutPassword(url);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, application_name: 'bashunwei' });
  pool.on('error', (e) => options.onIdleError?.(e));
  try {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(postgresSchema());
      await client.query(
        'INSERT INTO bashunwei_schema (version, applied_at) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING',
        [SCHEMA_VERSION, new Date().toISOString()],
      );
      const { rows } = await client.query<{ v: number }>('SELECT MAX(version) AS v FROM bashunwei_schema');
      if (rows[0]!.v > SCHEMA_VERSION)
        throw new StoreError(
          `the database was written by a newer bashunwei (schema ${rows[0]!.v}, this one knows ${SCHEMA_VERSION})`,
        );
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (e instanceof StoreError) throw e;
    throw new StoreError(`cannot use PostgreSQL at ${description}: ${(e as Error).message}`);
  }

  const dialect: Dialect = {
    lockPersonYear: (conn, personId, year) =>
      conn.run("SELECT pg_advisory_xact_lock(hashtextextended(?::text || '|' || ?::text, 0))", [personId, year]),
    transactionNumber: { sql: 'pg_current_xact_id()::text::bigint' },
    journalHorizon: ' AND j.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint',
    recordSettlement: (conn, { claim: c, settlement, ledgerVersion, ledger }) =>
      conn.run(RECORD_SETTLEMENT, [
        c.receivedAt,
        c.keyId,
        c.claimId,
        c.personId,
        c.year,
        c.input,
        settlement,
        ledgerVersion,
        ledger,
      ]),
  };

  /** Runs `work` in a transaction, again from the start when it lost a race (at most RETRIES times). */
  async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await within('BEGIN', (conn) => work(transactionStatements(conn, dialect)));
      } catch (e) {
        if (attempt >= RETRIES || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
      }
    }
  }

  /** Runs `work` between `begin` and COMMIT on a connection of the pool. */
  async function within<T>(begin: string, work: (conn: SqlConn) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let failed = false;
    try {
      await client.query(begin);
      const value = await work(connection(client));
      await client.query('COMMIT');
      return value;
    } catch (e) {
      failed = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      // A connection that failed is not trusted again: the pool opens a new one.
      client.release(failed);
    }
  }

  return {
    kind: 'postgres',
    description,
    transaction,
    read: <T>(work: (r: Reads) => Promise<T>) =>
      within('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', (conn) => work(readStatements(conn, dialect))),
    insertKey: async (k) =>
      void (await pool.query(numbered(INSERT_KEY).text, [k.id, k.name, k.role, k.hash, k.createdAt])),
    ping: async () => void (await pool.query('SELECT 1')),
    close: () => pool.end(),
  };
}

const statements = new Map<string, { name: string; text: string }>();

/** A statement with `$1, $2, …` for its `?`, named so that each connection prepares it once. */
function numbered(sql: string): { name: string; text: string } {
  let s = statements.get(sql);
  if (!s) {
    let n = 0;
    s = {
      name: `bsw_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`,
      text: sql.replace(/\?/g, () => `$${++n}`),
    };
    statements.set(sql, s);
  }
  return s;
}

function connection(client: Pg.PoolClient): SqlConn {
  return {
    all: async (sql, params) =>
      (await client.query({ ...numbered(sql), values: params as unknown[] })).rows as Record<string, unknown>[],
    run: async (sql, params) => void (await client.query({ ...numbered(sql), values: params as unknown[] })),
  };
}

/**
 * The URL with its password hidden, for logs and messages.
 *
 * @example
 * withoutPassword('postgres://u:secret@h/db') // "postgres://u:***@h/db"
 */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(an unreadable URL)';
  }
}

function loadDriver(): typeof Pg {
  try {
    return createRequire(import.meta.url)('pg') as typeof Pg;
  } catch (e) {
    throw new StoreError(
      `the PostgreSQL client pg cannot be loaded (${(e as Error).message.split('\n')[0]}); install it (npm install pg@8)`,
    );
  }
}
