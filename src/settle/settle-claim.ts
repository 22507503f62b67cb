/**
 * Settling one validated claim: choose the policy by discharge date, check the ledger, then run
 * the waterfall on copies of the ledger and balances (the caller's are never changed), recording
 * every line with the numbers its explanation is written from.
 */
import type { Claim } from '../claim/claim.js';
import { ClaimRecord, recordClaim } from '../claim/claim-record.js';
import { claimIssue } from '../claim/parse.js';
import { wasRead } from '../claim/read-mark.js';
import { vocabularyIndex } from '../claim/vocabulary-index.js';
import { ClaimErrorCode } from '../errors/codes.js';
import { type ClaimIssue, type Result, fail, ok } from '../errors/issue.js';
import type { Words } from '../i18n/say.js';
import type { Lang } from '../i18n/lang.js';
import type { FundBalances } from '../kinds/shared/funds.js';
import type { SettledLine } from '../kinds/kind-list.js';
import type { TargetOutcome } from '../kinds/shared/scratch.js';
import { checkYearLedger, isLedgerProblem, ledgerInvalid } from '../ledger/read-ledger.js';
import {
  type Ledger,
  type YearLedger,
  countersIn,
  emptyYearLedger,
  ledgerKey,
  ledgerYear,
  withCounters,
} from '../ledger/year-ledger.js';
import type { Fen } from '../money/fen.js';
import { type RuleBook, claimVocabulary } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';
import type { Policy } from '../scheme/policy.js';
import { type AdmissionLedger, admit, isRefusal } from './admit.js';
import { type Bill, BillSplit, billOf } from './bill.js';
import type { ClaimFacts } from './claim-facts.js';
import { runRecord } from './run-record.js';
import { settledLines } from './settled-lines.js';

export { schemeIssues, recordIssues } from './admit.js';

/** Options of a settlement. */
export interface SettleOptions {
  /** The rule book (default: the embedded rules, `ziyang-2017` and `ziyang-2022`). */
  readonly rules?: RuleBook;
  /** This person-year's ledger before the claim (default: nothing settled yet this year). */
  readonly ledger?: YearLedger;
  /** Relief-fund balances (default: unlimited). */
  readonly funds?: FundBalances;
  /** The language of error messages (default zh-CN). */
  readonly lang?: Lang;
}

/** A settlement with exact amounts and everything it was computed from. */
export interface SettlementRecord {
  readonly claim: Claim;
  readonly policy: Policy;
  readonly facts: ClaimFacts;
  readonly bill: Bill;
  readonly lines: readonly SettledLine[];
  /** The parts of the bill as the carve-outs left them (PARTS order: S, Pb, N, O). */
  readonly scope: readonly Fen[];
  readonly personal: Fen;
  readonly target: TargetOutcome | null;
  /** The person-year ledger after this claim. */
  readonly ledger: YearLedger;
  /** Relief-fund balances after this claim. */
  readonly funds: FundBalances;
}

/**
 * Settles a validated claim through the waterfall. It settles only what `parseClaim` or
 * `parseClaimText` returned (`unvalidated_claim` for anything else: plain objects, JSON, copies;
 * docs/claim.md, "The claim object"), against a ledger checked as docs/claim.md, "The ledger",
 * says (`ledger_invalid` at its path otherwise); nothing throws.
 *
 * @example
 * const r = settleClaim(claim, { ledger });
 * if (r.ok) { r.value.personal; r.value.ledger; }
 */
export function settleClaim(claim: Claim, options: SettleOptions = {}): Result<SettlementRecord, ClaimIssue> {
  if (!wasRead(claim)) return fail([claimIssue(ClaimErrorCode.UNVALIDATED_CLAIM, '', {}, options.lang)]);
  if (options.ledger === undefined)
    return settleAgainst(claim, emptyYearLedger(claim.person.id, ledgerYear(claim.visit.discharged)), options);
  // Stryker disable next-line StringLiteral: checkYearLedger reads yuan strings only when told 'yuan'; any other word reads fen
  const before = checkYearLedger(options.ledger, options.rules ?? defaultRules(), 'fen');
  if (isLedgerProblem(before)) return fail(ledgerInvalid(before, options.lang));
  return settleAgainst(claim, before, { ...options, chosen: true });
}

/**
 * Settles a validated claim against the year ledger `before`: {@link admit} decides whether it is
 * settled at all, then the waterfall runs on a copy of the counters. `chosen` says the caller
 * chose the ledger (its person and year are checked against the claim's); `settled` says where
 * an id was settled already (default: in `before`).
 *
 * @example
 * settleAgainst(claim, yearLedgerFor(ledger, claim), { settled: (id) => (seen.has(id) ? DUPLICATE_DETAIL : undefined) })
 */
export function settleAgainst(
  claim: Claim,
  before: YearLedger,
  options: Omit<SettleOptions, 'ledger'> & {
    readonly chosen?: boolean;
    readonly settled?: AdmissionLedger['settled'];
  },
): Result<SettlementRecord, ClaimIssue> {
  const book = options.rules ?? defaultRules();
  const vocabulary = vocabularyIndex(claimVocabulary(book));
  // A claim read for another book may use values this one's records cannot hold: admit then
  // refuses it by the claim's own values, before the record is used.
  recordClaim(claim, vocabulary, record);
  let counters: Float64Array | undefined;
  const admitted = admit(
    record,
    book,
    vocabulary,
    {
      personId: options.chosen ? before.personId : undefined,
      year: options.chosen ? before.year : undefined,
      settled: options.settled ?? ((id) => (before.claimIds.includes(id) ? inTheLedgerOf(before) : undefined)),
      counters: (policy) => (counters = Float64Array.from(countersIn(before, policy.scheme.counters))),
    },
    options.lang,
    claim,
  );
  if (isRefusal(admitted)) return fail(admitted);
  const profile = admitted;
  const policy = profile.policy;
  const layout = policy.scheme.counters;
  // Stryker disable next-line LogicalOperator: admit reads the counters of every claim it admits (no atMost is given), so `counters` is always the same copy of `before` this line would make
  const start = counters ?? Float64Array.from(countersIn(before, layout));
  const balances = { ...options.funds };
  const end = runRecord(record, policy, profile, start, balances, split);
  const ledger: YearLedger = {
    ...before,
    claimIds: [...before.claimIds, claim.id],
    counters: withCounters(before, layout, start),
  };
  return ok({
    claim,
    policy,
    facts: profile.facts,
    bill: billOf(record, profile, policy, split),
    lines: settledLines(policy, profile, end),
    scope: Array.from(end.scope) as Fen[],
    personal: end.remaining,
    target: end.targetOutcome(),
    ledger,
    funds: balances,
  });
}

/** The record and bill of the claim being settled (settling is synchronous: one claim at a time). */
const record = new ClaimRecord();
const split = new BillSplit();

/** Where a duplicate id was found: the year ledger passed in. */
const inTheLedgerOf = (l: YearLedger): Words => ({
  zh: `已在 ${l.personId} ${l.year} 年的台账中`,
  en: `in the ledger of ${l.personId} for ${l.year}`,
});

/**
 * The ledger entry of a claim's person-year in a {@link Ledger} (empty when absent).
 *
 * @example
 * yearLedgerFor(ledger, claim)
 */
export function yearLedgerFor(ledger: Ledger, claim: Claim): YearLedger {
  const year = ledgerYear(claim.visit.discharged);
  return ledger.get(ledgerKey(claim.person.id, year)) ?? emptyYearLedger(claim.person.id, year);
}
