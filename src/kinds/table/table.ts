/**
 * Kind `table`: a deductible/ratio table on the in-scope cost S (the basic insurance of both
 * shipped schemes, docs/policy-2017.md §4 tier 2, docs/policy-2022.md §2 tier 1).
 *
 *   row        = the first row whose condition holds (none: the tier pays 0 and says so)
 *   deductible = row.deductible (× the adjustment's factor when the row is adjustable)
 *   due        = per-claim rows: deductible; per-year rows: max(0, deductible − consumed this year)
 *   ratio      = row.ratio (+ the adjustment's points, capped at 1)
 *   pay        = min(round(max(0, S − due) × ratio), cap[row.capPool] − paid this year from that pool)
 *
 * Writes: S −= pay; counters `paid.<pool>` += pay, and for a per-year row `deductible.<row>` +=
 * min(S, due). An adjustment marked `uncapped` lifts the cap (the payment still counts).
 */
import type { ZodApi } from '../../zod.js';
import { type Fen, ZERO, add, excess, minFen, sub } from '../../money/fen.js';
import { applyRatio, type Ratio } from '../../money/ratio.js';
import type { Predicate } from '../../rule-files/conditions.js';
import type { AdjustmentSpec, Dated, GateSpec, Labelled } from '../../rule-files/types.js';
import type { SchemaParts } from '../../rule-files/schema-parts.js';
import { valueOn } from '../../rule-files/dated.js';
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
import { PART_INDEX } from '../shared/parts.js';

/** A row of a table as written. */
export interface TableRowSpec extends GateSpec, Labelled {
  readonly deductibleBasis: 'per-claim' | 'per-year';
  readonly capPool: string;
  readonly adjustable: boolean;
  readonly deductible: Dated<string>;
  readonly ratio: Dated<string>;
}

/** A table tier's parameters as written. */
export interface TableRaw {
  readonly rows: Readonly<Record<string, TableRowSpec>>;
  readonly caps: Readonly<Record<string, Dated<string>>>;
  readonly adjustments?: Readonly<Record<string, AdjustmentSpec>> | undefined;
}

/** A row on one stretch of dates, with what each adjustment makes of it. */
export interface TableRow {
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly when: Predicate;
  readonly perYear: boolean;
  readonly adjustable: boolean;
  readonly deductible: Fen;
  readonly ratio: Ratio;
  /** Per adjustment (same order): the adjusted deductible and ratio. */
  readonly adjusted: readonly { readonly deductible: Fen; readonly ratio: Ratio }[];
  readonly cap: Fen;
  /** Counters: the cap pool's paid amount, and the per-year deductible consumed (−1: per claim). */
  readonly paidCounter: number;
  readonly deductibleCounter: number;
}

/** A table tier's parameters on one stretch of dates. */
export interface TableParams {
  readonly rows: readonly TableRow[];
  readonly adjustments: readonly Adjustment[];
}

/** What a table decides per claim profile: the row and the adjustment (−1: none). */
export interface TableDecision {
  readonly row: TableRow | undefined;
  readonly adjustment: number;
}

/** Why a table tier paid what it paid. */
export interface TableDetail {
  readonly kind: 'table';
  /** The row used; `null` when no row applies. */
  readonly row: { readonly label: string; readonly labelEn: string } | null;
  readonly inScope: Fen;
  readonly deductible: Fen;
  /** What is left of the deductible before this claim (the whole deductible when per claim). */
  readonly deductibleDue: Fen;
  /** What this claim pays of it: the due part, at most the in-scope cost. */
  readonly deductibleCharged: Fen;
  readonly perYear: boolean;
  readonly ratio: Ratio;
  readonly computed: Fen;
  /** What the cap left (null: no cap for this person). */
  readonly capLeft: Fen | null;
  readonly adjustment: AppliedAdjustment | null;
}

