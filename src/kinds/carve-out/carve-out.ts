/**
 * Kind `carve-out`: an amount taken from the pools of the bill before any insurance, pro-rata
 * from the pools it names (docs/policy-2017.md §3.3). It runs before the bill is split into S, Pb, N and O.
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
import type { ZodApi } from '../../zod.js';
import { type Fen, ZERO, add, excess, minFen, sub } from '../../money/fen.js';
import { applyRatio, type Ratio } from '../../money/ratio.js';
import type { Predicate } from '../../rule-files/conditions.js';
import type { FactBag } from '../../rule-files/fact-catalog.js';
import type { ByFact, Dated, GateSpec } from '../../rule-files/types.js';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import { drawFunds } from '../shared/funds.js';
import { ALL_POOLS, DRUG_POOLS, NONDRUG_POOLS, poolSum, takeProRata } from '../shared/pools.js';
import type { Kind } from '../kind.js';
import { NO_DETAIL, addLine, skipLine } from '../shared/line.js';

/** Which pools a carve-out takes from. */
export type PoolSet = 'all' | 'drug' | 'nondrug';

/** A carve-out tier's parameters as written. */
export interface CarveOutRaw {
  readonly from: PoolSet;
  readonly take: GateSpec & { readonly share?: Dated<string>; readonly fixed?: ByFact<string> | Dated<string> };
  readonly excess?: GateSpec & {
    readonly limit: ByFact<string> | Dated<string>;
    readonly funds: readonly string[];
    readonly reportedOn: string;
  };
}

