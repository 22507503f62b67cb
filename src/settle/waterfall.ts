/**
 * The waterfall: the tiers of the policy in the order its rule set lists them, each run by its
 * kind on the settlement's scratch state. The bill is split into parts (S, Pb, N, O) right after
 * the carve-outs, since they change the pools the parts are made from.
 */
import { KINDS } from '../kinds/kind-list.js';
import { splitScope } from './split-scope.js';
import type { Scratch, TierContext } from '../kinds/shared/scratch.js';

/**
 * Runs every tier of the policy's order on the scratch state.
 *
 * @example
 * runWaterfall(ctx, s);
 * s.remaining // what the patient pays
 */
export function runWaterfall(ctx: TierContext, s: Scratch): void {
  const { policy, profile } = ctx;
  const tiers = policy.tiers;
  for (let i = 0; i < tiers.length; i++) {
    if (i === policy.splitAt) splitScope(ctx, s);
    const t = tiers[i]!;
    // A tier listed only where it applies (the 2017 delivery carve-outs) leaves no line elsewhere.
    if (t.listedWhenApplies && !profile.applies[i]) continue;
    KINDS[t.kind]!.run(ctx, s, t as never, profile.decisions[i] as never);
  }
  if (policy.splitAt === tiers.length) splitScope(ctx, s);
}
