/** An override of location.json settles at one of the scheme's levels (the rows of its tables). */
import { RuleErrorCode } from '../../../errors/codes.js';
import { ruleCheck } from '../rule-check.js';

/**
 * Each override's level is one of `levels`.
 *
 * @example
 * overrideLevels.code // "rule_impossible_value"
 */
export const overrideLevels = ruleCheck({
  code: RuleErrorCode.IMPOSSIBLE_VALUE,
  about: "each location override's level is one of the levels",
  run({ files, values }, report) {
    for (const [id, o] of Object.entries(files['location.json'].overrides))
      if (!values.levels.includes(o.level))
        report(
          'location.json',
          ['overrides', id, 'level'],
          `level "${o.level}" is not one of levels (${values.levels.join(', ')})`,
        );
  },
});
