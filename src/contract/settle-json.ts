/**
 * The one-call API: unknown input in, the contract's settlement JSON (or errors) out.
 */
import type { ClaimIssue, Result } from '../errors/issue.js';
import { fail, ok } from '../errors/issue.js';
import { claimIssue } from '../claim/parse.js';
import { ClaimErrorCode } from '../errors/codes.js';
import { say } from '../i18n/say.js';
import { type SettlementJson, settlementToJson } from '../format/settlement-json.js';
import type { Ledger } from '../ledger/year-ledger.js';
import { type BatchOptions, type BatchOutcome, createBatch } from '../settle/batch.js';
import { type SettleOptions, settleAgainst } from '../settle/settle-claim.js';
import { parseClaim } from '../settle/parse-claim.js';
import type { Lang } from '../i18n/lang.js';
import type { YearLedgerJson } from '../ledger/ledger-json.js';
import { checkYearLedger, isLedgerProblem, ledgerInvalid } from '../ledger/read-ledger.js';
import { type YearLedger, emptyYearLedger, ledgerYear } from '../ledger/year-ledger.js';
import type { RuleBook } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';

/**
 * Validates and settles one claim; returns the settlement as docs/claim.md, "The settlement",
 * defines it, and beside it the person-year's ledger after the claim (`r.ledger`, with the ids of
 * its claims): pass that to settle the next claim of the year, or keep it.
 *
 * @example
 * const r = settle(JSON.parse(text), { ledger: saved });
 * if (r.ok) { console.log(r.value.personal, r.value.lines[1].explanation); save(r.ledger); }
 * else console.error(r.errors);
 */
export function settle(input: unknown, options: SettleJsonOptions = {}): SettleResult {
  const rules = options.rules ?? defaultRules();
  const ledger = ledgerOption(options.ledger, rules, options.lang);
  if (ledger !== undefined && !ledger.ok) return ledger;
  const claim = parseClaim(input, { lang: options.lang, rules });
  if (!claim.ok) return claim;
  const c = claim.value;
  const before = ledger?.value ?? emptyYearLedger(c.person.id, ledgerYear(c.visit.discharged));
  const r = settleAgainst(c, before, { ...options, rules, chosen: ledger !== undefined });
  if (!r.ok) return fail(r.errors);
  const value = settlementToJson(r.value, options);
  // The year ledger beside it: the settlement's counters (the same object) and the year's ids.
  const l = r.value.ledger;
  return {
    ok: true,
    value,
    ledger: { personId: l.personId, year: l.year, claimIds: l.claimIds, counters: value.ledger.counters },
  };
}

/** What {@link settle} answers: the settlement and the year ledger after it, or why the claim was refused. */
export type SettleResult =
  | { readonly ok: true; readonly value: SettlementJson; readonly ledger: YearLedgerJson }
  | { readonly ok: false; readonly errors: readonly ClaimIssue[] };

/** The options of {@link settle}: its ledger is JSON, amounts in yuan strings (docs/claim.md, "The ledger"). */
export interface SettleJsonOptions extends Omit<SettleOptions, 'ledger'> {
  /**
   * This person-year's ledger before the claim, as JSON: the `ledger` the previous settle() handed
   * back beside its settlement, an entry of a ledger file, or `yearLedgerToJson(l)`. Checked as a
   * claim is: amounts are yuan strings (a number is refused: it could be fen or yuan), counters
   * those of the rule sets in force that year, and person and year the claim's.
   */
  readonly ledger?: YearLedgerJson;
}

/**
 * The ledger option read as a year ledger, or why it is not one (never a throw: it may come from
 * a file or a request), each problem at its path under `ledger`.
 */
function ledgerOption(
  ledger: unknown,
  book: RuleBook,
  lang: Lang | undefined,
): Result<YearLedger, ClaimIssue> | undefined {
  if (ledger === undefined) return undefined;
  const l = checkYearLedger(ledger, book, 'yuan');
  return isLedgerProblem(l) ? fail(ledgerInvalid(l, lang)) : ok(l);
}

/**
 * Settles many claims in order, threading the ledger; returns every outcome and the final ledger.
 *
 * @example
 * const { outcomes, ledger } = settleBatch(claims);
 * outcomes.filter((o) => !o.ok) // the rejected ones, with line numbers
 */
export function settleBatch(
  inputs: Iterable<unknown>,
  options: BatchOptions = {},
): { outcomes: BatchOutcome[]; ledger: Ledger } {
  const batch = createBatch(options);
  const outcomes: BatchOutcome[] = [];
  // Plain JS reaches this too: a value that is not a list of claims is one refused input.
  if (
    typeof inputs === 'string' ||
    typeof (inputs as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== 'function'
  ) {
    const expected = say(options.lang, { zh: '报销申请的数组', en: 'an array of claims' });
    const error = claimIssue(ClaimErrorCode.INVALID_TYPE, '', { expected }, options.lang);
    return { outcomes: [{ ok: false, line: 1, claimId: null, errors: [error] }], ledger: batch.ledger() };
  }
  for (const input of inputs) outcomes.push(batch.settle(input));
  return { outcomes, ledger: batch.ledger() };
}
