/**
 * Claim validation at the edge: unknown input in, a typed {@link Claim} or a list of
 * {@link ClaimIssue}s out. Never throws.
 */
import type { z } from 'zod';
import { readValidClaim } from './fast-read.js';
import { claimSchema, isCalendarDate } from './schema.js';
import type { Claim } from './claim.js';
import { ClaimErrorCode } from '../errors/codes.js';
import { claimMessage, jsonProblemDetail } from '../errors/claim-message.js';
import { jsonSyntaxError } from '../errors/json-syntax.js';
import type { MessageParams } from '../errors/messages.en.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { type ClaimIssue, type Result, fail, formatPath, ok } from '../errors/issue.js';
import { MAX_CLAIM_FEN, formatFen } from '../money/fen.js';
import { duplicateKeyPaths } from '../errors/duplicate-keys.js';
import { type ClaimVocabulary, describePeriods } from './vocabulary.js';
import { ITEM_CATEGORIES } from './item-categories.js';
import { idProblemDetail } from './id-text.js';
import { markRead } from './read-mark.js';
import { say } from '../i18n/say.js';

/**
 * Validates one claim (already parsed from JSON) against a vocabulary and fills in the contract's
 * defaults. The library's `parseClaim` gives it the vocabulary of a rule book (the embedded rules
 * by default).
 *
 * @example
 * const r = readClaim(JSON.parse(text), { vocabulary });
 * if (r.ok) settleClaim(r.value, options);
 * else console.error(r.errors[0].code, r.errors[0].path);
 */
export function readClaim(input: unknown, options: ClaimReadOptions): Result<Claim, ClaimIssue> {
  const vocabulary = options.vocabulary;
  // Valid claims take the hand-written reader; zod reads everything else and says what is wrong.
  const valid = readValidClaim(input, vocabulary);
  // Stryker disable next-line ConditionalExpression: the fast reader's record is zod's for every valid claim (test/claim/fast-read.prop.test.ts); skipping it costs time only
  if (valid) return ok(markRead(valid));
  const r = validateClaim(input, options.lang, vocabulary);
  return r.ok ? ok(markRead(r.value)) : r;
}

/** Options of the claim readers. */
export interface ClaimReadOptions {
  /** The language of error messages (default zh-CN). */
  readonly lang?: Lang;
  /** The counties, areas and person categories a claim may use, and the periods of the rule sets. */
  readonly vocabulary: ClaimVocabulary;
  /** The text is one request's body, not a line of a file: a message about invalid JSON asks for one claim (not one per line). */
  readonly single?: boolean;
}

/**
 * Validates one claim with the zod schema and the checks across fields: the reference reader,
 * which names every problem. {@link readClaim} calls it whenever the fast reader gives up.
 *
 * @example
 * validateClaim({}, 'en', vocabulary).ok // false, with missing_field at id, person, visit, hospital, items
 */
export function validateClaim(
  input: unknown,
  lang: Lang = DEFAULT_LANG,
  vocabulary: ClaimVocabulary,
): Result<Claim, ClaimIssue> {
  const issue = (code: ClaimErrorCode, path: string, params: Omit<MessageParams, 'path'>) =>
    claimIssue(code, path, params, lang);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail([issue(ClaimErrorCode.NOT_AN_OBJECT, '', { received: describe(input, lang) })]);
  }
  const parsed = claimSchema(vocabulary).safeParse(input);
  if (!parsed.success)
    return fail(
      withoutRuleSet(
        parsed.error.issues.flatMap((i) => fromZod(i, input, lang)),
        input,
        vocabulary,
        lang,
      ),
    );
  const c = parsed.data;
  const issues: ClaimIssue[] = [];
  const admitted = c.visit.admitted ?? c.visit.discharged;
  if (admitted > c.visit.discharged) {
    issues.push(issue(ClaimErrorCode.DATE_ORDER, 'visit.admitted', { detail: `${admitted} > ${c.visit.discharged}` }));
  }
  if (c.visit.kind === 'delivery' && c.visit.deliveryMode === undefined) {
    issues.push(issue(ClaimErrorCode.DELIVERY_MODE_REQUIRED, 'visit.deliveryMode', {}));
  }
  let total = 0;
  c.items.forEach((it, i) => {
    if (it.amount > MAX_CLAIM_FEN)
      issues.push(issue(ClaimErrorCode.AMOUNT_TOO_LARGE, `items[${i}].amount`, { received: formatFen(it.amount) }));
    total += it.amount;
  });
  if (issues.length === 0 && total > MAX_CLAIM_FEN) {
    issues.push(
      issue(ClaimErrorCode.AMOUNT_TOO_LARGE, 'items', {
        received: say(lang, { zh: '各项费用合计', en: 'the sum of the items' }),
      }),
    );
  }
  if (issues.length > 0) return fail(issues);
  return ok({
    id: c.id,
    person: c.person,
    visit: {
      kind: c.visit.kind,
      admitted,
      discharged: c.visit.discharged,
      chronic: c.visit.chronic,
      majorDisease: c.visit.majorDisease,
      referral: c.visit.referral,
      deliveryMode: c.visit.deliveryMode,
    },
    hospital: {
      id: c.hospital.id,
      name: c.hospital.name,
      level: c.hospital.level,
      area: c.hospital.area,
      designated: c.hospital.designated,
    },
    items: c.items,
  });
}

