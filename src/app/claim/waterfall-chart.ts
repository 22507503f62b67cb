/**
 * A settlement as a waterfall: the bill at the top, then each payer's line taking its amount off
 * what is left (the hospital's part first, then the tiers in order), down to what the patient
 * pays. Inline SVG drawn like the report's charts (src/simulate/report/charts.ts): every label
 * laid out from its estimated width so that none leaves the chart or overlaps another, every
 * amount shown as the settlement JSON writes it (the browser test measures the real boxes).
 */
import { parseAmount } from '../../money/fen.js';
import { showFigure, textWidth } from '../../simulate/report/display.js';
import { esc } from '../../simulate/report/markup.js';

/** One step: its label, its amount (a yuan string of the settlement) and what kind of bar it is. */
export interface WaterfallStep {
  readonly label: string;
  readonly amount: string;
  readonly kind: 'total' | 'paid' | 'personal';
}

const W = 720;
const ROW = 26;
const COLOR = { total: '#7f7f7f', paid: '#1b9e77', personal: '#d95f02' } as const;

/**
 * The waterfall of a settlement as an SVG element's markup.
 *
 * @example
 * waterfallChart([{ label: '总费用', amount: '10000.00', kind: 'total' }, { label: '基本医保', amount: '5600.00', kind: 'paid' }, { label: '个人自付', amount: '4400.00', kind: 'personal' }], '结算瀑布图')
 */
export function waterfallChart(steps: readonly WaterfallStep[], title: string): string {
  const fen = steps.map((s) => parseAmount(s.amount) ?? 0);
  const total = Math.max(1, ...fen);
  const labelW = Math.max(...steps.map((s) => textWidth(s.label, 12))) + 16;
  const valueRoom = Math.max(...steps.map((s) => textWidth(showFigure(s.amount, 'yuan'), 11))) + 12;
  const scale = (W - labelW - valueRoom) / total;
  let left = total; // what is left to pay after the steps drawn so far
  const rows = steps.map((s, i) => {
    const a = fen[i]!;
    const y = 8 + i * ROW;
    // The bill and the patient's part stand on the axis; a payer's bar hangs from what was left.
    const from = s.kind === 'paid' ? left - a : 0;
    const to = s.kind === 'paid' ? left : a;
    if (s.kind === 'paid') left -= a;
    const x = labelW + from * scale;
    const w = Math.max(a === 0 ? 0 : 1, (to - from) * scale);
    const bar =
      w === 0
        ? ''
        : `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW - 8}" fill="${COLOR[s.kind]}"/>`;
    const value = `<text x="${(labelW + to * scale + 4).toFixed(1)}" y="${y + 17}" font-size="11">${esc(showFigure(s.amount, 'yuan'))}</text>`;
    return `<text x="${labelW - 8}" y="${y + 17}" font-size="12" text-anchor="end">${esc(s.label)}</text>${bar}${value}`;
  });
  const h = 16 + steps.length * ROW;
  const axis = `<line x1="${labelW}" y1="4" x2="${labelW}" y2="${h - 4}" stroke="#444"/>`;
  return `<svg viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${esc(title)}">${axis}${rows.join('')}</svg>`;
}
