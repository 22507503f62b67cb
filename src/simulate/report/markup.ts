/**
 * The markup helpers of the HTML report: escaping, and figures that carry the path and format
 * of their value in the report JSON (`data-figure`, `data-format`), so that a test can hold every
 * number on the page to the JSON.
 */
import { parseAmount } from '../../money/fen.js';
import { type FigureFormat, showFigure } from './display.js';

/**
 * Escapes text for HTML and SVG.
 *
 * @example
 * esc('a < b') // "a &lt; b"
 */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A figure of the JSON at `path`, shown in `format`, as an HTML span.
 *
 * @example
 * fig('variants[0].personal', '1234.50', 'yuan') // <span data-figure="variants[0].personal" data-format="yuan">1,234.50</span>
 */
export function fig(path: string, value: unknown, format: FigureFormat): string {
  return `<span data-figure="${esc(path)}" data-format="${format}">${esc(showFigure(value, format))}</span>`;
}

/**
 * The same inside an SVG `<text>` (where HTML elements are not allowed).
 *
 * @example
 * svgFig('summary[0].personal.change', '-5937.35', 'yuan-change')
 */
export function svgFig(path: string, value: unknown, format: FigureFormat): string {
  return `<tspan data-figure="${esc(path)}" data-format="${format}">${esc(showFigure(value, format))}</tspan>`;
}

/**
 * A yuan string of the report as signed fen, for the geometry of a chart only.
 *
 * @example
 * fenOf('-12.50') // -1250
 */
export function fenOf(yuan: string): number {
  const negative = yuan.startsWith('-');
  const f = parseAmount(negative ? yuan.slice(1) : yuan) ?? 0;
  return negative ? -f : f;
}