/**
 * Validates one claim from its JSON text: refuses text that is not JSON and keys written twice
 * (which `JSON.parse` would silently resolve to the last), then validates as {@link readClaim}.
 *
 * @example
 * readClaimText('{"id": "C1", "id": "C2", …}') // fails: duplicate_field at id
 */
export function readClaimText(text: string, options: ClaimReadOptions): Result<Claim, ClaimIssue> {
  const issue = (code: ClaimErrorCode, path: string, params: Omit<MessageParams, 'path'>) =>
    claimIssue(code, path, params, options.lang);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // Our own position and wording: JSON.parse's message varies by Node version and may paste the whole text.
    const at = jsonSyntaxError(text);
    return fail([
      issue(ClaimErrorCode.INVALID_JSON, '', {
        detail: at ? jsonProblemDetail(at, options.lang, 1, text.includes('\n')) : (e as Error).message,
        expected: options.single ? oneClaim(options.lang) : undefined,
      }),
    ]);
  }
  const dups = duplicateKeyPaths(text);
  if (dups.length > 0) return fail(dups.map((p) => issue(ClaimErrorCode.DUPLICATE_FIELD, p, {})));
  return readClaim(json, options);
}

/**
 * Builds one claim issue with its message.
 *
 * @example
 * claimIssue('duplicate_claim', 'id', { received: 'C1' })
 */
export function claimIssue(
  code: ClaimErrorCode,
  path: string,
  params: Omit<MessageParams, 'path'>,
  lang: Lang = DEFAULT_LANG,
): ClaimIssue {
  return { code, path, message: claimMessage(code, { ...params, path }, lang) };
}

function fromZod(zi: z.core.$ZodIssue, input: unknown, lang: Lang): ClaimIssue[] {
  const issue = (code: ClaimErrorCode, p: string, params: Omit<MessageParams, 'path'>) =>
    claimIssue(code, p, params, lang);
  const path = formatPath(zi.path);
  const value = valueAt(input, zi.path);
  switch (zi.code) {
    case 'unrecognized_keys':
      return zi.keys.map((k) => issue(ClaimErrorCode.UNKNOWN_FIELD, formatPath([...zi.path, k]), {}));
    case 'invalid_type':
      if (value === undefined)
        return [issue(ClaimErrorCode.MISSING_FIELD, path, { expected: typeName(zi.expected, lang) })];
      if (zi.expected === 'object')
        return [issue(ClaimErrorCode.NOT_AN_OBJECT, path, { received: describe(value, lang) })];
      return [
        issue(ClaimErrorCode.INVALID_TYPE, path, {
          expected: typeName(zi.expected, lang),
          received: describe(value, lang),
        }),
      ];
    case 'invalid_value': {
      // Item categories are listed id and code together, in the national order (zod's list puts the codes first).
      // The only field three steps deep is an item's (items[i].category); a person's category is two.
      const isCategory = zi.path[2] === 'category';
      const expected = isCategory ? ITEM_CATEGORY_EXPECTED : zi.values.map((v) => JSON.stringify(v)).join(', ');
      if (value === undefined) return [issue(ClaimErrorCode.MISSING_FIELD, path, { expected })];
      return [issue(ClaimErrorCode.INVALID_ENUM, path, { expected, received: describe(value, lang) })];
    }
    case 'too_big':
      return [
        issue(ClaimErrorCode.TOO_LONG, path, {
          detail: say(lang, {
            zh: `最多 ${String(zi.maximum)} ${zi.origin === 'array' ? '项' : '个字符'}`,
            en: `at most ${String(zi.maximum)} ${zi.origin === 'array' ? 'items' : 'characters'}`,
          }),
        }),
      ];
    case 'too_small':
      return [issue(zi.origin === 'array' ? ClaimErrorCode.EMPTY_ITEMS : ClaimErrorCode.EMPTY_STRING, path, {})];
    default: {
      // A refinement of the claim's schema (schema.ts) names its code; zod raises no other issue on
      // that schema, but one would be read as a value of the wrong type.
      // Stryker disable next-line OptionalChaining: only an issue other than a refinement's has no params, and the claim's schema raises none
      const code = (zi as { params?: { code?: ClaimErrorCode } }).params?.code ?? ClaimErrorCode.INVALID_TYPE;
      // The id's refinement runs on a string only (after z.string()).
      if (code === ClaimErrorCode.INVALID_ID)
        return [issue(code, path, { detail: idProblemDetail(value as string, lang) })];
      return [issue(code, path, { received: describe(value, lang) })];
    }
  }
}

