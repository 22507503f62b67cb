/**
 * Every dated parameter has a value from the rule set's first day, and none dated after its last
 * day (it would never apply): a claim of any day of the period finds one value.
 */
import { RuleErrorCode } from '../../../errors/codes.js';
import { forEachParameter } from '../../../rule-files/dated.js';
import { NO_END } from '../../compile.js';
import { ruleCheck } from '../rule-check.js';

/**
 * Dated values cover the period, from its first day, and lie inside it.
 *
 * @example
 * datesCoverPeriod.code // "rule_date_gap"
 */
export const datesCoverPeriod = ruleCheck({
  code: RuleErrorCode.DATE_GAP,
  about: 'dated values cover the period from its first day and end inside it',
  run({ files }, report) {
    const { from } = files['ruleset.json'].inForce;
    const to = files['ruleset.json'].inForce.to ?? NO_END;
    forEachParameter(files, ({ file, path, node }) => {
      const dates = Object.keys(node.values).sort();
      if (dates.length > 0 && dates[0]! > from)
        report(
          file,
          [...path, 'values'],
          `no value from ${from} (the rule set's first day) to ${dates[0]}: date the first value ${from} or earlier`,
        );
      for (const d of dates)
        if (d > to)
          report(
            file,
            [...path, 'values', d],
            `value dated ${d}, after the rule set ends (${to}): it would never apply`,
          );
    });
  },
});
