/**
 * Reversal and re-settlement (冲正 / 重新结算, docs/policy-2017.md §6). A settlement depends on everything
 * settled before it in the person-year (deductibles consumed, the serious-illness burden, caps),
 * so reversing a claim means settling the year again without it: the claims before it come out
 * as they were, each claim after it is re-settled in order, and the ledger is what it would have
 * been had the reversed claim never come. Reversing the latest claim therefore gives back exactly
 * the ledger before it.
 *
 * The library keeps no history: the caller passes the person-year's settled claims, and its ledger,
 * whose claim ids are the order they were settled in (a back office has both; given no ledger,
 * the claims are taken in the order given). Relief funds are
 * taken as unlimited here, as in a single settlement: with finite balances the draws depend on
 * other persons' claims, which a person-year cannot know.
 */
import type { Claim } from '../claim/claim.js';
import { claimIssue } from '../claim/parse.js';
import { wasRead } from '../claim/read-mark.js';
import { ClaimErrorCode } from '../errors/codes.js';
import { type ClaimIssue, type Result, fail, ok } from '../errors/issue.js';
import type { MessageParams } from '../errors/messages.en.js';
import type { Lang } from '../i18n/lang.js';
import { checkYearLedger, isLedgerProblem, ledgerInvalid } from '../ledger/read-ledger.js';
import { type YearLedger, emptyYearLedger, ledgerKey, ledgerYear } from '../ledger/year-ledger.js';
import { type Fen, sub } from '../money/fen.js';
import type { RuleBook } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';
import { type SettlementRecord, settleAgainst } from './settle-claim.js';
import { ledgerMismatch } from './admit.js';
import { say } from '../i18n/say.js';

/** How one later claim's settlement changed when it was settled again. */
export interface Resettlement {
  readonly claimId: string;
  readonly before: SettlementRecord;
  readonly after: SettlementRecord;
  /** after − before, per tier that changed, and for the personal pay. */
  readonly difference: { readonly lines: Readonly<Record<string, Fen>>; readonly personal: Fen };
}

/** The outcome of a reversal. */
export interface Reversal {
  /** The settlement that was reversed, as it stood. */
  readonly reversed: SettlementRecord;
  /** The later claims of the year, settled again in order (empty when the latest was reversed). */
  readonly resettled: readonly Resettlement[];
  /** The person-year's ledger without the reversed claim. */
  readonly ledger: YearLedger;
}

/** Options of a reversal. */
export interface ReverseOptions {
  readonly rules?: RuleBook;
  readonly lang?: Lang;
  /**
   * The person-year's ledger as it stands (a `YearLedger`, amounts in fen): its `claimIds` are the
   * order the claims were settled in, and the claims given are settled again in that order,
   * whatever order they come in. Without it, the order given is taken as the settling order.
   */
  readonly ledger?: YearLedger;
}

/**
 * Reverses `claimId` among the settled claims of one person-year: the claims as `parseClaim`
 * returned them (`unvalidated_claim` at `[i]` otherwise), in settling order, or in any order with
 * the person-year's `ledger`, which then decides the order and must list exactly these claims.
 *
 * @example
 * const r = reverseClaim(claimsOfTheYear, 'C2018-17', { ledger });
 * if (r.ok) { save(r.value.ledger); for (const x of r.value.resettled) notify(x.claimId, x.difference); }
 */