/** The item categories as a message lists them: each id with its national code. */
const ITEM_CATEGORY_EXPECTED = ITEM_CATEGORIES.map((c) =>
  c.code === null ? JSON.stringify(c.id) : `${JSON.stringify(c.id)}/${JSON.stringify(c.code)}`,
).join(', ');

/**
 * The value at an issue's path (undefined where the path leaves the input). zod reports an issue
 * only inside the objects and arrays it walked into, but nothing may throw here if it ever did not.
 */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  // Stryker disable next-line OptionalChaining: every step but the last is an object or an array zod walked into (above)
  return path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | null | undefined)?.[k], input);
}

/** The fields whose values are those of the rule set in force on the discharge date. */
const SCHEME_PATHS = new Set(['person.county', 'person.category', 'hospital.area']);

/**
 * A claim discharged when no rule set of the book is in force is refused at visit.discharged
 * (docs/claim.md, "Which rules settle a claim"): its county, area and category cannot be judged without a rule set, so those
 * errors give way to that one.
 */
function withoutRuleSet(issues: ClaimIssue[], input: object, vocabulary: ClaimVocabulary, lang: Lang): ClaimIssue[] {
  const discharged = (input as { visit?: { discharged?: unknown } }).visit?.discharged;
  const periods = vocabulary.periods;
  if (!periods || typeof discharged !== 'string' || !isCalendarDate(discharged)) return issues;
  if (periods.some((p) => p.from <= discharged && discharged <= p.to)) return issues;
  const noRules = claimIssue(
    ClaimErrorCode.NO_RULES_FOR_DATE,
    'visit.discharged',
    { received: discharged, detail: describePeriods(periods, lang) },
    lang,
  );
  return [noRules, ...issues.filter((i) => !(i.code === ClaimErrorCode.INVALID_ENUM && SCHEME_PATHS.has(i.path)))];
}

/** What a request's body must be, in the message's language. */
const oneClaim = (lang: Lang | undefined): string =>
  say(lang, { zh: '一个报销申请的 JSON 对象', en: 'one claim object' });

/** What was received, in the message's language (a long string by its length only). */
function describe(v: unknown, lang: Lang): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return say(lang, { zh: '数组', en: 'an array' });
  if (typeof v === 'string')
    return v.length > 40
      ? say(lang, { zh: `${v.length} 个字符的字符串`, en: `a string of ${v.length} characters` })
      : JSON.stringify(v);
  if (typeof v === 'object') return say(lang, { zh: '对象', en: 'an object' });
  return `${typeName(typeof v, lang)} ${String(v)}`;
}

const TYPE_NAMES_ZH: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  bigint: '整数',
  undefined: '未定义',
};
/** A JSON type's name, in the message's language. */
function typeName(t: string, lang: Lang): string {
  return say(lang, { zh: TYPE_NAMES_ZH[t] ?? t, en: t });
}
