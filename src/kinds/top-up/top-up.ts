/**
 * Kind `top-up`: funds bring what the person still pays down to a target (the 2017 relief funds,
 * docs/policy-2017.md §4 tier 8). Its formula is in step.ts; its parameters, decision, detail,
 * explanations and national-platform fields each in their own file of this folder.
 */
import type { Kind } from '../kind.js';
import { type TopUpDetail, topUpDetail } from './detail.js';
import { explainTopUp } from './explain.js';
import { topUpBase, topUpLimit } from './nhsa.js';
import { type Target, type TopUpParams, decideTopUp, resolveTopUp } from './params.js';
import { type TopUpRaw, topUpShape } from './schema.js';
import { TOP_UP_TRACE_WIDTH, stepTopUp } from './step.js';

/** The top-up kind. @example KINDS.find((k) => k.name === 'top-up') */
export const topUp: Kind<'top-up', TopUpRaw, TopUpParams, Target | undefined, TopUpDetail> = {
  name: 'top-up',
  carveOut: false,
  readsParts: false,
  reportsFunds: true,
  shape: topUpShape,
  counters: () => [],
  funds: (raw) => Object.entries(raw.funds).map(([id, f]) => ({ id, label: f.label, labelEn: f.labelEn ?? f.label })),
  resolve: resolveTopUp,
  carriedFrom: (p) => p.carriedFrom,
  decide: decideTopUp,
  traceWidth: () => TOP_UP_TRACE_WIDTH,
  step: stepTopUp,
  detail: topUpDetail,
  explain: explainTopUp,
  nhsaBase: topUpBase,
  nhsaLimit: topUpLimit,
};
