/**
 * Kind `yearly-assistance`: assistance with a yearly deductible and a yearly limit, the deductible
 * and ratio chosen by a row (the 2022 medical assistance by category, docs/policy-2022.md §2 tier 3).
 *
 *   row   = the first row whose condition holds (none: the tier pays 0 and says so)
 *   base  = what the parts `of` hold when the tier runs
 *   due   = max(0, row.deductible − consumed this year)   (one counter per person-year, whatever the row)
 *   pay   = min(round(max(0, base − due) × row.ratio), annualLimit − paid this year)
 *
 * Writes: the parts −= pay (pro-rata), counters `deductible` += min(base, due) and `paid` += pay.
 */
import type { ZodApi } from '../../zod.js';
import { type Fen, ZERO, add, excess, minFen } from '../../money/fen.js';
import { applyRatio, type Ratio } from '../../money/ratio.js';
import type { Predicate } from '../../rule-files/conditions.js';
import type { AmountParam, Dated, GateSpec, Labelled, Part } from '../../rule-files/types.js';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import type { Kind } from '../kind.js';
import { NO_DETAIL, addLine, skipLine } from '../shared/line.js';
import { partIndexes, sumParts, takeFromParts } from '../shared/parts.js';

/** A yearly-assistance tier's parameters as written. */
export interface YearlyAssistanceRaw {
  readonly of: readonly Part[];
  readonly rows: Readonly<
    Record<string, GateSpec & Labelled & { readonly deductible: AmountParam; readonly ratio: Dated<string> }>
  >;
  readonly annualLimit: Dated<string>;
}

/** A row on one stretch of dates. */
export interface AssistanceRow {
  readonly label: string;
  readonly labelEn: string;
  readonly when: Predicate;
  readonly deductible: Fen;
  readonly ratio: Ratio;
}

/** A yearly-assistance tier's parameters on one stretch of dates. */
export interface YearlyAssistanceParams {
  readonly parts: readonly number[];
  readonly rows: readonly AssistanceRow[];
  readonly limit: Fen;
  readonly limitLabel: string | null;
  readonly deductibleCounter: number;
  readonly paidCounter: number;
}

/** Why a yearly-assistance tier paid what it paid. */
export interface YearlyAssistanceDetail {
  readonly kind: 'yearly-assistance';
  readonly row: { readonly label: string; readonly labelEn: string } | null;
  readonly base: Fen;
  readonly deductible: Fen;
  /** What is left of the yearly deductible before this claim. */
  readonly deductibleDue: Fen;
  /** What this claim pays of it: the due part, at most the base. */
  readonly deductibleCharged: Fen;
  readonly ratio: Ratio;
  readonly computed: Fen;
  readonly limitLeft: Fen;
  readonly limitLabel: string | null;
}

/** The yearly-assistance kind. @example KINDS['yearly-assistance'] */
export const yearlyAssistance: Kind<YearlyAssistanceRaw, YearlyAssistanceParams, AssistanceRow | undefined> = {
  name: 'yearly-assistance',
  carveOut: false,
  readsParts: true,
  shape: (z: ZodApi, p: SchemaParts) => ({
    of: p.parts,
    rows: p
      .keyed(
        z
          .strictObject({ ...p.gateKeys, ...p.labels, deductible: p.amountParam, ratio: p.param(p.ratio) })
          .superRefine(p.checkVerified),
      )
      .refine((r) => Object.keys(r).length > 0, 'needs at least one row'),
    annualLimit: p.param(p.amount),
  }),
  counters: () => ['deductible', 'paid'],
  resolve: (raw, env) => ({
    parts: partIndexes(raw.of),
    rows: Object.values(raw.rows).map((r) => ({
      label: r.label,
      labelEn: r.labelEn ?? r.label,
      when: env.pred(r.when),
      deductible: env.amount(r.deductible),
      ratio: env.ratio(r.ratio),
    })),
    limit: env.amount(raw.annualLimit),
    limitLabel: raw.annualLimit.description ?? null,
    deductibleCounter: env.counter('deductible'),
    paidCounter: env.counter('paid'),
  }),
  decide: (p, facts) => p.rows.find((r) => r.when(facts)),
  run(ctx, s, t, row) {
    if (skipLine(ctx, s, t)) return;
    const p = t.params;
    const base = sumParts(s.parts, p.parts);
    const c = s.counters;
    const limitLeft = excess(p.limit, c[p.paidCounter]!);
    if (!row) {
      return addLine(
        ctx,
        s,
        t,
        ZERO,
        ctx.record
          ? {
              kind: 'yearly-assistance',
              row: null,
              base,
              deductible: ZERO,
              deductibleDue: ZERO,
              deductibleCharged: ZERO,
              ratio: { units: 0, scale: 0 },
              computed: ZERO,
              limitLeft,
              limitLabel: p.limitLabel,
            }
          : NO_DETAIL,
      );
    }
    const used = c[p.deductibleCounter]!;
    const deductibleDue = excess(row.deductible, used);
    const deductibleCharged = minFen(base, deductibleDue);
    const computed = applyRatio(excess(base, deductibleDue), row.ratio);
    const pay = minFen(computed, limitLeft);
    if (t.partsReadLater) takeFromParts(s.parts, pay, p.parts);
    c[p.deductibleCounter] = add(used, deductibleCharged);
    c[p.paidCounter] = add(c[p.paidCounter]!, pay);
    addLine(
      ctx,
      s,
      t,
      pay,
      ctx.record
        ? {
            kind: 'yearly-assistance',
            row: { label: row.label, labelEn: row.labelEn },
            base,
            deductible: row.deductible,
            deductibleDue,
            deductibleCharged,
            ratio: row.ratio,
            computed,
            limitLeft,
            limitLabel: p.limitLabel,
          }
        : NO_DETAIL,
    );
  },
};
