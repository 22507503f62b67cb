/**
 * The rule-folder format as TypeScript types: what each file of a rule folder holds once it has
 * passed its zod schema (rules/schema.ts). A rule folder is `ruleset.json`, the scheme's files
 * (`jurisdiction.json`, `persons.json`, `location.json`, `bill.json`, optionally `premium.json`
 * and `illness-poverty.json`) and one file per tier, `tiers/<id>.json`, naming its kind
 * (src/kinds/). Every number is a {@link Dated} parameter with its provenance; every condition is
 * a {@link GateSpec} with its clause.
 */
import type { FactName, LocationClass } from './fact-catalog.js';

/** The operators a rule may use (json-rules-engine's defaults). */
export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
/** An operator name. */
export type OperatorName = (typeof OPERATORS)[number];

/** A leaf condition. */
export interface FactCondition {
  readonly fact: FactName;
  readonly operator: OperatorName;
  readonly value: unknown;
}
/** A condition tree, as written in the rule files (json-rules-engine's format). */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | FactCondition;

/** Where a value comes from: the policy text (`seed`) or a placeholder to confirm (`assumed`). */
export type Source = 'seed' | 'assumed';

/** Provenance of a rule or parameter. An assumed one must say `verified: false`. */
export interface Provenance {
  readonly source: Source;
  readonly verified?: boolean | undefined;
  readonly description?: string | undefined;
  /** The description in English, for English explanations (the Chinese one is used when absent). */
  readonly descriptionEn?: string | undefined;
  readonly note?: string | undefined;
}

/** A dated parameter: `values` maps the first discharge date a value applies to onto the value. */
export interface Dated<T> extends Provenance {
  readonly values: Readonly<Record<string, T>>;
}

/** An amount: dated, or a share of a named parameter of the same file (`round(share × parameter)`). */
export type AmountParam = Dated<string> | { readonly share: Dated<string>; readonly of: string };

/** A parameter whose value depends on a fact of the claim (for instance the delivery mode). */
export interface ByFact<T> {
  readonly by: string;
  readonly values: Readonly<Record<string, Dated<T>>>;
}

/** A condition with its clause and provenance. */
export interface GateSpec extends Provenance {
  readonly clause: string;
  readonly when: Condition;
}

/** A thing with a name in Chinese and, optionally, in English. */
export interface Labelled {
  readonly label: string;
  readonly labelEn?: string | undefined;
}

/** The parts of a bill left after the carve-outs (docs/policy-2017.md §4): in scope, 乙类 self-pay, necessary and other out-of-catalog. */
export const PARTS = ['S', 'Pb', 'N', 'O'] as const;
/** One of {@link PARTS}. */
export type Part = (typeof PARTS)[number];

/** The location classes of care relative to the patient (docs/policy-2017.md §2): the engine's vocabulary. */
export { LOCATION_CLASSES, type LocationClass } from './fact-catalog.js';

/** Who pays a tier's line: decides how outputs name it (FHIR coverages, national platform fields). */
export const PAYER_KINDS = ['hospital', 'insurance', 'assistance', 'fund', 'subsidy'] as const;
/** One of {@link PAYER_KINDS}. */
export type PayerKind = (typeof PAYER_KINDS)[number];

/**
 * The fields of the national medical-insurance platform's settlement record (医疗保障信息平台,
 * the `setlinfo` of its settlement interfaces) that a tier's payment can go to: basic insurance
 * fund, civil servants' subsidy, enterprise supplementary, residents' serious illness, employees'
 * large-amount subsidy, medical assistance fund, other payers, and what the hospital bears.
 */
export const NHSA_FIELDS = [
  'hifp_pay',
  'cvlserv_pay',
  'hifes_pay',
  'hifmi_pay',
  'hifob_pay',
  'maf_pay',
  'oth_pay',
  'hosp_part_amt',
] as const;
/** One of {@link NHSA_FIELDS}. */
export type NhsaField = (typeof NHSA_FIELDS)[number];

/** Where a tier's payments go in the national platform's record, and as which fund type (a region's own codes). */
export interface NhsaMappingSpec extends Provenance {
  readonly field: NhsaField;
  /** The `fund_pay_type` code of the fund row (not for `hosp_part_amt`). */
  readonly fundType?: string | undefined;
  readonly fundTypeName?: string | undefined;
  /** A top-up's funds, each its own fund row. */
  readonly funds?: Readonly<Record<string, { readonly fundType: string; readonly fundTypeName: string }>> | undefined;
}

/** Header shared by the scheme files: an editor's schema and a comment. */
interface FileHeader {
  readonly $schema?: string | undefined;
  readonly $comment?: string | undefined;
}

/**
 * `ruleset.json`: the identity of a rule set, its period, its tiers in order, and what it extends.
 * A folder that extends another may leave out `titleEn`, `reference`, `inForce` and `tiers`:
 * it keeps the parent's.
 */
export interface RulesetFile extends FileHeader {
  readonly id: string;
  readonly title: string;
  readonly titleEn?: string | undefined;
  readonly reference: string;
  /** A rule folder this one changes (a path relative to this folder). */
  readonly extends?: string | undefined;
  /** The discharge dates it settles; no `to` = no end. */
  readonly inForce: Provenance & { readonly clause: string; readonly from: string; readonly to?: string | undefined };
  readonly tiers: Provenance & { readonly clause: string; readonly order: readonly string[] };
  /** Changes written inline instead of in the files they change (file name → merge patch), for small variants. */
  readonly patches?: Readonly<Record<string, unknown>> | undefined;
}

