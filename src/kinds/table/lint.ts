/**
 * What a table's schema cannot check: every row's cap pool has a cap, and no cap lies below the
 * deductible of a row that pays from it, on any date either changes (the tier could then pay
 * nothing, silently).
 */
import type { KindReport } from '../kind.js';
import { capsBelowDeductible } from '../shared/cap-lint.js';
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
    for (const p of capsBelowDeductible(cap, r.deductible))
      report(
        p.changed === 'cap' ? ['caps', r.capPool, 'values', p.date] : ['rows', id, 'deductible', 'values', p.date],
        `annual cap ${p.cap} is below the deductible ${p.deductible} of row "${id}"`,
      );
  }
}
