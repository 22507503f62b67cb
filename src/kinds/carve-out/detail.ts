/**
 * Why a carve-out paid what it paid: its line's detail, made from the trace its step wrote.
 */
import { type Fen, ZERO } from '../../money/fen.js';
import type { Ratio } from '../../money/ratio.js';
import type { TierSpec } from '../kind.js';
import { KIND_TRACE } from '../shared/line.js';
import type { Scratch } from '../shared/scratch.js';
import type { CarveOutDecision, CarveOutParams } from './params.js';
import type { PoolSet } from './schema.js';
import { CARVE_OUT_TRACE } from './step.js';

/** Why a carve-out paid what it paid. */
export interface CarveOutDetail {
  readonly kind: 'carve-out';
  readonly from: PoolSet;
  readonly description: string;
  readonly descriptionEn: string;
  /** What the pools held when the carve-out was taken (after the excess). */
  readonly base: Fen;
  readonly share: Ratio | null;
  readonly granted: boolean;
  readonly standard: Fen | null;
  readonly byFact: string | null;
  readonly byValue: string | null;
  readonly excess: {
    readonly limit: Fen;
    readonly over: Fen;
    readonly paid: Fen;
    readonly paidBy: string;
    readonly paidByEn: string;
  } | null;
}

/**
 * The detail of a carve-out line that ran.
 *
 * @example
 * carveOutDetail(s, tier, decision).base
 */
export function carveOutDetail(
  s: Scratch,
  t: TierSpec<CarveOutParams>,
  d: CarveOutDecision,
  at: number,
): CarveOutDetail {
  const p = t.params;
  const k0 = at + KIND_TRACE;
  const num = (k: keyof typeof CARVE_OUT_TRACE): Fen => s.trace[k0 + CARVE_OUT_TRACE[k]]! as Fen;
  return {
    kind: 'carve-out',
    from: p.from,
    description: t.applies.description,
    descriptionEn: t.applies.descriptionEn,
    base: num('base'),
    share: p.share,
    granted: d.granted,
    standard: p.share ? null : (d.fixed ?? ZERO),
    byFact: p.fixedBy,
    byValue: d.byValue,
    excess:
      p.excess && d.limit !== undefined
        ? {
            limit: d.limit,
            over: num('over'),
            paid: num('overPaid'),
            paidBy: p.excess.paidBy,
            paidByEn: p.excess.paidByEn,
          }
        : null,
  };
}
