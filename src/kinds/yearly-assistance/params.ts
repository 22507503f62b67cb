/**
 * A yearly-assistance tier's parameters on one stretch of dates, and what it decides per claim
 * profile: the first row whose condition holds.
 */
import type { Fen } from '../../money/fen.js';
import type { Ratio } from '../../money/ratio.js';
import type { Predicate } from '../../rule-files/conditions.js';
import type { FactBag } from '../../rule-files/fact-catalog.js';
import type { ResolveEnv } from '../kind.js';
import { partIndexes } from '../shared/parts.js';
import type { YearlyAssistanceRaw } from './schema.js';

/** A row on one stretch of dates. */
export interface AssistanceRow {
  readonly label: string;
  readonly labelEn: string;
  readonly when: Predicate;
  readonly deductible: Fen;
  readonly ratio: Ratio;
}

/** A yearly-assistance tier's parameters on one stretch of dates. */
export interface YearlyAssistanceParams {
  readonly parts: readonly number[];
  readonly rows: readonly AssistanceRow[];
  readonly limit: Fen;
  readonly limitLabel: string | null;
  readonly deductibleCounter: number;
  readonly paidCounter: number;
}

/**
 * Resolves a yearly-assistance tier for one stretch of dates.
 *
 * @example
 * resolveYearlyAssistance(raw, env).limit // 5000000 for the 2022 medical assistance
 */
export function resolveYearlyAssistance(raw: YearlyAssistanceRaw, env: ResolveEnv): YearlyAssistanceParams {
  return {
    parts: partIndexes(raw.of),
    rows: Object.values(raw.rows).map((r) => ({
      label: r.label,
      labelEn: r.labelEn ?? r.label,
      when: env.pred(r.when),
      deductible: env.amount(r.deductible),
      ratio: env.ratio(r.ratio),
    })),
    limit: env.amount(raw.annualLimit),
    limitLabel: raw.annualLimit.description ?? null,
    deductibleCounter: env.counter('deductible'),
    paidCounter: env.counter('paid'),
  };
}

/**
 * The row of a claim profile (undefined: none applies).
 *
 * @example
 * decideYearlyAssistance(params, facts)?.label // "低保对象"
 */
export const decideYearlyAssistance = (p: YearlyAssistanceParams, facts: FactBag): AssistanceRow | undefined =>
  p.rows.find((r) => r.when(facts));
