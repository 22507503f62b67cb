/**
 * Tier 3 — 大病保险 (clause 7.4.2), on the year's cumulative in-scope personal burden `c`.
 *
 * `c1 = c0 + (S left after tier 2)`; `f(c)` sums each bracket's ratio times the part of `c` inside
 * it, brackets starting at the deductible (halved for protected persons, ratios + 10 points).
 * `pay = min(round(f(c1)) − round(f(c0)), annualCap − paidThisYear, S left)`, so a year's total is
 * `round(f(final c))` whatever the order of its claims while no cap binds.
 */
import { type Fen, add, excess, fen, maxFen, minFen, sub } from '../../money/fen.js';
import { applyRatios, type Ratio } from '../../money/ratio.js';
import type { Bracket } from '../../rules/policy.js';
import type { Tier } from '../state.js';
import { NO_DETAIL, addLine, skipLine } from './line.js';

/**
 * `round(f(c))`: the serious-illness amount for a cumulative burden `c`.
 *
 * @example
 * seriousIllnessAmount(fen(2225500), fen(500000), brackets) // 1121575 with 65% up to 50,000
 */
export function seriousIllnessAmount(c: Fen, deductible: Fen, brackets: readonly Bracket[]): Fen {
  const terms: (readonly [Fen, Ratio])[] = [];
  let lo = deductible;
  for (const b of brackets) {
    const hi = b.upTo === null ? c : minFen(c, b.upTo);
    if (hi > lo) terms.push([fen(hi - lo), b.ratio]);
    if (b.upTo !== null) lo = maxFen(lo, b.upTo);
    if (lo >= c) break;
  }
  return applyRatios(terms);
}

/** Tier 3. @example seriousIllnessInsurance(ctx, s) */
export const seriousIllnessInsurance: Tier = (ctx, s) => {
  const t = ctx.policy.tiers['serious-illness-insurance'];
  if (skipLine(ctx, s, t)) return;

  const adjusted = ctx.profile.seriousAdjusted;
  const deductible = adjusted ? t.adjustedDeductible : t.deductible;
  const brackets = adjusted ? t.adjustedBrackets : t.brackets;

  const ledger = s.ledger;
  const inScopeLeft = s.inScopeLeft;
  const before = ledger.seriousIllnessBurden;
  const after = add(before, inScopeLeft);
  const computed = excess(seriousIllnessAmount(after, deductible, brackets), seriousIllnessAmount(before, deductible, brackets));
  const capLeft = excess(t.annualCap, ledger.seriousIllnessPaid);
  const pay = minFen(minFen(computed, capLeft), inScopeLeft);

  s.inScopeLeft = sub(inScopeLeft, pay);
  ledger.seriousIllnessBurden = after;
  ledger.seriousIllnessPaid = add(ledger.seriousIllnessPaid, pay);
  addLine(
    ctx,
    s,
    t,
    pay,
    ctx.record
      ? {
          kind: 'serious-illness',
          before,
          after,
          deductible,
          computed,
          capLeft,
          inScopeLeft,
          poverty: adjusted ? { standardDeductible: t.deductible, deductibleFactor: t.poverty.deductibleFactor, ratioAdd: t.poverty.ratioAdd } : null,
        }
      : NO_DETAIL,
  );
};
