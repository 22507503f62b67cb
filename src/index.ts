/**
 * bashunwei (八顺位): exact, explainable settlement of medical-aid claims for poor patients under
 * the Ziyang 2017 plan. The public API, named exports only.
 */
export { settle, settleBatch } from './settle/settle.js';
export { settleClaim, yearLedgerFor, type SettleOptions, type SettlementRecord } from './settle/settle-claim.js';
export { createBatch, type Batch, type BatchOptions, type BatchOutcome } from './settle/batch.js';
export { parseClaim, parseClaimText, claimIssue, type ReadOptions } from './claim/parse.js';
export type { MessageParams } from './errors/messages.en.js';
/** The validated claim the engine works on, and one line of its bill. */
export type { Claim, Item } from './claim/claim.js';
export { settlementToJson, formatShare, type SettlementJson, type SettlementLineJson } from './format/settlement-json.js';
export { formatStatement, formatStatements, displayWidth } from './format/text.js';
export { explainLineZh } from './explain/zh-CN.js';
export { defaultRules, ZIYANG_2017_FILES } from './rules/embedded.js';
export { loadRuleFolder } from './rules/load.js';
export { parseRuleFiles, type RawRuleFiles } from './rules/parse.js';
export { ruleBook, policyOn, type RuleBook } from './rules/book.js';
/** A compiled rule set, and its policy resolved for one stretch of dates. */
export type { RuleSet } from './rules/compile.js';
export type { Policy } from './rules/policy.js';
export { listParameters, type ParameterInfo } from './rules/parameters.js';
export { emptyYearLedger, ledgerKey, ledgerYear, type Ledger, type YearLedger } from './ledger/year-ledger.js';
export { ledgerToJson, parseLedgerJson, yearLedgerToJson, type YearLedgerJson } from './ledger/ledger-json.js';
/** Relief-fund balances (absent = unlimited) and one fund's payment. */
export type { FundBalances, FundDraw } from './settle/funds.js';
export { premiumSplit, formatPremiumSplit, type PremiumSplit } from './policy/premium-split.js';
export { illnessInducedPoverty, type HouseholdYear, type IllnessInducedPovertyTest } from './policy/illness-induced-poverty.js';
export { ClaimErrorCode, RuleErrorCode } from './errors/codes.js';
export { duplicateKeyPaths } from './errors/duplicate-keys.js';
export { prettifyIssues, type ClaimIssue, type RuleIssue, type Result } from './errors/issue.js';
export { type Fen, ZERO as ZERO_FEN, add as addFen, sub as subFen, formatFen, parseAmount, isAmountBeyondRange } from './money/fen.js';
export { reformRules, type ParameterChange } from './rules/reform.js';
export { createSimulation, type Simulation, type SimulationOptions, type SimulationResult, type Variant, type ChangedPatient, type Rejection } from './simulate/simulation.js';
export { simulateFile, mergeResults, type FileJob } from './simulate/parallel.js';
export { simulationReport, type SimulationReport } from './simulate/summary.js';
export { simulationHtml } from './simulate/report-html.js';
export { variantRules, type VariantSpec } from './simulate/variants.js';
export { CLAIM_CSV_COLUMNS, claimCsvRows } from './simulate/claim-csv.js';
/** What a simulation adds up per rule set (amounts in fen). */
export type { Aggregates, GroupSums } from './simulate/aggregates.js';
/** The types the exported ones are made of, so the API reference is whole. */
export type { TaskSpec } from './simulate/partition-tasks.js';
export type { FundId, RuleFiles, TierId } from './rules/schema.js';
export type { Gate, Tiers, Cited, TierHead, BasicTable, Bracket, Target, AssistancePart } from './rules/policy.js';
export type { Ratio } from './money/ratio.js';
export type { Bill } from './settle/bill.js';
export type { ClaimFacts } from './settle/facts.js';
export type { LineRecord, LineDetail, TargetOutcome, PovertyAdjustment } from './settle/state.js';
export type { County, Area, Category, VisitKind, Referral, DeliveryMode, HospitalLevel, Catalog, Location, ParameterLevel } from './claim/enums.js';
export { PAY_BRACKETS } from './simulate/aggregates.js';
export { AREAS, CATALOGS, CATEGORIES, COUNTIES, DELIVERY_MODES, HOSPITAL_LEVELS, LOCATIONS, PARAMETER_LEVELS, REFERRALS, VISIT_KINDS } from './claim/enums.js';
export type { FactBag, FactName } from './rules/facts.js';
export { FACTS } from './rules/facts.js';
export { FUND_IDS, TIER_ORDER, RULE_FILE_NAMES, ruleFileSchemas, buildRuleFileSchemas, type RuleFileName, type RuleFileSchemas } from './rules/schema.js';
export { OPERATORS, type Predicate, type Condition, type FactCondition, type OperatorName } from './rules/conditions.js';
export { explainLine } from './explain/explain-line.js';
export { explainLineEn } from './explain/en.js';
export { LANGS, DEFAULT_LANG, isLang, type Lang } from './i18n/lang.js';
export { reverseClaim, type Reversal, type Resettlement } from './settle/reverse.js';
export { claimResponse, TIER_SYSTEM, ID_SYSTEM } from './format/fhir-claim-response.js';
export { SETTLEMENT_CSV_COLUMNS, settlementCsvRow } from './format/settlement-csv.js';
export { statementHtml } from './format/statement-html.js';
