/**
 * The lines of an explained settlement, made from the compact result of the waterfall (the policy's
 * scratch state) only when someone asks for them: each tier's names and clause, what it paid,
 * what was still to pay when it ran, its fund payments, and its detail (its kind's, from the
 * trace its step wrote; or why it did not run).
 */
import { kindOf, type LineDetail, type SettledLine } from '../kinds/kind-list.js';
import { drawsOf } from '../kinds/shared/funds.js';
import { TRACE_AVAILABLE, TRACE_DRAWS } from '../kinds/shared/line.js';
import type { Scratch } from '../kinds/shared/scratch.js';
import type { Fen } from '../money/fen.js';
import type { Policy } from '../scheme/policy.js';
import { compiledPolicy } from '../scheme/waterfall.js';
import type { ClaimProfile } from './profile.js';

/**
 * The lines of the claim just settled on `s` (before the scratch state is used again).
 *
 * @example
 * const lines = settledLines(policy, profile, compiledPolicy(policy).scratch);
 */
export function settledLines(policy: Policy, profile: ClaimProfile, s: Scratch): SettledLine[] {
  const lines: SettledLine[] = [];
  const { traceAt } = compiledPolicy(policy);
  for (const t of policy.tiers) {
    const at = traceAt[t.index]!;
    const applies = profile.applies[t.index] === 1;
    // A tier listed only where it applies (the 2017 delivery carve-outs) leaves no line elsewhere.
    if (t.listedWhenApplies && !applies) continue;
    const kind = kindOf(t);
    const amount = s.amounts[t.index]! as Fen;
    let detail: LineDetail;
    if (!profile.settled)
      detail = {
        kind: 'not-designated',
        description: policy.settled.description,
        descriptionEn: policy.settled.descriptionEn,
      };
    else if (!applies)
      detail = {
        kind: 'not-applicable',
        description: t.applies.description,
        descriptionEn: t.applies.descriptionEn,
        // Stryker disable next-line OptionalChaining: only a carve-out's excess pays a tier that does not apply, and the rule check requires it be reported on a top-up (kinds/carve-out/lint.ts), whose kind has carriedFrom
        carried: amount > 0 ? (kind.carriedFrom?.(t.params) ?? null) : null,
      };
    else detail = kind.detail(s, t, profile.decisions[t.index], at);
    lines.push({
      tier: t.tier,
      id: t.id,
      label: t.label,
      labelEn: t.labelEn,
      short: t.short,
      clause: t.clause,
      payer: t.payer,
      amount,
      available: s.trace[at + TRACE_AVAILABLE]! as Fen,
      detail,
      funds: kind.reportsFunds ? drawsOf(s, s.trace[at + TRACE_DRAWS]!) : undefined,
    });
  }
  return lines;
}
