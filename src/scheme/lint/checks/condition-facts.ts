/**
 * Every condition names a fact of the catalog, and one already known where the condition is
 * evaluated (a person's facts before the location's, the level after location.json, the item
 * facts only in bill.json's `hospitalAbsorbed`: README, "A rule folder").
 */
import { RuleErrorCode } from '../../../errors/codes.js';
import { FACTS, factReadableAt, isFactName } from '../../../rule-files/fact-catalog.js';
import { ruleCheck } from '../rule-check.js';
import { factOf, forEachCondition } from '../walk.js';

/**
 * Unknown facts, and facts read before they are known.
 *
 * @example
 * conditionFacts.code // "rule_unknown_fact"
 */
export const conditionFacts = ruleCheck({
  code: RuleErrorCode.UNKNOWN_FACT,
  about: 'each condition reads a known fact, where it is known',
  run({ files }, report) {
    forEachCondition(files, ({ file, path, site, node }) => {
      const fact = factOf(node);
      if (fact === undefined) return;
      if (!isFactName(fact))
        report(file, [...path, 'fact'], `unknown fact "${fact}"; known facts: ${Object.keys(FACTS).join(', ')}`);
      else if (!factReadableAt(fact, site))
        report(
          file,
          [...path, 'fact'],
          `fact "${fact}" is not known yet where this condition is evaluated (${site}); it is known from "${FACTS[fact].from}" on`,
        );
    });
  },
});
