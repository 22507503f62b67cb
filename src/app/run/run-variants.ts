/**
 * The two rule books a run compares, named as `bashunwei simulate --baseline … --rules …` names
 * them, so that the report the page writes is the command's, names included.
 */
import type { RuleBook } from '../../scheme/book.js';
import { defaultRules } from '../../scheme/embedded.js';
import type { Variant } from '../../simulate/core/simulation.js';

/**
 * The embedded rules as the baseline, then the reform.
 *
 * @example
 * createSimulation({ variants: runVariants(reform) })
 */
export function runVariants(reform: RuleBook): Variant[] {
  return [
    { name: 'baseline', rules: defaultRules() },
    { name: 'reform', rules: reform },
  ];
}
