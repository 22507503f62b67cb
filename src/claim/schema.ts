/**
 * zod schema of a claim (docs/claim.md). Strict everywhere: unknown fields and unknown values are
 * errors, because a misspelt `compliant` silently defaulting to `true` would pay for a
 * non-compliant item, and a misspelt drug category would move the pools.
 */
import type { z as Z } from 'zod';
import { zod } from '../zod.js';
import { MAX_CLAIM_FEN, isAmountBeyondRange, parseAmount, type Fen } from '../money/fen.js';
import { CATALOGS, DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from './enums.js';
import { ITEM_CATEGORY_VALUES, itemCategoryOf } from './item-categories.js';
import type { ClaimVocabulary } from './vocabulary.js';
import { ClaimErrorCode } from '../errors/codes.js';
import { ID_PATTERN, idProblem } from './id-text.js';

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
  if (y < 100 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  // A month outside 01–12 (or not in digits, −1) has no days.
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0));
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

/**
 * A calendar date `YYYY-MM-DD` as a pattern (what {@link isCalendarDate} accepts: real days,
 * February 29 in leap years only, years from 0100).
 */
export const CALENDAR_DATE =
  /^(?!00)(?:(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))$/;

/** An amount written as a string, as a pattern: at most 15 digits before the point, at most 2 after, at most 10^12 yuan. */
export const AMOUNT_STRING = /^(?=\d{1,15}(?:\.|$))0*(?:\d{1,12}(?:\.\d{1,2})?|1000000000000(?:\.00?)?)$/;

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

/**
 * The claim's zod schema as the parser uses it: amounts read into fen, categories into ids.
 *
 * @example
 * buildClaimSchema(vocabulary).safeParse(input)
 */
function buildClaimSchema(vocabulary: ClaimVocabulary) {
  const z = zod();
  const amount = z.unknown().transform((value, ctx): Fen => {
    const fen = parseAmount(value);
    if (fen === undefined) {
      const code =
        value === undefined
          ? ClaimErrorCode.MISSING_FIELD
          : isAmountBeyondRange(value)
            ? ClaimErrorCode.AMOUNT_TOO_LARGE
            : ClaimErrorCode.INVALID_AMOUNT;
      ctx.addIssue({ code: 'custom', params: { code }, message: code });
      return z.NEVER;
    }
    return fen;
  });
  const date = z.string().refine(isCalendarDate, { params: { code: ClaimErrorCode.INVALID_DATE } });
  const category = z.enum(ITEM_CATEGORY_VALUES as [string, ...string[]]).transform((c) => itemCategoryOf(c)!);
  const id = z
    .string()
    .min(1)
    .max(MAX_ID)
    .refine((s) => idProblem(s) === undefined, { params: { code: ClaimErrorCode.INVALID_ID } });
  return claimObject(vocabulary, id, date, amount, category);
}

/**
 * The claim's zod schema in the shape JSON Schema can say: amounts as a string pattern or a number
 * that is a multiple of 0.01 within the limit, dates as a calendar pattern, categories as written
 * (claim/json-schema.ts turns it into the claim's JSON Schema).
 *
 * @example
 * z.toJSONSchema(claimSchemaForJson(vocabulary), { io: 'input' })
 */
export function claimSchemaForJson(vocabulary: ClaimVocabulary) {
  const z = zod();
  const amount = z.union([
    z.string().regex(AMOUNT_STRING),
    z
      .number()
      .min(0)
      .max(MAX_CLAIM_FEN / 100)
      .multipleOf(0.01),
  ]);
  return claimObject(
    vocabulary,
    z.string().min(1).max(MAX_ID).regex(new RegExp(ID_PATTERN, 'u')),
    z.string().regex(CALENDAR_DATE),
    amount,
    z.enum(ITEM_CATEGORY_VALUES as [string, ...string[]]),
  );
}

/** The claim's structure, with the zod types of its ids, dates, amounts and item categories given. */
function claimObject<I extends Z.ZodType<string>, D extends Z.ZodType, A extends Z.ZodType, C extends Z.ZodType>(
  vocabulary: ClaimVocabulary,
  id: I,
  date: D,
  amount: A,
  category: C,
) {
  const z = zod();
  const oneOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

  const item = z.strictObject({
    category,
    catalog: z.enum(CATALOGS),
    amount,
    compliant: z.boolean().default(true),
    necessary: z.boolean().default(false),
  });

  return z.strictObject({
    id,
    person: z.strictObject({
      id,
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
      id: id.optional(),
      name: z.string().max(MAX_TEXT).optional(),
      level: z.enum(HOSPITAL_LEVELS),
      area: oneOf(vocabulary.areas),
      designated: z.boolean().default(true),
    }),
    items: z.array(item).min(1).max(MAX_ITEMS),
  });
}
