/**
 * Claims as CSV, one row per item, for spreadsheets and for `bashunwei simulate claims.csv`: the
 * header names the contract's field paths, the claim's own fields repeat on each of its rows.
 */

/** The columns, in order: the claim's fields, then the item's. */
export const CLAIM_CSV_COLUMNS = [
  'id', 'person.id', 'person.county', 'person.category', 'person.illnessInduced',
  'visit.kind', 'visit.admitted', 'visit.discharged', 'visit.chronic', 'visit.majorDisease', 'visit.referral', 'visit.deliveryMode',
  'hospital.id', 'hospital.name', 'hospital.level', 'hospital.area', 'hospital.designated',
  'item.category', 'item.catalog', 'item.amount', 'item.compliant', 'item.necessary',
] as const;

/**
 * One CSV cell (RFC 4180 quoting; empty for a missing value): the one function the simulation's
 * CSV files are written through, so that a stricter writer replaces it in one place.
 *
 * @example
 * csvCell('a,b') // "\"a,b\""
 */
export function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const cell = csvCell;

/**
 * The CSV rows of a claim (contract JSON), without the header.
 *
 * @example
 * [CLAIM_CSV_COLUMNS.join(','), ...claimCsvRows(claim)].join('\n')
 */
export function claimCsvRows(claim: Record<string, unknown>): string[] {
  const get = (path: string, from: unknown): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], from);
  const items = (claim.items as Record<string, unknown>[] | undefined) ?? [];
  return items.map((item) => CLAIM_CSV_COLUMNS.map((c) => cell(c.startsWith('item.') ? item[c.slice(5)] : get(c, claim))).join(','));
}
