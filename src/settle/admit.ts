/**
 * Admission: is a validated claim settled under this rule book and this person-year's ledger, and
 * if not, why. The one place the refusals of a valid claim are decided, in one order, for
 * `settleClaim` (hence `settle`, the batch, the command and the service) and for the simulation:
 *
 * 1. `duplicate_claim` at `id`: the id is settled already (in the year ledger given, or wherever
 *    the caller keeps ids: a batch's or a simulation's ids across every person and year);
 * 2. `no_rules_for_date` at `visit.discharged`: no rule set of the book is in force that day;
 * 3. `ledger_mismatch`: a ledger the caller chose is another person's (`person.id`) or year's
 *    (`visit.discharged`);
 * 4. `invalid_enum` at `person.county`, `person.category`, `hospital.area`: a value the rule set
 *    in force does not have (docs/claim.md, "The claim"), every one of them;
 * 5. `ledger_overflow` at `items`: the claim could carry a counter of its person-year past 2^53 − 1
 *    fen (ledger/overflow.ts).
 *
 * Admission reads the claim as a record (claim/claim-record.ts), as both paths settle it. An
 * admitted claim costs nothing but the checks: its profile comes back (the policy's, remembered
 * per profile of facts), and the ledger is read through the functions of {@link AdmissionLedger},
 * which a simulation builds once.
 */
import type { ClaimRecord } from '../claim/claim-record.js';
import type { Claim } from '../claim/claim.js';
import { claimIssue } from '../claim/parse.js';
import type { VocabularyIndex } from '../claim/vocabulary-index.js';
import { ClaimErrorCode } from '../errors/codes.js';
import type { ClaimIssue } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import { type Words, say } from '../i18n/say.js';
import { ledgerOverflowOfRecord } from '../ledger/overflow.js';
import { ledgerKey } from '../ledger/year-ledger.js';
import { type RuleBook, describeBook, policyAtNumber } from '../scheme/book.js';
import type { Policy } from '../scheme/policy.js';
import type { ClaimTraits } from './claim-facts.js';
import { type ClaimProfile, profileTable, traitsOf } from './profile.js';

/** What admission reads of the person-year a claim would be settled into. */
export interface AdmissionLedger {
  /**
   * The person and year of a ledger the caller chose (`settleClaim`'s `ledger` option), checked
   * against the claim's; absent where the ledger is the claim's own by construction (a batch, a
   * simulation).
   */
  readonly personId?: string;
  readonly year?: number;
  /** Where `claimId` was settled already, in words for the refusal's detail; `undefined` when it was not. */
  settled(claimId: string): Words | undefined;
  /** The person-year's counters in the layout of the policy that would settle the claim (`policy.scheme.counters`). */
  counters(policy: Policy): ArrayLike<number>;
  /**
   * A number no counter of the person-year is above (a simulation keeps the sum of the totals it
   * settled), so that the counters are read only when the claim could reach the limit; absent:
   * they are always read.
   */
  atMost?(): number;
}

/** Why a claim is not admitted: its problems, in the order above (several only for values of another rule set). */
export type Refusal = readonly ClaimIssue[];

/**
 * The profile (and so the policy, `profile.policy`) that settles the claim recorded in `r` under
 * `book` and `ledger`, or why it is refused. `vocabulary` is the one `r` was recorded with (the
 * book's, `claimVocabulary(book)`, or one that holds it); `claim`, when given, is the claim the record was made from: its
 * values are then checked against the rule set as text, so that a claim read for another book
 * (whose record could not hold them) is refused as any other.
 *
 * @example
 * const admitted = admit(record, book, vocabulary, ledger, 'en');
 * if (isRefusal(admitted)) return fail(admitted);
 * runRecord(record, admitted.policy, admitted, counters, funds, bill);
 */
export function admit(
  r: ClaimRecord,
  book: RuleBook,
  vocabulary: VocabularyIndex,
  ledger: AdmissionLedger,
  lang?: Lang,
  claim?: Claim,
): ClaimProfile | Refusal {
  const where = ledger.settled(r.claimId);
  if (where !== undefined)
    return [claimIssue(ClaimErrorCode.DUPLICATE_CLAIM, 'id', { received: r.claimId, detail: say(lang, where) }, lang)];
  const policy = policyAtNumber(book, r.date);
  if (!policy)
    return [
      claimIssue(
        ClaimErrorCode.NO_RULES_FOR_DATE,
        'visit.discharged',
        { received: isoDate(r.date), detail: describeBook(book, lang) },
        lang,
      ),
    ];
  if (ledger.personId !== undefined && ledger.year !== undefined) {
    const mismatch = ledgerMismatch(ledger.personId, ledger.year, r.personId, r.year, lang);
    if (mismatch) return [mismatch];
  }
  if (claim) {
    const misfit = schemeIssues(claim, policy, lang);
    if (misfit.length > 0) return misfit;
  }
  const profile = profileTable(policy, vocabulary).profileOf(r);
  if (!profile.member) return recordIssues(traitsOf(r, vocabulary), isoDate(r.date), policy, lang);
  if (ledger.atMost === undefined || ledger.atMost() + r.total > Number.MAX_SAFE_INTEGER) {
    const overflow = ledgerOverflowOfRecord(ledger.counters(policy), policy.scheme.counters, r.total, lang);
    if (overflow) return [overflow];
  }
  return profile;
}

/**
 * True when {@link admit} refused the claim (its answer is the list of problems, not a profile).
 *
 * @example
 * const admitted = admit(record, book, vocabulary, ledger);
 * if (isRefusal(admitted)) console.log(admitted[0].code);
 */
export function isRefusal(admitted: ClaimProfile | Refusal): admitted is Refusal {
  return Array.isArray(admitted);
}

/**
 * `ledger_mismatch` when a ledger of `ledgerPerson` in `ledgerYear` is given for a claim of
 * `person` in `year` (at `person.id`, or at `visit.discharged` for another year), else undefined.
 *
 * @example
 * ledgerMismatch('P1', 2017, 'P1', 2018) // ledger_mismatch at visit.discharged
 */
export function ledgerMismatch(
  ledgerPerson: string,
  ledgerOfYear: number,
  person: string,
  year: number,
  lang?: Lang,
): ClaimIssue | undefined {
  if (ledgerPerson === person && ledgerOfYear === year) return undefined;
  const ours = ledgerKey(ledgerPerson, ledgerOfYear);
  const theirs = ledgerKey(person, year);
  return claimIssue(
    ClaimErrorCode.LEDGER_MISMATCH,
    ledgerPerson !== person ? 'person.id' : 'visit.discharged',
    {
      detail: say(lang, {
        zh: `台账属于 ${ours}，报销申请属于 ${theirs}`,
        en: `ledger of ${ours}, claim of ${theirs}`,
      }),
    },
    lang,
  );
}

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

/** A record's date as ISO text (yyyymmdd → yyyy-mm-dd). */
export function isoDate(date: number): string {
  const y = Math.floor(date / 10000);
  const m = Math.floor(date / 100) % 100;
  const d = date % 100;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
