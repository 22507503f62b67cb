/**
 * The check a table and a brackets tier share (src/kinds/table/lint.ts, src/kinds/brackets/lint.ts):
 * no annual cap lies below a deductible it goes with, on any date either of them changes. Such a
 * tier could pay nothing, silently; a deductible raised later above the cap is as wrong as a cap
 * lowered below it.
 */
import { valueOn } from '../../rule-files/dated.js';
import type { Dated } from '../../rule-files/types.js';

/** A date on which a cap lies below a deductible, which of the two changed on that date, and their values. */
export interface CapBelowDeductible {
  readonly date: string;
  readonly changed: 'cap' | 'deductible';
  readonly cap: string;
  readonly deductible: string;
}

/**
 * The dates on which `cap` lies below `deductible`: every date the cap changes, then every other
 * date the deductible changes (each date once).
 *
 * @example
 * capsBelowDeductible(dated({ '2020-01-01': '1000' }), dated({ '2020-01-01': '400', '2021-01-01': '1200' }))
 * // [{ date: '2021-01-01', changed: 'deductible', cap: '1000', deductible: '1200' }]
 */
export function capsBelowDeductible(cap: Dated<string>, deductible: Dated<string>): CapBelowDeductible[] {
  const found: CapBelowDeductible[] = [];
  const check = (date: string, changed: CapBelowDeductible['changed']): void => {
    const c = valueOn(cap.values, date);
    const d = valueOn(deductible.values, date);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: an absent value reads as NaN, which is below nothing, so these checks only say what they mean
    if (c !== undefined && d !== undefined && Number(c) < Number(d))
      found.push({ date, changed, cap: c, deductible: d });
  };
  for (const date of Object.keys(cap.values)) check(date, 'cap');
  for (const date of Object.keys(deductible.values)) if (!Object.hasOwn(cap.values, date)) check(date, 'deductible');
  return found;
}
