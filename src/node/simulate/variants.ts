/**
 * A variant as data that crosses to a worker thread: a rule folder (or the embedded rules) and
 * parameter changes on top, as OpenFisca's reforms. Each worker builds the same rule book from it.
 */
import type { Result, RuleIssue } from '../../errors/issue.js';
import { type RuleBook } from '../../scheme/book.js';
import { defaultRules } from '../../scheme/embedded.js';
import { loadRuleFolder } from '../load-rule-folder.js';
import { type ParameterChange, reformRules } from '../../scheme/reform.js';

/** A variant to simulate: its name, its rule folder (default: the embedded rules) and changes on top. */
export interface VariantSpec {
  readonly name: string;
  readonly rules?: string;
  readonly changes?: readonly ParameterChange[];
}

/**
 * The rule book of a variant.
 *
 * @example
 * variantRules({ name: 'tilt 30%', changes: [{ set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.30' }] })
 */
export function variantRules(spec: VariantSpec): Result<RuleBook, RuleIssue> {
  const base = spec.rules === undefined ? { ok: true as const, value: defaultRules() } : loadRuleFolder(spec.rules);
  if (!base.ok || !spec.changes || spec.changes.length === 0) return base;
  return reformRules(base.value, spec.changes);
}
