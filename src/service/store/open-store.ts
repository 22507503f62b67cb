/**
 * Which store a `--db` value names: a `postgres://` (or `postgresql://`) URL is PostgreSQL,
 * anything else an SQLite file. Each driver is loaded only when its store is opened.
 */
import type { PostgresOptions } from './postgres-store.js';
import type { Store } from './store.js';

/** The SQLite file used when neither `--db` nor `DATABASE_URL` names a store. */
export const DEFAULT_SQLITE_FILE = 'bashunwei.sqlite';

/**
 * True when `db` is a PostgreSQL URL.
 *
 * @example
 * isPostgresUrl('postgres://u@h/db') // true
 * isPostgresUrl('ledger.sqlite')     // false
 */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * Opens the store `db` names (creating its tables when absent).
 *
 * @example
 * const store = await openStore(process.env.DATABASE_URL ?? 'bashunwei.sqlite');
 */
export async function openStore(db: string, options: PostgresOptions = {}): Promise<Store> {
  if (isPostgresUrl(db)) return (await import('./postgres-store.js')).openPostgresStore(db, options);
  return (await import('./sqlite-store.js')).openSqliteStore(db);
}
