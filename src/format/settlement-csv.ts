/**
 * Settlements as CSV for spreadsheets: one row per claim, one column per payer (the tiers of the
 * rule book's rule sets, by id, in order), the totals around them, so that each row adds up:
 * total = hospitalAbsorbed + Σ payers + personal. Written with the project's one CSV module
 * (`src/csv/`: RFC 4180, CRLF line ends, formula cells such as an id `=HYPERLINK(…)` or `-12`
 * neutralised with a leading `'`).
 */
import { csvRecord } from '../csv/write.js';
import type { RuleBook } from '../scheme/book.js';
import { defaultRules } from '../scheme/embedded.js';
import type { SettlementJson } from './settlement-json.js';

/**
 * The columns, in order, for the settlements of a rule book (a payer column per tier id of its rule sets).
 *
 * @example
 * settlementCsvColumns() // ["claimId", "personId", "rules", "total", "hospitalAbsorbed", "maternal-subsidy", …, "personal", "personalShare", "targetMet"]
 */
export function settlementCsvColumns(book: RuleBook = defaultRules()): string[] {
  return [
    'claimId',
    'personId',
    'rules',
    'total',
    'hospitalAbsorbed',
    ...payerIds(book),
    'personal',
    'personalShare',
    'targetMet',
  ];
}

/** The tier ids of a book's rule sets, each once, in the order they first come. */
function payerIds(book: RuleBook): string[] {
  return [...new Set(book.sets.flatMap((s) => s.scheme.tiers.map((t) => t.id)))];
}

/**
 * The CSV record of a settlement (without the header and without its line end); a tier without a
 * line is `0.00`.
 *
 * @example
 * [csvRecord(settlementCsvColumns()), ...settlements.map((s) => settlementCsvRow(s))].join('\r\n')
 */
export function settlementCsvRow(s: SettlementJson, book: RuleBook = defaultRules()): string {
  const byTier = new Map(s.lines.map((l) => [l.id, l.amount]));
  const values = [
    s.claimId,
    s.personId,
    `${s.rules.id}@${s.rules.version}`,
    s.total,
    s.hospitalAbsorbed,
    ...payerIds(book).map((id) => byTier.get(id) ?? '0.00'),
    s.personal,
    s.personalShare,
    s.target === null ? '' : String(s.target.met),
  ];
  return csvRecord(values);
}
