/**
 * What the national platform's settlement record shows of a yearly-assistance line: the base its
 * payment was computed on, and the most it could pay (the yearly limit's room).
 */
import type { Fen } from '../../money/fen.js';
import type { YearlyAssistanceDetail } from './detail.js';

/**
 * The base of a yearly-assistance line's payment.
 *
 * @example
 * yearlyAssistanceBase(detail) // detail.base
 */
export const yearlyAssistanceBase = (d: YearlyAssistanceDetail): Fen => d.base;

/**
 * The most a yearly-assistance line could pay this time.
 *
 * @example
 * yearlyAssistanceLimit(detail) // detail.limitLeft
 */
export const yearlyAssistanceLimit = (d: YearlyAssistanceDetail): Fen => d.limitLeft;
