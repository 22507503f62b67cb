/**
 * A parameter given by the value of a fact (`{"by": "deliveryMode", "values": {"vaginal": …}}`)
 * names a fact of the catalog and only values that fact takes in this scheme.
 */
import { RuleErrorCode } from '../../../errors/codes.js';
import { FACTS, factValues, isFactName } from '../../../rule-files/fact-catalog.js';
import { ruleCheck } from '../rule-check.js';
import { walkObjects } from '../walk.js';

/**
 * Parameters by a fact: the fact exists, and each key is a value it takes.
 *
 * @example
 * byFactValues.code // "rule_impossible_value"
 */
export const byFactValues = ruleCheck({
  code: RuleErrorCode.IMPOSSIBLE_VALUE,
  about: 'a parameter by a fact is keyed by values the fact takes',
  run({ files, values }, report) {
    for (const [file, content] of Object.entries(files) as [string, unknown][])
      walkObjects(content, [], (node, path) => {
        const by = node.by;
        if (typeof by !== 'string' || typeof node.values !== 'object' || node.values === null || 'source' in node)
          return;
        if (!isFactName(by))
          return report(file, [...path, 'by'], `unknown fact "${by}"; known facts: ${Object.keys(FACTS).join(', ')}`);
        const allowed = factValues(by, values).map(String);
        for (const k of Object.keys(node.values))
          if (!allowed.includes(k))
            report(file, [...path, 'values', k], `fact "${by}" is never "${k}"; it takes ${allowed.join(', ')}`);
      });
  },
});
