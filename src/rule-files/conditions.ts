/**
 * Conditions in json-rules-engine's format (`all` / `any` / `not` / `{fact, operator, value}`),
 * compiled once per rule set into synchronous predicates that call json-rules-engine's own
 * operator objects. No per-claim async work, no engine run; the semantics are the engine's,
 * including its quirk that an empty `any` is true.
 */
import defaultOperators from 'json-rules-engine/dist/engine-default-operators.js';
import type { FactBag, FactName } from './fact-catalog.js';

/** The operators a rule may use (json-rules-engine's defaults). */
export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
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

// The very operator objects (with their fact-value validators) that `new Engine()` registers and
// `engine.run()` calls, from json-rules-engine's own module of defaults: loading the whole engine
// cost 41 ms of the cold start, this module 4 ms. The version is pinned (7.3.1); the agreement
// test with engine.run() (test/conditions.prop.test.ts) guards the path.
// A CommonJS module with `exports.default`: bundlers hand over the list, Node's ESM loader the
// module object around it.
const operatorList: readonly (EngineOperator & { name: string })[] = Array.isArray(defaultOperators)
  ? defaultOperators
  : (defaultOperators as unknown as { default: readonly (EngineOperator & { name: string })[] }).default;
const engineOperators = new Map<string, EngineOperator>(operatorList.map((o) => [o.name, o]));

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
