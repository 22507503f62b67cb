/**
 * How the HTML report and the notebook show the report's values to a policy office: thousands
 * separators, a true minus sign, a plus sign on increases, shares as percentages and changes of a
 * share in percentage points, a rule set's period with no end as "from … on". String work on the
 * JSON's strings: no amount becomes a float here.
 */
import { NO_END } from '../../claim/vocabulary.js';

/** How a figure of the report JSON is shown. */
export type FigureFormat =
  | 'yuan'
  | 'yuan-change'
  | 'count'
  | 'count-change'
  | 'share'
  | 'share-change'
  | 'text'
  | 'json'
  | 'period';

const MINUS = '\u2212';

/** "1234567" → "1,234,567". */
const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A signed decimal string's sign, integer digits and decimals. */
function parts(s: string): { negative: boolean; int: string; dec: string } {
  const negative = s.startsWith('-');
  const [int = '0', dec = ''] = (negative ? s.slice(1) : s).split('.');
  return { negative, int, dec };
}

/** A share string's basis points, shown as a percentage with two decimals ("0.8596" → "85.96"). */
function percent(s: string): { negative: boolean; text: string } {
  const { negative, int, dec } = parts(s);
  const bp = Number(int) * 10_000 + Number(dec.padEnd(4, '0').slice(0, 4));
  return {
    negative: negative && bp !== 0,
    text: `${group(String(Math.floor(bp / 100)))}.${String(bp % 100).padStart(2, '0')}`,
  };
}

/**
 * A rule set's period `{ from, to }` as the page shows it: "from – to", or "from 起 on" for a set
 * with no end (`to: null` as the report writes it, or the engine's far date of a rule book's set).
 */
function period(value: unknown): string {
  const { from, to } = value as { from: string; to: string | null };
  return to === null || to === NO_END ? `${from} 起 on` : `${from} – ${to}`;
}

/**
 * A figure as the page shows it (`null` is "—").
 *
 * @example
 * showFigure('-4790000.00', 'yuan-change') // "−4,790,000.00"
 * showFigure('0.8596', 'share')            // "85.96%"
 * showFigure('-0.0023', 'share-change')    // "−0.23"
 * showFigure({ from: '2022-01-01', to: null }, 'period') // "2022-01-01 起 on"
 */
export function showFigure(value: string | number | null | unknown, format: FigureFormat): string {
  if (value === null || value === undefined) return '—';
  if (format === 'json') return JSON.stringify(value);
  if (format === 'period') return period(value);
  const s = String(value);
  if (format === 'text') return s;
  if (format === 'share') return `${percent(s).text}%`;
  if (format === 'share-change') {
    const p = percent(s);
    return p.text === '0.00' ? '0.00' : `${p.negative ? MINUS : '+'}${p.text}`;
  }
  const { negative, int, dec } = parts(s);
  const body = `${group(int)}${dec === '' ? '' : `.${dec}`}`;
  const zero = /^[0.]*$/.test(int + dec);
  if (negative && !zero) return `${MINUS}${body}`;
  return (format === 'yuan-change' || format === 'count-change') && !zero ? `+${body}` : body;
}

/**
 * The approximate width of a text in pixels, for laying out chart labels before the browser
 * measures them (CJK characters one em, others 0.62 em: slightly wide, so labels never collide).
 *
 * @example
 * textWidth('雁江区', 12) // 36
 */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? fontSize : fontSize * 0.62;
  return Math.ceil(w);
}
