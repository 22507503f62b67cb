/**
 * Tier 2 — 基本医疗保险 (clause 7.4.2; special outpatient 7.5).
 *
 * The first table whose condition holds gives the deductible and ratio; for protected persons on
 * an adjusted table the deductible is halved and the ratio raised 5 points. A per-claim deductible
 * is charged on each admission; a per-year one only for what earlier claims of the year did not
 * consume. `pay = min(round(max(0, S − deductibleDue) × ratio), annualCap − paidThisYear)`.
 */
import { ZERO, add, excess, minFen, sub } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { Tier } from '../state.js';
import { NO_DETAIL, addLine, skipLine } from './line.js';

/** Tier 2. @example basicInsurance(ctx, s) */
export const basicInsurance: Tier = (ctx, s) => {
  const t = ctx.policy.tiers['basic-insurance'];
  if (skipLine(ctx, s, t)) return;
  const table = ctx.profile.basicTable;
  if (!table) return addLine(ctx, s, t, ZERO, { kind: 'no-table' });

  const adjusted = ctx.profile.basicAdjusted;
  const deductible = adjusted ? table.adjustedDeductible : table.deductible;
  const ratio = adjusted ? table.adjustedRatio : table.ratio;
  const perYear = table.deductibleBasis === 'per-year';
  const ledger = s.ledger;
  const used = perYear ? (ledger.basicDeductibleUsed[table.id] ?? ZERO) : ZERO;
  const deductibleDue = excess(deductible, used);

  const inScope = s.inScopeLeft;
  const computed = applyRatio(excess(inScope, deductibleDue), ratio);
  const paidThisYear = ledger.basicInsurancePaid[table.capPool] ?? ZERO;
  const capLeft = excess(t.annualCaps[table.capPool] ?? ZERO, paidThisYear);
  const pay = minFen(computed, capLeft);

  s.inScopeLeft = sub(inScope, pay);
  ledger.basicInsurancePaid[table.capPool] = add(paidThisYear, pay);
  if (perYear) ledger.basicDeductibleUsed[table.id] = add(used, minFen(inScope, deductibleDue));
  addLine(
    ctx,
    s,
    t,
    pay,
    ctx.record
      ? {
          kind: 'basic-insurance',
          table: table.label,
          inScope,
          deductible,
          deductibleDue,
          perYear,
          ratio,
          computed,
          capLeft,
          poverty: adjusted ? { standardDeductible: table.deductible, deductibleFactor: t.poverty.deductibleFactor, ratioAdd: t.poverty.ratioAdd } : null,
        }
      : NO_DETAIL,
  );
};
