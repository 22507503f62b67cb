/**
 * Tier 4 — 补充医疗保险 (clause 7.4.2): a ratio of the in-scope cost left, raised 10 points for
 * protected persons, within an annual cap.
 */
import { add, excess, minFen, sub } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { Tier } from '../state.js';
import { NO_DETAIL, addLine, skipLine } from './line.js';

/** Tier 4. @example supplementaryInsurance(ctx, s) */
export const supplementaryInsurance: Tier = (ctx, s) => {
  const t = ctx.policy.tiers['supplementary-insurance'];
  if (skipLine(ctx, s, t)) return;
  const adjusted = ctx.profile.supplementaryAdjusted;
  const ratio = adjusted ? t.adjustedRatio : t.ratio;
  const base = s.inScopeLeft;
  const computed = applyRatio(base, ratio);
  const capLeft = excess(t.annualCap, s.ledger.supplementaryPaid);
  const pay = minFen(computed, capLeft);
  s.inScopeLeft = sub(base, pay);
  s.ledger.supplementaryPaid = add(s.ledger.supplementaryPaid, pay);
  addLine(
    ctx,
    s,
    t,
    pay,
    ctx.record
      ? { kind: 'supplementary', base, ratio, computed, capLeft, poverty: adjusted ? { standardDeductible: null, deductibleFactor: null, ratioAdd: t.poverty.ratioAdd } : null }
      : NO_DETAIL,
  );
};
