/**
 * The service's statements, written once for both databases (`?` placeholders; the PostgreSQL
 * connection numbers them). What differs between the two (locks, the journal's transaction number
 * and its horizon) is the {@link Dialect}'s.
 */
import type { Role } from '../roles.js';
import type {
  ApiKeyRow,
  ClaimStatus,
  CurrentClaim,
  JournalAction,
  JournalEntry,
  JournalStart,
  Reads,
  SettlementVersion,
  StoredLedger,
  Tx,
  YearClaim,
} from './store.js';

/** One connection, statements in and rows out. */
export interface SqlConn {
  all(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  run(sql: string, params: readonly unknown[]): Promise<void>;
}

/** What one database does its own way. */
export interface Dialect {
  lockPersonYear(conn: SqlConn, personId: string, year: number): Promise<void>;
  /**
   * The number shared by the journal entries of the running transaction, increasing with time:
   * an SQL expression (PostgreSQL: the transaction's id), or, when the database has none, `?`
   * and the value to bind, asked once per transaction.
   */
  readonly transactionNumber: { readonly sql: string; readonly value?: (conn: SqlConn) => Promise<string> };
  /**
   * A condition on journal rows, `AND …` or empty: only the entries of transactions before which
   * no running one can still commit, so that a reader following the cursor never skips one.
   */
  readonly journalHorizon: string;
  /** The four appends of a new settlement as one statement, where the database can (PostgreSQL: one round trip instead of four). */
  recordSettlement?(conn: SqlConn, r: Parameters<Tx['recordSettlement']>[0]): Promise<void>;
}

const CURRENT = `SELECT c.claim_id, c.person_id, c.year, c.input, c.received_at, c.key_id, s.version, s.status, s.settlement
  FROM claims c JOIN settlements s ON s.claim_id = c.claim_id
  WHERE c.claim_id = ? ORDER BY s.version DESC LIMIT 1`;
const YEAR = `SELECT c.claim_id, c.person_id, c.year, c.input, c.received_at, c.key_id, s.version, s.status
  FROM claims c JOIN settlements s ON s.claim_id = c.claim_id
    AND s.version = (SELECT MAX(m.version) FROM settlements m WHERE m.claim_id = c.claim_id)
  WHERE c.person_id = ? AND c.year = ? ORDER BY c.seq`;
const LEDGER = 'SELECT version, ledger FROM ledgers WHERE person_id = ? AND year = ? ORDER BY version DESC LIMIT 1';
const REVERSAL = 'SELECT answer FROM reversals WHERE claim_id = ?';
const JOURNAL_COLUMNS =
  'j.txid, j.id, j.at, j.key_id, j.action, j.claim_id, j.person_id, j.year, j.version_before, j.version_after, j.cause';
const HISTORY = `SELECT s.version, s.status, s.settlement, ${JOURNAL_COLUMNS}
  FROM settlements s JOIN journal j ON j.id = s.journal_id WHERE s.claim_id = ? ORDER BY s.version`;
const KEY = 'SELECT id, name, role, hash, created_at FROM api_keys WHERE hash = ?';
const appendJournal = (
  txid: string,
) => `INSERT INTO journal (txid, at, key_id, action, claim_id, person_id, year, version_before, version_after, cause)
  VALUES (${txid}, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`;
const INSERT_CLAIM =
  'INSERT INTO claims (claim_id, person_id, year, input, received_at, key_id) VALUES (?, ?, ?, ?, ?, ?)';
const APPEND_SETTLEMENT =
  'INSERT INTO settlements (claim_id, version, status, settlement, journal_id) VALUES (?, ?, ?, ?, ?)';
const APPEND_LEDGER = 'INSERT INTO ledgers (person_id, year, version, ledger, journal_id) VALUES (?, ?, ?, ?, ?)';
const INSERT_REVERSAL = 'INSERT INTO reversals (claim_id, answer, journal_id) VALUES (?, ?, ?)';
/** The insert of a key, for the stores' own `insertKey`. */
export const INSERT_KEY = 'INSERT INTO api_keys (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)';

const yearClaim = (r: Record<string, unknown>): YearClaim => ({
  claimId: r.claim_id as string,
  personId: r.person_id as string,
  year: Number(r.year),
  input: r.input as string,
  receivedAt: r.received_at as string,
  keyId: r.key_id as string,
  version: Number(r.version),
  status: r.status as ClaimStatus,
});
const currentClaim = (r: Record<string, unknown>): CurrentClaim => ({
  ...yearClaim(r),
  settlement: (r.settlement as string | null) ?? null,
});
const journalEntry = (r: Record<string, unknown>): JournalEntry => ({
  cursor: `${String(r.txid)}-${String(r.id)}`,
  at: r.at as string,
  keyId: r.key_id as string,
  action: r.action as JournalAction,
  claimId: r.claim_id as string,
  personId: r.person_id as string,
  year: Number(r.year),
  versionBefore: r.version_before === null ? null : Number(r.version_before),
  versionAfter: Number(r.version_after),
  cause: (r.cause as string | null) ?? null,
});

async function readClaim(conn: SqlConn, claimId: string): Promise<CurrentClaim | undefined> {
  const [r] = await conn.all(CURRENT, [claimId]);
  return r && currentClaim(r);
}

async function readYear(conn: SqlConn, personId: string, year: number): Promise<YearClaim[]> {
  return (await conn.all(YEAR, [personId, year])).map(yearClaim);
}

async function readLedger(conn: SqlConn, personId: string, year: number): Promise<StoredLedger | undefined> {
  const [r] = await conn.all(LEDGER, [personId, year]);
  return r && { version: Number(r.version), ledger: r.ledger as string };
}

/**
 * The statements of one transaction on `conn`.
 *
 * @example
 * const tx = transactionStatements(conn, dialect); await tx.lockPersonYear('P1', 2017);
 */
export function transactionStatements(conn: SqlConn, dialect: Dialect): Tx {
  const { sql: txidSql, value: txidValue } = dialect.transactionNumber;
  const append = appendJournal(txidSql);
  let txid: Promise<string> | undefined;
  const tx: Tx = {
    lockPersonYear: (personId, year) => dialect.lockPersonYear(conn, personId, year),
    claim: (claimId) => readClaim(conn, claimId),
    yearClaims: (personId, year) => readYear(conn, personId, year),
    ledger: (personId, year) => readLedger(conn, personId, year),
    reversal: async (claimId) => {
      const [r] = await conn.all(REVERSAL, [claimId]);
      return r?.answer as string | undefined;
    },
    appendJournal: async (e) => {
      if (txidValue) txid ??= txidValue(conn);
      const [r] = await conn.all(append, [
        ...(txid ? [await txid] : []),
        e.at,
        e.keyId,
        e.action,
        e.claimId,
        e.personId,
        e.year,
        e.versionBefore,
        e.versionAfter,
        e.cause,
      ]);
      return String(r!.id);
    },
    insertClaim: (c) => conn.run(INSERT_CLAIM, [c.claimId, c.personId, c.year, c.input, c.receivedAt, c.keyId]),
    recordSettlement: async (r) => {
      if (dialect.recordSettlement) return dialect.recordSettlement(conn, r);
      const c = r.claim;
      const journalId = await tx.appendJournal({
        at: c.receivedAt,
        keyId: c.keyId,
        action: 'settle',
        claimId: c.claimId,
        personId: c.personId,
        year: c.year,
        versionBefore: null,
        versionAfter: 1,
        cause: null,
      });
      await tx.insertClaim(c);
      await tx.appendSettlement({
        claimId: c.claimId,
        version: 1,
        status: 'settled',
        settlement: r.settlement,
        journalId,
      });
      await tx.appendLedger({
        personId: c.personId,
        year: c.year,
        version: r.ledgerVersion,
        ledger: r.ledger,
        journalId,
      });
    },
    appendSettlement: (s) => conn.run(APPEND_SETTLEMENT, [s.claimId, s.version, s.status, s.settlement, s.journalId]),
    appendLedger: (l) => conn.run(APPEND_LEDGER, [l.personId, l.year, l.version, l.ledger, l.journalId]),
    insertReversal: (r) => conn.run(INSERT_REVERSAL, [r.claimId, r.answer, r.journalId]),
  };
  return tx;
}

/**
 * The reads of one snapshot on `conn`.
 *
 * @example
 * const history = await readStatements(conn, dialect).history('C1');
 */
export function readStatements(conn: SqlConn, dialect: Dialect): Reads {
  return {
    claim: (claimId) => readClaim(conn, claimId),
    yearClaims: (personId, year) => readYear(conn, personId, year),
    ledger: (personId, year) => readLedger(conn, personId, year),
    history: async (claimId): Promise<SettlementVersion[]> =>
      (await conn.all(HISTORY, [claimId])).map((r) => ({
        version: Number(r.version),
        status: r.status as ClaimStatus,
        settlement: (r.settlement as string | null) ?? null,
        journal: journalEntry(r),
      })),
    journal: async (start: JournalStart | undefined, limit: number) => {
      const where =
        start === undefined
          ? ['1 = 1', []]
          : 'after' in start
            ? ['(j.txid > ? OR (j.txid = ? AND j.id > ?))', [start.after[0], start.after[0], start.after[1]]]
            : ['j.at >= ?', [start.at]];
      const sql = `SELECT ${JOURNAL_COLUMNS} FROM journal j WHERE ${where[0] as string}${dialect.journalHorizon} ORDER BY j.txid, j.id LIMIT ?`;
      return (await conn.all(sql, [...(where[1] as unknown[]), limit])).map(journalEntry);
    },
    keyByHash: async (hash): Promise<ApiKeyRow | undefined> => {
      const [r] = await conn.all(KEY, [hash]);
      return (
        r && {
          id: r.id as string,
          name: r.name as string,
          role: r.role as Role,
          hash: r.hash as string,
          createdAt: r.created_at as string,
        }
      );
    },
  };
}
