/** Every person category of persons.json belongs to one of its groups. */
import { RuleErrorCode } from '../../../errors/codes.js';
import { ruleCheck } from '../rule-check.js';

/**
 * A category's group is one of the groups.
 *
 * @example
 * categoryGroups.code // "rule_invalid"
 */
export const categoryGroups = ruleCheck({
  code: RuleErrorCode.INVALID,
  about: "each category's group is one of the groups",
  run({ files }, report) {
    const persons = files['persons.json'];
    for (const [id, c] of Object.entries(persons.categories))
      if (!(c.group in persons.groups))
        report(
          'persons.json',
          ['categories', id, 'group'],
          `group "${c.group}" is not in groups (${Object.keys(persons.groups).join(', ')})`,
        );
  },
});
