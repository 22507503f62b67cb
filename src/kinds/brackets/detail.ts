/**
 * Why a brackets tier paid what it paid: its line's detail, made from the trace its step wrote.
 */
import type { Fen } from '../../money/fen.js';
import type { TierSpec } from '../kind.js';
import { type AppliedAdjustment, applied } from '../shared/adjustment.js';
import { KIND_TRACE } from '../shared/line.js';
import type { Scratch } from '../shared/scratch.js';
import type { BracketsParams } from './params.js';
import { BRACKETS_TRACE } from './step.js';

/** Why a brackets tier paid what it paid. */
export interface BracketsDetail {
  readonly kind: 'brackets';
  readonly before: Fen;
  readonly after: Fen;
  readonly deductible: Fen;
  readonly computed: Fen;
  /** What the cap left (null: no cap for this person). */
  readonly capLeft: Fen | null;
  readonly capLabel: string | null;
  readonly base: Fen;
  readonly adjustment: AppliedAdjustment | null;
}

/**
 * The detail of a brackets line that ran.
 *
 * @example
 * bracketsDetail(s, tier, adjustment).after
 */
export function bracketsDetail(
  s: Scratch,
  t: TierSpec<BracketsParams>,
  adjustment: number,
  at: number,
): BracketsDetail {
  const p = t.params;
  const k0 = at + KIND_TRACE;
  const num = (k: keyof typeof BRACKETS_TRACE): Fen => s.trace[k0 + BRACKETS_TRACE[k]]! as Fen;
  const a = adjustment >= 0 ? p.adjustments[adjustment]! : undefined;
  const capLeft = num('capLeft');
  return {
    kind: 'brackets',
    before: num('before'),
    after: num('after'),
    deductible: (a ? p.adjusted[adjustment]! : p.standard).deductible,
    computed: num('computed'),
    capLeft: Number.isNaN(capLeft) ? null : capLeft,
    capLabel: p.capLabel,
    base: num('base'),
    adjustment: a ? applied(a, p.standard.deductible) : null,
  };
}
