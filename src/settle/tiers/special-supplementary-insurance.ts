/**
 * Tier 6 — 贫困人口特殊补充医疗保险 (clause 7.4.2): for the illness-induced registered poor and the
 * rural dibao, all in-scope cost left after the insurances, and at least 80% of the clinically
 * necessary out-of-catalog cost.
 */
import { add, sub } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { Tier } from '../state.js';
import { addLine, skipLine } from './line.js';
import { scopeOf } from './scope-of.js';

/** Tier 6. @example specialSupplementaryInsurance(ctx, state) */
export const specialSupplementaryInsurance: Tier = (ctx, state) => {
  const t = ctx.policy.tiers['special-supplementary-insurance'];
  const skipped = skipLine(ctx, state, t);
  if (skipped) return skipped;
  const scope = scopeOf(state);
  const inScopePaid = applyRatio(scope.inScopeLeft, t.inScopeShare);
  const necessaryPaid = applyRatio(scope.necessaryLeft, t.necessaryShare);
  return addLine(
    {
      ...state,
      scope: { ...scope, inScopeLeft: sub(scope.inScopeLeft, inScopePaid), necessaryLeft: sub(scope.necessaryLeft, necessaryPaid) },
    },
    t,
    add(inScopePaid, necessaryPaid),
    {
      kind: 'special-supplementary',
      inScope: scope.inScopeLeft,
      inScopeShare: t.inScopeShare,
      inScopePaid,
      necessary: scope.necessaryLeft,
      necessaryShare: t.necessaryShare,
      necessaryPaid,
    },
  );
};
