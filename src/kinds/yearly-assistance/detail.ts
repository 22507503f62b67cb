/**
 * Why a yearly-assistance tier paid what it paid: its line's detail, made from the trace its step wrote.
 */
import { type Fen, ZERO } from '../../money/fen.js';
import type { Ratio } from '../../money/ratio.js';
import type { TierSpec } from '../kind.js';
import { KIND_TRACE } from '../shared/line.js';
import type { Scratch } from '../shared/scratch.js';
import type { AssistanceRow, YearlyAssistanceParams } from './params.js';
import { ASSISTANCE_TRACE } from './step.js';

/** Why a yearly-assistance tier paid what it paid. */
export interface YearlyAssistanceDetail {
  readonly kind: 'yearly-assistance';
  readonly row: { readonly label: string; readonly labelEn: string } | null;
  readonly base: Fen;
  readonly deductible: Fen;
  /** What is left of the yearly deductible before this claim. */
  readonly deductibleDue: Fen;
  /** What this claim pays of it: the due part, at most the base. */
  readonly deductibleCharged: Fen;
  readonly ratio: Ratio;
  readonly computed: Fen;
  readonly limitLeft: Fen;
  readonly limitLabel: string | null;
}

const NO_RATIO: Ratio = { units: 0, scale: 0 };

/**
 * The detail of a yearly-assistance line that ran.
 *
 * @example
 * yearlyAssistanceDetail(s, tier, row).deductibleCharged
 */
export function yearlyAssistanceDetail(
  s: Scratch,
  t: TierSpec<YearlyAssistanceParams>,
  row: AssistanceRow | undefined,
  at: number,
): YearlyAssistanceDetail {
  const k0 = at + KIND_TRACE;
  const num = (k: keyof typeof ASSISTANCE_TRACE): Fen => s.trace[k0 + ASSISTANCE_TRACE[k]]! as Fen;
  return {
    kind: 'yearly-assistance',
    row: row ? { label: row.label, labelEn: row.labelEn } : null,
    base: num('base'),
    deductible: row ? row.deductible : ZERO,
    deductibleDue: num('deductibleDue'),
    deductibleCharged: num('deductibleCharged'),
    ratio: row ? row.ratio : NO_RATIO,
    computed: num('computed'),
    limitLeft: num('limitLeft'),
    limitLabel: t.params.limitLabel,
  };
}
