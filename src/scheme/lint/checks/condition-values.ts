/**
 * Every condition can hold: the values it compares a fact with are values the fact takes in this
 * scheme (its own categories, groups, counties, areas and levels), its operator is one that can
 * hold for a single value, and no `any` is empty (json-rules-engine counts an empty `any` true).
 */
import { RuleErrorCode } from '../../../errors/codes.js';
import {
  type FactName,
  type SchemeValues,
  factReadableAt,
  factValues,
  isFactName,
} from '../../../rule-files/fact-catalog.js';
import { ruleCheck } from '../rule-check.js';
import { factOf, forEachCondition } from '../walk.js';

/**
 * Values a fact never takes, operators that never hold, empty `any`.
 *
 * @example
 * conditionValues.code // "rule_impossible_value"
 */
export const conditionValues = ruleCheck({
  code: RuleErrorCode.IMPOSSIBLE_VALUE,
  about: 'each condition compares a fact with values it can take',
  run({ files, values }, report) {
    forEachCondition(files, ({ file, path, site, node }) => {
      if (Array.isArray(node.all)) return;
      if (Array.isArray(node.any)) {
        if (node.any.length === 0)
          report(
            file,
            [...path, 'any'],
            'an empty "any" is always true in json-rules-engine; write {"all": []} if that is meant',
          );
        return;
      }
      const fact = factOf(node);
      // An unknown fact, or one not known here, is the other check's (condition-facts.ts).
      if (fact === undefined || !isFactName(fact) || !factReadableAt(fact, site)) return;
      checkValue(fact, String(node.operator), node.value, [...path, 'value'], values, (p, m) => report(file, p, m));
    });
  },
});

function checkValue(
  fact: FactName,
  operator: string,
  value: unknown,
  path: readonly PropertyKey[],
  scheme: SchemeValues,
  report: (path: readonly PropertyKey[], message: string) => void,
): void {
  const allowed = factValues(fact, scheme);
  const okValue = (v: unknown): boolean => allowed.includes(v as string | boolean);
  const list = allowed.map((v) => JSON.stringify(v)).join(', ');
  if (operator === 'equal' || operator === 'notEqual') {
    if (!okValue(value)) report(path, `fact "${fact}" is never ${JSON.stringify(value)}; it takes ${list}`);
  } else if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value)) report(path, `operator "${operator}" needs a list of values`);
    else
      value.forEach(
        (v, i) => okValue(v) || report([...path, i], `fact "${fact}" is never ${JSON.stringify(v)}; it takes ${list}`),
      );
  } else {
    report(
      path,
      `operator "${operator}" never holds for fact "${fact}", which is a single value; use equal, notEqual, in or notIn`,
    );
  }
}
