/**
 * Kind `share-of-rest`: ratios of what is left, each on a chosen set of parts (the 2017
 * supplementary insurance, tilted payment, special supplementary insurance and civil-affairs
 * assistance: docs/policy-2017.md §4 tiers 4–7).
 *
 *   for each share k:  base_k = Σ parts_k,  computed_k = round(base_k × ratio_k)   (each rounded on its own)
 *   pay = min(Σ computed_k, annualCap − paid this year)          (no annualCap: no cap)
 *
 * The first adjustment whose condition holds adds its points to every ratio (capped at 1) and,
 * when `uncapped`, lifts the cap. What a share pays is taken from its parts pro-rata; a capped
 * payment is first split over the shares by largest remainder. A part belongs to one share at most.
 *
 * Writes: the parts −= pay; counter `paid` += pay (when the tier has a cap).
 */
import type { ZodApi } from '../../zod.js';
import { allocate } from '../../money/allocate.js';
import { type Fen, ZERO, add, excess, minFen } from '../../money/fen.js';
import { applyRatio, type Ratio } from '../../money/ratio.js';
import { PARTS, type AdjustmentSpec, type Dated, type Part } from '../../rule-files/types.js';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import {
  type Adjustment,
  type AppliedAdjustment,
  adjustRatio,
  adjustmentFor,
  applied,
  resolveAdjustments,
} from '../shared/adjustment.js';
import type { Kind } from '../kind.js';
import { NO_DETAIL, addLine, skipLine } from '../shared/line.js';
import { partIndexes, sumParts, takeFromParts } from '../shared/parts.js';

/** A share-of-rest tier's parameters as written. */
export interface ShareOfRestRaw {
  readonly shares: Readonly<Record<string, { readonly of: readonly Part[]; readonly ratio: Dated<string> }>>;
  readonly annualCap?: Dated<string> | undefined;
  readonly adjustments?: Readonly<Record<string, AdjustmentSpec>> | undefined;
}

/** One share on one stretch of dates. */
interface Share {
  readonly parts: readonly number[];
  readonly ratio: Ratio;
  /** Per adjustment (same order): the adjusted ratio. */
  readonly adjusted: readonly Ratio[];
}

/** A share-of-rest tier's parameters on one stretch of dates. */
export interface ShareOfRestParams {
  readonly shares: readonly Share[];
  readonly adjustments: readonly Adjustment[];
  readonly cap: Fen | null;
  readonly capLabel: string | null;
  readonly paidCounter: number;
}

/** Why a share-of-rest tier paid what it paid. */
export interface ShareOfRestDetail {
  readonly kind: 'share-of-rest';
  readonly shares: readonly {
    readonly parts: readonly { readonly part: Part; readonly amount: Fen }[];
    readonly base: Fen;
    readonly ratio: Ratio;
    readonly computed: Fen;
  }[];
  readonly computed: Fen;
  /** What the cap left (null: no cap). */
  readonly capLeft: Fen | null;
  readonly capLabel: string | null;
  readonly adjustment: AppliedAdjustment | null;
}

/** The share-of-rest kind. @example KINDS['share-of-rest'] */
export const shareOfRest: Kind<ShareOfRestRaw, ShareOfRestParams, number> = {
  name: 'share-of-rest',
  carveOut: false,
  readsParts: true,
  shape: (z: ZodApi, p: SchemaParts) => ({
    shares: p
      .keyed(z.strictObject({ of: p.parts, ratio: p.param(p.ratio) }))
      .refine((r) => Object.keys(r).length > 0, 'needs at least one share'),
    annualCap: p.param(p.amount).optional(),
    adjustments: p.keyed(p.adjustment).optional(),
  }),
  counters: (raw) => (raw.annualCap ? ['paid'] : []),
  resolve(raw, env) {
    const adjustments = resolveAdjustments(raw.adjustments, env);
    return {
      shares: Object.values(raw.shares).map((sh) => {
        const ratio = env.ratio(sh.ratio);
        return { parts: partIndexes(sh.of), ratio, adjusted: adjustments.map((a) => adjustRatio(ratio, a)) };
      }),
      adjustments,
      cap: raw.annualCap ? env.amount(raw.annualCap) : null,
      capLabel: raw.annualCap?.description ?? null,
      paidCounter: raw.annualCap ? env.counter('paid') : -1,
    };
  },
  decide: (p, facts) => adjustmentFor(p.adjustments, facts),
  run(ctx, s, t, adjustment) {
    if (skipLine(ctx, s, t)) return;
    const p = t.params;
    const a = adjustment >= 0 ? p.adjustments[adjustment]! : undefined;
    const computedEach: Fen[] = [];
    let computed = ZERO;
    for (const sh of p.shares) {
      const c = applyRatio(sumParts(s.parts, sh.parts), a ? sh.adjusted[adjustment]! : sh.ratio);
      computedEach.push(c);
      computed = add(computed, c);
    }
    const detailShares = ctx.record
      ? p.shares.map((sh, k) => ({
          parts: sh.parts.map((i) => ({ part: PARTS[i]!, amount: s.parts[i]! })),
          base: sumParts(s.parts, sh.parts),
          ratio: a ? sh.adjusted[adjustment]! : sh.ratio,
          computed: computedEach[k]!,
        }))
      : [];
    const capLeft = p.cap === null || a?.uncapped ? null : excess(p.cap, s.counters[p.paidCounter]!);
    const pay = capLeft === null ? computed : minFen(computed, capLeft);
    if (t.partsReadLater) {
      const paidEach = pay === computed ? computedEach : allocate(pay, computedEach);
      p.shares.forEach((sh, k) => takeFromParts(s.parts, paidEach[k]!, sh.parts));
    }
    if (p.paidCounter >= 0) s.counters[p.paidCounter] = add(s.counters[p.paidCounter]!, pay);
    addLine(
      ctx,
      s,
      t,
      pay,
      ctx.record
        ? {
            kind: 'share-of-rest',
            shares: detailShares,
            computed,
            capLeft,
            capLabel: p.capLabel,
            adjustment: a ? applied(a, null) : null,
          }
        : NO_DETAIL,
    );
  },
  lint(raw, report) {
    const seen = new Set<string>();
    for (const [id, sh] of Object.entries(raw.shares)) {
      sh.of.forEach((part, i) => {
        if (seen.has(part)) report(['shares', id, 'of', i], `part ${part} is already in another share of this tier`);
        seen.add(part);
      });
    }
  },
};
