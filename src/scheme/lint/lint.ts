/**
 * The checks of a rule folder that a schema cannot express, as a list: each is one module of
 * `checks/` (`{ code, run }`: the code of its problems and the function that reports them with
 * their file and path), and {@link RULE_CHECKS} is the one place that lists them, in the order
 * their problems are reported. A new check is a new module and a line here.
 */
import { formatPath, type RuleIssue } from '../../errors/issue.js';
import type { SchemeValues } from '../../rule-files/fact-catalog.js';
import { type RuleFiles, orderedTiers, tierFile } from '../../rule-files/types.js';
import { byFactValues } from './checks/by-fact-values.js';
import { carveOutsFirst } from './checks/carve-outs-first.js';
import { categoryGroups } from './checks/category-groups.js';
import { conditionFacts } from './checks/condition-facts.js';
import { conditionValues } from './checks/condition-values.js';
import { countiesNotElsewhere } from './checks/counties-not-elsewhere.js';
import { datesCoverPeriod } from './checks/dates-cover-period.js';
import { kindChecks } from './checks/kind-checks.js';
import { levelsCoverPlaces } from './checks/levels-cover-places.js';
import { overrideLevels } from './checks/override-levels.js';
import { ownFunds } from './checks/own-funds.js';
import { ownSources } from './checks/own-sources.js';
import { parameterReferences } from './checks/parameter-references.js';
import { period } from './checks/period.js';
import { premiumCityShares } from './checks/premium-city-shares.js';
import { premiumCounties } from './checks/premium-counties.js';
import { tierFileNames } from './checks/tier-file-names.js';
import { tierNumbers } from './checks/tier-numbers.js';
import { valuesNeverApplying } from './checks/values-never-applying.js';
import type { LintContext, RuleCheck } from './rule-check.js';

/**
 * Every rule check, in the order their problems are reported: conditions, the scheme's lists,
 * the tiers, then the period and the dated values.
 *
 * @example
 * RULE_CHECKS.map((c) => c.code) // ["rule_unknown_fact", "rule_impossible_value", …]
 */
export const RULE_CHECKS: readonly RuleCheck[] = [
  conditionFacts,
  conditionValues,
  byFactValues,
  categoryGroups,
  countiesNotElsewhere,
  overrideLevels,
  levelsCoverPlaces,
  premiumCityShares,
  premiumCounties,
  tierFileNames,
  tierNumbers,
  carveOutsFirst,
  parameterReferences,
  ownFunds,
  kindChecks,
  period,
  datesCoverPeriod,
  valuesNeverApplying,
  ownSources,
];

/**
 * Options of {@link lintRuleFiles}.
 *
 * @example
 * lintRuleFiles(files, { writtenHere: (file, path) => ownFiles.has(file), checks: RULE_CHECKS })
 */
export interface LintOptions {
  /**
   * Whether the folder checked wrote the value at a path of a merged file itself (default: it
   * wrote everything, as a folder that extends nothing does). See {@link LintContext}.
   */
  readonly writtenHere?: LintContext['writtenHere'];
  /** The checks to run (default {@link RULE_CHECKS}). */
  readonly checks?: readonly RuleCheck[];
}

/**
 * Runs the rule checks on a rule folder's files (merged and past their schemas). Returns every
 * problem found, each with its code, file and path (empty when clean).
 *
 * @example
 * lintRuleFiles(files) // [] for the shipped rule sets
 * lintRuleFiles(files, { checks: [...RULE_CHECKS, myCheck] }) // with a check of one's own
 */
export function lintRuleFiles(files: RuleFiles, options: LintOptions = {}): RuleIssue[] {
  const ctx: LintContext = {
    files,
    values: schemeValues(files),
    tiers: orderedTiers(files),
    tierFiles: files['ruleset.json'].tiers.order.map(tierFile),
    writtenHere: options.writtenHere ?? (() => true),
  };
  const issues: RuleIssue[] = [];
  for (const check of options.checks ?? RULE_CHECKS)
    check.run(ctx, (file, path, message, code) =>
      issues.push({ code: code ?? check.code, file, path: formatPath(path), message }),
    );
  return issues;
}

/** The values of the scheme's lists, from its files. */
function schemeValues(files: RuleFiles): SchemeValues {
  const j = files['jurisdiction.json'];
  return {
    categories: Object.keys(files['persons.json'].categories),
    groups: Object.keys(files['persons.json'].groups),
    counties: Object.keys(j.counties),
    areas: [...Object.keys(j.counties), ...Object.keys(j.elsewhere)],
    levels: Object.keys(files['location.json'].levels),
  };
}
