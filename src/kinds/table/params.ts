/**
 * A table's parameters on one stretch of dates, and what it decides once per claim profile: the
 * first row whose condition holds and, on an adjustable row, the first adjustment that applies.
 */
import { type Fen, ZERO } from '../../money/fen.js';
import type { Ratio } from '../../money/ratio.js';
import type { Predicate } from '../../rule-files/conditions.js';
import type { FactBag } from '../../rule-files/fact-catalog.js';
import type { ResolveEnv } from '../kind.js';
import {
  type Adjustment,
  adjustDeductible,
  adjustRatio,
  adjustmentFor,
  resolveAdjustments,
} from '../shared/adjustment.js';
import type { TableRaw } from './schema.js';

/** A row on one stretch of dates, with what each adjustment makes of it. */
export interface TableRow {
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly when: Predicate;
  readonly perYear: boolean;
  readonly adjustable: boolean;
  readonly deductible: Fen;
  readonly ratio: Ratio;
  /** Per adjustment (same order): the adjusted deductible and ratio. */
  readonly adjusted: readonly { readonly deductible: Fen; readonly ratio: Ratio }[];
  readonly cap: Fen;
  /** Counters: the cap pool's paid amount, and the per-year deductible consumed (−1: per claim). */
  readonly paidCounter: number;
  readonly deductibleCounter: number;
}

/** A table tier's parameters on one stretch of dates. */
export interface TableParams {
  readonly rows: readonly TableRow[];
  readonly adjustments: readonly Adjustment[];
}

/** What a table decides per claim profile: the row and the adjustment (−1: none). */
export interface TableDecision {
  readonly row: TableRow | undefined;
  readonly adjustment: number;
}

/**
 * Resolves a table's rows, caps and adjustments for one stretch of dates.
 *
 * @example
 * resolveTable(raw, env).rows[0].deductible // 40000 for the 2017 county row
 */
export function resolveTable(raw: TableRaw, env: ResolveEnv): TableParams {
  const adjustments = resolveAdjustments(raw.adjustments, env);
  const rows = Object.entries(raw.rows).map(([id, r]): TableRow => {
    const deductible = env.amount(r.deductible);
    const ratio = env.ratio(r.ratio);
    return {
      id,
      label: r.label,
      labelEn: r.labelEn ?? r.label,
      when: env.pred(r.when),
      perYear: r.deductibleBasis === 'per-year',
      adjustable: r.adjustable,
      deductible,
      ratio,
      adjusted: adjustments.map((a) => ({ deductible: adjustDeductible(deductible, a), ratio: adjustRatio(ratio, a) })),
      cap: raw.caps[r.capPool] ? env.amount(raw.caps[r.capPool]!) : ZERO,
      paidCounter: env.counter(`paid.${r.capPool}`),
      deductibleCounter: r.deductibleBasis === 'per-year' ? env.counter(`deductible.${id}`) : -1,
    };
  });
  return { rows, adjustments };
}

/**
 * The row and adjustment of a claim profile.
 *
 * @example
 * decideTable(params, facts).row?.id // "county"
 */
export function decideTable(p: TableParams, facts: FactBag): TableDecision {
  const row = p.rows.find((r) => r.when(facts));
  return { row, adjustment: row?.adjustable ? adjustmentFor(p.adjustments, facts) : -1 };
}
