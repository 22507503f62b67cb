/** The period a rule set is in force (ruleset.json `inForce`, by discharge date) starts before it ends. */
import { RuleErrorCode } from '../../../errors/codes.js';
import { NO_END } from '../../compile.js';
import { ruleCheck } from '../rule-check.js';

/**
 * `inForce.from` is not after `inForce.to`.
 *
 * @example
 * period.code // "rule_invalid"
 */
export const period = ruleCheck({
  code: RuleErrorCode.INVALID,
  about: 'the period starts before it ends',
  run({ files }, report) {
    const { from } = files['ruleset.json'].inForce;
    const to = files['ruleset.json'].inForce.to ?? NO_END;
    if (from > to) report('ruleset.json', ['inForce'], `inForce.from ${from} is after inForce.to ${to}`);
  },
});
