/**
 * Conditions in json-rules-engine's format (`all` / `any` / `not` / `{fact, operator, value}`),
 * compiled once per rule set into synchronous predicates that call json-rules-engine's own
 * operator objects. No per-claim async work, no engine run; the semantics are the engine's,
 * including its quirk that an empty `any` is true.
 */
import { Engine } from 'json-rules-engine';
import type { FactBag, FactName } from './facts.js';

/** The operators a rule may use (json-rules-engine's defaults). */
export const OPERATORS = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;
/** An operator name. */
export type OperatorName = (typeof OPERATORS)[number];

/** A leaf condition. */
export interface FactCondition {
  readonly fact: FactName;
  readonly operator: OperatorName;
  readonly value: unknown;
}
/** A condition tree, as written in the rule files. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | FactCondition;

/** A compiled condition. */
export type Predicate = (facts: FactBag) => boolean;

interface EngineOperator {
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}

// json-rules-engine keeps its operators on each engine; one engine gives us the exact objects
// (with their fact-value validators) that `engine.run()` would call.
const engineOperators = (new Engine() as unknown as { operators: { get(name: string): EngineOperator | undefined } }).operators;

/**
 * Compiles a condition into a synchronous predicate.
 *
 * @example
 * const isProtected = compileCondition({ all: [{ fact: 'category', operator: 'in', value: ['registered-poor', 'rural-dibao'] }] });
 * isProtected({ category: 'general' }) // false
 */
export function compileCondition(condition: Condition): Predicate {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (f) => {
      for (const p of parts) if (!p(f)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    if (parts.length === 0) return () => true; // json-rules-engine: an empty `any` passes
    return (f) => {
      for (const p of parts) if (p(f)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (f) => !inner(f);
  }
  const op = engineOperators.get(condition.operator);
  if (!op) throw new Error(`unknown operator ${condition.operator}`);
  const { fact, value } = condition;
  return (f) => op.evaluate(f[fact], value);
}
