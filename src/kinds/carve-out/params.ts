/**
 * A carve-out's parameters on one stretch of dates, and what it decides per claim profile: whether
 * it is granted, its fixed amount (by the fact it depends on), and the limit above which funds pay.
 */
import type { Fen } from '../../money/fen.js';
import type { Ratio } from '../../money/ratio.js';
import type { Predicate } from '../../rule-files/conditions.js';
import type { FactBag } from '../../rule-files/fact-catalog.js';
import type { ResolveEnv } from '../kind.js';
import { ALL_POOLS, DRUG_POOLS, NONDRUG_POOLS } from '../shared/pools.js';
import type { CarveOutRaw, PoolSet } from './schema.js';

/** A carve-out's excess on one stretch of dates: who gets it, above what, from which funds, on whose line. */
export interface CarveOutExcess {
  readonly when: Predicate;
  readonly limit: (f: FactBag) => Fen | undefined;
  readonly funds: readonly string[];
  /** The index of the tier whose line reports the excess, and its names. */
  readonly reportedOn: number;
  readonly paidBy: string;
  readonly paidByEn: string;
}

/** A carve-out tier's parameters on one stretch of dates. */
export interface CarveOutParams {
  readonly from: PoolSet;
  readonly pools: readonly number[];
  readonly share: Ratio | null;
  readonly fixed: ((f: FactBag) => Fen | undefined) | null;
  readonly fixedBy: string | null;
  readonly granted: Predicate;
  readonly excess: CarveOutExcess | null;
}

/** What a carve-out decides per claim profile. */
export interface CarveOutDecision {
  readonly granted: boolean;
  readonly fixed: Fen | undefined;
  /** The limit above which the funds pay, when the excess applies to this claim. */
  readonly limit: Fen | undefined;
  /** The value of the fact the fixed amount depends on (for explanations). */
  readonly byValue: string | null;
}

const POOLS: Readonly<Record<PoolSet, readonly number[]>> = {
  all: ALL_POOLS,
  drug: DRUG_POOLS,
  nondrug: NONDRUG_POOLS,
};

/**
 * Resolves a carve-out for one stretch of dates.
 *
 * @example
 * resolveCarveOut(raw, env).share // 0.05 for the 2017 hospital waiver
 */
export function resolveCarveOut(raw: CarveOutRaw, env: ResolveEnv): CarveOutParams {
  const by = raw.take.fixed && 'by' in raw.take.fixed ? raw.take.fixed.by : null;
  return {
    from: raw.from,
    pools: POOLS[raw.from],
    share: raw.take.share ? env.ratio(raw.take.share) : null,
    fixed: raw.take.fixed ? env.byFact(raw.take.fixed, (d) => env.amount(d)) : null,
    fixedBy: by,
    granted: env.pred(raw.take.when),
    excess: raw.excess ? resolveExcess(raw.excess, env) : null,
  };
}

/** Resolves a carve-out's excess, with the names of the tier whose line reports it. */
function resolveExcess(raw: NonNullable<CarveOutRaw['excess']>, env: ResolveEnv): CarveOutExcess {
  const reportedOn = env.tierIndex(raw.reportedOn);
  const head = env.head(reportedOn);
  return {
    when: env.pred(raw.when),
    limit: env.byFact(raw.limit, (d) => env.amount(d)),
    funds: raw.funds,
    reportedOn,
    paidBy: head.label,
    paidByEn: head.labelEn,
  };
}

/**
 * What a carve-out decides for a claim profile.
 *
 * @example
 * decideCarveOut(params, facts).fixed // 50000 for a vaginal delivery under ziyang-2017
 */
export function decideCarveOut(p: CarveOutParams, facts: FactBag): CarveOutDecision {
  return {
    granted: p.granted(facts),
    fixed: p.fixed ? p.fixed(facts) : undefined,
    limit: p.excess?.when(facts) ? p.excess.limit(facts) : undefined,
    byValue: p.fixedBy === null ? null : String(facts[p.fixedBy as keyof FactBag] ?? ''),
  };
}
