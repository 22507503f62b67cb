/**
 * Clause 7.3: poverty is illness-induced (因病致贫) when the household's annual personal medical
 * spending exceeds 40% of its annual income and leaves it, per person, below the low-income line.
 */
import { ClaimErrorCode } from '../errors/codes.js';
import { type ClaimIssue, type Result, fail, ok } from '../errors/issue.js';
import { claimIssue } from '../claim/parse.js';
import { parseAmount } from '../money/fen.js';
import { mulDivRem } from '../money/rounding.js';
import { ratioDenominator } from '../money/ratio.js';
import { type RuleBook, describeBook, policyOn } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';
import type { Lang } from '../i18n/lang.js';
import { say } from '../i18n/say.js';

/** The household figures the test reads (amounts in yuan, as strings or numbers). */
export interface HouseholdYear {
  readonly annualMedicalSpend: string | number;
  readonly householdIncome: string | number;
  readonly householdSize: number;
  /** A date in the year tested; it chooses the rules. */
  readonly date: string;
}

/** The outcome of the test, with each of its two conditions. */
export interface IllnessInducedPovertyTest {
  readonly illnessInduced: boolean;
  readonly spendAboveShare: boolean;
  readonly belowLowIncomeLine: boolean;
  readonly clause: string;
}

/**
 * Tests a household year for illness-induced poverty, exactly (no float compares money).
 *
 * @example
 * const r = illnessInducedPoverty({ annualMedicalSpend: '9000', householdIncome: '15000', householdSize: 3, date: '2017-06-01' });
 * r.ok && r.value.illnessInduced // true: 9000 > 6000 and (15000 − 9000) / 3 = 2000 < 3300
 */
export function illnessInducedPoverty(
  input: HouseholdYear,
  rules: RuleBook = defaultRules(),
  lang?: Lang,
): Result<IllnessInducedPovertyTest, ClaimIssue> {
  const spend = parseAmount(input.annualMedicalSpend);
  const income = parseAmount(input.householdIncome);
  const errors: ClaimIssue[] = [];
  if (spend === undefined)
    errors.push(
      claimIssue(
        ClaimErrorCode.INVALID_AMOUNT,
        'annualMedicalSpend',
        { received: String(input.annualMedicalSpend) },
        lang,
      ),
    );
  if (income === undefined)
    errors.push(
      claimIssue(ClaimErrorCode.INVALID_AMOUNT, 'householdIncome', { received: String(input.householdIncome) }, lang),
    );
  if (!Number.isSafeInteger(input.householdSize) || input.householdSize < 1) {
    errors.push(
      claimIssue(
        ClaimErrorCode.INVALID_TYPE,
        'householdSize',
        { expected: 'a whole number ≥ 1', received: String(input.householdSize) },
        lang,
      ),
    );
  }
  const policy = policyOn(rules, input.date);
  if (!policy)
    errors.push(
      claimIssue(
        ClaimErrorCode.NO_RULES_FOR_DATE,
        'date',
        { received: input.date, detail: describeBook(rules, lang) },
        lang,
      ),
    );
  else if (!policy.illnessPoverty)
    errors.push(
      claimIssue(
        ClaimErrorCode.NO_RULES_FOR_DATE,
        'date',
        {
          received: input.date,
          detail: say(lang, {
            zh: `${policy.id} 没有因病致贫认定规则（illness-poverty.json）`,
            en: `${policy.id} has no illness-induced poverty test (illness-poverty.json)`,
          }),
        },
        lang,
      ),
    );
  const test = policy?.illnessPoverty;
  if (errors.length > 0 || spend === undefined || income === undefined || !test) return fail(errors);

  const share = test.spendShare;
  // spend > share × income = q + r/den exactly; for a whole number of fen that is spend > q.
  const [q] = mulDivRem(income, share.units, ratioDenominator(share));
  const spendAboveShare = spend > q;
  // (income − spend) / size < line  ⇔  income − spend < line × size
  const belowLowIncomeLine = income - spend < test.lowIncomeLine * input.householdSize;
  return ok({
    illnessInduced: spendAboveShare && belowLowIncomeLine,
    spendAboveShare,
    belowLowIncomeLine,
    clause: test.clause,
  });
}
