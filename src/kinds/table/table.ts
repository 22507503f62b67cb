/**
 * Kind `table`: a deductible/ratio table on the in-scope cost S (the basic insurance of both
 * shipped schemes, docs/policy-2017.md §4 tier 2, docs/policy-2022.md §2 tier 1). Its formula is
 * in step.ts; its parameters, decision, detail, explanations, national-platform fields and lint
 * each in their own file of this folder.
 */
import type { Kind } from '../kind.js';
import { type TableDetail, tableDetail } from './detail.js';
import { explainTable } from './explain.js';
import { lintTable } from './lint.js';
import { tableBase, tableDeductible, tableLimit } from './nhsa.js';
import { type TableDecision, type TableParams, decideTable, resolveTable } from './params.js';
import { type TableRaw, tableCounters, tableShape } from './schema.js';
import { TABLE_TRACE_WIDTH, stepTable } from './step.js';

/** The table kind. @example KINDS.find((k) => k.name === 'table') */
export const table: Kind<'table', TableRaw, TableParams, TableDecision, TableDetail> = {
  name: 'table',
  carveOut: false,
  readsParts: true,
  reportsFunds: false,
  shape: tableShape,
  counters: tableCounters,
  resolve: resolveTable,
  decide: decideTable,
  traceWidth: () => TABLE_TRACE_WIDTH,
  step: stepTable,
  detail: tableDetail,
  explain: explainTable,
  nhsaBase: tableBase,
  nhsaLimit: tableLimit,
  deductibleCharged: tableDeductible,
  lint: lintTable,
};
