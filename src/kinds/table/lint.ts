/**
 * What a table's schema cannot check: every row's cap pool has a cap, and no cap lies below the
 * deductible of a row that pays from it (the tier could then pay nothing, silently).
 */
import { valueOn } from '../../rule-files/dated.js';
import type { KindReport } from '../kind.js';
import type { TableRaw } from './schema.js';

/**
 * Reports the problems of a table tier file.
 *
 * @example
 * lintTable(raw, report)
 */
export function lintTable(raw: TableRaw, report: KindReport): void {
  for (const [id, r] of Object.entries(raw.rows)) {
    const cap = raw.caps[r.capPool];
    if (!cap) {
      report(['rows', id, 'capPool'], `cap pool "${r.capPool}" has no entry in caps`);
      continue;
    }
    for (const [date, value] of Object.entries(cap.values)) {
      const ded = valueOn(r.deductible.values, date);
      if (ded !== undefined && Number(value) < Number(ded))
        report(
          ['caps', r.capPool, 'values', date],
          `annual cap ${value} is below the deductible ${ded} of row "${id}"`,
        );
    }
  }
}
