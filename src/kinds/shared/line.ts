/**
 * What every kind does the same way: record what a tier paid (taking the amount off what is still
 * to pay) and, before its own formula, say why it pays nothing when the hospital is not one the
 * tiers pay at or the tier does not apply to this claim.
 */
import { type Fen, ZERO, sub } from '../../money/fen.js';
import type { CarriedFrom, LineDetail, LineRecord, Scratch, TierContext } from './scratch.js';
import type { TierHead } from '../kind.js';

/**
 * Stands for a line's detail on the unexplained path, where no line is built; kinds write
 * `ctx.record ? {…detail} : NO_DETAIL` so that no detail object is allocated there.
 */
export const NO_DETAIL: LineDetail = { kind: 'not-designated', description: '', descriptionEn: '' };

/**
 * Records that a tier paid `amount` and takes `taken` (by default the amount) off `remaining`.
 *
 * @example
 * addLine(ctx, s, head, fen(25000), ctx.record ? { kind: 'carve-out-share', … } : NO_DETAIL)
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
  s.amounts[head.index] = amount;
  if (ctx.record) {
    const line: LineRecord = {
      tier: head.tier,
      id: head.id,
      label: head.label,
      labelEn: head.labelEn,
      short: head.short,
      clause: head.clause,
      payer: head.payer,
      amount,
      available: s.remaining,
      detail,
      funds: extra?.funds,
    };
    s.lines.push(line);
  }
  s.remaining = sub(s.remaining, taken);
}

/**
 * Records the line of a tier that does not run for this claim (the hospital is not designated, or
 * the tier does not apply) and returns `true`; returns `false` when it runs. Such a line pays
 * nothing of its own; `carried` is what it reports on behalf of an earlier tier (a delivery's
 * excess paid by the funds), which it puts back on `remaining` first so the line takes it once.
 *
 * @example
 * if (skipLine(ctx, s, head)) return;
 */
export function skipLine(
  ctx: TierContext,
  s: Scratch,
  head: TierHead,
  carried: Fen = ZERO,
  extra?: Pick<LineRecord, 'funds'>,
  from: CarriedFrom | null = null,
): boolean {
  const { profile, policy } = ctx;
  if (!profile.settled) {
    addLine(
      ctx,
      s,
      head,
      carried,
      ctx.record
        ? {
            kind: 'not-designated',
            description: policy.settled.description,
            descriptionEn: policy.settled.descriptionEn,
          }
        : NO_DETAIL,
      extra,
    );
    return true;
  }
  if (!profile.applies[head.index]) {
    addLine(
      ctx,
      s,
      head,
      carried,
      ctx.record
        ? {
            kind: 'not-applicable',
            description: head.applies.description,
            descriptionEn: head.applies.descriptionEn,
            carried: carried > 0 ? from : null,
          }
        : NO_DETAIL,
      extra,
    );
    return true;
  }
  return false;
}
