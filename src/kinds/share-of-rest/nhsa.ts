/**
 * What the national platform's settlement record shows of a share-of-rest line: the bases of its
 * shares added up, and the most it could pay (the cap's room, or what the shares gave).
 */
import { type Fen, ZERO, add } from '../../money/fen.js';
import type { ShareOfRestDetail } from './detail.js';

/**
 * The base of a share-of-rest line's payment.
 *
 * @example
 * shareOfRestBase(detail)
 */
export const shareOfRestBase = (d: ShareOfRestDetail): Fen => d.shares.reduce((s, x) => add(s, x.base), ZERO);

/**
 * The most a share-of-rest line could pay this time.
 *
 * @example
 * shareOfRestLimit(detail)
 */
export const shareOfRestLimit = (d: ShareOfRestDetail): Fen => (d.capLeft === null ? d.computed : d.capLeft);
