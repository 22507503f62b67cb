/**
 * The charts of the HTML report, as inline SVG drawn from the report JSON: the differences of a
 * reform as a diverging bar chart, who pays what out of every 100 yuan, personal pay per bracket,
 * and the relief funds' draw-down over the year. Every label is laid out from its estimated width
 * ({@link textWidth}) so that none is clipped by the SVG's edge or overlaps another; the browser
 * test measures the real boxes in Chromium.
 */
import { showFigure, textWidth } from './display.js';
import { esc, fenOf, svgFig } from './markup.js';
import { yuan } from './values.js';

/** Every chart is this wide (px); the page scales it down on narrow screens. */
const W = 720;
const COLORS = [
  '#8c564b',
  '#9467bd',
  '#1f77b4',
  '#2ca02c',
  '#17becf',
  '#bcbd22',
  '#ff7f0e',
  '#e377c2',
  '#d62728',
  '#7f7f7f',
  '#393b79',
];
/** Less paid (a saving for that payer), more paid: a colour-blind-safe pair. */
const LESS = '#1b9e77';
const MORE = '#d95f02';

const svg = (h: number, label: string, body: string): string =>
  `<svg viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${esc(label)}">${body}</svg>`;

/** One bar of a diverging chart: its label, its signed amount (yuan string) and the JSON path of the amount. */
export interface DivergingRow {
  readonly label: string;
  readonly value: string;
  readonly path: string;
}

/**
 * A diverging bar chart of changes in yuan: bars left of the zero line for less paid, right for
 * more, each labelled with its change.
 *
 * @example
 * divergingChart([{ label: '倾斜支付', value: '139375.53', path: 'summary[0].payers[5].change' }], '各方支付的变化')
 */
export function divergingChart(rows: readonly DivergingRow[], title: string): string {
  const rowH = 26;
  const top = 28;
  const labelW = Math.max(80, ...rows.map((r) => textWidth(r.label, 12))) + 14;
  const valueRoom = Math.max(...rows.map((r) => textWidth(showFigure(r.value, 'yuan-change'), 11))) + 12;
  const left = labelW + valueRoom;
  const right = W - valueRoom;
  const values = rows.map((r) => fenOf(r.value));
  const neg = Math.max(0, ...values.map((v) => -v));
  const pos = Math.max(0, ...values);
  const span = neg + pos || 1;
  const x0 = left + (neg / span) * (right - left);
  const h = top + rows.length * rowH + 8;
  const bars = rows.map((r, i) => {
    const v = values[i]!;
    const y = top + i * rowH;
    const len = (Math.abs(v) / span) * (right - left);
    const x = v < 0 ? x0 - len : x0;
    const bar =
      v === 0
        ? ''
        : `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${Math.max(1, len).toFixed(1)}" height="${rowH - 8}" fill="${v < 0 ? LESS : MORE}"/>`;
    const tx = v < 0 ? x - 4 : x0 + len + 4;
    const value = `<text x="${tx.toFixed(1)}" y="${y + 17}" font-size="11" text-anchor="${v < 0 ? 'end' : 'start'}">${svgFig(r.path, r.value, 'yuan-change')}</text>`;
    return `<text x="${labelW - 8}" y="${y + 17}" font-size="12" text-anchor="end">${esc(r.label)}</text>${bar}${value}`;
  });
  const axis = `<line x1="${x0.toFixed(1)}" y1="${top - 2}" x2="${x0.toFixed(1)}" y2="${h - 6}" stroke="#444"/>`;
  const legend = `<text x="${left}" y="14" font-size="11" fill="${LESS}">◀ 少付 / pays less</text><text x="${right}" y="14" font-size="11" text-anchor="end" fill="${MORE}">多付 / pays more ▶</text>`;
  return svg(h, title, legend + axis + bars.join(''));
}

/**
 * Who pays what out of every 100 yuan: one bar per payer, each starting where the previous ended.
 *
 * @example
 * per100Chart([{ label: '医院承担', value: '9.48', path: 'variants[0].per100[0].yuan' }, …], '每100元费用由谁支付')
 */
export function per100Chart(rows: readonly DivergingRow[], title: string): string {
  const barH = 22;
  const left = Math.max(...rows.map((r) => textWidth(r.label, 12))) + 16;
  const valueRoom = textWidth('100.00', 11) + 10;
  const scale = (W - left - valueRoom) / 100;
  let x = 0;
  const bars = rows.map((r, i) => {
    // Geometry only: a share of 100 yuan as a number of pixels.
    const a = fenOf(r.value) / 100;
    const y = 8 + i * (barH + 6);
    const rect = `<rect x="${(left + x * scale).toFixed(1)}" y="${y}" width="${Math.max(0.5, a * scale).toFixed(1)}" height="${barH}" fill="${COLORS[i % COLORS.length]}"/>`;
    const text = `<text x="${left - 8}" y="${y + 16}" font-size="12" text-anchor="end">${esc(r.label)}</text><text x="${(left + (x + a) * scale + 4).toFixed(1)}" y="${y + 16}" font-size="11">${svgFig(r.path, r.value, 'yuan')}</text>`;
    x += a;
    return rect + text;
  });
  return svg(16 + rows.length * (barH + 6), title, bars.join(''));
}

