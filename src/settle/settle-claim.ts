/**
 * Settling one validated claim: choose the policy by discharge date, check the ledger, then run
 * the waterfall on copies of the ledger and balances (the caller's are never changed), recording
 * every line with the numbers its explanation is written from.
 */
import type { Claim } from '../claim/claim.js';
import { claimIssue } from '../claim/parse.js';
import { ClaimErrorCode } from '../errors/codes.js';
import { type ClaimIssue, type Result, fail, ok } from '../errors/issue.js';
import { ledgerOverflow } from '../ledger/overflow.js';
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
import { type RuleBook, describeBook, policyOn } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';
import type { Lang } from '../i18n/lang.js';
import type { Policy } from '../scheme/policy.js';
import { type Bill, BillSplit, billOf } from './bill.js';
import type { ClaimFacts, ClaimTraits } from './claim-facts.js';
import type { FundBalances } from '../kinds/shared/funds.js';
import type { TargetOutcome } from '../kinds/shared/scratch.js';
import type { SettledLine } from '../kinds/kind-list.js';
import { ClaimRecord, recordClaim } from '../claim/claim-record.js';
import { vocabularyIndex } from '../claim/vocabulary-index.js';
import { claimVocabulary } from '../scheme/book.js';
import { profileTable } from './profile.js';
import { runRecord } from './run-record.js';
import { settledLines } from './settled-lines.js';
import { say } from '../i18n/say.js';

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
 * Settles a validated claim through the waterfall.
 *
 * @example
 * const r = settleClaim(claim, { ledger });
 * if (r.ok) { r.value.personal; r.value.ledger; }
 */
export function settleClaim(claim: Claim, options: SettleOptions = {}): Result<SettlementRecord, ClaimIssue> {
  const book = options.rules ?? defaultRules();
  const policy = policyOn(book, claim.visit.discharged);
  if (!policy) {
    return fail([
      claimIssue(
        ClaimErrorCode.NO_RULES_FOR_DATE,
        'visit.discharged',
        { received: claim.visit.discharged, detail: describeBook(book, options.lang) },
        options.lang,
      ),
    ]);
  }
  const year = ledgerYear(claim.visit.discharged);
  const before = options.ledger ?? emptyYearLedger(claim.person.id, year);
  if (before.personId !== claim.person.id || before.year !== year) {
    return fail([
      claimIssue(
        ClaimErrorCode.LEDGER_MISMATCH,
        before.personId !== claim.person.id ? 'person.id' : 'visit.discharged',
        {
          detail: say(options.lang, {
            zh: `台账属于 ${ledgerKey(before.personId, before.year)}，报销申请属于 ${ledgerKey(claim.person.id, year)}`,
            en: `ledger of ${ledgerKey(before.personId, before.year)}, claim of ${ledgerKey(claim.person.id, year)}`,
          }),
        },
        options.lang,
      ),
    ]);
  }
  if (before.claimIds.includes(claim.id)) {
    return fail([
      claimIssue(
        ClaimErrorCode.DUPLICATE_CLAIM,
        'id',
        {
          received: claim.id,
          detail: say(options.lang, {
            zh: `已在 ${before.personId} ${year} 年的台账中`,
            en: `in the ledger of ${before.personId} for ${year}`,
          }),
        },
        options.lang,
      ),
    ]);
  }
  const misfit = schemeIssues(claim, policy, options.lang);
  if (misfit.length > 0) return fail(misfit);

  const layout = policy.scheme.counters;
  const counters = Float64Array.from(countersIn(before, layout));
  const overflow = ledgerOverflow(counters, layout, claim, options.lang);
  if (overflow) return fail([overflow]);
  const vocabulary = vocabularyIndex(claimVocabulary(book));
  if (!recordClaim(claim, vocabulary, record))
    throw new Error(`claim ${claim.id} is not of its book's vocabulary: this is a bug in bashunwei`);
  const profile = profileTable(policy, vocabulary).profileOf(record);
  const balances = { ...options.funds };
  const end = runRecord(record, policy, profile, counters, balances, split);
  const ledger: YearLedger = {
    ...before,
    claimIds: [...before.claimIds, claim.id],
    counters: withCounters(before, layout, counters),
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

const NONE: readonly ClaimIssue[] = [];

/**
 * What a claim uses that the scheme in force on its discharge date does not have: a county, a
 * hospital area or a person category of another rule set (docs/claim.md, "The claim").
 *
 * @example
 * schemeIssues(claim2022WithRegisteredPoor, policy2022) // [invalid_enum at person.category]
 */
export function schemeIssues(claim: Claim, policy: Policy, lang?: Lang): readonly ClaimIssue[] {
  return recordIssues(claim, claim.visit.discharged, policy, lang);
}

/**
 * The same for a claim's finite facts and its discharge date (a claim record's).
 *
 * @example
 * recordIssues(traitsOf(record, vocabulary), '2022-03-01', policy2022) // [invalid_enum at person.category]
 */
export function recordIssues(
  claim: ClaimTraits,
  discharged: string,
  policy: Policy,
  lang?: Lang,
): readonly ClaimIssue[] {
  const s = policy.scheme;
  if (
    s.counties.has(claim.person.county) &&
    s.categories.has(claim.person.category) &&
    s.areas.has(claim.hospital.area)
  )
    return NONE;
  const issues: ClaimIssue[] = [];
  const check = (path: string, value: string, values: ReadonlyMap<string, unknown>) => {
    if (values.has(value)) return;
    const expected = [...values.keys()].map((v) => JSON.stringify(v)).join(', ');
    issues.push(
      claimIssue(
        ClaimErrorCode.INVALID_ENUM,
        path,
        {
          expected,
          received: JSON.stringify(value),
          detail: say(lang, {
            zh: `${discharged} 适用 ${policy.id}`,
            en: `${policy.id}, in force on ${discharged}`,
          }),
        },
        lang,
      ),
    );
  };
  check('person.county', claim.person.county, s.counties);
  check('person.category', claim.person.category, s.categories);
  check('hospital.area', claim.hospital.area, s.areas);
  return issues;
}

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
