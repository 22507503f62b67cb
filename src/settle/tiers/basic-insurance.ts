/**
 * Tier 2 — 基本医疗保险 (clause 7.4.2; special outpatient 7.5).
 *
 * The first table whose condition holds gives the deductible and ratio; for protected persons on
 * an adjusted table the deductible is halved and the ratio raised 5 points. A per-claim deductible
 * is charged on each admission; a per-year one only for what earlier claims of the year did not
 * consume. `pay = min(round(max(0, S − deductibleDue) × ratio), annualCap − paidThisYear)`.
 */
import { ZERO, add, excess, minFen, sub } from '../../money/fen.js';
import { addRatio, applyRatio, capAtOne } from '../../money/ratio.js';
import type { Tier } from '../state.js';
import { addLine, skipLine } from './line.js';
import { scopeOf } from './scope-of.js';

/** Tier 2. @example basicInsurance(ctx, state) */
export const basicInsurance: Tier = (ctx, state) => {
  const t = ctx.policy.tiers['basic-insurance'];
  const skipped = skipLine(ctx, state, t);
  if (skipped) return skipped;
  const table = t.tables.find((x) => x.when(ctx.facts));
  if (!table) return addLine(state, t, ZERO, { kind: 'no-table' });

  const adjusted = table.povertyAdjusted && t.poverty.when(ctx.facts);
  const deductible = adjusted ? applyRatio(table.deductible, t.poverty.deductibleFactor) : table.deductible;
  const ratio = adjusted ? capAtOne(addRatio(table.ratio, t.poverty.ratioAdd)) : table.ratio;
  const perYear = table.deductibleBasis === 'per-year';
  const ledger = state.ledger;
  const used = perYear ? (ledger.basicDeductibleUsed[table.id] ?? ZERO) : ZERO;
  const deductibleDue = excess(deductible, used);

  const scope = scopeOf(state);
  const inScope = scope.inScopeLeft;
  const computed = applyRatio(excess(inScope, deductibleDue), ratio);
  const paidThisYear = ledger.basicInsurancePaid[table.capPool] ?? ZERO;
  const capLeft = excess(t.annualCaps[table.capPool] ?? ZERO, paidThisYear);
  const pay = minFen(computed, capLeft);

  return addLine(
    {
      ...state,
      scope: { ...scope, inScopeLeft: sub(inScope, pay) },
      ledger: {
        ...ledger,
        basicInsurancePaid: { ...ledger.basicInsurancePaid, [table.capPool]: add(paidThisYear, pay) },
        basicDeductibleUsed: perYear
          ? { ...ledger.basicDeductibleUsed, [table.id]: add(used, minFen(inScope, deductibleDue)) }
          : ledger.basicDeductibleUsed,
      },
    },
    t,
    pay,
    {
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
    },
  );
};
