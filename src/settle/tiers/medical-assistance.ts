/**
 * Tier 7 — 民政医疗救助 (clause 7.4.3): a ratio of what remains after the insurances (in-scope
 * left, the 乙类 self-pay part, necessary out-of-catalog left; other out-of-catalog excluded),
 * within the person's annual limit.
 */
import { type Fen, ZERO, add, excess, minFen } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { AssistancePart } from '../../rules/policy.js';
import type { Scope, Tier } from '../state.js';
import { addLine, skipLine } from './line.js';
import { scopeOf } from './scope-of.js';

const PART: Readonly<Record<AssistancePart, (s: Scope) => Fen>> = {
  'in-scope-left': (s) => s.inScopeLeft,
  'b-self-pay': (s) => s.bSelfPay,
  'necessary-left': (s) => s.necessaryLeft,
  'other-left': (s) => s.otherLeft,
};

/** Tier 7. @example medicalAssistance(ctx, state) */
export const medicalAssistance: Tier = (ctx, state) => {
  const t = ctx.policy.tiers['medical-assistance'];
  const skipped = skipLine(ctx, state, t);
  if (skipped) return skipped;
  const scope = scopeOf(state);
  const base = t.parts.reduce((sum, p) => add(sum, PART[p](scope)), ZERO);
  const computed = applyRatio(base, t.ratio);
  const limitLeft = excess(t.annualLimit, state.ledger.assistancePaid);
  const pay = minFen(computed, limitLeft);
  return addLine({ ...state, ledger: { ...state.ledger, assistancePaid: add(state.ledger.assistancePaid, pay) } }, t, pay, {
    kind: 'assistance',
    base,
    ratio: t.ratio,
    computed,
    limitLeft,
  });
};
