/**
 * Kind `brackets`: cumulative brackets on a yearly burden (the serious-illness insurance of both
 * shipped schemes, docs/policy-2017.md §4 tier 3 and docs/policy-2022.md §2 tier 2, and the 2022 tilted
 * assistance, tier 4).
 *
 *   base = what the parts `of` (default S) hold when the tier runs
 *   c0   = the year's burden before this claim (counter `burden`), c1 = c0 + base
 *   f(c) = Σ ratio_i × (the part of c inside bracket i); brackets start at the deductible and each
 *          runs up to its `upTo` (an absolute amount of c; the last is open)
 *   pay  = min(round(f(c1)) − round(f(c0)), annualCap − paid this year, base)
 *
 * The first adjustment whose condition holds scales the deductible, adds points to every ratio
 * (both for f(c0) and f(c1): a person whose category changes is settled by the new one) and, when
 * `uncapped`, lifts the cap (the payment still counts in `paid`). While no cap binds, a year's
 * total is round(f(final c)) whatever the order of its claims. The burden grows only on claims the
 * tier applies to.
 *
 * Writes: the parts −= pay (pro-rata), counters `burden` = c1 and `paid` += pay.
 */
import type { ZodApi } from '../../zod.js';
import { type Fen, add, excess, fen, maxFen, minFen, parseRuleAmount } from '../../money/fen.js';
import { applyRatios, parseRatio, type Ratio } from '../../money/ratio.js';
import { valueOn } from '../../rule-files/dated.js';
import type { AdjustmentSpec, AmountParam, Dated, Part } from '../../rule-files/types.js';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import {
  type Adjustment,
  type AppliedAdjustment,
  adjustDeductible,
  adjustRatio,
  adjustmentFor,
  applied,
  resolveAdjustments,
} from '../shared/adjustment.js';
import type { Kind } from '../kind.js';
import { NO_DETAIL, addLine, skipLine } from '../shared/line.js';
import { partIndexes, sumParts, takeFromParts } from '../shared/parts.js';

/** A bracket: up to `upTo` of cumulative burden (`null` = no bound) at `ratio`. */
export interface Bracket {
  readonly upTo: Fen | null;
  readonly ratio: Ratio;
}

/** A brackets tier's parameters as written. */
export interface BracketsRaw {
  readonly of?: readonly Part[] | undefined;
  readonly deductible: AmountParam;
  readonly brackets: Dated<readonly { readonly upTo: string | null; readonly ratio: string }[]>;
  readonly annualCap?: Dated<string> | undefined;
  readonly adjustments?: Readonly<Record<string, AdjustmentSpec>> | undefined;
}

/** A deductible with its brackets (standard, or as an adjustment makes them). */
interface Schedule {
  readonly deductible: Fen;
  readonly brackets: readonly Bracket[];
}

/** A brackets tier's parameters on one stretch of dates. */
export interface BracketsParams {
  readonly parts: readonly number[];
  readonly standard: Schedule;
  /** Per adjustment (same order). */
  readonly adjusted: readonly Schedule[];
  readonly adjustments: readonly Adjustment[];
  readonly cap: Fen | null;
  /** How explanations name the cap (its description in the rule file). */
  readonly capLabel: string | null;
  readonly burdenCounter: number;
  readonly paidCounter: number;
}

/** Why a brackets tier paid what it paid. */
export interface BracketsDetail {
  readonly kind: 'brackets';
  readonly before: Fen;
  readonly after: Fen;
  readonly deductible: Fen;
  readonly computed: Fen;
  /** What the cap left (null: no cap for this person). */
  readonly capLeft: Fen | null;
  readonly capLabel: string | null;
  readonly base: Fen;
  readonly adjustment: AppliedAdjustment | null;
}

/**
 * `round(f(c))`: the amount the brackets give for a cumulative burden `c`.
 *
 * @example
 * bracketsAmount(fen(2225500), fen(500000), brackets) // 1121575 with 65% up to 50,000
 */
export function bracketsAmount(c: Fen, deductible: Fen, brackets: readonly Bracket[]): Fen {
  const terms: (readonly [Fen, Ratio])[] = [];
  let lo = deductible;
  for (const b of brackets) {
    const hi = b.upTo === null ? c : minFen(c, b.upTo);
    if (hi > lo) terms.push([fen(hi - lo), b.ratio]);
    if (b.upTo !== null) lo = maxFen(lo, b.upTo);
    if (lo >= c) break;
  }
  return applyRatios(terms);
}

