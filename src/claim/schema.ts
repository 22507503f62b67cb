/**
 * zod schema of a claim (CONTRACT.md). Strict everywhere: unknown fields and unknown values are
 * errors, because a misspelt `compliant` silently defaulting to `true` would pay for a
 * non-compliant item, and a misspelt drug category would move the pools.
 */
import { zod } from '../zod.js';
import { isAmountBeyondRange, parseAmount, type Fen } from '../money/fen.js';
import { CATALOGS, DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from './enums.js';
import { ITEM_CATEGORY_VALUES, itemCategoryOf } from './item-categories.js';
import type { ClaimVocabulary } from './vocabulary.js';
import { ClaimErrorCode } from '../errors/codes.js';

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isCalendarDate('2017-02-29') // false
 */
export function isCalendarDate(text: string): boolean {
  // By character codes rather than a regex and a Date: this runs twice per claim on the hot path.
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return false;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  // Years before 0100 are refused, as they always were (Date.UTC read them as 19xx).
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

const DASH = 45;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits text[from, to), or −1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Sizes beyond any real claim: they bound memory and output, not policy. */
export const MAX_ID = 128;
export const MAX_TEXT = 256;
/** Most items one claim may list. */
export const MAX_ITEMS = 10_000;

/**
 * The zod schema of one claim for a vocabulary (the counties, areas and categories of a rule
 * book), built on first use (zod is loaded then: src/zod.ts); `parseClaim` wraps it with our error
 * codes. Item categories are read as ids (a national code becomes its id).
 *
 * @example
 * claimSchema(claimVocabulary(defaultRules())).safeParse(input)
 */
export function claimSchema(vocabulary: ClaimVocabulary) {
  let schema = schemas.get(vocabulary);
  if (!schema) schemas.set(vocabulary, (schema = buildClaimSchema(vocabulary)));
  return schema;
}

const schemas = new WeakMap<ClaimVocabulary, ReturnType<typeof buildClaimSchema>>();

function buildClaimSchema(vocabulary: ClaimVocabulary) {
  const z = zod();
  const date = z.string().refine(isCalendarDate, { params: { code: ClaimErrorCode.INVALID_DATE } });
  const oneOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

  const amount = z.unknown().transform((value, ctx): Fen => {
    const fen = parseAmount(value);
    if (fen === undefined) {
      const code = value === undefined ? ClaimErrorCode.MISSING_FIELD : isAmountBeyondRange(value) ? ClaimErrorCode.AMOUNT_TOO_LARGE : ClaimErrorCode.INVALID_AMOUNT;
      ctx.addIssue({ code: 'custom', params: { code }, message: code });
      return z.NEVER;
    }
    return fen;
  });

  const nonEmpty = z.string().min(1).max(MAX_ID);

  const item = z.strictObject({
    category: oneOf(ITEM_CATEGORY_VALUES).transform((c) => itemCategoryOf(c)!),
    catalog: z.enum(CATALOGS),
    amount,
    compliant: z.boolean().default(true),
    necessary: z.boolean().default(false),
  });

  return z.strictObject({
    id: nonEmpty,
    person: z.strictObject({
      id: nonEmpty,
      county: oneOf(vocabulary.counties),
      category: oneOf(vocabulary.categories),
      illnessInduced: z.boolean().default(false),
    }),
    visit: z.strictObject({
      kind: z.enum(VISIT_KINDS),
      admitted: date.optional(),
      discharged: date,
      chronic: z.boolean().default(false),
      majorDisease: z.boolean().default(false),
      referral: z.enum(REFERRALS).default('none'),
      deliveryMode: z.enum(DELIVERY_MODES).optional(),
    }),
    hospital: z.strictObject({
      id: nonEmpty.optional(),
      name: z.string().max(MAX_TEXT).optional(),
      level: z.enum(HOSPITAL_LEVELS),
      area: oneOf(vocabulary.areas),
      designated: z.boolean().default(true),
    }),
    items: z.array(item).min(1).max(MAX_ITEMS),
  });
}
