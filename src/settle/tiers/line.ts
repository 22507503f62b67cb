/**
 * What every tier does the same way: record what it paid (taking the amount off what is still to
 * pay) and, before its own formula, say why it pays nothing when the hospital is not designated
 * or the tier does not apply to this claim.
 */
import { type Fen, ZERO, sub } from '../../money/fen.js';
import type { TierHead } from '../../rules/policy.js';
import type { LineDetail, LineRecord, Scratch, TierContext } from '../state.js';

/**
 * Stands for a line's detail on the unexplained path, where no line is built; tiers write
 * `ctx.record ? {…detail} : NO_DETAIL` so that no detail object is allocated there.
 */
export const NO_DETAIL: LineDetail = { kind: 'no-table' };

/**
 * Records that a tier paid `amount` and takes `taken` (by default the amount) off `remaining`.
 *
 * @example
 * addLine(ctx, s, head, fen(25000), ctx.record ? { kind: 'waiver', base, rate } : NO_DETAIL)
 */
export function addLine(
  ctx: TierContext,
  s: Scratch,
  head: TierHead,
  amount: Fen,
  detail: LineDetail,
  extra?: Pick<LineRecord, 'funds'>,
  taken: Fen = amount,
): void {
  s.amounts[head.tier] = amount;
  if (ctx.record) {
    const line: LineRecord = { tier: head.tier, id: head.id, label: head.label, clause: head.clause, amount, available: s.remaining, detail, funds: extra?.funds };
    s.lines.push(line);
  }
  s.remaining = sub(s.remaining, taken);
}

/**
 * Records the line of a tier that does not run for this claim (the hospital is not designated, or
 * the tier does not apply) and returns `true`; returns `false` when it runs. Such a line pays
 * nothing of its own; `carried` is what it reports on behalf of an earlier step (tier 8 reports
 * the delivery excess of tier 0, which it puts back on `remaining` first so the line takes it once).
 *
 * @example
 * if (skipLine(ctx, s, head)) return;
 */
export function skipLine(ctx: TierContext, s: Scratch, head: TierHead, carried: Fen = ZERO, extra?: Pick<LineRecord, 'funds'>): boolean {
  const { profile, policy } = ctx;
  if (!profile.settled) {
    addLine(ctx, s, head, carried, ctx.record ? { kind: 'not-designated', description: policy.settled.description } : NO_DETAIL, extra);
    return true;
  }
  if (!profile.applies[head.id]) {
    addLine(ctx, s, head, carried, ctx.record ? { kind: 'not-applicable', description: head.applies.description } : NO_DETAIL, extra);
    return true;
  }
  return false;
}
