/**
 * The cashier's statement as printable HTML (一张清单、分别列账): the same headings, columns and
 * sentences as the text statement (statement-parts.ts), as one self-contained page with print
 * styles (A4, no script, no request). Each amount cell carries `data-amount` (fen) so a test can
 * check that the row adds up: total = hospital + Σ payers + personal.
 */
import { explainLineZh } from '../explain/explain-line.js';
import { formatFen } from '../money/fen.js';
import type { SettlementRecord } from '../settle/settle-claim.js';
import {
  absorbedSentence,
  payerColumns,
  personalSentence,
  statementAmounts,
  statementHeader,
  statementHeadings,
} from './statement-parts.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function statementSection(r: SettlementRecord): string {
  const ids = payerColumns([r]);
  const [title, ...headings] = statementHeadings(r);
  const keys = ['total', 'hospital', ...ids.map((c) => c.id), 'personal'];
  const cells = statementAmounts(r, ids)
    .map((a, i) =>
      a === undefined
        ? `<td data-column="${keys[i]}">—</td>`
        : `<td data-column="${keys[i]}" data-amount="${a}">${formatFen(a)}</td>`,
    )
    .join('');
  const lines = r.lines
    .map(
      (l) =>
        `<tr data-tier="${l.tier}"><td>${l.tier}</td><td>${esc(l.label)}</td><td class="n" data-amount="${l.amount}">${formatFen(l.amount)}</td><td>${esc(l.clause)}</td><td>${esc(explainLineZh(l))}</td></tr>`,
    )
    .join('\n');
  const absorbed = absorbedSentence(r);
  return `<section class="statement" data-claim="${esc(r.claim.id)}">
<h1>${esc(title!)}</h1>
${headings.map((h) => `<p class="meta">${esc(h)}</p>`).join('\n')}
<table class="list"><thead><tr>${statementHeader(ids)
    .map((h) => `<th>${esc(h)}</th>`)
    .join('')}</tr></thead><tbody><tr class="amounts">${cells}</tr></tbody></table>
${absorbed ? `<p>${esc(absorbed)}</p>` : ''}
<table class="lines"><thead><tr><th>顺位</th><th>支付方</th><th>金额（元）</th><th>条款</th><th>说明</th></tr></thead><tbody>
${lines}
</tbody></table>
<p class="personal">${esc(personalSentence(r))}</p>
</section>`;
}

/**
 * Printable HTML statements of one or more settled claims (one per page when printed).
 *
 * @example
 * writeFileSync('statement.html', statementHtml([record]))
 */
export function statementHtml(records: readonly SettlementRecord[]): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>八顺位医疗费用结算单</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #000; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 6pt; }
p.meta { margin: 0 0 2pt; }
table { border-collapse: collapse; width: 100%; margin: 8pt 0; }
th, td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; }
table.list td, td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
section.statement { page-break-after: always; }
section.statement:last-child { page-break-after: auto; }
@media screen { body { max-width: 60rem; margin: 1rem auto; } }
</style>
</head>
<body>
${records.map(statementSection).join('\n')}
</body>
</html>
`;
}