/** The brackets kind. @example KINDS.brackets */
export const brackets: Kind<BracketsRaw, BracketsParams, number> = {
  name: 'brackets',
  carveOut: false,
  readsParts: true,
  shape: (z: ZodApi, p: SchemaParts) => ({
    of: p.parts.optional(),
    deductible: p.amountParam,
    brackets: p.param(z.array(z.strictObject({ upTo: p.amount.nullable(), ratio: p.ratio })).min(1)),
    annualCap: p.param(p.amount).optional(),
    adjustments: p.keyed(p.adjustment).optional(),
  }),
  counters: () => ['burden', 'paid'],
  resolve(raw, env) {
    const adjustments = resolveAdjustments(raw.adjustments, env);
    const deductible = env.amount(raw.deductible);
    const list = env
      .at(raw.brackets)
      .map((b) => ({ upTo: b.upTo === null ? null : parseRuleAmount(b.upTo), ratio: parseRatio(b.ratio) }));
    return {
      parts: partIndexes(raw.of ?? ['S']),
      standard: { deductible, brackets: list },
      adjusted: adjustments.map((a) => ({
        deductible: adjustDeductible(deductible, a),
        brackets: list.map((b) => ({ upTo: b.upTo, ratio: adjustRatio(b.ratio, a) })),
      })),
      adjustments,
      cap: raw.annualCap ? env.amount(raw.annualCap) : null,
      capLabel: raw.annualCap?.description ?? null,
      burdenCounter: env.counter('burden'),
      paidCounter: env.counter('paid'),
    };
  },
  decide: (p, facts) => adjustmentFor(p.adjustments, facts),
  run(ctx, s, t, adjustment) {
    if (skipLine(ctx, s, t)) return;
    const p = t.params;
    const a = adjustment >= 0 ? p.adjustments[adjustment]! : undefined;
    const { deductible, brackets: list } = a ? p.adjusted[adjustment]! : p.standard;
    const c = s.counters;
    const base = sumParts(s.parts, p.parts);
    const before = c[p.burdenCounter]!;
    const after = add(before, base);
    const computed = excess(bracketsAmount(after, deductible, list), bracketsAmount(before, deductible, list));
    const capLeft = p.cap === null || a?.uncapped ? null : excess(p.cap, c[p.paidCounter]!);
    const pay = minFen(capLeft === null ? computed : minFen(computed, capLeft), base);

    if (t.partsReadLater) takeFromParts(s.parts, pay, p.parts);
    c[p.burdenCounter] = after;
    c[p.paidCounter] = add(c[p.paidCounter]!, pay);
    addLine(
      ctx,
      s,
      t,
      pay,
      ctx.record
        ? {
            kind: 'brackets',
            before,
            after,
            deductible,
            computed,
            capLeft,
            capLabel: p.capLabel,
            base,
            adjustment: a ? applied(a, p.standard.deductible) : null,
          }
        : NO_DETAIL,
    );
  },
  lint(raw, report) {
    for (const [d, list] of Object.entries(raw.brackets.values)) {
      let prev = -1;
      list.forEach((b, i) => {
        const last = i === list.length - 1;
        if (b.upTo === null && !last)
          report(['brackets', 'values', d, i, 'upTo'], 'only the last bracket may be open-ended (upTo: null)');
        if (b.upTo === null) return;
        const v = Number(b.upTo);
        if (v <= prev) report(['brackets', 'values', d, i, 'upTo'], 'bracket bounds must ascend');
        prev = v;
      });
      if (list.length > 0 && list[list.length - 1]!.upTo !== null)
        report(['brackets', 'values', d, list.length - 1, 'upTo'], 'the last bracket must be open-ended (upTo: null)');
    }
    if (raw.annualCap && 'values' in raw.deductible) {
      for (const [d, value] of Object.entries(raw.annualCap.values)) {
        const ded = valueOn(raw.deductible.values, d);
        if (ded !== undefined && Number(value) < Number(ded))
          report(['annualCap', 'values', d], `annual cap ${value} is below the deductible ${ded}`);
      }
    }
  },
};
