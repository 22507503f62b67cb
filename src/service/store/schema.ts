/**
 * The tables, one definition for both databases: only the type of a generated key and the
 * spelling of the append-only triggers differ. Every table but the schema's own version is
 * append-only: an UPDATE, a DELETE (or, on PostgreSQL, a TRUNCATE) is refused by the database
 * itself, so "nothing is updated in place" does not rest on the service's code alone.
 */

/** The version of the tables this code reads and writes. */
export const SCHEMA_VERSION = 1;

/** The append-only tables. */
export const APPEND_ONLY_TABLES = ['api_keys', 'journal', 'claims', 'settlements', 'ledgers', 'reversals'] as const;

/** The tables, with `AUTO_ID` for a generated 64-bit key. */
const TABLES = `
CREATE TABLE IF NOT EXISTS bashunwei_schema (
  version INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'auditor', 'admin')),
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS journal (
  id AUTO_ID,
  txid BIGINT NOT NULL,
  at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('settle', 'reverse', 'resettle')),
  claim_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  version_before INTEGER,
  version_after INTEGER NOT NULL,
  cause TEXT
);
CREATE INDEX IF NOT EXISTS journal_order ON journal (txid, id);
CREATE INDEX IF NOT EXISTS journal_at ON journal (at);
CREATE TABLE IF NOT EXISTS claims (
  seq AUTO_ID,
  claim_id TEXT NOT NULL UNIQUE,
  person_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  input TEXT NOT NULL,
  received_at TEXT NOT NULL,
  key_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_person_year ON claims (person_id, year, seq);
CREATE TABLE IF NOT EXISTS settlements (
  claim_id TEXT NOT NULL REFERENCES claims (claim_id),
  version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('settled', 'reversed')),
  settlement TEXT,
  journal_id BIGINT NOT NULL REFERENCES journal (id),
  PRIMARY KEY (claim_id, version)
);
CREATE TABLE IF NOT EXISTS ledgers (
  person_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  version INTEGER NOT NULL,
  ledger TEXT NOT NULL,
  journal_id BIGINT NOT NULL REFERENCES journal (id),
  PRIMARY KEY (person_id, year, version)
);
CREATE TABLE IF NOT EXISTS reversals (
  claim_id TEXT PRIMARY KEY REFERENCES claims (claim_id),
  answer TEXT NOT NULL,
  journal_id BIGINT NOT NULL REFERENCES journal (id)
);
`;

/**
 * The statements that create the tables on SQLite.
 *
 * @example
 * db.exec(sqliteSchema())
 */
export function sqliteSchema(): string {
  // INTEGER PRIMARY KEY is SQLite's rowid: increasing, never reused since nothing is deleted.
  const triggers = APPEND_ONLY_TABLES.flatMap((t) =>
    ['UPDATE', 'DELETE'].map(
      (op) =>
        `CREATE TRIGGER IF NOT EXISTS ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;`,
    ),
  );
  return `${TABLES.replaceAll('AUTO_ID', 'INTEGER PRIMARY KEY')}\n${triggers.join('\n')}`;
}

/**
 * The statements that create the tables on PostgreSQL.
 *
 * @example
 * await client.query(postgresSchema())
 */
export function postgresSchema(): string {
  const fn = `CREATE OR REPLACE FUNCTION bashunwei_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;`;
  const triggers = APPEND_ONLY_TABLES.map(
    (t) =>
      `CREATE OR REPLACE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION bashunwei_append_only();`,
  );
  return `${TABLES.replaceAll('AUTO_ID', 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY')}\n${fn}\n${triggers.join('\n')}`;
}
