/**
 * The default rule book, embedded in the package so that settling needs no files: `ziyang-2017`
 * (the 2017 plan, 2017-03-17 to 2020-12-31) and `ziyang-2022` (the three-layer protection from
 * 2022, extending ziyang-2017). Built from the same JSON as `rules/`, merged along `extends` the
 * same way as any rule folder.
 */
import z2017_bill from '../../rules/ziyang-2017/bill.json';
import z2017_illness_poverty from '../../rules/ziyang-2017/illness-poverty.json';
import z2017_jurisdiction from '../../rules/ziyang-2017/jurisdiction.json';
import z2017_location from '../../rules/ziyang-2017/location.json';
import z2017_persons from '../../rules/ziyang-2017/persons.json';
import z2017_premium from '../../rules/ziyang-2017/premium.json';
import z2017_ruleset from '../../rules/ziyang-2017/ruleset.json';
import z2017_t_basic_insurance from '../../rules/ziyang-2017/tiers/basic-insurance.json';
import z2017_t_hospital_waiver from '../../rules/ziyang-2017/tiers/hospital-waiver.json';
import z2017_t_maternal_subsidy from '../../rules/ziyang-2017/tiers/maternal-subsidy.json';
import z2017_t_medical_assistance from '../../rules/ziyang-2017/tiers/medical-assistance.json';
import z2017_t_relief_funds from '../../rules/ziyang-2017/tiers/relief-funds.json';
import z2017_t_serious_illness_insurance from '../../rules/ziyang-2017/tiers/serious-illness-insurance.json';
import z2017_t_special_supplementary_insurance from '../../rules/ziyang-2017/tiers/special-supplementary-insurance.json';
import z2017_t_supplementary_insurance from '../../rules/ziyang-2017/tiers/supplementary-insurance.json';
import z2017_t_tilt_payment from '../../rules/ziyang-2017/tiers/tilt-payment.json';
import z2022_bill from '../../rules/ziyang-2022/bill.json';
import z2022_illness_poverty from '../../rules/ziyang-2022/illness-poverty.json';
import z2022_location from '../../rules/ziyang-2022/location.json';
import z2022_persons from '../../rules/ziyang-2022/persons.json';
import z2022_premium from '../../rules/ziyang-2022/premium.json';
import z2022_ruleset from '../../rules/ziyang-2022/ruleset.json';
import z2022_t_basic_insurance from '../../rules/ziyang-2022/tiers/basic-insurance.json';
import z2022_t_medical_assistance from '../../rules/ziyang-2022/tiers/medical-assistance.json';
import z2022_t_serious_illness_insurance from '../../rules/ziyang-2022/tiers/serious-illness-insurance.json';
import z2022_t_tilted_assistance from '../../rules/ziyang-2022/tiers/tilted-assistance.json';
import { prettifyIssues, type Result, type RuleIssue } from '../errors/issue.js';
import { type RuleBook, ruleBook } from './book.js';
import { compileRuleSet, type RuleSet } from './compile.js';
import type { RuleFiles } from '../rule-files/types.js';
import { type RawRuleFiles, type RuleFolderLink, parseRuleChain, resolveRuleChain } from './read-rule-files.js';

/** The raw files of the embedded rule folders, by folder name, then by file path. */
export const EMBEDDED_RULE_FOLDERS: Readonly<Record<string, RawRuleFiles>> = {
  'ziyang-2017': {
    'bill.json': z2017_bill,
    'illness-poverty.json': z2017_illness_poverty,
    'jurisdiction.json': z2017_jurisdiction,
    'location.json': z2017_location,
    'persons.json': z2017_persons,
    'premium.json': z2017_premium,
    'ruleset.json': z2017_ruleset,
    'tiers/basic-insurance.json': z2017_t_basic_insurance,
    'tiers/hospital-waiver.json': z2017_t_hospital_waiver,
    'tiers/maternal-subsidy.json': z2017_t_maternal_subsidy,
    'tiers/medical-assistance.json': z2017_t_medical_assistance,
    'tiers/relief-funds.json': z2017_t_relief_funds,
    'tiers/serious-illness-insurance.json': z2017_t_serious_illness_insurance,
    'tiers/special-supplementary-insurance.json': z2017_t_special_supplementary_insurance,
    'tiers/supplementary-insurance.json': z2017_t_supplementary_insurance,
    'tiers/tilt-payment.json': z2017_t_tilt_payment,
  },
  'ziyang-2022': {
    'bill.json': z2022_bill,
    'illness-poverty.json': z2022_illness_poverty,
    'location.json': z2022_location,
    'persons.json': z2022_persons,
    'premium.json': z2022_premium,
    'ruleset.json': z2022_ruleset,
    'tiers/basic-insurance.json': z2022_t_basic_insurance,
    'tiers/medical-assistance.json': z2022_t_medical_assistance,
    'tiers/serious-illness-insurance.json': z2022_t_serious_illness_insurance,
    'tiers/tilted-assistance.json': z2022_t_tilted_assistance,
  },
};

/** The raw files of the embedded `ziyang-2017` rule set, by file path. */
export const ZIYANG_2017_FILES: RawRuleFiles = EMBEDDED_RULE_FOLDERS['ziyang-2017']!;

/**
 * The chain of embedded folders a folder is made of (base first), following `extends`.
 *
 * @example
 * embeddedChain('ziyang-2022').map((l) => l.name) // ["ziyang-2017", "ziyang-2022"]
 */
export function embeddedChain(name: string): RuleFolderLink[] {
  const chain: RuleFolderLink[] = [];
  for (let n: string | undefined = name; n !== undefined; ) {
    const files: RawRuleFiles | undefined = EMBEDDED_RULE_FOLDERS[n];
    if (!files || chain.length > 8) throw new Error(`embedded rule folder ${n} is missing`);
    chain.unshift({ name: n, files });
    const e: string | undefined = (files['ruleset.json'] as { extends?: string }).extends;
    n = e === undefined ? undefined : e.replace(/^\.\.\//, '');
  }
  return chain;
}

let cached: RuleBook | undefined;

/**
 * The rule book of the embedded rules, compiled once on first use.
 *
 * @example
 * policyOn(defaultRules(), '2017-06-10')?.id // "ziyang-2017"
 * policyOn(defaultRules(), '2022-06-10')?.id // "ziyang-2022"
 */
export function defaultRules(): RuleBook {
  if (cached) return cached;
  // The embedded files are the repository's rules/, which the tests check with the schemas and
  // the lint on every run (test/rules.test.ts): here they are merged and compiled directly, so
  // that a cold start loads neither zod nor the lint.
  const sets: RuleSet[] = Object.keys(EMBEDDED_RULE_FOLDERS).map((name) => {
    const r = resolveRuleChain(embeddedChain(name));
    if (!r.ok) throw new Error(prettifyIssues(r.errors));
    return compileRuleSet(r.value.files as unknown as RuleFiles);
  });
  const book = ruleBook(sets);
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
  const sets: RuleSet[] = [];
  const issues: RuleIssue[] = [];
  for (const name of Object.keys(EMBEDDED_RULE_FOLDERS)) {
    const r = parseRuleChain(embeddedChain(name));
    if (r.ok) sets.push(r.value);
    else issues.push(...r.errors);
  }
  return issues.length > 0 ? { ok: false, errors: issues } : ruleBook(sets);
}
