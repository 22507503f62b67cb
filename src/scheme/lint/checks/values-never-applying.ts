/**
 * A value the folder itself dates before the rule set's first day, when a later value also dated
 * on or before that day replaces it before the period starts, never applies: a mistyped year in a
 * county's patch ("2019-07-01" for "2024-07-01"). A parent's history of values is no mistake of
 * the child's, so only the values the folder wrote are held to it.
 */
import { RuleErrorCode } from '../../../errors/codes.js';
import { forEachParameter } from '../../../rule-files/dated.js';
import { ruleCheck } from '../rule-check.js';

/**
 * Values the folder dates before its period that a later value replaces before it starts.
 *
 * @example
 * valuesNeverApplying.code // "rule_date_gap"
 */
export const valuesNeverApplying = ruleCheck({
  code: RuleErrorCode.DATE_GAP,
  about: 'no value the folder writes is replaced before the period starts',
  run({ files, writtenHere }, report) {
    const { from } = files['ruleset.json'].inForce;
    forEachParameter(files, ({ file, path, node }) => {
      const before = Object.keys(node.values)
        .filter((d) => d <= from)
        .sort();
      const applies = before[before.length - 1];
      for (const d of before.slice(0, -1))
        if (writtenHere(file, [...path, 'values', d]))
          report(
            file,
            [...path, 'values', d],
            `the value dated ${d} never applies: the rule set starts on ${from}, when the value dated ${applies} is already in force; check the date (a change from a later day is dated that day)`,
          );
    });
  },
});
