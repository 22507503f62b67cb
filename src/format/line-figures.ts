/**
 * Figures of a settlement line that outputs report beside its amount, asked of the line's kind
 * (each kind says them in its folder: src/kinds/<kind>/nhsa.ts), so that a new kind reports its
 * own and no output lists the kinds: what the payment was computed on, the most it could pay this
 * time, and the insurance deductible the claim paid.
 */
import { type SettledLine, kindNamed } from '../kinds/kind-list.js';
import { type Fen, ZERO } from '../money/fen.js';

/**
 * The base a line's formula computed on (0 for a tier that did not run).
 *
 * @example
 * lineBase(line) // the in-scope cost of a basic-insurance line
 */
export function lineBase(l: SettledLine): Fen {
  const d = l.detail;
  if (d.kind === 'not-designated' || d.kind === 'not-applicable') return ZERO;
  return kindNamed(d.kind)!.nhsaBase(d);
}

/**
 * The most a line could pay this time: its cap's room, or what its formula gave where it has none
 * (its amount for a tier that did not run).
 *
 * @example
 * lineLimit(line)
 */
export function lineLimit(l: SettledLine): Fen {
  const d = l.detail;
  if (d.kind === 'not-designated' || d.kind === 'not-applicable') return l.amount;
  return kindNamed(d.kind)!.nhsaLimit(d, l.amount);
}

/**
 * The deductible the claim paid: that of the first line that ran whose kind has an insurance
 * deductible (the basic insurance's table), 0 when none did.
 *
 * @example
 * deductibleCharged(record.lines)
 */
export function deductibleCharged(lines: readonly SettledLine[]): Fen {
  for (const l of lines) {
    const d = l.detail;
    if (d.kind === 'not-designated' || d.kind === 'not-applicable') continue;
    const charged = kindNamed(d.kind)!.deductibleCharged;
    if (charged) return charged(d);
  }
  return ZERO;
}
