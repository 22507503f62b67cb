/**
 * zod schema of a claim (CONTRACT.md). Strict everywhere: unknown fields are errors, because a
 * misspelt `compliant` silently defaulting to `true` would pay for a non-compliant item.
 */
import { z } from 'zod';
import { parseAmount, type Fen } from '../money/fen.js';
import { AREAS, CATALOGS, CATEGORIES, COUNTIES, DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from './enums.js';
import { ClaimErrorCode } from '../errors/codes.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isCalendarDate('2017-02-29') // false
 */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const date = z.string().refine(isCalendarDate, { params: { code: ClaimErrorCode.INVALID_DATE } });

const amount = z.unknown().transform((value, ctx): Fen => {
  const fen = parseAmount(value);
  if (fen === undefined) {
    const code = value === undefined ? ClaimErrorCode.MISSING_FIELD : ClaimErrorCode.INVALID_AMOUNT;
    ctx.addIssue({ code: 'custom', params: { code }, message: code });
    return z.NEVER;
  }
  return fen;
});

/** Sizes beyond any real claim: they bound memory and output, not policy. */
const MAX_ID = 128;
const MAX_TEXT = 256;
/** Most items one claim may list. */
export const MAX_ITEMS = 10_000;

const nonEmpty = z.string().min(1).max(MAX_ID);

const item = z.strictObject({
  category: z.string().min(1).max(MAX_TEXT),
  catalog: z.enum(CATALOGS),
  amount,
  compliant: z.boolean().default(true),
  necessary: z.boolean().default(false),
});

/** The zod schema of one claim; `parseClaim` wraps it with our error codes. */
export const claimSchema = z.strictObject({
  id: nonEmpty,
  person: z.strictObject({
    id: nonEmpty,
    county: z.enum(COUNTIES),
    category: z.enum(CATEGORIES),
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
    area: z.enum(AREAS),
    designated: z.boolean().default(true),
  }),
  items: z.array(item).min(1).max(MAX_ITEMS),
});
