/**
 * What the national platform's settlement record shows of a top-up line: what was still personal
 * when the funds topped it up, and the most it could pay this time (what it paid; its funds' rows
 * are written per fund from the line's draws).
 */
import type { Fen } from '../../money/fen.js';
import type { TopUpDetail } from './detail.js';

/**
 * The base of a top-up line's payment.
 *
 * @example
 * topUpBase(detail) // detail.remaining
 */
export const topUpBase = (d: TopUpDetail): Fen => d.remaining;

/**
 * The most a top-up line could pay this time: what it paid.
 *
 * @example
 * topUpLimit(detail, line.amount)
 */
export const topUpLimit = (_d: TopUpDetail, amount: Fen): Fen => amount;
