/**
 * Settling many claims in input order with the ledger threaded per person and year. One bad claim
 * never stops the others: it yields an error outcome with its line number and the rest go on.
 * The ledger the batch starts from is passed in; the one it ends with is handed back.
 */
import { parseClaim, parseClaimText } from './parse-claim.js';
import type { Claim } from '../claim/claim.js';
import type { ClaimIssue, Result } from '../errors/issue.js';
import { type Ledger, type YearLedger, ledgerKey } from '../ledger/year-ledger.js';
import { type LedgerFileJson, MAX_LEDGER_PROBLEMS, readLedgerFile } from '../ledger/ledger-json.js';
import { checkYearLedger, isLedgerProblem, ledgerInvalid } from '../ledger/read-ledger.js';
import type { RuleBook } from '../scheme/book.js';
import type { Lang } from '../i18n/lang.js';
import { defaultRules } from '../scheme/embedded.js';
import type { FundBalances } from '../kinds/shared/funds.js';
import { type SettlementRecord, settleAgainst, yearLedgerFor } from './settle-claim.js';
import { DUPLICATE_DETAIL } from '../ledger/duplicate-detail.js';

/** Options of a batch. */
export interface BatchOptions {
  readonly rules?: RuleBook;
  /**
   * Ledgers before the batch (default: empty): a `Ledger` (as `parseLedgerJson` or `batch.ledger()`
   * gave it, amounts in fen) or a ledger file's JSON (`{"version": 2, "entries": […]}`, amounts in
   * yuan strings). Checked as docs/claim.md, "The ledger", says: a ledger that is not one refuses
   * every claim of the batch with `ledger_invalid` at its path, and the batch ends with nothing to save.
   */
  readonly ledger?: Ledger | LedgerFileJson;
  /** Relief-fund balances before the batch (default: unlimited). */
  readonly funds?: FundBalances;
  /** The language of error messages (default zh-CN). */
  readonly lang?: Lang;
}

/** What happened to one input of a batch. */
export type BatchOutcome =
  | { readonly ok: true; readonly line: number; readonly record: SettlementRecord }
  | {
      readonly ok: false;
      readonly line: number;
      readonly claimId: string | null;
      readonly errors: readonly ClaimIssue[];
    };

/** A batch in progress: settle inputs one by one, then read the ledger and fund balances. */
export interface Batch {
  /** Validates and settles one claim (a parsed JSON value); `line` numbers it in errors (default: its position). */
  settle(input: unknown, line?: number): BatchOutcome;
  /** Settles a claim from its JSON text: also refuses invalid JSON and keys written twice. */
  settleText(text: string, line?: number): BatchOutcome;
  /** The ledgers as they stand (a copy): save them to start the next batch from. */
  ledger(): Ledger;
  /** The relief-fund balances as they stand. */
  funds(): FundBalances;
}

/**
 * Starts a batch. Claim ids are refused when already in the starting ledger or settled earlier in
 * the batch, whatever person they name.
 *
 * @example
 * const batch = createBatch({ ledger });
 * for (const c of claims) out.push(batch.settle(c));
 * save(batch.ledger());
 */
export function createBatch(options: BatchOptions = {}): Batch {
  const rules = options.rules ?? defaultRules();
  const given = startingLedger(options.ledger, rules, options.lang);
  const refused = Array.isArray(given) ? given : undefined;
  const ledger = Array.isArray(given) ? new Map<string, YearLedger>() : given;
  const seen = new Set<string>();
  for (const l of ledger.values()) for (const id of l.claimIds) seen.add(id);
  let funds = options.funds ?? {};
  let count = 0;
  // An id is settled once across every person and year: the batch's ids decide, not the year's.
  const settledEarlier = (id: string) => (seen.has(id) ? DUPLICATE_DETAIL : undefined);
  const settleParsed = (parsed: Result<Claim, ClaimIssue>, n: number, idFrom: () => string | null): BatchOutcome => {
    if (refused) return { ok: false, line: n, claimId: idFrom(), errors: refused };
    if (!parsed.ok) return { ok: false, line: n, claimId: idFrom(), errors: parsed.errors };
    const claim = parsed.value;
    const r = settleAgainst(claim, yearLedgerFor(ledger, claim), {
      rules,
      funds,
      lang: options.lang,
      settled: settledEarlier,
    });
    if (!r.ok) return { ok: false, line: n, claimId: claim.id, errors: r.errors };
    seen.add(claim.id);
    ledger.set(ledgerKey(r.value.ledger.personId, r.value.ledger.year), r.value.ledger);
    funds = r.value.funds;
    return { ok: true, line: n, record: r.value };
  };
  return {
    settle: (input, line) => settleParsed(parseClaim(input, options), line ?? ++count, () => idOf(input)),
    settleText: (text, line) => settleParsed(parseClaimText(text, options), line ?? ++count, () => idOfText(text)),
    ledger: () => new Map(ledger),
    funds: () => funds,
  };
}

/**
 * The ledgers a batch starts from (a copy it may change), or why the option is not a ledger: each
 * year ledger of a `Map` checked as the library's own (fen) and filed under its own person and
 * year, a ledger file's JSON read as `parseLedgerJson` reads it.
 */
function startingLedger(
  given: unknown,
  book: RuleBook,
  lang: Lang | undefined,
): Map<string, YearLedger> | ClaimIssue[] {
  if (given === undefined) return new Map();
  if (!(given instanceof Map)) {
    const r = readLedgerFile(given, book);
    return r instanceof Map ? r : ledgerInvalid(r, lang);
  }
  const out = new Map<string, YearLedger>();
  const issues: ClaimIssue[] = [];
  for (const [key, value] of given) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the list is cut at 100 below; stopping at the 100th problem only spares reading the rest of the map
    if (issues.length >= MAX_LEDGER_PROBLEMS) break;
    const at = `ledger[${JSON.stringify(key)}]`;
    // Stryker disable next-line StringLiteral: checkYearLedger reads yuan strings only when told 'yuan'; any other word reads fen
    const l = checkYearLedger(value, book, 'fen');
    if (isLedgerProblem(l)) issues.push(...ledgerInvalid(l, lang, at));
    else if (key !== ledgerKey(l.personId, l.year))
      issues.push(
        ...ledgerInvalid(
          [
            {
              path: '',
              words: {
                zh: `以 ${String(key)} 为键，却是 ${ledgerKey(l.personId, l.year)} 的台账`,
                en: `filed under ${String(key)}, but the ledger of ${ledgerKey(l.personId, l.year)}`,
              },
            },
          ],
          lang,
          at,
        ),
      );
    else out.set(key, l);
  }
  // An entry may add several problems at once (up to 20): the list stops at the limit all the same.
  return issues.length > 0 ? issues.slice(0, MAX_LEDGER_PROBLEMS) : out;
}

function idOfText(text: string): string | null {
  try {
    return idOf(JSON.parse(text));
  } catch {
    return null;
  }
}

function idOf(input: unknown): string | null {
  if (typeof input === 'object' && input !== null && 'id' in input) {
    const id = (input as { id: unknown }).id;
    if (typeof id === 'string') return id;
  }
  return null;
}
