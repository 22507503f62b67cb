/**
 * bashunwei (八顺位): exact, explainable settlement of medical-aid claims for poor patients, under
 * any scheme written as a rule folder: the Ziyang 2017 plan and the 2022 three-layer protection are
 * embedded. The public API, named exports only.
 *
 * @module bashunwei
 */
export { settle, settleBatch, type SettleJsonOptions, type SettleResult } from './contract/settle-json.js';
export {
  settleClaim,
  schemeIssues,
  yearLedgerFor,
  type SettleOptions,
  type SettlementRecord,
} from './settle/settle-claim.js';
export { createBatch, type Batch, type BatchOptions, type BatchOutcome } from './settle/batch.js';
export { parseClaim, parseClaimText, type ReadOptions } from './settle/parse-claim.js';
/** The validated claim the engine works on, and one line of its bill. */
export type { Claim, Item } from './claim/claim.js';
export type { ClaimInput, ItemInput, AmountInput, ItemCategoryInput } from './claim/claim-input.js';
export { claimJsonSchema } from './scheme/claim-json-schema.js';
export {
  settlementToJson,
  formatShare,
  type SettlementJson,
  type SettlementLineJson,
} from './format/settlement-json.js';
export { formatStatement, formatStatements, displayWidth } from './format/text.js';
export { defaultRules, checkedDefaultRules } from './scheme/embedded.js';
export { parseRuleFiles, type RawRuleFiles, type RuleFolderLink } from './scheme/read-rule-files.js';
export {
  diffRuleSets,
  diffRuleBooks,
  formatRuleDiff,
  formatRuleChange,
  type RuleDiff,
  type RuleChange,
  type RuleChangeKind,
} from './scheme/rules-diff.js';
export {
  readPolicyTest,
  runPolicyTest,
  type PolicyTestCase,
  type PolicyTestResult,
  type PolicyTestDifference,
} from './rule-tests/rule-tests.js';
export { ruleBook, policyOn, type RuleBook } from './scheme/book.js';
/** A compiled rule set, and its policy resolved for one stretch of dates. */
export type { RuleSet } from './scheme/compile.js';
export type { Policy, Scheme, Named } from './scheme/policy.js';
export { listParameters, listAssumedRules, type ParameterInfo, type AssumedRule } from './scheme/parameters.js';
export { emptyYearLedger, type Ledger, type YearLedger } from './ledger/year-ledger.js';
export {
  ledgerToJson,
  parseLedgerJson,
  parseYearLedgerJson,
  yearLedgerToJson,
  type YearLedgerJson,
  type LedgerFileJson,
  type SettlementLedgerJson,
} from './ledger/ledger-json.js';
export type { LedgerReadOptions } from './ledger/read-ledger.js';
/** Relief-fund balances (absent = unlimited) and one fund's payment. */
export type { FundBalances, FundDraw } from './kinds/shared/funds.js';
export { premiumSplit, formatPremiumSplit, type PremiumSplit } from './calculators/premium-split.js';
export {
  illnessInducedPoverty,
  type HouseholdYear,
  type IllnessInducedPovertyTest,
} from './calculators/illness-induced-poverty.js';
export { ClaimErrorCode, RuleErrorCode } from './errors/codes.js';
export { prettifyIssues, type ClaimIssue, type RuleIssue, type Result } from './errors/issue.js';
export {
  type Fen,
  ZERO as ZERO_FEN,
  add as addFen,
  sub as subFen,
  formatFen,
  parseAmount,
} from './money/fen.js';
export { reformRules, type ParameterChange } from './scheme/reform.js';
export {
  createSimulation,
  type Simulation,
  type SimulationOptions,
  type SimulationResult,
  type Variant,
  type ChangedPatient,
  type Rejection,
} from './simulate/core/simulation.js';
export type { PayChanges, PayChangeCounts } from './simulate/core/changed.js';
/** What a run of the waterfall produced (handed to a simulation's `onSettled`). */
export type { ClaimRun } from './settle/run-record.js';
/** The fixed-width record a simulation settles (docs: README, Design). */
export type { ClaimRecord } from './claim/claim-record.js';
export type { ComparedRuleSet } from './simulate/report/compared.js';
export { reformSummary, type ReformSummary } from './simulate/report/reform-summary.js';
export type { Compared } from './simulate/report/values.js';
export { showFigure, type FigureFormat } from './simulate/report/display.js';
export { mergeResults } from './simulate/scale/merge.js';
export { simulationReport, type SimulationReport } from './simulate/report/summary.js';
export { simulationHtml, summaryHtml } from './simulate/report/html.js';
export { CLAIM_CSV_COLUMNS, claimCsvRows } from './simulate/output/claim-csv.js';
/** What a simulation adds up per rule set (amounts in fen). */
export type { Aggregates, GroupSums } from './simulate/core/aggregates.js';
export type { Dimensions, Dimension } from './simulate/core/dimensions.js';
export { type DimensionEntry } from './simulate/report/dimension-entries.js';
export type { Label } from './simulate/report/labels.js';
/** The types the exported ones are made of, so the API reference is whole. */
export type * from './rule-files/types.js';
export type { Gate, TierHead, TierSpec, Kind, ResolveEnv, KindReport, KindLintContext } from './kinds/kind.js';
export type { KindName, DetailOf } from './kinds/kind-list.js';
export type { Adjustment, AppliedAdjustment } from './kinds/shared/adjustment.js';
export type { CarveOutDetail } from './kinds/carve-out/detail.js';
export type { PoolSet } from './kinds/carve-out/schema.js';
export type { TableDetail } from './kinds/table/detail.js';
export type { BracketsDetail } from './kinds/brackets/detail.js';
export type { Bracket } from './kinds/brackets/params.js';
export type { ShareOfRestDetail } from './kinds/share-of-rest/detail.js';
export type { YearlyAssistanceDetail } from './kinds/yearly-assistance/detail.js';
export type { TopUpDetail } from './kinds/top-up/detail.js';
export type { Target } from './kinds/top-up/params.js';
export type { Ratio } from './money/ratio.js';
export type { Bill } from './settle/bill.js';
export type { ClaimFacts } from './settle/claim-facts.js';
export type { ClaimProfile } from './settle/profile.js';
export type { TargetOutcome, CarriedFrom, Scratch, Balances } from './kinds/shared/scratch.js';
export type { LineRecord, LineBasics } from './kinds/shared/line-record.js';
export type { NotRunDetail } from './kinds/shared/not-run.js';
export type { LineDetail, SettledLine, GenericKind, AnyKind } from './kinds/kind-list.js';
export type { BillSplit } from './settle/bill.js';
export type { Waterfall } from './scheme/waterfall.js';
export type { VisitKind, Referral, DeliveryMode, HospitalLevel, Catalog } from './claim/enums.js';
/** The claim's closed vocabularies, as lists (for a form's choices). */
export { CATALOGS, DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from './claim/enums.js';
export { ITEM_CATEGORIES, type ItemCategory, type ItemCategoryInfo } from './claim/item-categories.js';
export { type ClaimVocabulary, type RulePeriod } from './claim/vocabulary.js';
export { claimVocabulary } from './scheme/book.js';
export type { VocabularyIndex } from './claim/vocabulary-index.js';
export type { FactBag, FactName, FactDef, Site, SchemeList } from './rule-files/fact-catalog.js';
/** The facts a rule file's condition may test, and where. */
export { FACTS, SITES } from './rule-files/fact-catalog.js';
/** The rule files' schemas (zod), for a tool that writes or checks rule files itself. */
export {
  RULE_FILE_SCHEMA_NAMES,
  ruleFileSchemas,
  type RuleFileSchemaName,
  type RuleFileSchemas,
} from './scheme/rule-file-schemas.js';
export type { ZodApi } from './zod.js';
export { type Predicate, type Condition, type FactCondition, type OperatorName } from './rule-files/conditions.js';
export { explainLine } from './explain/explain-line.js';
export { LANGS, DEFAULT_LANG, isLang, type Lang } from './i18n/lang.js';
export { reverseClaim, type Reversal, type Resettlement, type ReverseOptions } from './settle/reverse.js';
export {
  claimResponse,
  type ClaimResponseOptions,
} from './format/fhir-claim-response.js';
export { type FhirReference } from './format/fhir-types.js';
export type {
  FhirClaimResponse,
  FhirAdjudication,
  FhirCodeableConcept,
  FhirCoding,
  FhirMoney,
} from './format/fhir-types.js';
export { operationOutcome } from './format/operation-outcome.js';
export { settlementCsvColumns, settlementCsvRow } from './format/settlement-csv.js';
export { statementHtml } from './format/statement-html.js';
export { nhsaSettlement, type NhsaSettlement, type NhsaFundRow } from './format/nhsa-settlement.js';
