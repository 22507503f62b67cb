/**
 * Drawing on funds in a fixed order (docs/policy-2017.md §4 tier 8; the funds are a top-up tier's, src/kinds/top-up.ts). A fund without a balance is
 * unlimited (a single settlement); a simulation passes balances and moves to the next fund when
 * one runs dry.
 */
import { type Fen, ZERO, add, fen, minFen, sub } from '../../money/fen.js';

/** Balances left in the relief funds; a fund that is absent is unlimited. */
export type FundBalances = Readonly<Partial<Record<string, Fen>>>;

/** One fund's payment towards a claim. */
export interface FundDraw {
  /** The fund's id, as the rule set names it. */
  readonly fund: string;
  readonly amount: Fen;
}

/**
 * Draws up to `amount` from `order`, first fund first: lowers the balances in place (they belong
 * to the settlement in progress), appends each payment to `draws`, and returns what was paid.
 *
 * @example
 * drawFunds({}, ['emergency-relief'], fen(2400), []) // 2400 (unlimited)
 * drawFunds({ 'emergency-relief': fen(100) }, ['emergency-relief'], fen(2400), []) // 100
 */
export function drawFunds(
  balances: Partial<Record<string, Fen>>,
  order: readonly string[],
  amount: Fen,
  draws: FundDraw[],
): Fen {
  let left = amount;
  for (const fund of order) {
    if (left === 0) break;
    const balance = balances[fund];
    const take = balance === undefined ? left : minFen(balance, left);
    if (take === 0) continue;
    draws.push({ fund, amount: take });
    left = sub(left, take);
    if (balance !== undefined) balances[fund] = sub(balance, take);
  }
  return fen(amount - left);
}

/**
 * Adds up draws per fund, keeping the order in which each fund first paid.
 *
 * @example
 * mergeDraws([{ fund: 'charity-care', amount: fen(1) }, { fund: 'charity-care', amount: fen(2) }])
 * // [{ fund: 'charity-care', amount: 3 }]
 */
export function mergeDraws(draws: readonly FundDraw[]): FundDraw[] {
  const out: { fund: string; amount: Fen }[] = [];
  for (const d of draws) {
    const e = out.find((x) => x.fund === d.fund);
    if (e) e.amount = add(e.amount, d.amount);
    else if (d.amount > ZERO) out.push({ fund: d.fund, amount: d.amount });
  }
  return out;
}
