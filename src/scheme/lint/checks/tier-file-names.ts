/** A tier file is named after the tier it holds: `tiers/<id>.json` holds the tier whose `id` is `<id>`. */
import { RuleErrorCode } from '../../../errors/codes.js';
import { tierFile } from '../../../rule-files/types.js';
import { ruleCheck } from '../rule-check.js';

/**
 * Each tier's `id` is the name of its file.
 *
 * @example
 * tierFileNames.code // "rule_invalid"
 */
export const tierFileNames = ruleCheck({
  code: RuleErrorCode.INVALID,
  about: 'each tier file is named after its id',
  run({ tiers, tierFiles }, report) {
    tiers.forEach((t, i) => {
      const file = tierFiles[i]!;
      if (file !== tierFile(t.id)) report(file, ['id'], `the file of tier "${t.id}" must be ${tierFile(t.id)}`);
    });
  },
});
