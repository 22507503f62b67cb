/**
 * The simulation report as one self-contained HTML file: no script, no font, no request; charts
 * are inline SVG drawn here from the report JSON, and every figure shown is a value of that JSON
 * (marked `data-figure="path"` so a test can hold the page to the JSON).
 */
import { type Fen, formatFen, parseAmount } from '../money/fen.js';
import type { SimulationReport } from './summary.js';

type Variant = SimulationReport['variants'][number];

/** A name from a variant's lists (tiers, funds, counties, categories), or the id. */
const labelOf = (list: readonly { id: string; label: string }[], id: string): string => list.find((x) => x.id === id)?.label ?? id;
const COLORS = ['#8c564b', '#9467bd', '#1f77b4', '#2ca02c', '#17becf', '#bcbd22', '#ff7f0e', '#e377c2', '#d62728', '#7f7f7f', '#393b79'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fig = (path: string, text: string): string => `<span data-figure="${esc(path)}">${esc(text)}</span>`;
/** The same inside an SVG `<text>` (where HTML elements are not allowed). */
const svgFig = (path: string, text: string): string => `<tspan data-figure="${esc(path)}">${esc(text)}</tspan>`;
const fen = (yuan: string): number => {
  const negative = yuan.startsWith('-');
  const f = parseAmount(negative ? yuan.slice(1) : yuan) ?? 0;
  return negative ? -f : f;
};

function waterfallChart(v: Variant, vi: number): string {
  const rows = v.per100.map((r): [string, string] => [r.payer === 'hospital' ? '医院承担' : r.payer === 'personal' ? '个人自付' : labelOf(v.tiers, r.payer), r.yuan]);
  const w = 720;
  const barH = 22;
  const left = 170;
  const scale = (w - left - 80) / 100;
  let x = 0;
  const bars = rows.map(([label, amount], i) => {
    const a = Number(amount);
    const y = 10 + i * (barH + 6);
    const rect = `<rect x="${left + x * scale}" y="${y}" width="${Math.max(0.5, a * scale)}" height="${barH}" fill="${COLORS[i % COLORS.length]}"/>`;
    const text = `<text x="${left - 8}" y="${y + 16}" text-anchor="end">${esc(label)}</text><text x="${left + (x + a) * scale + 6}" y="${y + 16}">${svgFig(`variants[${vi}].per100[${i}].yuan`, amount)}</text>`;
    x += a;
    return rect + text;
  });
  const h = 20 + rows.length * (barH + 6);
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="每100元费用由谁支付">${bars.join('')}</svg>`;
}

function bracketChart(v: Variant, vi: number): string {
  const w = 720;
  const h = 240;
  const n = v.payBrackets.length;
  const max = Math.max(1, ...v.payBrackets.map((b) => b.claims));
  const bw = (w - 60) / n;
  const bars = v.payBrackets.map((b, i) => {
    const bh = (b.claims / max) * (h - 70);
    const x = 40 + i * bw;
    const label = b.upTo === null ? `>${v.payBrackets[i - 1]!.upTo}` : i === 0 ? '0' : `≤${b.upTo}`;
    return `<rect x="${x + 4}" y="${h - 40 - bh}" width="${bw - 8}" height="${bh}" fill="#1f77b4"/><text x="${x + bw / 2}" y="${h - 24}" text-anchor="middle" font-size="11">${esc(label)}</text><text x="${x + bw / 2}" y="${h - 46 - bh}" text-anchor="middle" font-size="11">${svgFig(`variants[${vi}].payBrackets[${i}].claims`, String(b.claims))}</text>`;
  });
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="个人自付分布（元）">${bars.join('')}<text x="${w / 2}" y="${h - 6}" text-anchor="middle" font-size="12">个人自付（元）/ personal pay (yuan)</text></svg>`;
}

function fundChart(v: Variant): string {
  const w = 720;
  const h = 260;
  const series = Object.entries(v.fundByMonth).map(([fund, months]) => {
    let sum = 0;
    return { fund, points: months.map((m) => (sum += fen(m))) };
  });
  const max = Math.max(1, ...series.flatMap((s) => s.points));
  const x = (m: number): number => 60 + (m * (w - 200)) / 11;
  const y = (f: number): number => h - 30 - (f / max) * (h - 60);
  const lines = series.map((s, i) => {
    const d = s.points.map((p, m) => `${m === 0 ? 'M' : 'L'}${x(m).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
    return `<path d="${d}" fill="none" stroke="${COLORS[(i + 2) % COLORS.length]}" stroke-width="2"/><text x="${x(11) + 8}" y="${y(s.points[11]!) + 4}" font-size="11">${esc(labelOf(v.funds, s.fund))}</text>`;
  });
  const axis = Array.from({ length: 12 }, (_, m) => `<text x="${x(m)}" y="${h - 12}" text-anchor="middle" font-size="11">${m + 1}月</text>`).join('');
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="救助基金年内累计支出">${axis}${lines.join('')}<text x="8" y="16" font-size="11">累计 ${esc(formatFen(max as Fen))} 元</text></svg>`;
}

function compareChart(report: SimulationReport): string {
  if (report.variants.length < 2) return '';
  const [base, ...reforms] = report.variants;
  const w = 720;
  const tiers = [...new Map(report.variants.flatMap((v) => v.tiers).map((t) => [t.id, t])).values()];
  const rowH = 18 * report.variants.length + 10;
  const h = 20 + tiers.length * rowH;
  const max = Math.max(1, ...report.variants.flatMap((v) => tiers.map((t) => fen(v.byTier[t.id] ?? '0.00'))));
  const left = 170;
  const rows = tiers.map((tier, t) => {
    const y0 = 10 + t * rowH;
    const bars = [base!, ...reforms].map((v, k) => {
      const amount = v.byTier[tier.id] ?? '0.00';
      const bw = (fen(amount) / max) * (w - left - 120);
      return `<rect x="${left}" y="${y0 + k * 18}" width="${Math.max(0.5, bw)}" height="14" fill="${COLORS[k]}"/><text x="${left + bw + 6}" y="${y0 + k * 18 + 12}" font-size="11">${esc(v.name)} ${esc(amount)}</text>`;
    });
    return `<text x="${left - 8}" y="${y0 + 14}" text-anchor="end">${esc(tier.label)}</text>${bars.join('')}`;
  });
  return `<h2>基线与改革对比 / baseline vs reform</h2><svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="各顺位支出：基线与改革">${rows.join('')}</svg>`;
}

function variantSection(v: Variant, vi: number): string {
  const p = `variants[${vi}]`;
  const tierRows = v.tiers.map((t) => `<tr><td>${esc(t.label)}</td><td class="n">${fig(`${p}.byTier.${t.id}`, v.byTier[t.id]!)}</td></tr>`).join('');
  const fundRows = Object.entries(v.byFund).map(([f, a]) => `<tr><td>${esc(labelOf(v.funds, f))}</td><td class="n">${fig(`${p}.byFund.${f}`, a)}</td></tr>`).join('');
  const countyRows = Object.entries(v.byCounty)
    .map(([c, g]) => `<tr><td>${esc(labelOf(v.counties, c))}</td><td class="n">${fig(`${p}.byCounty.${c}.claims`, String(g.claims))}</td><td class="n">${fig(`${p}.byCounty.${c}.billable`, g.billable)}</td><td class="n">${fig(`${p}.byCounty.${c}.personal`, g.personal)}</td><td class="n">${fig(`${p}.byCounty.${c}.personalShare`, g.personalShare)}</td></tr>`)
    .join('');
  const pctRows = Object.entries(v.personalPayPercentiles)
    .map(([k, a]) => `<tr><td>${esc(k)}</td><td class="n">${fig(`${p}.personalPayPercentiles.${k}`, a ?? '—')}</td><td class="n">${fig(`${p}.personalSharePercentiles.${k}`, v.personalSharePercentiles[k] ?? '—')}</td></tr>`)
    .join('');
  return `<section>
<h2>${esc(v.name)}</h2>
<p class="big">结算 ${fig(`${p}.claims`, String(v.claims))} 件，总费用 ${fig(`${p}.total`, v.total)} 元，个人自付 ${fig(`${p}.personal`, v.personal)} 元（占应结算费用 ${fig(`${p}.personalShare`, v.personalShare)}）。</p>
<p>县域内就诊率（住院与分娩）${fig(`${p}.admissions.inCountyShare`, v.admissions.inCountyShare)}（目标 95%）；有兜底目标的就诊 ${fig(`${p}.targets.withTarget`, String(v.targets.withTarget))} 件，达成 ${fig(`${p}.targets.met`, String(v.targets.met))} 件，未达成 ${fig(`${p}.targets.missed`, String(v.targets.missed))} 件（缺口 ${fig(`${p}.targets.shortfall`, v.targets.shortfall)} 元）。</p>
<h3>每100元费用由谁支付 / who pays what out of every 100 yuan</h3>
${waterfallChart(v, vi)}
<h3>各顺位支出 / spending per tier (元)</h3><table>${tierRows}</table>
<h3>救助基金 / relief funds (元)</h3><table>${fundRows}</table>
${fundChart(v)}
<h3>个人自付分布 / personal pay per claim</h3>
${bracketChart(v, vi)}
<table><tr><th>分位</th><th>个人自付（元，±1%）</th><th>个人负担比例</th></tr>${pctRows}</table>
<h3>分县 / per county</h3><table><tr><th>县</th><th>件数</th><th>应结算费用</th><th>个人自付</th><th>比例</th></tr>${countyRows}</table>
${
  v.premium
    ? `<h3>特殊补充医疗保险保费 / premiums (${esc(v.premium.clause)})</h3>
<p>市级承担 ${fig(`${p}.premium.city`, v.premium.city)} 元，县级承担 ${fig(`${p}.premium.county`, v.premium.county)} 元（保障对象人年数 × ${esc(v.premium.perPerson)} 元）。</p>`
    : ''
}
</section>`;
}

/**
 * The report as a self-contained HTML page.
 *
 * @example
 * writeFileSync('report.html', simulationHtml(simulationReport(result, books)))
 */
export function simulationHtml(report: SimulationReport): string {
  const changed = report.changed.length
    ? `<h2>个人自付变化最大的患者 / patients whose personal pay changed most</h2><table><tr><th>患者</th><th>县</th><th>类别</th>${report.variants.map((v) => `<th>${esc(v.name)}</th>`).join('')}<th>变化</th></tr>${report.changed
        .map((c, i) => `<tr><td>${esc(c.personId)}</td><td>${esc(c.county)}</td><td>${esc(c.category)}</td>${c.personal.map((a, k) => `<td class="n">${fig(`changed[${i}].personal[${k}]`, a)}</td>`).join('')}<td class="n">${fig(`changed[${i}].change`, c.change)}</td></tr>`)
        .join('')}</table>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>八顺位模拟报告 / bashunwei simulation</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
td, th { border-bottom: 1px solid #ddd; padding: 0.2rem 0.8rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { display: block; max-width: 100%; height: auto; font-size: 12px; }
.big { font-size: 1.1rem; }
section { border-top: 2px solid #444; margin-top: 2rem; }
</style>
</head>
<body>
<h1>八顺位医疗救助模拟报告</h1>
<p>输入 ${fig('lines', String(report.lines))} 件就诊。金额单位：元。每个数字都来自同一次模拟的 JSON 结果。</p>
${compareChart(report)}
${report.variants.map(variantSection).join('\n')}
${changed}
</body>
</html>
`;
}
