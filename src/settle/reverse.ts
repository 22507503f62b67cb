/**
 * Reversal and re-settlement (冲正 / 重新结算, docs/policy-2017.md §6). A settlement depends on everything
 * settled before it in the person-year (deductibles consumed, the serious-illness burden, caps),
 * so reversing a claim means settling the year again without it: the claims before it come out
 * as they were, each claim after it is re-settled in order, and the ledger is what it would have
 * been had the reversed claim never come. Reversing the latest claim therefore gives back exactly
 * the ledger before it.
 *
 * The library keeps no history: the caller passes the person-year's settled claims in the order
 * they were settled (a back office has them; see examples/back-office-service). Relief funds are
 * taken as unlimited here, as in a single settlement: with finite balances the draws depend on
 * other persons' claims, which a person-year cannot know.
 */
import type { Claim } from '../claim/claim.js';
import { claimIssue } from '../claim/parse.js';
import { ClaimErrorCode } from '../errors/codes.js';
import { type ClaimIssue, type Result, fail, ok } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import { type YearLedger, emptyYearLedger, ledgerKey, ledgerYear } from '../ledger/year-ledger.js';
import { type Fen, sub } from '../money/fen.js';
import type { RuleBook } from '../scheme/book.js';
import { type SettlementRecord, settleClaim } from './settle-claim.js';
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

/**
 * Reverses `claimId` among the settled claims of one person-year, given in settling order.
 *
 * @example
 * const r = reverseClaim(claimsOfTheYear, 'C2018-17');
 * if (r.ok) { save(r.value.ledger); for (const x of r.value.resettled) notify(x.claimId, x.difference); }
 */
export function reverseClaim(
  settled: readonly Claim[],
  claimId: string,
  options: { readonly rules?: RuleBook; readonly lang?: Lang } = {},
): Result<Reversal, ClaimIssue> {
  const first = settled[0];
  const at = settled.findIndex((c) => c.id === claimId);
  if (!first || at < 0) {
    return fail([
      claimIssue(
        ClaimErrorCode.NOT_SETTLED,
        'id',
        {
          received: claimId,
          detail: say(options.lang, { zh: `共给出 ${settled.length} 件`, en: `${settled.length} claims given` }),
        },
        options.lang,
      ),
    ]);
  }
  const key = ledgerKey(first.person.id, ledgerYear(first.visit.discharged));
  const other = settled.find((c) => ledgerKey(c.person.id, ledgerYear(c.visit.discharged)) !== key);
  if (other)
    return fail([
      claimIssue(
        ClaimErrorCode.MIXED_PERSON_YEAR,
        'id',
        { detail: say(options.lang, { zh: `${key} 与 ${other.id}`, en: `${key} and ${other.id}` }) },
        options.lang,
      ),
    ]);

  const year = (claims: readonly Claim[]): Result<SettlementRecord[], ClaimIssue> => {
    let ledger = emptyYearLedger(first.person.id, ledgerYear(first.visit.discharged));
    const out: SettlementRecord[] = [];
    for (const c of claims) {
      const r = settleClaim(c, { rules: options.rules, ledger, lang: options.lang });
      if (!r.ok) return r;
      out.push(r.value);
      ledger = r.value.ledger;
    }
    return ok(out);
  };
  const before = year(settled);
  if (!before.ok) return before;
  const after = year(settled.filter((_, i) => i !== at));
  if (!after.ok) return after;
  const resettled = before.value.slice(at + 1).map((b, k) => {
    const a = after.value[at + k]!;
    const lines: Record<string, Fen> = {};
    for (const l of a.lines) {
      const was = b.lines.find((x) => x.id === l.id)?.amount ?? (0 as Fen);
      if (l.amount !== was) lines[l.id] = sub(l.amount, was);
    }
    return { claimId: b.claim.id, before: b, after: a, difference: { lines, personal: sub(a.personal, b.personal) } };
  });
  const ledger = after.value.at(-1)?.ledger ?? emptyYearLedger(first.person.id, ledgerYear(first.visit.discharged));
  return ok({ reversed: before.value[at]!, resettled, ledger });
}
