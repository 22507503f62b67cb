/**
 * Kind `brackets`: cumulative brackets on a yearly burden (the serious-illness insurance of both
 * shipped schemes, docs/policy-2017.md §4 tier 3 and docs/policy-2022.md §2 tier 2, and the 2022
 * tilted assistance, tier 4). Its formula is in step.ts; its parameters, decision, detail,
 * explanations, national-platform fields and lint each in their own file of this folder.
 */
import type { Kind } from '../kind.js';
import { type BracketsDetail, bracketsDetail } from './detail.js';
import { explainBrackets } from './explain.js';
import { lintBrackets } from './lint.js';
import { bracketsBase, bracketsLimit } from './nhsa.js';
import { type BracketsParams, decideBrackets, resolveBrackets } from './params.js';
import { type BracketsRaw, bracketsCounters, bracketsShape } from './schema.js';
import { BRACKETS_TRACE_WIDTH, stepBrackets } from './step.js';

/** The brackets kind. @example KINDS.find((k) => k.name === 'brackets') */
export const brackets: Kind<'brackets', BracketsRaw, BracketsParams, number, BracketsDetail> = {
  name: 'brackets',
  carveOut: false,
  readsParts: true,
  reportsFunds: false,
  shape: bracketsShape,
  counters: bracketsCounters,
  resolve: resolveBrackets,
  decide: decideBrackets,
  traceWidth: () => BRACKETS_TRACE_WIDTH,
  step: stepBrackets,
  detail: bracketsDetail,
  explain: explainBrackets,
  nhsaBase: bracketsBase,
  nhsaLimit: bracketsLimit,
  lint: lintBrackets,
};
