/**
 * Conditions in json-rules-engine's format (`all` / `any` / `not` / `{fact, operator, value}`),
 * compiled once per rule set into synchronous predicates. No per-claim async work, no engine run;
 * the semantics are json-rules-engine's (7.3), including its quirk that an empty `any` is true and
 * its operators' checks of the fact's value (a number for the comparisons, an array for
 * `contains`). json-rules-engine offers no synchronous evaluation in its public API, so its ten
 * default operators are written out below; test/rule-files/conditions.prop.test.ts holds every
 * compiled condition equal to json-rules-engine's own `engine.run()` on generated conditions and facts.
 */
import type { FactBag } from './fact-catalog.js';
import type { Condition, OperatorName } from './types.js';

export type { Condition, FactCondition, OperatorName } from './types.js';

/** A compiled condition. */
export type Predicate = (facts: FactBag) => boolean;

/** json-rules-engine 7.3's check of a fact's value for the numeric operators (`numberValidator`). */
const isNumberLike = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';

/**
 * json-rules-engine 7.3's default operators (engine-default-operators.js): each checks the fact's
 * value first (its `factValueValidator`), then compares.
 */
const ENGINE_OPERATORS: Readonly<Record<OperatorName, (fact: unknown, value: unknown) => boolean>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
};

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
  const op = ENGINE_OPERATORS[condition.operator];
  if (!op) throw new Error(`unknown operator ${condition.operator}`);
  const { fact, value } = condition;
  return (f) => op(f[fact], value);
}
