/**
 * Kind `yearly-assistance`: assistance with a yearly deductible and a yearly limit, the deductible
 * and ratio chosen by a row (the 2022 medical assistance by category, docs/policy-2022.md §2 tier
 * 3). Its formula is in step.ts; its parameters, decision, detail, explanations and
 * national-platform fields each in their own file of this folder (its schema checks all it needs).
 */
import type { Kind } from '../kind.js';
import { type YearlyAssistanceDetail, yearlyAssistanceDetail } from './detail.js';
import { explainYearlyAssistance } from './explain.js';
import { yearlyAssistanceBase, yearlyAssistanceLimit } from './nhsa.js';
import {
  type AssistanceRow,
  type YearlyAssistanceParams,
  decideYearlyAssistance,
  resolveYearlyAssistance,
} from './params.js';
import { type YearlyAssistanceRaw, yearlyAssistanceCounters, yearlyAssistanceShape } from './schema.js';
import { ASSISTANCE_TRACE_WIDTH, stepYearlyAssistance } from './step.js';

/** The yearly-assistance kind. @example KINDS.find((k) => k.name === 'yearly-assistance') */
export const yearlyAssistance: Kind<
  'yearly-assistance',
  YearlyAssistanceRaw,
  YearlyAssistanceParams,
  AssistanceRow | undefined,
  YearlyAssistanceDetail
> = {
  name: 'yearly-assistance',
  carveOut: false,
  readsParts: true,
  reportsFunds: false,
  shape: yearlyAssistanceShape,
  counters: yearlyAssistanceCounters,
  resolve: resolveYearlyAssistance,
  decide: decideYearlyAssistance,
  traceWidth: () => ASSISTANCE_TRACE_WIDTH,
  step: stepYearlyAssistance,
  detail: yearlyAssistanceDetail,
  explain: explainYearlyAssistance,
  nhsaBase: yearlyAssistanceBase,
  nhsaLimit: yearlyAssistanceLimit,
};
