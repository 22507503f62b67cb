/**
 * Tier 7 — 民政医疗救助 (clause 7.4.3): a ratio of what remains after the insurances (in-scope
 * left, the 乙类 self-pay part, necessary out-of-catalog left; other out-of-catalog excluded),
 * within the person's annual limit.
 */
import { type Fen, ZERO, add, excess, minFen } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { AssistancePart } from '../../rules/policy.js';
import type { Scratch, Tier } from '../state.js';
import { NO_DETAIL, addLine, skipLine } from './line.js';

const PART: Readonly<Record<AssistancePart, (s: Scratch) => Fen>> = {
  'in-scope-left': (s) => s.inScopeLeft,
  'b-self-pay': (s) => s.bSelfPay,
  'necessary-left': (s) => s.necessaryLeft,
  'other-left': (s) => s.otherLeft,
};

/** Tier 7. @example medicalAssistance(ctx, s) */
export const medicalAssistance: Tier = (ctx, s) => {
  const t = ctx.policy.tiers['medical-assistance'];
  if (skipLine(ctx, s, t)) return;
  let base = ZERO;
  for (const p of t.parts) base = add(base, PART[p](s));
  const computed = applyRatio(base, t.ratio);
  const limitLeft = excess(t.annualLimit, s.ledger.assistancePaid);
  const pay = minFen(computed, limitLeft);
  s.ledger.assistancePaid = add(s.ledger.assistancePaid, pay);
  addLine(ctx, s, t, pay, ctx.record ? { kind: 'assistance', base, ratio: t.ratio, computed, limitLeft } : NO_DETAIL);
};
