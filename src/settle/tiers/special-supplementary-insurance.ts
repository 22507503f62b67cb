/**
 * Tier 6 — 贫困人口特殊补充医疗保险 (clause 7.4.2): for the illness-induced registered poor and the
 * rural dibao, all in-scope cost left after the insurances, and at least 80% of the clinically
 * necessary out-of-catalog cost.
 */
import { add, sub } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { Tier } from '../state.js';
import { NO_DETAIL, addLine, skipLine } from './line.js';

/** Tier 6. @example specialSupplementaryInsurance(ctx, s) */
export const specialSupplementaryInsurance: Tier = (ctx, s) => {
  const t = ctx.policy.tiers['special-supplementary-insurance'];
  if (skipLine(ctx, s, t)) return;
  const inScope = s.inScopeLeft;
  const necessary = s.necessaryLeft;
  const inScopePaid = applyRatio(inScope, t.inScopeShare);
  const necessaryPaid = applyRatio(necessary, t.necessaryShare);
  s.inScopeLeft = sub(inScope, inScopePaid);
  s.necessaryLeft = sub(necessary, necessaryPaid);
  addLine(
    ctx,
    s,
    t,
    add(inScopePaid, necessaryPaid),
    ctx.record
      ? { kind: 'special-supplementary', inScope, inScopeShare: t.inScopeShare, inScopePaid, necessary, necessaryShare: t.necessaryShare, necessaryPaid }
      : NO_DETAIL,
  );
};
