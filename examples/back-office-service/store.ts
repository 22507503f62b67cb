/**
 * The service's ledger store: SQLite through better-sqlite3, a file by default. Every settlement
 * and reversal is one transaction (the claims, their settlements and the person-year's ledger move
 * together or not at all); WAL with synchronous=FULL, so a settlement that was answered survives a
 * kill -9. better-sqlite3 is synchronous, and a transaction never awaits, so two requests for the
 * same person are serialized by construction: the second reads the ledger the first wrote.
 */
import Database from 'better-sqlite3';
import { type Claim, type YearLedger, parseLedgerJson, yearLedgerToJson } from './deps.js';

/** A stored claim of a person-year, in settling order. */
export interface StoredClaim {
  readonly claimId: string;
  readonly seq: number;
  /** The claim as it was received (contract JSON). */
  readonly input: unknown;
  readonly claim: Claim;
  /** The settlement JSON that was answered. */
  readonly settlement: unknown;
  readonly status: 'settled' | 'reversed';
}

/** The store of one service. */
export interface Store {
  readonly db: Database.Database;
  /** Runs `work` in one transaction (IMMEDIATE: it takes the write lock before reading). */
  transaction<T>(work: () => T): T;
  claim(claimId: string): StoredClaim | undefined;
  /** The settled (not reversed) claims of a person-year, in settling order. */
  yearClaims(personId: string, year: number): StoredClaim[];
  ledger(personId: string, year: number): YearLedger | undefined;
  saveLedger(ledger: YearLedger): void;
  insertClaim(c: { claimId: string; personId: string; year: number; input: unknown; claim: Claim; settlement: unknown }): void;
  updateSettlement(claimId: string, settlement: unknown): void;
  markReversed(claimId: string): void;
  close(): void;
}

/**
 * Opens (and creates when new) the store at `path`.
 *
 * @example
 * const store = openStore('bashunwei.sqlite');
 */
export function openStore(path: string): Store {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS claims (
      claim_id TEXT PRIMARY KEY,
      person_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      input TEXT NOT NULL,
      claim TEXT NOT NULL,
      settlement TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('settled', 'reversed'))
    );
    CREATE INDEX IF NOT EXISTS claims_person_year ON claims (person_id, year, seq);
    CREATE TABLE IF NOT EXISTS ledgers (
      person_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      ledger TEXT NOT NULL,
      PRIMARY KEY (person_id, year)
    );
  `);
  const row = (r: Record<string, unknown> | undefined): StoredClaim | undefined =>
    r && {
      claimId: r.claim_id as string,
      seq: r.seq as number,
      input: JSON.parse(r.input as string),
      claim: JSON.parse(r.claim as string) as Claim,
      settlement: JSON.parse(r.settlement as string),
      status: r.status as 'settled' | 'reversed',
    };
  const getClaim = db.prepare('SELECT * FROM claims WHERE claim_id = ?');
  const getYear = db.prepare("SELECT * FROM claims WHERE person_id = ? AND year = ? AND status = 'settled' ORDER BY seq");
  const getLedger = db.prepare('SELECT ledger FROM ledgers WHERE person_id = ? AND year = ?');
  const putLedger = db.prepare('INSERT INTO ledgers (person_id, year, ledger) VALUES (?, ?, ?) ON CONFLICT (person_id, year) DO UPDATE SET ledger = excluded.ledger');
  const nextSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM claims');
  const putClaim = db.prepare("INSERT INTO claims (claim_id, person_id, year, seq, input, claim, settlement, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'settled')");
  const setSettlement = db.prepare('UPDATE claims SET settlement = ? WHERE claim_id = ?');
  const setReversed = db.prepare("UPDATE claims SET status = 'reversed' WHERE claim_id = ?");
  return {
    db,
    transaction: (work) => db.transaction(work).immediate(),
    claim: (id) => row(getClaim.get(id) as Record<string, unknown> | undefined),
    yearClaims: (personId, year) => (getYear.all(personId, year) as Record<string, unknown>[]).map((r) => row(r)!),
    ledger: (personId, year) => {
      const r = getLedger.get(personId, year) as { ledger: string } | undefined;
      if (!r) return undefined;
      const parsed = parseLedgerJson({ version: 2, entries: [JSON.parse(r.ledger)] }, 'ledgers');
      if (!parsed.ok) throw new Error(`stored ledger of ${personId} ${year} is invalid`);
      return [...parsed.value.values()][0];
    },
    saveLedger: (l) => void putLedger.run(l.personId, l.year, JSON.stringify(yearLedgerToJson(l))),
    insertClaim: (c) => {
      const { seq } = nextSeq.get() as { seq: number };
      putClaim.run(c.claimId, c.personId, c.year, seq, JSON.stringify(c.input), JSON.stringify(c.claim), JSON.stringify(c.settlement));
    },
    updateSettlement: (id, s) => void setSettlement.run(JSON.stringify(s), id),
    markReversed: (id) => void setReversed.run(id),
    close: () => db.close(),
  };
}
