/**
 * Claims as CSV, one row per item, for spreadsheets and for `bashunwei simulate claims.csv`: the
 * header names the contract's field paths, the claim's own fields repeat on each of its rows.
 * Written and read with the project's one CSV module (`src/csv/`: RFC 4180, formula cells
 * neutralised), so that any claim written here reads back equal ({@link addClaimCsvRow}).
 */
import { csvRecord } from '../../csv/write.js';

/** The columns, in order: the claim's fields, then the item's. */
export const CLAIM_CSV_COLUMNS = [
  'id',
  'person.id',
  'person.county',
  'person.category',
  'person.illnessInduced',
  'visit.kind',
  'visit.admitted',
  'visit.discharged',
  'visit.chronic',
  'visit.majorDisease',
  'visit.referral',
  'visit.deliveryMode',
  'hospital.id',
  'hospital.name',
  'hospital.level',
  'hospital.area',
  'hospital.designated',
  'item.category',
  'item.catalog',
  'item.amount',
  'item.compliant',
  'item.necessary',
] as const;

/** The columns whose cells `true` / `false` are booleans; in every other column they are text. */
const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set([
  'person.illnessInduced',
  'visit.chronic',
  'visit.majorDisease',
  'hospital.designated',
  'item.compliant',
  'item.necessary',
]);

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/**
 * The CSV records of a claim (contract JSON), without the header and without line ends.
 *
 * @example
 * [CLAIM_CSV_COLUMNS.join(','), ...claimCsvRows(claim)].join('\r\n')
 */
export function claimCsvRows(claim: Record<string, unknown>): string[] {
  const get = (path: string, from: unknown): unknown =>
    path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], from);
  const items = (claim.items as Record<string, unknown>[] | undefined) ?? [];
  return items.map((item) =>
    csvRecord(CLAIM_CSV_COLUMNS.map((c) => text(c.startsWith('item.') ? item[c.slice(5)] : get(c, claim)))),
  );
}

/**
 * Adds one CSV row (cells under `header`) to the claim being assembled: the claim's fields from
 * the first row that has them, one item per row. Empty cells are absent fields; `true` / `false`
 * are booleans in the boolean columns; everything else stays text for the claim validation to
 * check like any JSON claim.
 *
 * @example
 * const claim = {};
 * addClaimCsvRow(claim, ['id', 'item.amount'], ['C1', '10.00']); // claim = { id: 'C1', items: [{ amount: '10.00' }] }
 */
export function addClaimCsvRow(
  claim: Record<string, unknown>,
  header: readonly string[],
  cells: readonly string[],
): void {
  const item: Record<string, unknown> = {};
  header.forEach((name, i) => {
    const cell = cells[i] ?? '';
    if (cell === '') return;
    const value = BOOLEAN_COLUMNS.has(name) && (cell === 'true' || cell === 'false') ? cell === 'true' : cell;
    if (name.startsWith('item.')) return void (item[name.slice(5)] = value);
    const path = name.split('.');
    let node = claim;
    for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] ??= value;
  });
  ((claim.items ??= []) as unknown[]).push(item);
}
