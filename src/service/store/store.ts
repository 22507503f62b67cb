/**
 * What the service keeps, and how it reaches it: the same tables and the same statements on
 * SQLite (one process) and PostgreSQL (any number of processes). Every table is append-only
 * (triggers refuse UPDATE and DELETE): a settlement, a reversal, a re-settlement and a ledger
 * change each add rows, so the history of a claim is its rows in version order.
 */
import type { Role } from '../roles.js';

/** A claim as received, with where it belongs (the columns of `claims`, never changed). */
export interface ClaimRow {
  readonly claimId: string;
  readonly personId: string;
  readonly year: number;
  /** The claim's JSON text exactly as it was received. */
  readonly input: string;
  readonly receivedAt: string;
  readonly keyId: string;
}

/** The status a version of a claim's settlement gives it. */
export type ClaimStatus = 'settled' | 'reversed';

/** A claim with its current version (the highest). */
export interface CurrentClaim extends ClaimRow {
  readonly version: number;
  readonly status: ClaimStatus;
  /** The settlement JSON text of this version (null for a reversal). */
  readonly settlement: string | null;
}

/** A claim of a person-year with the status of its current version (no settlement text: a year may hold many). */
export type YearClaim = Omit<CurrentClaim, 'settlement'>;

/** What happened, in the journal's words. */
export type JournalAction = 'settle' | 'reverse' | 'resettle';

/** One row of the journal. */
export interface JournalEntry {
  /** The position in the journal: `since` takes it back (`<transaction>-<entry>`). */
  readonly cursor: string;
  readonly at: string;
  readonly keyId: string;
  readonly action: JournalAction;
  readonly claimId: string;
  readonly personId: string;
  readonly year: number;
  readonly versionBefore: number | null;
  readonly versionAfter: number;
  /** For a re-settlement: the claim whose reversal caused it. */
  readonly cause: string | null;
}

/** One version of a claim's settlement, with the journal entry that wrote it. */
export interface SettlementVersion {
  readonly version: number;
  readonly status: ClaimStatus;
  readonly settlement: string | null;
  readonly journal: JournalEntry;
}

/** A person-year's latest ledger (its JSON text as the library wrote it) and its version. */
export interface StoredLedger {
  readonly version: number;
  readonly ledger: string;
}

/** An API key as stored: never the key, only its hash. */
export interface ApiKeyRow {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly hash: string;
  readonly createdAt: string;
}

/** Where the journal is read from: after a cursor, or from a time on. */
export type JournalStart = { readonly after: readonly [transaction: string, entry: string] } | { readonly at: string };

/** What the service reads and writes inside one transaction. */
export interface Tx {
  /** Waits until no other transaction holds this person-year: settlements of one person-year are serialized. */
  lockPersonYear(personId: string, year: number): Promise<void>;
  claim(claimId: string): Promise<CurrentClaim | undefined>;
  /** The claims of a person-year with their current version, in settling order. */
  yearClaims(personId: string, year: number): Promise<YearClaim[]>;
  ledger(personId: string, year: number): Promise<StoredLedger | undefined>;
  /** The answer of the claim's reversal, when it was reversed. */
  reversal(claimId: string): Promise<string | undefined>;
  /** Appends a journal entry and returns its id (the other rows of the change point to it). */
  appendJournal(e: Omit<JournalEntry, 'cursor'>): Promise<string>;
  insertClaim(c: ClaimRow): Promise<void>;
  /**
   * A new claim settled: its journal entry (`settle`, version 1, at its `receivedAt`, by its key),
   * the claim, its first settlement version and the person-year's next ledger version, at once.
   */
  recordSettlement(r: { claim: ClaimRow; settlement: string; ledgerVersion: number; ledger: string }): Promise<void>;
  appendSettlement(s: {
    claimId: string;
    version: number;
    status: ClaimStatus;
    settlement: string | null;
    journalId: string;
  }): Promise<void>;
  appendLedger(l: {
    personId: string;
    year: number;
    version: number;
    ledger: string;
    journalId: string;
  }): Promise<void>;
  insertReversal(r: { claimId: string; answer: string; journalId: string }): Promise<void>;
}

/** What the service reads outside a transaction of its own (one consistent snapshot each). */
export interface Reads {
  claim(claimId: string): Promise<CurrentClaim | undefined>;
  history(claimId: string): Promise<SettlementVersion[]>;
  yearClaims(personId: string, year: number): Promise<YearClaim[]>;
  ledger(personId: string, year: number): Promise<StoredLedger | undefined>;
  /** Journal entries in journal order, only those no running transaction can still precede. */
  journal(start: JournalStart | undefined, limit: number): Promise<JournalEntry[]>;
  keyByHash(hash: string): Promise<ApiKeyRow | undefined>;
}

/** A store: SQLite or PostgreSQL. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, for logs (a file, or the URL without its password). */
  readonly description: string;
  /** Runs `work` in one transaction: all of its writes are kept, or none. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `work` on one consistent snapshot. */
  read<T>(work: (r: Reads) => Promise<T>): Promise<T>;
  insertKey(key: ApiKeyRow): Promise<void>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
