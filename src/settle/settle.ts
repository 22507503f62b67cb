/**
 * The one-call API: unknown input in, the contract's settlement JSON (or errors) out.
 */
import { parseClaim } from '../claim/parse.js';
import type { ClaimIssue, Result } from '../errors/issue.js';
import { fail, ok } from '../errors/issue.js';
import { type SettlementJson, settlementToJson } from '../format/settlement-json.js';
import type { Ledger } from '../ledger/year-ledger.js';
import { type BatchOptions, type BatchOutcome, createBatch } from './batch.js';
import { type SettleOptions, settleClaim } from './settle-claim.js';

/**
 * Validates and settles one claim; returns the settlement as CONTRACT.md defines it.
 *
 * @example
 * const r = settle(JSON.parse(text));
 * if (r.ok) console.log(r.value.personal, r.value.lines[1].explanation);
 * else console.error(r.errors);
 */
export function settle(input: unknown, options: SettleOptions = {}): Result<SettlementJson, ClaimIssue> {
  const claim = parseClaim(input, options);
  if (!claim.ok) return claim;
  const r = settleClaim(claim.value, options);
  return r.ok ? ok(settlementToJson(r.value, options)) : fail(r.errors);
}

/**
 * Settles many claims in order, threading the ledger; returns every outcome and the final ledger.
 *
 * @example
 * const { outcomes, ledger } = settleBatch(claims);
 * outcomes.filter((o) => !o.ok) // the rejected ones, with line numbers
 */
export function settleBatch(inputs: Iterable<unknown>, options: BatchOptions = {}): { outcomes: BatchOutcome[]; ledger: Ledger } {
  const batch = createBatch(options);
  const outcomes: BatchOutcome[] = [];
  for (const input of inputs) outcomes.push(batch.settle(input));
  return { outcomes, ledger: batch.ledger() };
}