/** One bar of the bracket chart: its label and its count with the count's JSON path. */
export interface CountBar {
  readonly label: string;
  readonly count: number;
  readonly path: string;
}

/**
 * Vertical bars of counts (claims per personal-pay bracket), each with its count above it.
 *
 * @example
 * bracketChart([{ label: '0', count: 120, path: 'variants[0].payBrackets[0].claims' }], '个人自付（元）/ personal pay (yuan)')
 */
export function bracketChart(bars: readonly CountBar[], caption: string): string {
  const h = 240;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const bw = (W - 60) / bars.length;
  const body = bars.map((b, i) => {
    const bh = (b.count / max) * (h - 80);
    const x = 30 + i * bw;
    return `<rect x="${(x + 4).toFixed(1)}" y="${(h - 44 - bh).toFixed(1)}" width="${(bw - 8).toFixed(1)}" height="${bh.toFixed(1)}" fill="#1f77b4"/><text x="${(x + bw / 2).toFixed(1)}" y="${h - 28}" text-anchor="middle" font-size="11">${esc(b.label)}</text><text x="${(x + bw / 2).toFixed(1)}" y="${(h - 50 - bh).toFixed(1)}" text-anchor="middle" font-size="11">${svgFig(b.path, b.count, 'count')}</text>`;
  });
  return svg(
    h,
    caption,
    `${body.join('')}<text x="${W / 2}" y="${h - 6}" text-anchor="middle" font-size="12">${esc(caption)}</text>`,
  );
}

/** One line of the fund chart: its label and its amounts per month (yuan strings). */
export interface FundSeries {
  readonly label: string;
  readonly months: readonly string[];
}

/**
 * Spreads label positions (sorted top to bottom) so that neighbours are at least `gap` apart and
 * all lie within [lo, hi], moving each as little as it can.
 *
 * @example
 * spreadLabels([100, 102, 103], 14, 20, 220) // [100, 114, 128]
 */
export function spreadLabels(ys: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => [y, i] as const).sort((a, b) => a[0] - b[0]);
  const out = order.map(([y]) => Math.min(hi, Math.max(lo, y)));
  for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i]!, out[i - 1]! + gap);
  // Pushed past the bottom: shift the tail back up, keeping the gaps.
  for (let i = out.length - 1; i >= 0; i--) {
    const limit = i === out.length - 1 ? hi : out[i + 1]! - gap;
    if (out[i]! > limit) out[i] = limit;
  }
  const placed = new Array<number>(ys.length);
  order.forEach(([, idx], k) => (placed[idx] = out[k]!));
  return placed;
}

/**
 * The relief funds' cumulative draw-down over the months of discharge, each line labelled at its
 * end (labels spread so that funds ending at the same amount stay readable).
 *
 * @example
 * fundChart([{ label: '疾病应急救助基金', months: ['0.00', …] }], '救助基金年内累计支出')
 */
export function fundChart(series: readonly FundSeries[], title: string): string {
  const h = 260;
  const labelRoom = Math.max(40, ...series.map((s) => textWidth(s.label, 11))) + 16;
  const cumulative = series.map((s) => {
    let sum = 0;
    return s.months.map((m) => (sum += fenOf(m)));
  });
  const max = Math.max(1, ...cumulative.flat());
  const x = (m: number): number => 40 + (m * (W - 40 - labelRoom)) / 11;
  const y = (f: number): number => h - 36 - (f / max) * (h - 76);
  const ends = spreadLabels(
    cumulative.map((p) => y(p[11] ?? 0) + 4),
    15,
    40,
    h - 38,
  );
  const lines = cumulative.map((points, i) => {
    const d = points.map((p, m) => `${m === 0 ? 'M' : 'L'}${x(m).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
    return `<path d="${d}" fill="none" stroke="${COLORS[(i + 2) % COLORS.length]}" stroke-width="2"/><text x="${(x(11) + 8).toFixed(1)}" y="${ends[i]!.toFixed(1)}" font-size="11" fill="${COLORS[(i + 2) % COLORS.length]}">${esc(series[i]!.label)}</text>`;
  });
  const axis = Array.from(
    { length: 12 },
    (_, m) => `<text x="${x(m).toFixed(1)}" y="${h - 14}" text-anchor="middle" font-size="11">${m + 1}月</text>`,
  ).join('');
  const total = `<text x="8" y="16" font-size="11">累计最高 / highest: ${esc(showFigure(yuan(max), 'yuan'))} 元</text>`;
  return svg(h, title, `${total}${axis}${lines.join('')}`);
}
