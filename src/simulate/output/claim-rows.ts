/**
 * One row per settled claim and variant, for pandas, polars or DuckDB (`simulate --claims-out`):
 * the ids, county, category and pathway of the claim, the rule set version that settled it, the
 * bill, what each payer paid (one column per tier and per relief fund), the personal pay and the
 * target. Amounts are carried as fen integers until a file writes them (yuan strings in CSV,
 * DECIMAL(18,2) in Parquet), so nothing is rounded on the way.
 */
import type { ClaimRecord } from '../../claim/claim-record.js';
import type { RuleBook } from '../../scheme/book.js';
import type { ClaimRun } from '../../settle/run-record.js';
import { dimensionsOf } from '../core/dimensions.js';

/** What a column holds: text, a whole number, an amount (fen in the row, yuan in the file), or a yes/no that may be absent. */
export type ClaimColumnKind = 'text' | 'int' | 'amount' | 'bool';

/** A column of the per-claim rows. */
export interface ClaimColumn {
  readonly name: string;
  readonly kind: ClaimColumnKind;
}

/** A row's values, in column order: strings, integers (fen for amounts), booleans, or null. */
export type ClaimRowValues = (string | number | boolean | null)[];

/** The columns and what a row is built from (the tiers and funds, in column order). */
export interface ClaimRowLayout {
  readonly columns: readonly ClaimColumn[];
  readonly tierIds: readonly string[];
  readonly fundIds: readonly string[];
}

/** The fund columns are named `fund:<id>` (a fund id may equal a tier id). */
export const FUND_COLUMN_PREFIX = 'fund:';

/**
 * The columns for a simulation of these variants' rule books: every tier and fund of any of them
 * (the baseline's first, in its order), so that both eras and a structural reform share one table.
 *
 * @example
 * claimRowLayout([defaultRules()]).columns.map((c) => c.name) // ["variant", "line", "claimId", …, "personal", "targetMet"]
 */
export function claimRowLayout(books: readonly RuleBook[]): ClaimRowLayout {
  const dims = books.map(dimensionsOf);
  const tierIds = [...new Set(dims.flatMap((d) => d.tiers.map((t) => t.id)))];
  const fundIds = [...new Set(dims.flatMap((d) => d.funds.map((f) => f.id)))];
  const text = (name: string): ClaimColumn => ({ name, kind: 'text' });
  const amount = (name: string): ClaimColumn => ({ name, kind: 'amount' });
  return {
    tierIds,
    fundIds,
    columns: [
      text('variant'),
      { name: 'line', kind: 'int' },
      text('claimId'),
      text('personId'),
      text('county'),
      text('category'),
      text('pathway'),
      text('discharged'),
      text('rules'),
      amount('total'),
      amount('hospitalAbsorbed'),
      amount('billable'),
      ...tierIds.map(amount),
      ...fundIds.map((f) => amount(`${FUND_COLUMN_PREFIX}${f}`)),
      amount('personal'),
      { name: 'targetMet', kind: 'bool' },
    ],
  };
}

/**
 * The row of one settlement (amounts in fen); a tier or fund the policy does not have is 0.
 *
 * @example
 * claimRow(layout, 'baseline', 12, record, run)
 */
export function claimRow(
  layout: ClaimRowLayout,
  variant: string,
  line: number,
  record: ClaimRecord,
  run: ClaimRun,
): ClaimRowValues {
  const { bill, end, policy } = run;
  const facts = run.profile.facts.facts;
  const paid = new Map<string, number>();
  // The policy's own tiers say which tier each amount belongs to.
  policy.tiers.forEach((tier, t) => paid.set(tier.id, end.amounts[t] ?? 0));
  const drawn = new Map<string, number>();
  for (let i = 0; i < end.drawCount; i++) {
    const fund = end.drawFunds[i]!;
    drawn.set(fund, (drawn.get(fund) ?? 0) + end.drawAmounts[i]!);
  }
  const date = record.date;
  return [
    variant,
    line,
    record.claimId,
    record.personId,
    String(facts.county),
    String(facts.category),
    String(facts.visitKind),
    `${Math.floor(date / 10000)}-${String(Math.floor(date / 100) % 100).padStart(2, '0')}-${String(date % 100).padStart(2, '0')}`,
    `${policy.id}@${policy.version}`,
    bill.total,
    bill.hospitalAbsorbed,
    bill.billable,
    ...layout.tierIds.map((id) => paid.get(id) ?? 0),
    ...layout.fundIds.map((id) => drawn.get(id) ?? 0),
    end.remaining,
    end.targetId === null ? null : end.targetShortfall === 0,
  ];
}
