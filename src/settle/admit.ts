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
 * An admitted claim costs nothing but the checks: the policy comes back as it is, and the ledger
 * is read through the two functions of {@link AdmissionLedger}, which a simulation builds once.
 */
import type { Claim } from '../claim/claim.js';
import { claimIssue } from '../claim/parse.js';
import { ClaimErrorCode } from '../errors/codes.js';
import type { ClaimIssue } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import { type Words, say } from '../i18n/say.js';
import { ledgerOverflow } from '../ledger/overflow.js';
import { ledgerKey, ledgerYear } from '../ledger/year-ledger.js';
import { type RuleBook, describeBook, policyOn } from '../scheme/book.js';
import type { Policy } from '../scheme/policy.js';

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
  counters(policy: Policy): readonly number[];
}

/** Why a claim is not admitted: its problems, in the order above (several only for values of another rule set). */
export type Refusal = readonly ClaimIssue[];

/**
 * The policy that settles `claim` under `book` and `ledger`, or why it is refused.
 *
 * @example
 * const admitted = admit(claim, book, ledger, 'en');
 * if (isRefusal(admitted)) return fail(admitted);
 * runClaim(claim, admitted, [...ledger.counters(admitted)], funds, true);
 */
export function admit(claim: Claim, book: RuleBook, ledger: AdmissionLedger, lang?: Lang): Policy | Refusal {
  const where = ledger.settled(claim.id);
  if (where !== undefined)
    return [claimIssue(ClaimErrorCode.DUPLICATE_CLAIM, 'id', { received: claim.id, detail: say(lang, where) }, lang)];
  const discharged = claim.visit.discharged;
  const policy = policyOn(book, discharged);
  if (!policy)
    return [
      claimIssue(
        ClaimErrorCode.NO_RULES_FOR_DATE,
        'visit.discharged',
        { received: discharged, detail: describeBook(book, lang) },
        lang,
      ),
    ];
  if (ledger.personId !== undefined && ledger.year !== undefined) {
    const mismatch = ledgerMismatch(ledger.personId, ledger.year, claim.person.id, ledgerYear(discharged), lang);
    if (mismatch) return [mismatch];
  }
  const misfit = schemeIssues(claim, policy, lang);
  if (misfit.length > 0) return misfit;
  const overflow = ledgerOverflow(ledger.counters(policy), policy.scheme.counters, claim, lang);
  return overflow ? [overflow] : policy;
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

/**
 * True when {@link admit} refused the claim (its answer is the list of problems, not a policy).
 *
 * @example
 * const admitted = admit(claim, book, ledger);
 * if (isRefusal(admitted)) console.log(admitted[0].code);
 */
export function isRefusal(admitted: Policy | Refusal): admitted is Refusal {
  return Array.isArray(admitted);
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
            zh: `${claim.visit.discharged} 适用 ${policy.id}`,
            en: `${policy.id}, in force on ${claim.visit.discharged}`,
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
