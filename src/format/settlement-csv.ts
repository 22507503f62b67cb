/**
 * Settlements as CSV for spreadsheets: one row per claim, one column per payer (the tiers of the
 * waterfall, by id, in order), the totals around them, so that each row adds up:
 * total = hospitalAbsorbed + Σ payers + personal. Written with the project's one CSV module
 * (`src/csv/`: RFC 4180, CRLF line ends, formula cells such as an id `=HYPERLINK(…)` or `-12`
 * neutralised with a leading `'`).
 */
import { csvRecord } from '../csv/write.js';
import { TIER_ORDER } from '../rules/schema.js';
import type { SettlementJson } from './settlement-json.js';

/** The columns, in order. */
export const SETTLEMENT_CSV_COLUMNS = ['claimId', 'personId', 'rules', 'total', 'hospitalAbsorbed', ...TIER_ORDER, 'personal', 'personalShare', 'targetMet'] as const;

/**
 * The CSV record of a settlement (without the header and without its line end); a tier without a
 * line is `0.00`.
 *
 * @example
 * [SETTLEMENT_CSV_COLUMNS.join(','), ...settlements.map(settlementCsvRow)].join('\r\n')
 */
export function settlementCsvRow(s: SettlementJson): string {
  const byTier = new Map(s.lines.map((l) => [l.id, l.amount]));
  const values = [
    s.claimId,
    s.personId,
    `${s.rules.id}@${s.rules.version}`,
    s.total,
    s.hospitalAbsorbed,
    ...TIER_ORDER.map((id) => byTier.get(id) ?? '0.00'),
    s.personal,
    s.personalShare,
    s.target === null ? '' : String(s.target.met),
  ];
  return csvRecord(values);
}
