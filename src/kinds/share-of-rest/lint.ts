/**
 * What a share-of-rest tier's schema cannot check: a part belongs to one share at most (a payment
 * is taken from the parts it was computed on).
 */
import type { KindReport } from '../kind.js';
import type { ShareOfRestRaw } from './schema.js';

/**
 * Reports the problems of a share-of-rest tier file.
 *
 * @example
 * lintShareOfRest(raw, report)
 */
export function lintShareOfRest(raw: ShareOfRestRaw, report: KindReport): void {
  const seen = new Set<string>();
  for (const [id, sh] of Object.entries(raw.shares)) {
    sh.of.forEach((part, i) => {
      if (seen.has(part)) report(['shares', id, 'of', i], `part ${part} is already in another share of this tier`);
      seen.add(part);
    });
  }
}
