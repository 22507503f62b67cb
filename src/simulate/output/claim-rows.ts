/**
 * One row per settled claim and variant, for pandas, polars or DuckDB (`simulate --claims-out`):
 * the ids, county, category and pathway of the claim, the rule set version that settled it, the
 * bill, what each payer paid (one column per tier and per relief fund), the personal pay and the
 * target. Amounts are carried as fen integers until a file writes them (yuan strings in CSV,
 * DECIMAL(18,2) in Parquet), so nothing is rounded on the way; the discharge date is ISO text until
 * a file writes it (as it is in CSV, a DATE in Parquet).
 *
 * The columns have plain snake_case names, the same in CSV and Parquet, so that SQL (DuckDB, a
 * pandas or polars query) names them without quotes: `claim_id`, `hospital_absorbed`, one
 * `tier_<id>` per tier and one `fund_<id>` per relief fund, the id's dashes made underscores (a
 * rule file's id is lower-case letters, digits and dashes, so `tilt-payment` is `tier_tilt_payment`).
 * The prefixes keep a tier apart from a fund of the same id and from the fixed columns, and no
 * name is an SQL keyword.
 */
import type { ClaimRecord } from '../../claim/claim-record.js';
import type { RuleBook } from '../../scheme/book.js';
import type { ClaimRun } from '../../settle/run-record.js';
import { dimensionsOf } from '../core/dimensions.js';

/**
 * What a column holds: text, a whole number, an amount (fen in the row, yuan in the file), a date
 * (`YYYY-MM-DD` in the row and in CSV, a DATE in Parquet), or a yes/no that may be absent.
 */
export type ClaimColumnKind = 'text' | 'int' | 'amount' | 'date' | 'bool';

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

/** The tier columns are named `tier_<id>`, dashes as underscores (a tier id may equal a fixed column's name). */
export const TIER_COLUMN_PREFIX = 'tier_';

/** The fund columns are named `fund_<id>`, dashes as underscores (a fund id may equal a tier id). */
export const FUND_COLUMN_PREFIX = 'fund_';

/** A rule file's id (`[a-z][a-z0-9-]*`) as the end of a column name: dashes become underscores. */
const snake = (id: string): string => id.replaceAll('-', '_');

/**
 * The columns for a simulation of these variants' rule books: every tier and fund of any of them
 * (the baseline's first, in its order), so that both eras and a structural reform share one table.
 *
 * @example
 * claimRowLayout([defaultRules()]).columns.map((c) => c.name)
 * // ["variant", "line", "claim_id", …, "tier_tilt_payment", …, "fund_emergency_relief", …, "personal", "target_met"]
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
      text('claim_id'),
      text('person_id'),
      text('county'),
      text('category'),
      text('pathway'),
      { name: 'discharged', kind: 'date' },
      text('rules'),
      amount('total'),
      amount('hospital_absorbed'),
      amount('billable'),
      ...tierIds.map((t) => amount(`${TIER_COLUMN_PREFIX}${snake(t)}`)),
      ...fundIds.map((f) => amount(`${FUND_COLUMN_PREFIX}${snake(f)}`)),
      amount('personal'),
      { name: 'target_met', kind: 'bool' },
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
