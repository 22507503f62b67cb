/**
 * The carve-out: an amount taken from the pools of the bill before any insurance, pro-rata from
 * the pools it names (docs/policy-2017.md §3.3). It runs before the bill is split into S, Pb, N and O.
 *
 *   share form:  pay = round(share × Σ pools[from])              (the 2017 hospital waiver, 7.4.1)
 *   fixed form:  pay = min(fixed[by fact], Σ pools[from])         (the 2017 delivery subsidy, 7.1)
 *
 * Either form may first send an `excess` to funds: `over = max(0, Σ pools[from] − limit[by fact])`
 * is drawn from the funds in order, taken pro-rata from the pools, and reported on the line of a
 * later tier (`reportedOn`, a top-up), not on this one. `take.when` says who gets the carve-out
 * (others: 0), `excess.when` who gets the excess paid.
 *
 * Reads the pools; writes the pools, the fund balances and draws, and the carried amount of the
 * reporting tier.
 */
import { type Fen, ZERO, excess, minFen } from '../../money/fen.js';
import { applyRatio } from '../../money/ratio.js';
import type { TierSpec } from '../kind.js';
import { drawFunds } from '../shared/funds.js';
import { KIND_TRACE, notRunning, pay } from '../shared/line.js';
import { poolSum, takeProRata } from '../shared/pools.js';
import type { Scratch } from '../shared/scratch.js';
import type { CarveOutDecision, CarveOutParams } from './params.js';

/** The carve-out's trace, from its kind's first slot. */
export const CARVE_OUT_TRACE = { base: 0, over: 1, overPaid: 2 } as const;
/** How many slots it writes. */
export const CARVE_OUT_TRACE_WIDTH = 3;

/**
 * Takes the carve-out from the pools.
 *
 * @example
 * stepCarveOut(s, tier, profile.decisions[tier.index]);
 */
export function stepCarveOut(s: Scratch, t: TierSpec<CarveOutParams>, d: CarveOutDecision, at: number): void {
  if (notRunning(s, t, at)) return;
  const p = t.params;
  let over = ZERO;
  let overPaid = ZERO;
  // The decision has a limit only where the tier has an excess and it is paid for this claim (params.ts).
  if (d.limit !== undefined) {
    const e = p.excess!;
    over = excess(poolSum(s.pools, p.pools), d.limit);
    overPaid = drawFunds(s, e.funds, over);
    takeProRata(s.pools, overPaid, p.pools);
    s.carried[e.reportedOn] = s.carried[e.reportedOn]! + overPaid;
    s.remaining = (s.remaining - overPaid) as Fen;
  }
  const base = poolSum(s.pools, p.pools);
  const amount = !d.granted ? ZERO : p.share ? applyRatio(base, p.share) : minFen(d.fixed ?? ZERO, base);
  takeProRata(s.pools, amount, p.pools);
  const k0 = at + KIND_TRACE;
  // Stryker disable next-line ArithmeticOperator: base is slot 0, so k0 - 0 is k0
  s.trace[k0 + CARVE_OUT_TRACE.base] = base;
  s.trace[k0 + CARVE_OUT_TRACE.over] = over;
  s.trace[k0 + CARVE_OUT_TRACE.overPaid] = overPaid;
  pay(s, t, at, amount);
}
