/**
 * The one-call API: unknown input in, the contract's settlement JSON (or errors) out.
 */
import { parseClaim } from '../settle/parse-claim.js';
import type { ClaimIssue, Result } from '../errors/issue.js';
import { fail, ok } from '../errors/issue.js';
import { type SettlementJson, settlementToJson } from '../format/settlement-json.js';
import type { Ledger } from '../ledger/year-ledger.js';
import { type BatchOptions, type BatchOutcome, createBatch } from '../settle/batch.js';
import { type SettleOptions, settleClaim } from '../settle/settle-claim.js';
import { claimIssue } from '../claim/parse.js';
import { ClaimErrorCode } from '../errors/codes.js';
import type { Lang } from '../i18n/lang.js';
import { type YearLedgerJson, parseYearLedgerJson } from '../ledger/ledger-json.js';
import type { YearLedger } from '../ledger/year-ledger.js';

/**
 * Validates and settles one claim; returns the settlement as docs/claim.md, "The settlement", defines it.
 *
 * @example
 * const r = settle(JSON.parse(text));
 * if (r.ok) console.log(r.value.personal, r.value.lines[1].explanation);
 * else console.error(r.errors);
 */
export function settle(input: unknown, options: SettleJsonOptions = {}): Result<SettlementJson, ClaimIssue> {
  const ledger = ledgerOption(options.ledger, options.lang);
  if (ledger !== undefined && !ledger.ok) return ledger;
  const claim = parseClaim(input, options);
  if (!claim.ok) return claim;
  const r = settleClaim(claim.value, { ...options, ledger: ledger?.value });
  return r.ok ? ok(settlementToJson(r.value, options)) : fail(r.errors);
}

/** The options of {@link settle}: its ledger may be the one a settlement handed back (yuan strings) or a {@link YearLedger}. */
export interface SettleJsonOptions extends Omit<SettleOptions, 'ledger'> {
  /** This person-year's ledger before the claim: `settlement.ledger` of the previous claim as it came back, or a `YearLedger` in fen. */
  readonly ledger?: YearLedger | YearLedgerJson;
}

/**
 * The ledger option read as a year ledger, or why it is not one (never a throw: it may come from
 * a file or a request). Counters written as text are a settlement's own JSON; numbers are fen.
 */
function ledgerOption(ledger: unknown, lang: Lang | undefined): Result<YearLedger, ClaimIssue> | undefined {
  if (ledger === undefined) return undefined;
  const counters = (ledger as { counters?: unknown } | null)?.counters;
  const invalid = (path: string, detail?: string) =>
    fail([claimIssue(ClaimErrorCode.LEDGER_INVALID, path, detail ? { detail } : {}, lang)]);
  if (typeof counters !== 'object' || counters === null) return invalid('ledger.counters');
  const values = Object.values(counters);
  if (values.length > 0 && values.every((v) => typeof v === 'string')) {
    const r = parseYearLedgerJson(ledger);
    return r.ok ? r : invalid(`ledger${r.errors[0]!.path ? `.${r.errors[0]!.path}` : ''}`, r.errors[0]!.message);
  }
  const l = ledger as Partial<YearLedger>;
  if (typeof l.personId !== 'string') return invalid('ledger.personId');
  if (typeof l.year !== 'number' || !Number.isInteger(l.year)) return invalid('ledger.year');
  if (!Array.isArray(l.claimIds) || !l.claimIds.every((id) => typeof id === 'string'))
    return invalid('ledger.claimIds');
  for (const [k, v] of Object.entries(counters)) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      return invalid(`ledger.counters.${k}`, typeof v === 'string' ? 'mixed with numbers' : String(v));
  }
  return ok(ledger as YearLedger);
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
  for (const input of inputs) outcomes.push(batch.settle(input));
  return { outcomes, ledger: batch.ledger() };
}
