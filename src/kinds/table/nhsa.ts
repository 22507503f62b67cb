/**
 * What the national platform's settlement record shows of a table line: the in-scope cost its
 * payment was computed on, the most it could pay (the cap's room, or the formula where no cap
 * binds), and the deductible the claim paid (setlinfo.act_pay_dedc; FHIR's `deductible`).
 */
import type { Fen } from '../../money/fen.js';
import type { TableDetail } from './detail.js';

/**
 * The base of a table line's payment.
 *
 * @example
 * tableBase(detail) // detail.inScope
 */
export const tableBase = (d: TableDetail): Fen => d.inScope;

/**
 * The most a table line could pay this time.
 *
 * @example
 * tableLimit(detail) // the cap's room, or what the formula gave
 */
export const tableLimit = (d: TableDetail): Fen => (d.capLeft === null ? d.computed : d.capLeft);

/**
 * The deductible this claim paid.
 *
 * @example
 * tableDeductible(detail) // detail.deductibleCharged
 */
export const tableDeductible = (d: TableDetail): Fen => d.deductibleCharged;
