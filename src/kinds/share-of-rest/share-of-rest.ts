/**
 * Kind `share-of-rest`: ratios of what is left, each on a chosen set of parts (the 2017
 * supplementary insurance, tilted payment, special supplementary insurance and civil-affairs
 * assistance: docs/policy-2017.md §4 tiers 4–7). Its formula is in step.ts; its parameters,
 * decision, detail, explanations, national-platform fields and lint each in their own file.
 */
import type { Kind } from '../kind.js';
import { type ShareOfRestDetail, shareOfRestDetail } from './detail.js';
import { explainShareOfRest } from './explain.js';
import { lintShareOfRest } from './lint.js';
import { shareOfRestBase, shareOfRestLimit } from './nhsa.js';
import { type ShareOfRestParams, decideShareOfRest, resolveShareOfRest } from './params.js';
import { type ShareOfRestRaw, shareOfRestCounters, shareOfRestShape } from './schema.js';
import { shareOfRestTraceWidth, stepShareOfRest } from './step.js';

/** The share-of-rest kind. @example KINDS.find((k) => k.name === 'share-of-rest') */
export const shareOfRest: Kind<'share-of-rest', ShareOfRestRaw, ShareOfRestParams, number, ShareOfRestDetail> = {
  name: 'share-of-rest',
  carveOut: false,
  readsParts: true,
  reportsFunds: false,
  shape: shareOfRestShape,
  counters: shareOfRestCounters,
  resolve: resolveShareOfRest,
  decide: decideShareOfRest,
  traceWidth: shareOfRestTraceWidth,
  step: stepShareOfRest,
  detail: shareOfRestDetail,
  explain: explainShareOfRest,
  nhsaBase: shareOfRestBase,
  nhsaLimit: shareOfRestLimit,
  lint: lintShareOfRest,
};
