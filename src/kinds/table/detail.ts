/**
 * Why a table tier paid what it paid: its line's detail, made from the trace its step wrote.
 */
import { type Fen, ZERO } from '../../money/fen.js';
import type { Ratio } from '../../money/ratio.js';
import type { TierSpec } from '../kind.js';
import { type AppliedAdjustment, applied } from '../shared/adjustment.js';
import { KIND_TRACE } from '../shared/line.js';
import type { Scratch } from '../shared/scratch.js';
import type { TableDecision, TableParams } from './params.js';
import { TABLE_TRACE } from './step.js';

/** Why a table tier paid what it paid. */
export interface TableDetail {
  readonly kind: 'table';
  /** The row used; `null` when no row applies. */
  readonly row: { readonly label: string; readonly labelEn: string } | null;
  readonly inScope: Fen;
  readonly deductible: Fen;
  /** What is left of the deductible before this claim (the whole deductible when per claim). */
  readonly deductibleDue: Fen;
  /** What this claim pays of it: the due part, at most the in-scope cost. */
  readonly deductibleCharged: Fen;
  readonly perYear: boolean;
  readonly ratio: Ratio;
  readonly computed: Fen;
  /** What the cap left (null: no cap for this person). */
  readonly capLeft: Fen | null;
  readonly adjustment: AppliedAdjustment | null;
}

const NO_RATIO: Ratio = { units: 0, scale: 0 };

/**
 * The detail of a table line that ran.
 *
 * @example
 * tableDetail(s, tier, decision).deductibleCharged
 */
export function tableDetail(s: Scratch, t: TierSpec<TableParams>, d: TableDecision, at: number): TableDetail {
  const k0 = at + KIND_TRACE;
  const num = (k: keyof typeof TABLE_TRACE): Fen => s.trace[k0 + TABLE_TRACE[k]]! as Fen;
  const row = d.row;
  if (!row) {
    return {
      kind: 'table',
      row: null,
      inScope: num('inScope'),
      deductible: ZERO,
      deductibleDue: ZERO,
      deductibleCharged: ZERO,
      perYear: false,
      ratio: NO_RATIO,
      computed: ZERO,
      capLeft: null,
      adjustment: null,
    };
  }
  const a = d.adjustment >= 0 ? t.params.adjustments[d.adjustment]! : undefined;
  const values = a ? row.adjusted[d.adjustment]! : row;
  const capLeft = num('capLeft');
  return {
    kind: 'table',
    row: { label: row.label, labelEn: row.labelEn },
    inScope: num('inScope'),
    deductible: values.deductible,
    deductibleDue: num('deductibleDue'),
    deductibleCharged: num('deductibleCharged'),
    perYear: row.perYear,
    ratio: values.ratio,
    computed: num('computed'),
    capLeft: Number.isNaN(capLeft) ? null : capLeft,
    adjustment: a ? applied(a, row.deductible) : null,
  };
}
