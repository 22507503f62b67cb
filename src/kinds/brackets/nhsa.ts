/**
 * What the national platform's settlement record shows of a brackets line: the base its payment
 * was computed on, and the most it could pay (the cap's room, or what the brackets gave).
 */
import type { Fen } from '../../money/fen.js';
import type { BracketsDetail } from './detail.js';

/**
 * The base of a brackets line's payment.
 *
 * @example
 * bracketsBase(detail) // detail.base
 */
export const bracketsBase = (d: BracketsDetail): Fen => d.base;

/**
 * The most a brackets line could pay this time.
 *
 * @example
 * bracketsLimit(detail)
 */
export const bracketsLimit = (d: BracketsDetail): Fen => (d.capLeft === null ? d.computed : d.capLeft);
