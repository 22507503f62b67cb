/**
 * Clause 7.4.2: the special supplementary insurance costs 200 yuan per person per year; the city
 * pays 40% of it for Yanjiang and 20% for Anyue and Lezhi, the county the rest (premium.json of a
 * rule set; ziyang-2022 has none).
 */
import { ClaimErrorCode } from '../errors/codes.js';
import { type ClaimIssue, type Result, fail, ok } from '../errors/issue.js';
import { claimIssue } from '../claim/parse.js';
import { type Fen, fen, formatFen, sub } from '../money/fen.js';
import { applyRatio } from '../money/ratio.js';
import { type RuleBook, describeBook, policyOn } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';
import type { Lang } from '../i18n/lang.js';
import { say } from '../i18n/say.js';

/** Who pays the premiums of a county's insured persons. */
export interface PremiumSplit {
  readonly total: Fen;
  readonly city: Fen;
  readonly county: Fen;
  readonly clause: string;
}

/**
 * Splits the premiums of `persons` insured persons of a county between city and county, under the
 * rules in force on `date`. The city's share is rounded half-up once, on the total; the county
 * pays the exact rest.
 *
 * @example
 * const r = premiumSplit({ county: 'yanjiang', persons: 3, date: '2017-06-01' });
 * r.ok && formatPremiumSplit(r.value) // { total: "600.00", city: "240.00", county: "360.00" }
 */
export function premiumSplit(
  input: { readonly county: string; readonly persons: number; readonly date: string },
  rules: RuleBook = defaultRules(),
  lang?: Lang,
): Result<PremiumSplit, ClaimIssue> {
  if (!Number.isSafeInteger(input.persons) || input.persons < 0) {
    return fail([
      claimIssue(
        ClaimErrorCode.INVALID_TYPE,
        'persons',
        { expected: 'a whole number ≥ 0', received: String(input.persons) },
        lang,
      ),
    ]);
  }
  const policy = policyOn(rules, input.date);
  if (!policy)
    return fail([
      claimIssue(
        ClaimErrorCode.NO_RULES_FOR_DATE,
        'date',
        { received: input.date, detail: describeBook(rules, lang) },
        lang,
      ),
    ]);
  const premium = policy.premium;
  if (!premium)
    return fail([
      claimIssue(
        ClaimErrorCode.NO_RULES_FOR_DATE,
        'date',
        {
          received: input.date,
          detail: say(lang, {
            zh: `${policy.id} 没有保费个人缴费分担规则（premium.json）`,
            en: `${policy.id} has no premium split (premium.json)`,
          }),
        },
        lang,
      ),
    ]);
  const share = premium.cityShare[input.county];
  if (!share) {
    const expected = Object.keys(premium.cityShare)
      .map((c) => JSON.stringify(c))
      .join(', ');
    return fail([
      claimIssue(
        ClaimErrorCode.INVALID_ENUM,
        'county',
        { expected, received: JSON.stringify(input.county), detail: policy.id },
        lang,
      ),
    ]);
  }
  const total = fen(premium.perPerson * input.persons);
  const city = applyRatio(total, share);
  return ok({ total, city, county: sub(total, city), clause: premium.clause });
}

/**
 * The split with amounts as contract strings.
 *
 * @example
 * formatPremiumSplit(split).city // "240.00"
 */
export function formatPremiumSplit(s: PremiumSplit): { total: string; city: string; county: string; clause: string } {
  return { total: formatFen(s.total), city: formatFen(s.city), county: formatFen(s.county), clause: s.clause };
}
