/**
 * The default rule set `ziyang-2017`, embedded in the package so that settling needs no files.
 * Built from the same JSON as `rules/ziyang-2017/`, through the same parser as any rule folder.
 */
import ruleset from '../../rules/ziyang-2017/ruleset.json';
import persons from '../../rules/ziyang-2017/persons.json';
import location from '../../rules/ziyang-2017/location.json';
import bill from '../../rules/ziyang-2017/bill.json';
import tier0 from '../../rules/ziyang-2017/tier-0-maternal-subsidy.json';
import tier1 from '../../rules/ziyang-2017/tier-1-hospital-waiver.json';
import tier2 from '../../rules/ziyang-2017/tier-2-basic-insurance.json';
import tier3 from '../../rules/ziyang-2017/tier-3-serious-illness-insurance.json';
import tier4 from '../../rules/ziyang-2017/tier-4-supplementary-insurance.json';
import tier5 from '../../rules/ziyang-2017/tier-5-tilt-payment.json';
import tier6 from '../../rules/ziyang-2017/tier-6-special-supplementary-insurance.json';
import tier7 from '../../rules/ziyang-2017/tier-7-medical-assistance.json';
import tier8 from '../../rules/ziyang-2017/tier-8-relief-funds.json';
import premium from '../../rules/ziyang-2017/premium.json';
import illnessPoverty from '../../rules/ziyang-2017/illness-poverty.json';
import { prettifyIssues, type Result, type RuleIssue } from '../errors/issue.js';
import { compileRuleSet } from './compile.js';
import type { RuleFiles } from './schema.js';
import { type RuleBook, ruleBook } from './book.js';
import { parseRuleFiles, type RawRuleFiles } from './parse.js';

/** The raw files of the embedded `ziyang-2017` rule set, by file name. */
export const ZIYANG_2017_FILES: RawRuleFiles = {
  'ruleset.json': ruleset,
  'persons.json': persons,
  'location.json': location,
  'bill.json': bill,
  'tier-0-maternal-subsidy.json': tier0,
  'tier-1-hospital-waiver.json': tier1,
  'tier-2-basic-insurance.json': tier2,
  'tier-3-serious-illness-insurance.json': tier3,
  'tier-4-supplementary-insurance.json': tier4,
  'tier-5-tilt-payment.json': tier5,
  'tier-6-special-supplementary-insurance.json': tier6,
  'tier-7-medical-assistance.json': tier7,
  'tier-8-relief-funds.json': tier8,
  'premium.json': premium,
  'illness-poverty.json': illnessPoverty,
};

let cached: RuleBook | undefined;

/**
 * The rule book of the embedded rules, compiled once on first use.
 *
 * @example
 * policyOn(defaultRules(), '2017-06-10')?.id // "ziyang-2017"
 */
export function defaultRules(): RuleBook {
  if (cached) return cached;
  // The embedded files are the repository's rules/ziyang-2017, which the tests check with the
  // schemas and the lint on every run (test/rules.test.ts, "the embedded rules are checked …"):
  // here they are compiled directly, so that a cold start loads neither zod nor the lint.
  const book = ruleBook([compileRuleSet(ZIYANG_2017_FILES as unknown as RuleFiles)]);
  if (!book.ok) throw new Error(prettifyIssues(book.errors));
  return (cached = book.value);
}

/**
 * The embedded rules checked like any rule folder (schemas, lint), for tests and `rules check`.
 *
 * @example
 * checkedDefaultRules().ok // true
 */
export function checkedDefaultRules(): Result<RuleBook, RuleIssue> {
  const set = parseRuleFiles(ZIYANG_2017_FILES);
  return set.ok ? ruleBook([set.value]) : set;
}
