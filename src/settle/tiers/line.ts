/**
 * What every tier does the same way: append its line (taking the amount off what is still to
 * pay) and, before its own formula, say why it pays nothing when the hospital is not designated
 * or the tier does not apply to this claim.
 */
import { type Fen, ZERO, sub } from '../../money/fen.js';
import type { TierHead } from '../../rules/policy.js';
import type { LineDetail, LineRecord, TierContext, WaterfallState } from '../state.js';

/**
 * Appends a tier's line and takes its amount off `remaining`.
 *
 * @example
 * addLine(state, head, fen(25000), { kind: 'waiver', base, rate })
 */
export function addLine(
  state: WaterfallState,
  head: TierHead,
  amount: Fen,
  detail: LineDetail,
  extra: Partial<Pick<LineRecord, 'funds'>> = {},
): WaterfallState {
  const line: LineRecord = {
    tier: head.tier,
    id: head.id,
    label: head.label,
    clause: head.clause,
    amount,
    available: state.remaining,
    detail,
    ...extra,
  };
  return { ...state, remaining: sub(state.remaining, amount), lines: [...state.lines, line] };
}

/**
 * The line of a tier that does not run for this claim (the hospital is not designated, or the tier
 * does not apply), or `undefined` when it runs. Such a line pays nothing of its own; `carried` is
 * what it reports on behalf of an earlier step (tier 8 reports the delivery excess of tier 0).
 *
 * @example
 * const skipped = skipLine(ctx, state, head);
 * if (skipped) return skipped;
 */
export function skipLine(
  ctx: TierContext,
  state: WaterfallState,
  head: TierHead,
  carried: Fen = ZERO,
  extra: Partial<Pick<LineRecord, 'funds'>> = {},
): WaterfallState | undefined {
  if (!ctx.settled) return addLine(state, head, carried, { kind: 'not-designated', description: ctx.policy.settled.description }, extra);
  if (!head.applies.when(ctx.facts)) return addLine(state, head, carried, { kind: 'not-applicable', description: head.applies.description }, extra);
  return undefined;
}
