/**
 * The cashier's statement (一张清单、分别列账, clause 7.6): for each claim one list with a column
 * per payer, then every payer's amount with its clause and explanation; for several claims a
 * closing list with a row per claim and a totals row.
 */
import { explainLineZh } from '../explain/explain-line.js';
import { type Fen, ZERO, add, formatFen } from '../money/fen.js';
import type { SettlementRecord } from '../settle/settle-claim.js';
import {
  type PayerColumn,
  absorbedSentence,
  payerColumns,
  personalSentence,
  statementAmounts,
  statementHeader,
  statementHeadings,
} from './statement-parts.js';

/**
 * Display width of a string in a terminal: CJK and full-width characters take two columns.
 *
 * @example
 * displayWidth('基本医保') // 8
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const padStart = (s: string, w: number): string => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const fmt = (r: readonly string[]): string => r.map((c, i) => padStart(c, widths[i]!)).join('  ');
  return [fmt(header), fmt(widths.map((w) => '─'.repeat(w))), ...rows.map(fmt)].join('\n');
}

function row(r: SettlementRecord, columns: readonly PayerColumn[]): string[] {
  return statementAmounts(r, columns).map((a) => (a === undefined ? '—' : formatFen(a)));
}

/**
 * The statement of one settled claim.
 *
 * @example
 * console.log(formatStatement(record))
 */
export function formatStatement(r: SettlementRecord): string {
  const ids = payerColumns([r]);
  const out: string[] = [...statementHeadings(r), '', table(statementHeader(ids), [row(r, ids)]), ''];
  const absorbed = absorbedSentence(r);
  if (absorbed) out.push(absorbed);
  for (const l of r.lines)
    out.push(`[${l.tier}] ${l.label} ${formatFen(l.amount)}元（${l.clause}）：${explainLineZh(l)}`);
  out.push(personalSentence(r));
  return out.join('\n');
}

/**
 * Statements of several claims, then one list with a row per claim, a column per payer and the
 * totals.
 *
 * @example
 * console.log(formatStatements(records))
 */
export function formatStatements(records: readonly SettlementRecord[]): string {
  if (records.length === 1) return formatStatement(records[0]!);
  const parts = records.map(formatStatement);
  if (records.length === 0) return '';
  const ids = payerColumns(records);
  const rows = records.map((r) => [r.claim.id, ...row(r, ids)]);
  const totals: Fen[] = new Array<Fen>(ids.length + 3).fill(ZERO);
  for (const r of records) statementAmounts(r, ids).forEach((v, i) => (totals[i] = add(totals[i]!, v ?? ZERO)));
  rows.push(['合计', ...totals.map(formatFen)]);
  const header = ['结算号', ...statementHeader(ids)];
  return [...parts, `汇总清单（${records.length}笔）\n\n${table(header, rows)}`].join('\n\n════\n\n');
}
