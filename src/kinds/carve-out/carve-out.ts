/**
 * Kind `carve-out`: an amount taken from the pools of the bill before any insurance (the 2017
 * hospital waiver and the delivery subsidy with its excess, docs/policy-2017.md §4 tiers 0 and
 * 1). Its formula is in step.ts; its parameters, decision, detail, explanations,
 * national-platform fields and lint each in their own file of this folder.
 */
import type { Kind } from '../kind.js';
import { type CarveOutDetail, carveOutDetail } from './detail.js';
import { explainCarveOut } from './explain.js';
import { lintCarveOut } from './lint.js';
import { carveOutBase, carveOutLimit } from './nhsa.js';
import { type CarveOutDecision, type CarveOutParams, decideCarveOut, resolveCarveOut } from './params.js';
import { type CarveOutRaw, carveOutReportsOn, carveOutShape } from './schema.js';
import { CARVE_OUT_TRACE_WIDTH, stepCarveOut } from './step.js';

/** The carve-out kind. @example KINDS.find((k) => k.name === 'carve-out') */
export const carveOut: Kind<'carve-out', CarveOutRaw, CarveOutParams, CarveOutDecision, CarveOutDetail> = {
  name: 'carve-out',
  carveOut: true,
  readsParts: false,
  reportsFunds: false,
  shape: carveOutShape,
  counters: () => [],
  reportsOn: carveOutReportsOn,
  resolve: resolveCarveOut,
  decide: decideCarveOut,
  traceWidth: () => CARVE_OUT_TRACE_WIDTH,
  step: stepCarveOut,
  detail: carveOutDetail,
  explain: explainCarveOut,
  nhsaBase: carveOutBase,
  nhsaLimit: carveOutLimit,
  lint: lintCarveOut,
};
