/**
 * A rule set's waterfall compiled for one stretch of dates (a policy): the tiers in the order its
 * rule set lists them, each its kind's step with its parameters already resolved and its place in
 * the trace fixed, and the split of the bill into parts (S, Pb, N, O) right after the carve-outs,
 * since they change the pools the parts are made from (docs/policy-2017.md §4). The steps are
 * closures over their tier (no generated source, so the engine runs under a
 * Content-Security-Policy without `unsafe-eval`); each policy keeps one scratch state, reused for
 * every claim it settles. A policy is compiled on first use and kept while it lives.
 */
import type { TierSpec } from '../kinds/kind.js';
import { kindOf } from '../kinds/kind-list.js';
import { KIND_TRACE } from '../kinds/shared/line.js';
import { Scratch } from '../kinds/shared/scratch.js';
import type { Fen } from '../money/fen.js';
import { type Ratio, applyRatio } from '../money/ratio.js';
import type { Policy } from './policy.js';

/** Runs a claim's waterfall on the scratch state, given its profile's decisions (one per tier). */
export type Waterfall = (s: Scratch, decisions: readonly unknown[]) => void;

/** A policy compiled: its waterfall, the scratch state it runs on, and where each tier's trace starts. */
export interface CompiledPolicy {
  readonly waterfall: Waterfall;
  readonly scratch: Scratch;
  readonly traceAt: Int32Array;
}

const compiled = new WeakMap<Policy, CompiledPolicy>();

/**
 * The compiled waterfall of a policy (compiled once).
 *
 * @example
 * const { waterfall, scratch } = compiledPolicy(policy);
 * scratch.begin(…); waterfall(scratch, profile.decisions); scratch.remaining // what the patient pays
 */
export function compiledPolicy(policy: Policy): CompiledPolicy {
  let c = compiled.get(policy);
  if (!c) compiled.set(policy, (c = compile(policy)));
  return c;
}

function compile(policy: Policy): CompiledPolicy {
  const tiers = policy.tiers;
  const n = tiers.length;
  // Each tier's numbers for its line's detail sit at a fixed offset of the scratch state's trace.
  const traceAt = new Int32Array(n);
  let width = 0;
  tiers.forEach((t, i) => {
    traceAt[i] = width;
    width += KIND_TRACE + kindOf(t).traceWidth(t.params);
  });
  const steps = tiers.map((t: TierSpec, i) => {
    const kind = kindOf(t);
    const at = traceAt[i]!;
    return (s: Scratch, decision: unknown): void => kind.step(s, t, decision, at);
  });
  const listedWhenApplies = Uint8Array.from(tiers, (t) => (t.listedWhenApplies ? 1 : 0));
  const { splitAt, bSelfPay } = policy;
  const waterfall: Waterfall = (s, decisions) => {
    for (let i = 0; i < n; i++) {
      if (i === splitAt) splitScope(s, bSelfPay);
      // A tier listed only where it applies (the 2017 delivery carve-outs) leaves no line elsewhere.
      if (listedWhenApplies[i] === 1 && s.applies[i] !== 1) continue;
      steps[i]!(s, decisions[i]);
    }
    if (splitAt === n) splitScope(s, bSelfPay);
  };
  return { waterfall, scratch: new Scratch(n, width), traceAt };
}

/**
 * Makes the parts from the pools as the carve-outs left them: in scope `S = A + B − Pb` with
 * `Pb = round(B × bSelfPay)` the 乙类 part the patient pays first; `Pb`, `N` (necessary
 * out-of-catalog) and `O` (other out-of-catalog) are out of scope.
 *
 * @example
 * splitScope(s, policy.bSelfPay); s.parts // [S, Pb, N, O]
 */
export function splitScope(s: Scratch, bSelfPay: Ratio): void {
  const p = s.pools;
  const b = (p[2]! + p[3]!) as Fen;
  const selfPay = applyRatio(b, bSelfPay);
  s.parts[0] = p[0]! + p[1]! + b - selfPay;
  s.parts[1] = selfPay;
  s.parts[2] = p[4]! + p[5]!;
  s.parts[3] = p[6]! + p[7]!;
  s.scope.set(s.parts);
}
