/**
 * Kind `top-up`: funds bring what the person still pays down to a target (the 2017 relief funds,
 * docs/policy-2017.md §4 tier 8).
 *
 *   target = the first target whose condition holds (none: the tier pays nothing of its own)
 *   τ      = 0 (`zero`), or round(share × billable) with the target's rounding (`share`)
 *   pay    = max(0, R − τ), drawn from the funds in the order written, R = what is still to pay
 *
 * A single settlement has unlimited funds; a simulation with finite balances moves to the next
 * fund when one runs dry, and where all are dry the target is missed and the settlement says so.
 * The line also reports what earlier carve-outs sent to these funds (a delivery's excess).
 *
 * Writes: the parts −= pay (pro-rata over S, Pb, N, O), the fund balances and draws, the target.
 */
import type { ZodApi } from '../../zod.js';
import { type Fen, ZERO, add, excess } from '../../money/fen.js';
import { applyRatio, type Ratio } from '../../money/ratio.js';
import type { Predicate } from '../../rule-files/conditions.js';
import type { Dated, GateSpec, Labelled } from '../../rule-files/types.js';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import { drawFunds, mergeDraws } from '../shared/funds.js';
import type { CarriedFrom } from '../shared/scratch.js';
import type { Kind } from '../kind.js';
import { NO_DETAIL, addLine, skipLine } from '../shared/line.js';
import { ALL_PARTS, takeFromParts } from '../shared/parts.js';

/** A target as written: nothing to pay, or at most a share of the bill. */
export type TargetSpec = GateSpec &
  (
    | { readonly kind: 'zero' }
    | { readonly kind: 'share'; readonly share: Dated<string>; readonly rounding: 'floor' | 'half-up' }
  );

/** A top-up tier's parameters as written. */
export interface TopUpRaw {
  readonly funds: Readonly<Record<string, Labelled>>;
  readonly targets: Readonly<Record<string, TargetSpec>>;
}

/** A target on one stretch of dates. */
export interface Target {
  readonly id: string;
  readonly description: string;
  readonly descriptionEn: string;
  readonly when: Predicate;
  /** `null`: nothing to pay; else the share of the billable cost and its rounding. */
  readonly share: Ratio | null;
  readonly rounding: 'floor' | 'half-up';
}

/** A top-up tier's parameters on one stretch of dates. */
export interface TopUpParams {
  readonly funds: readonly { readonly id: string; readonly label: string; readonly labelEn: string }[];
  readonly fundOrder: readonly string[];
  readonly targets: readonly Target[];
  /** What the carried amounts are (the description of the carve-outs that report here). */
  readonly carriedFrom: CarriedFrom | null;
}

/** Why a top-up tier paid what it paid. */
export interface TopUpDetail {
  readonly kind: 'top-up';
  readonly remaining: Fen;
  readonly target: {
    readonly id: string;
    readonly description: string;
    readonly descriptionEn: string;
    readonly personalMax: Fen;
  } | null;
  readonly carried: Fen;
  readonly carriedFrom: CarriedFrom | null;
  readonly topUp: Fen;
  readonly shortfall: Fen;
}

/**
 * The most a person should pay under a target.
 *
 * @example
 * personalMax(target, fen(155000)) // 15500 for a 10% target
 */
export function personalMax(target: Target, billable: Fen): Fen {
  return target.share === null ? ZERO : applyRatio(billable, target.share, target.rounding);
}

/** The top-up kind. @example KINDS['top-up'] */
export const topUp: Kind<TopUpRaw, TopUpParams, Target | undefined> = {
  name: 'top-up',
  carveOut: false,
  readsParts: false,
  shape: (z: ZodApi, p: SchemaParts) => ({
    funds: p.keyed(z.strictObject(p.labels)).refine((r) => Object.keys(r).length > 0, 'needs at least one fund'),
    targets: p.keyed(
      z.union([
        z.strictObject({ ...p.gateKeys, kind: z.literal('zero') }).superRefine(p.checkVerified),
        z
          .strictObject({
            ...p.gateKeys,
            kind: z.literal('share'),
            share: p.param(p.ratio),
            rounding: z.enum(['floor', 'half-up']),
          })
          .superRefine(p.checkVerified),
      ]),
    ),
  }),
  counters: () => [],
  resolve: (raw, env) => ({
    funds: Object.entries(raw.funds).map(([id, f]) => ({ id, label: f.label, labelEn: f.labelEn ?? f.label })),
    fundOrder: Object.keys(raw.funds),
    targets: Object.entries(raw.targets).map(([id, t]) => ({
      id,
      description: t.description ?? id,
      descriptionEn: t.descriptionEn ?? t.description ?? id,
      when: env.pred(t.when),
      share: t.kind === 'share' ? env.ratio(t.share) : null,
      rounding: t.kind === 'share' ? t.rounding : 'half-up',
    })),
    carriedFrom: env.carriedFrom(),
  }),
  decide: (p, facts) => p.targets.find((t) => t.when(facts)),
  run(ctx, s, t, target) {
    const p = t.params;
    const carried = s.carried[t.index]!;
    const remaining = s.remaining;
    // What an earlier carve-out sent to these funds was already taken off `remaining` there; this
    // line reports it, so it goes back on before the line takes its whole amount.
    s.remaining = add(remaining, carried);
    if (skipLine(ctx, s, t, carried, ctx.record ? { funds: mergeDraws(s.draws) } : undefined, p.carriedFrom)) return;

    let paid = ZERO;
    let shortfall = ZERO;
    let described = null;
    if (target) {
      const max = personalMax(target, ctx.billable);
      const need = excess(remaining, max);
      paid = drawFunds(s.funds, p.fundOrder, need, s.draws);
      shortfall = excess(need, paid);
      if (t.partsReadLater) takeFromParts(s.parts, paid, ALL_PARTS);
      described = {
        id: target.id,
        description: target.description,
        descriptionEn: target.descriptionEn,
        personalMax: max,
      };
      s.target = { id: target.id, personalMax: max, met: shortfall === 0, shortfall };
    }
    addLine(
      ctx,
      s,
      t,
      add(carried, paid),
      ctx.record
        ? { kind: 'top-up', remaining, target: described, carried, carriedFrom: p.carriedFrom, topUp: paid, shortfall }
        : NO_DETAIL,
      ctx.record ? { funds: mergeDraws(s.draws) } : undefined,
    );
  },
};
