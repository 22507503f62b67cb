/**
 * What a rule check is: one thing a schema cannot say about a rule folder (its files merged and
 * past their schemas), with the error code its problems carry, as gorules/zen's `linter/` rules.
 * Each check is a module of `checks/` and a line of {@link RULE_CHECKS} (lint.ts); nothing else
 * names it.
 */
import type { RuleIssue } from '../../errors/issue.js';
import type { SchemeValues } from '../../rule-files/fact-catalog.js';
import type { RuleFiles, TierFile } from '../../rule-files/types.js';

/**
 * What every check is given: the merged files and what is read from them once for all checks.
 *
 * @example
 * run({ files, tiers, tierFiles }, report) { tiers.forEach((t, i) => t.tier > 9 && report(tierFiles[i]!, ['tier'], 'at most ten tiers')) }
 */
export interface LintContext {
  /** The rule set's files, merged along `extends` and past their schemas (ruleset.json without its inline `patches`). */
  readonly files: RuleFiles;
  /** The values of the scheme's own lists (categories, groups, counties, areas, levels). */
  readonly values: SchemeValues;
  /** The tier files in the order of ruleset.json. */
  readonly tiers: readonly TierFile[];
  /** The file each tier of the order is read from (`tiers/<id>.json` of its id in the order), by position. */
  readonly tierFiles: readonly string[];
  /**
   * Whether the folder being checked wrote the value at a path of a merged file itself (rather
   * than inheriting it along `extends`): some mistakes are only the folder's own where it wrote
   * the value. Always true for a folder that extends nothing.
   */
  readonly writtenHere: (file: string, path: readonly PropertyKey[]) => boolean;
}

/**
 * Reports one problem at a file and a path in it; `code` only when it is not the check's own.
 *
 * @example
 * report('persons.json', ['categories', 'general', 'group'], 'group "others" is not in groups (poor, none)')
 */
export type LintReport = (
  file: string,
  path: readonly PropertyKey[],
  message: string,
  code?: RuleIssue['code'],
) => void;

/**
 * One rule check: the code of its problems, and the function that finds them.
 *
 * @example
 * lintRuleFiles(files, { checks: [...RULE_CHECKS, myCheck] }) // a RuleCheck beside the shipped ones
 */
export interface RuleCheck {
  /** The stable error code every problem it reports carries (src/errors/codes.ts). */
  readonly code: RuleIssue['code'];
  /** What it checks, in a few words (for the README's list and the reader of the list). */
  readonly about: string;
  /** Reports every problem of the rule folder, each with its file and path. */
  run(ctx: LintContext, report: LintReport): void;
}

/**
 * Declares a rule check (an identity function that gives the object its type).
 *
 * @example
 * export const periodCheck = ruleCheck({
 *   code: RuleErrorCode.INVALID,
 *   about: 'the period starts before it ends',
 *   run({ files }, report) {
 *     const { from, to } = files['ruleset.json'].inForce;
 *     if (to !== undefined && from > to) report('ruleset.json', ['inForce'], `inForce.from ${from} is after inForce.to ${to}`);
 *   },
 * });
 */
export function ruleCheck(check: RuleCheck): RuleCheck {
  return check;
}