/** The table kind. @example KINDS.table */
export const table: Kind<TableRaw, TableParams, TableDecision> = {
  name: 'table',
  carveOut: false,
  readsParts: true,
  shape: (z: ZodApi, p: SchemaParts) => ({
    rows: p.keyed(
      z
        .strictObject({
          ...p.gateKeys,
          ...p.labels,
          deductibleBasis: z.enum(['per-claim', 'per-year']),
          capPool: p.id,
          adjustable: z.boolean(),
          deductible: p.param(p.amount),
          ratio: p.param(p.ratio),
        })
        .superRefine(p.checkVerified),
    ),
    caps: p.keyed(p.param(p.amount)),
    adjustments: p.keyed(p.adjustment).optional(),
  }),
  counters: (raw) => [
    ...Object.keys(raw.caps).map((pool) => `paid.${pool}`),
    ...Object.entries(raw.rows).flatMap(([id, r]) => (r.deductibleBasis === 'per-year' ? [`deductible.${id}`] : [])),
  ],
  resolve(raw, env) {
    const adjustments = resolveAdjustments(raw.adjustments, env);
    const rows = Object.entries(raw.rows).map(([id, r]): TableRow => {
      const deductible = env.amount(r.deductible);
      const ratio = env.ratio(r.ratio);
      return {
        id,
        label: r.label,
        labelEn: r.labelEn ?? r.label,
        when: env.pred(r.when),
        perYear: r.deductibleBasis === 'per-year',
        adjustable: r.adjustable,
        deductible,
        ratio,
        adjusted: adjustments.map((a) => ({
          deductible: adjustDeductible(deductible, a),
          ratio: adjustRatio(ratio, a),
        })),
        cap: raw.caps[r.capPool] ? env.amount(raw.caps[r.capPool]!) : ZERO,
        paidCounter: env.counter(`paid.${r.capPool}`),
        deductibleCounter: r.deductibleBasis === 'per-year' ? env.counter(`deductible.${id}`) : -1,
      };
    });
    return { rows, adjustments };
  },
  decide(p, facts) {
    const row = p.rows.find((r) => r.when(facts));
    return { row, adjustment: row?.adjustable ? adjustmentFor(p.adjustments, facts) : -1 };
  },
  run(ctx, s, t, d) {
    if (skipLine(ctx, s, t)) return;
    const row = d.row;
    const inScope = s.parts[PART_INDEX.S]!;
    if (!row) {
      return addLine(
        ctx,
        s,
        t,
        ZERO,
        ctx.record
          ? {
              kind: 'table',
              row: null,
              inScope,
              deductible: ZERO,
              deductibleDue: ZERO,
              deductibleCharged: ZERO,
              perYear: false,
              ratio: { units: 0, scale: 0 },
              computed: ZERO,
              capLeft: null,
              adjustment: null,
            }
          : NO_DETAIL,
      );
    }
    const a = d.adjustment >= 0 ? t.params.adjustments[d.adjustment]! : undefined;
    const values = a ? row.adjusted[d.adjustment]! : row;
    const c = s.counters;
    const used = row.perYear ? c[row.deductibleCounter]! : ZERO;
    const deductibleDue = excess(values.deductible, used);
    const deductibleCharged = minFen(inScope, deductibleDue);
    const computed = applyRatio(excess(inScope, deductibleDue), values.ratio);
    const paidThisYear = c[row.paidCounter]!;
    const capLeft = a?.uncapped ? null : excess(row.cap, paidThisYear);
    const pay = capLeft === null ? computed : minFen(computed, capLeft);

    s.parts[PART_INDEX.S] = sub(inScope, pay);
    c[row.paidCounter] = add(paidThisYear, pay);
    if (row.perYear) c[row.deductibleCounter] = add(used, deductibleCharged);
    addLine(
      ctx,
      s,
      t,
      pay,
      ctx.record
        ? {
            kind: 'table',
            row: { label: row.label, labelEn: row.labelEn },
            inScope,
            deductible: values.deductible,
            deductibleDue,
            deductibleCharged,
            perYear: row.perYear,
            ratio: values.ratio,
            computed,
            capLeft,
            adjustment: a ? applied(a, row.deductible) : null,
          }
        : NO_DETAIL,
    );
  },
  lint(raw, report) {
    for (const [id, r] of Object.entries(raw.rows)) {
      const cap = raw.caps[r.capPool];
      if (!cap) {
        report(['rows', id, 'capPool'], `cap pool "${r.capPool}" has no entry in caps`);
        continue;
      }
      // A cap under the deductible would make the tier unable to pay anything, silently.
      for (const [date, value] of Object.entries(cap.values)) {
        const ded = valueOn(r.deductible.values, date);
        if (ded !== undefined && Number(value) < Number(ded))
          report(
            ['caps', r.capPool, 'values', date],
            `annual cap ${value} is below the deductible ${ded} of row "${id}"`,
          );
      }
    }
  },
};
