/**
 * What the national platform's settlement record shows of a carve-out line: the pools it was
 * taken from, and the most it could pay this time (what it paid).
 */
import type { Fen } from '../../money/fen.js';
import type { CarveOutDetail } from './detail.js';

/**
 * The base of a carve-out line's payment.
 *
 * @example
 * carveOutBase(detail) // detail.base
 */
export const carveOutBase = (d: CarveOutDetail): Fen => d.base;

/**
 * The most a carve-out line could pay this time: what it paid.
 *
 * @example
 * carveOutLimit(detail, line.amount)
 */
export const carveOutLimit = (_d: CarveOutDetail, amount: Fen): Fen => amount;
