/**
 * What a brackets tier's schema cannot check: bounds that ascend, only the last bracket open,
 * and no annual cap below the deductible on any date either changes.
 */
import type { KindReport } from '../kind.js';
import { capsBelowDeductible } from '../shared/cap-lint.js';
import type { BracketsRaw } from './schema.js';

/**
 * Reports the problems of a brackets tier file.
 *
 * @example
 * lintBrackets(raw, report)
 */
export function lintBrackets(raw: BracketsRaw, report: KindReport): void {
  for (const [d, list] of Object.entries(raw.brackets.values)) {
    let prev = -1;
    list.forEach((b, i) => {
      const last = i === list.length - 1;
      if (b.upTo === null && !last)
        report(['brackets', 'values', d, i, 'upTo'], 'only the last bracket may be open-ended (upTo: null)');
      if (b.upTo === null) return;
      const v = Number(b.upTo);
      if (v <= prev) report(['brackets', 'values', d, i, 'upTo'], 'bracket bounds must ascend');
      prev = v;
    });
    if (list.length > 0 && list[list.length - 1]!.upTo !== null)
      report(['brackets', 'values', d, list.length - 1, 'upTo'], 'the last bracket must be open-ended (upTo: null)');
  }
  if (raw.annualCap && 'values' in raw.deductible) {
    for (const p of capsBelowDeductible(raw.annualCap, raw.deductible))
      report(
        [p.changed === 'cap' ? 'annualCap' : 'deductible', 'values', p.date],
        `annual cap ${p.cap} is below the deductible ${p.deductible}`,
      );
  }
}
