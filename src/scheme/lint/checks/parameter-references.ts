/** A share of a named amount (`{"share": …, "of": "disposable-income"}`) names one of the tier's `parameters`. */
import { RuleErrorCode } from '../../../errors/codes.js';
import { ruleCheck } from '../rule-check.js';
import { walkObjects } from '../walk.js';

/**
 * Every `of` of a share names a parameter of its tier.
 *
 * @example
 * parameterReferences.code // "rule_invalid"
 */
export const parameterReferences = ruleCheck({
  code: RuleErrorCode.INVALID,
  about: "each share of a named amount names one of the tier's parameters",
  run({ tiers, tierFiles }, report) {
    tiers.forEach((t, i) => {
      const names = Object.keys(t.parameters ?? {});
      walkObjects(t, [], (node, path) => {
        if (typeof node.of === 'string' && 'share' in node && !names.includes(node.of))
          report(
            tierFiles[i]!,
            [...path, 'of'],
            `"${node.of}" is not one of the tier's parameters (${names.join(', ') || 'none'})`,
          );
      });
    });
  },
});