/** `jurisdiction.json`: the counties (where persons live, and areas of care) and the areas outside. */
export interface JurisdictionFile extends FileHeader, Provenance {
  readonly clause: string;
  readonly counties: Readonly<Record<string, Labelled>>;
  readonly elsewhere: Readonly<Record<string, Labelled & { readonly location: 'in-province' | 'out-of-province' }>>;
}

/** `persons.json`: the categories of persons, their groups, and who is protected. */
export interface PersonsFile extends FileHeader, Provenance {
  readonly clause: string;
  readonly categories: Readonly<Record<string, Labelled & { readonly group: string }>>;
  readonly groups: Readonly<Record<string, Labelled>>;
  readonly protected: GateSpec;
}

/** `location.json`: overrides of the location class, and the rows (levels) of the tables. */
export interface LocationFile extends FileHeader {
  readonly overrides: Readonly<Record<string, GateSpec & { readonly location: LocationClass; readonly level: string }>>;
  readonly levels: Readonly<Record<string, GateSpec>>;
}

/** `bill.json`: where the tiers pay, what the hospital absorbs, and the 乙类 self-pay share. */
export interface BillFile extends FileHeader {
  readonly settled: GateSpec;
  readonly hospitalAbsorbed: Readonly<Record<string, GateSpec>>;
  readonly bSelfPay: Dated<string> & { readonly clause: string };
}

/** `premium.json` (optional): the premium of an insurance bought for protected persons, and the city's share by county. */
export interface PremiumFile extends FileHeader {
  readonly clause: string;
  readonly perPerson: Dated<string>;
  readonly cityShare: Readonly<Record<string, Dated<string>>>;
}

/** `illness-poverty.json` (optional): the test of illness-induced poverty (docs/policy-2017.md §7). */
export interface IllnessPovertyFile extends FileHeader {
  readonly clause: string;
  readonly spendShare: Dated<string>;
  readonly lowIncomeLine: Dated<string>;
}

/** An adjustment of a tier's parameters for some persons (the first that holds applies). */
export interface AdjustmentSpec extends GateSpec {
  /** Who it is for, as explanations name them ("贫困人口"). */
  readonly who?: string | undefined;
  readonly whoEn?: string | undefined;
  readonly deductibleFactor?: Dated<string> | undefined;
  readonly ratioAdd?: Dated<string> | undefined;
  /** The tier's annual cap does not apply to them (their payments still count against it for others). */
  readonly uncapped?: boolean | undefined;
}

/** What every tier file has, whatever its kind. */
export interface TierHeaderSpec extends FileHeader, Labelled {
  /** A short name for the columns of statements and reports (default: the label). */
  readonly labelShort?: string | undefined;
  readonly tier: number;
  readonly id: string;
  readonly kind: string;
  readonly clause: string;
  readonly payer: PayerKind;
  /** Where its payments go in the national platform's settlement record (settle --format nhsa). */
  readonly nhsa?: NhsaMappingSpec | undefined;
  /** `always` (default): the line is listed even when the tier does not apply; `when-applies`: only then. */
  readonly listed?: 'always' | 'when-applies' | undefined;
  readonly applies: GateSpec;
  /** Named amounts the tier's parameters refer to (`{ "share": …, "of": name }`). */
  readonly parameters?: Readonly<Record<string, Dated<string>>> | undefined;
}

/** A tier file: the header and the parameters of its kind. */
export type TierFile = TierHeaderSpec & Readonly<Record<string, unknown>>;

/** The fixed (non-tier) files of a rule folder. */
export const SCHEME_FILES = [
  'ruleset.json',
  'jurisdiction.json',
  'persons.json',
  'location.json',
  'bill.json',
] as const;
/** Files a rule folder may have. */
export const OPTIONAL_FILES = ['premium.json', 'illness-poverty.json'] as const;

/** The file of a tier, by id. @example tierFile('basic-insurance') // "tiers/basic-insurance.json" */
export function tierFile(id: string): string {
  return `tiers/${id}.json`;
}

/** Every file of a rule folder after `extends` is resolved and the schemas are passed. */
export interface RuleFiles {
  readonly 'ruleset.json': RulesetFile;
  readonly 'jurisdiction.json': JurisdictionFile;
  readonly 'persons.json': PersonsFile;
  readonly 'location.json': LocationFile;
  readonly 'bill.json': BillFile;
  readonly 'premium.json'?: PremiumFile | undefined;
  readonly 'illness-poverty.json'?: IllnessPovertyFile | undefined;
  /** The tiers of `ruleset.json`'s order, each in its file. */
  readonly [tier: `tiers/${string}.json`]: TierFile;
}

/**
 * The tier files of a rule folder in the order `ruleset.json` lists them.
 *
 * @example
 * orderedTiers(files).map((t) => t.id) // ["maternal-subsidy", "hospital-waiver", …]
 */
export function orderedTiers(files: RuleFiles): TierFile[] {
  return files['ruleset.json'].tiers.order.map((id) => files[tierFile(id) as `tiers/${string}.json`]!);
}
