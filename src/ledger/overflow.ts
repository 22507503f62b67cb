/**
 * The one check that keeps a person-year's ledger exact: fen are exact up to 2^53 − 1 (about
 * 9 × 10^13 yuan), and a year's counters (a cumulative burden, what a payer paid) grow with every
 * claim. A claim that could carry one of them past that limit is refused before it is applied,
 * with its own code (`ledger_overflow`), and the next claim is settled as usual.
 *
 * Every counter grows by at most the claim's total per claim (each is a payment, a burden or a
 * deductible taken out of the bill), so "counter + the claim's total ≤ 2^53 − 1" for every counter
 * guarantees that no arithmetic of the claim leaves the exact range. The check reads the ledger's
 * numbers wherever they are (scalars, and records of them such as per-pool caps), so it holds for
 * any shape of ledger without being told its fields. Called by `settleClaim` (hence `settle`, the
 * batch and the service) and by the simulation, in the same place: after the duplicate check,
 * before the waterfall.
 */
import type { Claim } from '../claim/claim.js';
import { claimIssue } from '../claim/parse.js';
import { ClaimErrorCode } from '../errors/codes.js';
import type { ClaimIssue } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import { type Fen, formatFen } from '../money/fen.js';

/**
 * The counter of `ledger` that `claim` could carry past 2^53 − 1 fen, as a dotted path (`""` when
 * the claim's own total is beyond it), or `undefined` when the claim is safe to settle.
 *
 * @example
 * overflowingCounter({ seriousIllnessBurden: 9_000_000_000_000_000 }, claim) // "seriousIllnessBurden"
 */
export function overflowingCounter(ledger: object, claim: Claim): string | undefined {
  let total = 0;
  for (const item of claim.items) total += item.amount;
  const room = Number.MAX_SAFE_INTEGER - total;
  // The claim's own total is held to 10^12 yuan by its validation; this is the same check for
  // a limit that might one day be raised.
  if (!(room >= 0)) return '';
  return counterAbove(ledger, room, '');
}

/** Walks the ledger's numbers (a year number or a count is far below any room and never triggers). */
function counterAbove(node: object, room: number, prefix: string): string | undefined {
  const record = node as Readonly<Record<string, unknown>>;
  for (const key in record) {
    const v = record[key];
    if (typeof v === 'number') {
      if (v > room) return `${prefix}${key}`;
    } else if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const found = counterAbove(v, room, `${prefix}${key}.`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * The refusal of a claim that would carry its person-year's ledger beyond the exact range, or
 * `undefined` when it may be settled.
 *
 * @example
 * const refused = ledgerOverflow(ledger, claim, 'en');
 * if (refused) return fail([refused]);
 */
export function ledgerOverflow(ledger: object, claim: Claim, lang?: Lang): ClaimIssue | undefined {
  const counter = overflowingCounter(ledger, claim);
  if (counter === undefined) return undefined;
  const value = counter === '' ? undefined : counter.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], ledger);
  return claimIssue(ClaimErrorCode.LEDGER_OVERFLOW, 'items', { detail: counter === '' ? undefined : `${counter} ${formatFen(value as Fen)}` }, lang);
}
