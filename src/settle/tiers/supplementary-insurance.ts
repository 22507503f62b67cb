/**
 * Tier 4 — 补充医疗保险 (clause 7.4.2): a ratio of the in-scope cost left, raised 10 points for
 * protected persons, within an annual cap.
 */
import { add, excess, minFen, sub } from '../../money/fen.js';
import { addRatio, applyRatio, capAtOne } from '../../money/ratio.js';
import type { Tier } from '../state.js';
import { addLine, skipLine } from './line.js';
import { scopeOf } from './scope-of.js';

/** Tier 4. @example supplementaryInsurance(ctx, state) */
export const supplementaryInsurance: Tier = (ctx, state) => {
  const t = ctx.policy.tiers['supplementary-insurance'];
  const skipped = skipLine(ctx, state, t);
  if (skipped) return skipped;
  const adjusted = t.poverty.when(ctx.facts);
  const ratio = adjusted ? capAtOne(addRatio(t.ratio, t.poverty.ratioAdd)) : t.ratio;
  const scope = scopeOf(state);
  const base = scope.inScopeLeft;
  const computed = applyRatio(base, ratio);
  const capLeft = excess(t.annualCap, state.ledger.supplementaryPaid);
  const pay = minFen(computed, capLeft);
  return addLine(
    {
      ...state,
      scope: { ...scope, inScopeLeft: sub(base, pay) },
      ledger: { ...state.ledger, supplementaryPaid: add(state.ledger.supplementaryPaid, pay) },
    },
    t,
    pay,
    { kind: 'supplementary', base, ratio, computed, capLeft, poverty: adjusted ? { standardDeductible: null, deductibleFactor: null, ratioAdd: t.poverty.ratioAdd } : null },
  );
};
