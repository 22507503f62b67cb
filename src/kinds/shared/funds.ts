/**
 * Drawing on funds in a fixed order (docs/policy-2017.md §4 tier 8; the funds are a top-up tier's,
 * src/kinds/top-up/). A fund without a balance is unlimited (a single settlement); a simulation
 * passes balances and moves to the next fund when one runs dry.
 */
import { type Fen, ZERO, add, fen, minFen, sub } from '../../money/fen.js';
import type { Scratch } from './scratch.js';

/** Balances left in the relief funds; a fund that is absent is unlimited. */
export type FundBalances = Readonly<Partial<Record<string, Fen>>>;

/** One fund's payment towards a claim. */
export interface FundDraw {
  /** The fund's id, as the rule set names it. */
  readonly fund: string;
  readonly amount: Fen;
}

/**
 * Draws up to `amount` from `order`, first fund first: lowers the scratch state's balances in
 * place (they belong to the settlement in progress), records each payment, and returns what was paid.
 *
 * @example
 * drawFunds(s, ['emergency-relief'], fen(2400)) // 2400 when the fund is unlimited
 */
export function drawFunds(s: Scratch, order: readonly string[], amount: Fen): Fen {
  let left = amount;
  const balances = s.balances;
  for (let k = 0; k < order.length; k++) {
    if (left === 0) break;
    const fund = order[k]!;
    const balance = balances[fund];
    const take = balance === undefined ? left : minFen(balance, left);
    if (take === 0) continue;
    s.draw(fund, take);
    left = sub(left, take);
    if (balance !== undefined) balances[fund] = sub(balance, take);
  }
  return fen(amount - left);
}

/**
 * The first `count` draws of a settlement added up per fund, in the order each fund first paid.
 *
 * @example
 * drawsOf(s, s.drawCount) // [{ fund: 'emergency-relief', amount: 2400 }]
 */
export function drawsOf(s: Scratch, count: number): FundDraw[] {
  const out: { fund: string; amount: Fen }[] = [];
  for (let i = 0; i < count; i++) {
    const fund = s.drawFunds[i]!;
    const amount = s.drawAmounts[i]! as Fen;
    const e = out.find((x) => x.fund === fund);
    if (e) e.amount = add(e.amount, amount);
    else if (amount > ZERO) out.push({ fund, amount });
  }
  return out;
}
