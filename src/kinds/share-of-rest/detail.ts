/**
 * Why a share-of-rest tier paid what it paid: its line's detail, made from the trace its step wrote.
 */
import type { Fen } from '../../money/fen.js';
import type { Ratio } from '../../money/ratio.js';
import { PARTS, type Part } from '../../rule-files/types.js';
import type { TierSpec } from '../kind.js';
import { type AppliedAdjustment, applied } from '../shared/adjustment.js';
import { KIND_TRACE } from '../shared/line.js';
import type { Scratch } from '../shared/scratch.js';
import type { ShareOfRestParams } from './params.js';
import { SHARE_TRACE } from './step.js';

/** Why a share-of-rest tier paid what it paid. */
export interface ShareOfRestDetail {
  readonly kind: 'share-of-rest';
  readonly shares: readonly {
    readonly parts: readonly { readonly part: Part; readonly amount: Fen }[];
    readonly base: Fen;
    readonly ratio: Ratio;
    readonly computed: Fen;
  }[];
  readonly computed: Fen;
  /** What the cap left (null: no cap). */
  readonly capLeft: Fen | null;
  readonly capLabel: string | null;
  readonly adjustment: AppliedAdjustment | null;
}

/**
 * The detail of a share-of-rest line that ran.
 *
 * @example
 * shareOfRestDetail(s, tier, adjustment).computed
 */
export function shareOfRestDetail(
  s: Scratch,
  t: TierSpec<ShareOfRestParams>,
  adjustment: number,
  at: number,
): ShareOfRestDetail {
  const p = t.params;
  const k0 = at + KIND_TRACE;
  const trace = s.trace;
  const a = adjustment >= 0 ? p.adjustments[adjustment]! : undefined;
  const capLeft = trace[k0 + SHARE_TRACE.capLeft]!;
  return {
    kind: 'share-of-rest',
    shares: p.shares.map((sh, k) => {
      const parts = sh.parts.map((i) => ({ part: PARTS[i]!, amount: trace[k0 + SHARE_TRACE.parts + i]! as Fen }));
      let base = 0;
      for (const x of parts) base += x.amount;
      return {
        parts,
        base: base as Fen,
        ratio: a ? sh.adjusted[adjustment]! : sh.ratio,
        computed: trace[k0 + SHARE_TRACE.shares + k]! as Fen,
      };
    }),
    computed: trace[k0 + SHARE_TRACE.computed]! as Fen,
    capLeft: Number.isNaN(capLeft) ? null : (capLeft as Fen),
    capLabel: p.capLabel,
    adjustment: a ? applied(a, null) : null,
  };
}
