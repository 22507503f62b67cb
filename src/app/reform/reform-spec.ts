/**
 * A reform of the embedded rules as the workbench holds it: the library's parameter changes, and
 * two changes of structure that a parameter change cannot say, each written into a rule folder
 * that extends the shipped one (README, "Extending a folder"): a new order of a rule set's tiers
 * (a tier left out is switched off) and a new condition.
 */
import type { ParameterChange } from '../../scheme/reform.js';

/** A rule set's tiers in a new order: the tiers that run, in the order they run. */
export interface TierOrder {
  readonly set: string;
  readonly order: readonly string[];
}

/** A condition replaced: the rule file, the path of its `when` (`applies.when`, `rows.county.when`), the new condition. */
export interface ConditionChange {
  readonly set: string;
  readonly file: string;
  readonly path: string;
  readonly when: unknown;
}

/** A reform: parameter changes, and optionally tiers reordered or switched off and conditions changed. */
export interface ReformSpec {
  readonly changes: readonly ParameterChange[];
  readonly tiers?: readonly TierOrder[];
  readonly conditions?: readonly ConditionChange[];
}

/**
 * True when the reform changes nothing.
 *
 * @example
 * isEmptyReform({ changes: [] }) // true
 */
export function isEmptyReform(spec: ReformSpec): boolean {
  return spec.changes.length === 0 && (spec.tiers?.length ?? 0) === 0 && (spec.conditions?.length ?? 0) === 0;
}
