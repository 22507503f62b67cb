/**
 * The one check that keeps a person-year's ledger exact: fen are exact up to 2^53 − 1 (about
 * 9 × 10^13 yuan), and a year's counters (a cumulative burden, what a payer paid) grow with every
 * claim. A claim that could carry one of them past that limit is refused before it is applied,
 * with its own code (`ledger_overflow`), and the next claim is settled as usual.
 *
 * Every counter grows by at most the claim's total per claim (each is a payment, a burden or a
 * deductible taken out of the bill), so "counter + the claim's total ≤ 2^53 − 1" for every counter
 * guarantees that no arithmetic of the claim leaves the exact range. The check reads the counters
 * of the rule set's layout, whatever its tiers keep. Called by `settleClaim` (hence `settle`, the
 * batch and the service) and by the simulation, in the same place: after the duplicate and scheme
 * checks, before the waterfall.
 */
import type { Claim } from '../claim/claim.js';
import { claimIssue } from '../claim/parse.js';
import { ClaimErrorCode } from '../errors/codes.js';
import type { ClaimIssue } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import { type Fen, formatFen } from '../money/fen.js';

/**
 * The counter that `claim` could carry past 2^53 − 1 fen (its name in `layout`; `""` when the
 * claim's own total is beyond it), or `undefined` when the claim is safe to settle.
 *
 * @example
 * overflowingCounter([9_000_000_000_000_000], ['serious-illness-insurance.burden'], claim) // "serious-illness-insurance.burden"
 */
export function overflowingCounter(
  counters: ArrayLike<number>,
  layout: readonly string[],
  claim: Claim,
): string | undefined {
  let total = 0;
  for (const item of claim.items) total += item.amount;
  return overflowingCounterOf(counters, layout, total);
}

/**
 * The same, for a claim of the given total (a claim record's).
 *
 * @example
 * overflowingCounterOf(counters, layout, record.total)
 */
export function overflowingCounterOf(
  counters: ArrayLike<number>,
  layout: readonly string[],
  total: number,
): string | undefined {
  const room = Number.MAX_SAFE_INTEGER - total;
  // The claim's own total is held to 10^12 yuan by its validation; this is the same check for
  // a limit that might one day be raised.
  if (!(room >= 0)) return '';
  for (let i = 0; i < counters.length; i++) if (counters[i]! > room) return layout[i] ?? String(i);
  return undefined;
}

/**
 * The refusal of a claim that would carry its person-year's counters (in the rule set's layout)
 * beyond the exact range, or `undefined` when it may be settled.
 *
 * @example
 * const refused = ledgerOverflow(counters, policy.scheme.counters, claim, 'en');
 * if (refused) return fail([refused]);
 */
export function ledgerOverflow(
  counters: ArrayLike<number>,
  layout: readonly string[],
  claim: Claim,
  lang?: Lang,
): ClaimIssue | undefined {
  let total = 0;
  for (const item of claim.items) total += item.amount;
  return ledgerOverflowOfRecord(counters, layout, total, lang);
}

/**
 * The same, for a claim of the given total (a claim record's).
 *
 * @example
 * ledgerOverflowOfRecord(counters, policy.scheme.counters, record.total)
 */
export function ledgerOverflowOfRecord(
  counters: ArrayLike<number>,
  layout: readonly string[],
  total: number,
  lang?: Lang,
): ClaimIssue | undefined {
  const counter = overflowingCounterOf(counters, layout, total);
  if (counter === undefined) return undefined;
  const value = counters[layout.indexOf(counter)];
  return claimIssue(
    ClaimErrorCode.LEDGER_OVERFLOW,
    'items',
    { detail: counter === '' ? undefined : `${counter} ${formatFen(value as Fen)}` },
    lang,
  );
}