export function reverseClaim(
  settled: readonly Claim[],
  claimId: string,
  options: ReverseOptions = {},
): Result<Reversal, ClaimIssue> {
  const lang = options.lang;
  const refuse = (code: ClaimErrorCode, path: string, params: Omit<MessageParams, 'path'> = {}) =>
    fail([claimIssue(code, path, params, lang)]);
  if (!Array.isArray(settled))
    return refuse(ClaimErrorCode.INVALID_TYPE, '', {
      expected: say(lang, { zh: '本年度已结算的报销申请数组', en: 'an array of the settled claims of the year' }),
    });
  if (typeof claimId !== 'string')
    return refuse(ClaimErrorCode.INVALID_TYPE, 'id', { expected: say(lang, { zh: '申请编号', en: 'a claim id' }) });
  const at = settled.findIndex((c) => idOf(c) === claimId);
  if (at < 0)
    return refuse(ClaimErrorCode.NOT_SETTLED, 'id', {
      received: claimId,
      detail: say(lang, { zh: `共给出 ${settled.length} 件`, en: `${settled.length} claims given` }),
    });
  // Read only what a claim-shaped value has: anything else is refused next, as not validated.
  const keys = settled.map(personYearOf);
  const key = keys.find((k) => k !== undefined)!;
  const other = keys.findIndex((k) => k !== undefined && k !== key);
  // Stryker disable next-line EqualityOperator: `other` is never 0: keys[0] is undefined (skipped) or is `key` itself
  if (other >= 0)
    return refuse(ClaimErrorCode.MIXED_PERSON_YEAR, 'id', {
      detail: say(lang, { zh: `${key} 与 ${idOf(settled[other])}`, en: `${key} and ${idOf(settled[other])}` }),
    });
  const unread = settled.findIndex((c) => !wasRead(c));
  if (unread >= 0) return refuse(ClaimErrorCode.UNVALIDATED_CLAIM, `[${unread}]`);

  const first = settled[0]!;
  const empty = emptyYearLedger(first.person.id, ledgerYear(first.visit.discharged));
  const order = options.ledger === undefined ? settled : settlingOrder(settled, options.ledger, empty, options);
  if (!Array.isArray(order)) return order as Result<never, ClaimIssue>;
  const target = order.findIndex((c) => c.id === claimId);

  const year = (claims: readonly Claim[]): Result<SettlementRecord[], ClaimIssue> => {
    let ledger = empty;
    const out: SettlementRecord[] = [];
    for (const c of claims) {
      const r = settleAgainst(c, ledger, { rules: options.rules, lang });
      if (!r.ok) return r;
      out.push(r.value);
      ledger = r.value.ledger;
    }
    return ok(out);
  };
  const before = year(order);
  if (!before.ok) return before;
  const after = year(order.filter((_, i) => i !== target));
  if (!after.ok) return after;
  const resettled = before.value.slice(target + 1).map((b, k) => {
    const a = after.value[target + k]!;
    const lines: Record<string, Fen> = {};
    for (const l of a.lines) {
      // Stryker disable next-line OptionalChaining: a claim's lines are its policy's tiers that apply to the claim, whatever the ledger: before and after list the same ids
      const was = b.lines.find((x) => x.id === l.id)?.amount ?? (0 as Fen);
      if (l.amount !== was) lines[l.id] = sub(l.amount, was);
    }
    return { claimId: b.claim.id, before: b, after: a, difference: { lines, personal: sub(a.personal, b.personal) } };
  });
  const ledger = after.value.at(-1)?.ledger ?? empty;
  return ok({ reversed: before.value[target]!, resettled, ledger });
}

/**
 * The claims in the order the ledger settled them, or why they cannot be: a ledger that is not
 * one, of another person-year, one of its claims not given, a claim given that it does not hold.
 */
function settlingOrder(
  claims: readonly Claim[],
  given: YearLedger,
  empty: YearLedger,
  options: ReverseOptions,
): readonly Claim[] | Result<never, ClaimIssue> {
  const lang = options.lang;
  // Stryker disable next-line StringLiteral: checkYearLedger reads every value but 'yuan' as fen, so '' reads as 'fen' does
  const l = checkYearLedger(given, options.rules ?? defaultRules(), 'fen');
  if (isLedgerProblem(l)) return fail(ledgerInvalid(l, lang));
  const mismatch = ledgerMismatch(l.personId, l.year, empty.personId, empty.year, lang);
  if (mismatch) return fail([mismatch]);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const position = new Map(l.claimIds.map((id, i) => [id, i]));
  const extra = claims.findIndex((c) => !position.has(c.id));
  if (extra >= 0)
    return fail([
      claimIssue(
        ClaimErrorCode.NOT_SETTLED,
        `[${extra}]`,
        { received: claims[extra]!.id, detail: say(lang, { zh: '台账中没有', en: 'not in the ledger' }) },
        lang,
      ),
    ]);
  const missing = l.claimIds.findIndex((id) => !byId.has(id));
  if (missing >= 0)
    return fail([
      claimIssue(ClaimErrorCode.MISSING_CLAIM, `ledger.claimIds[${missing}]`, { received: l.claimIds[missing] }, lang),
    ]);
  return l.claimIds.map((id) => byId.get(id)!);
}

/** The id of a claim-shaped value, or undefined. */
function idOf(c: unknown): unknown {
  return typeof c === 'object' && c !== null ? (c as { id?: unknown }).id : undefined;
}

/** The ledger key of a claim-shaped value (its person id and discharge year), or undefined. */
function personYearOf(c: unknown): string | undefined {
  if (typeof c !== 'object' || c === null) return undefined;
  const person = (c as { person?: { id?: unknown } }).person?.id;
  const discharged = (c as { visit?: { discharged?: unknown } }).visit?.discharged;
  return typeof person === 'string' && typeof discharged === 'string'
    ? ledgerKey(person, ledgerYear(discharged))
    : undefined;
}