/** A carve-out tier's parameters on one stretch of dates. */
export interface CarveOutParams {
  readonly from: PoolSet;
  readonly pools: readonly number[];
  readonly share: Ratio | null;
  readonly fixed: ((f: FactBag) => Fen | undefined) | null;
  readonly fixedBy: string | null;
  readonly granted: Predicate;
  readonly excess: {
    readonly when: Predicate;
    readonly limit: (f: FactBag) => Fen | undefined;
    readonly funds: readonly string[];
    /** The index of the tier whose line reports the excess, its label and its description. */
    readonly reportedOn: number;
    readonly paidBy: string;
    readonly paidByEn: string;
  } | null;
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

/** Why a carve-out paid what it paid. */
export interface CarveOutDetail {
  readonly kind: 'carve-out';
  readonly from: PoolSet;
  readonly description: string;
  readonly descriptionEn: string;
  /** What the pools held when the carve-out was taken (after the excess). */
  readonly base: Fen;
  readonly share: Ratio | null;
  readonly granted: boolean;
  readonly standard: Fen | null;
  readonly byFact: string | null;
  readonly byValue: string | null;
  readonly excess: {
    readonly limit: Fen;
    readonly over: Fen;
    readonly paid: Fen;
    readonly paidBy: string;
    readonly paidByEn: string;
  } | null;
}

const POOLS: Readonly<Record<PoolSet, readonly number[]>> = {
  all: ALL_POOLS,
  drug: DRUG_POOLS,
  nondrug: NONDRUG_POOLS,
};

/** The carve-out kind. @example KINDS['carve-out'] */
export const carveOut: Kind<CarveOutRaw, CarveOutParams, CarveOutDecision> = {
  name: 'carve-out',
  carveOut: true,
  readsParts: false,
  shape: (z: ZodApi, p: SchemaParts) => ({
    from: z.enum(['all', 'drug', 'nondrug']),
    take: z
      .strictObject({ ...p.gateKeys, share: p.param(p.ratio).optional(), fixed: p.byFact(p.amount).optional() })
      .superRefine(p.checkVerified)
      .refine(
        (t) => (t.share === undefined) !== (t.fixed === undefined),
        'a carve-out takes either a "share" of the pools or a "fixed" amount',
      ),
    excess: z
      .strictObject({ ...p.gateKeys, limit: p.byFact(p.amount), funds: z.array(p.id).min(1), reportedOn: p.id })
      .superRefine(p.checkVerified)
      .optional(),
  }),
  counters: () => [],
  reportsOn: (raw) => raw.excess?.reportedOn ?? null,
  resolve(raw, env) {
    const by = raw.take.fixed && 'by' in raw.take.fixed ? raw.take.fixed.by : null;
    const reportedOn = raw.excess ? env.tierIndex(raw.excess.reportedOn) : -1;
    return {
      from: raw.from,
      pools: POOLS[raw.from],
      share: raw.take.share ? env.ratio(raw.take.share) : null,
      fixed: raw.take.fixed ? env.byFact(raw.take.fixed, (d) => env.amount(d)) : null,
      fixedBy: by,
      granted: env.pred(raw.take.when),
      excess: raw.excess
        ? {
            when: env.pred(raw.excess.when),
            limit: env.byFact(raw.excess.limit, (d) => env.amount(d)),
            funds: raw.excess.funds,
            reportedOn,
            paidBy: env.head(reportedOn).label,
            paidByEn: env.head(reportedOn).labelEn,
          }
        : null,
    };
  },
  decide: (p, facts) => ({
    granted: p.granted(facts),
    fixed: p.fixed ? p.fixed(facts) : undefined,
    limit: p.excess && p.excess.when(facts) ? p.excess.limit(facts) : undefined,
    byValue: p.fixedBy === null ? null : String(facts[p.fixedBy as keyof FactBag] ?? ''),
  }),
  run(ctx, s, t, d) {
    if (skipLine(ctx, s, t)) return;
    const p = t.params;
    let over = ZERO;
    let overPaid = ZERO;
    if (p.excess && d.limit !== undefined) {
      over = excess(poolSum(s.pools, p.pools), d.limit);
      overPaid = drawFunds(s.funds, p.excess.funds, over, s.draws);
      takeProRata(s.pools, overPaid, p.pools);
      s.carried[p.excess.reportedOn] = add(s.carried[p.excess.reportedOn]!, overPaid);
      s.remaining = sub(s.remaining, overPaid);
    }
    const base = poolSum(s.pools, p.pools);
    const pay = !d.granted ? ZERO : p.share ? applyRatio(base, p.share) : minFen(d.fixed ?? ZERO, base);
    takeProRata(s.pools, pay, p.pools);
    addLine(
      ctx,
      s,
      t,
      pay,
      ctx.record
        ? {
            kind: 'carve-out',
            from: p.from,
            description: t.applies.description,
            descriptionEn: t.applies.descriptionEn,
            base,
            share: p.share,
            granted: d.granted,
            standard: p.share ? null : (d.fixed ?? ZERO),
            byFact: p.fixedBy,
            byValue: d.byValue,
            excess:
              p.excess && d.limit !== undefined
                ? { limit: d.limit, over, paid: overPaid, paidBy: p.excess.paidBy, paidByEn: p.excess.paidByEn }
                : null,
          }
        : NO_DETAIL,
    );
  },
  lint(raw, report, tiers, self) {
    if (!raw.excess) return;
    const at = tiers.findIndex((t) => t.id === raw.excess!.reportedOn);
    const target = tiers[at];
    if (!target) report(['excess', 'reportedOn'], `"${raw.excess.reportedOn}" is not a tier of this rule set's order`);
    else if (at <= self)
      report(
        ['excess', 'reportedOn'],
        `the excess is reported on a tier that runs later; "${target.id}" runs before this one`,
      );
    else if (target.kind !== 'top-up')
      report(['excess', 'reportedOn'], `the excess is reported on a top-up tier; "${target.id}" is a ${target.kind}`);
    else {
      const funds = Object.keys((target as { funds?: Record<string, unknown> }).funds ?? {});
      raw.excess.funds.forEach((f, i) => {
        if (!funds.includes(f))
          report(['excess', 'funds', i], `fund "${f}" is not a fund of "${target.id}" (${funds.join(', ')})`);
      });
    }
  },
};
