/**
 * The reference the compiled engine is held to (issue 23): the waterfall as the engine ran it
 * before rule sets were compiled into steps — every condition evaluated for each claim, every
 * tier interpreted from its kind's name with plain arrays, every split through `allocate` — on
 * the same resolved parameters. test/settle/compiled-vs-reference.test.ts compares the two on
 * generated claims of both eras, the made-up third scheme and structural reforms.
 */
import type { Claim } from '../../src/claim/claim.js';
import { isDrugCategory } from '../../src/claim/item-categories.js';
import type { TierSpec } from '../../src/kinds/kind.js';
import type { BracketsParams } from '../../src/kinds/brackets/params.js';
import type { CarveOutParams } from '../../src/kinds/carve-out/params.js';
import type { ShareOfRestParams } from '../../src/kinds/share-of-rest/params.js';
import type { TableParams, TableRow } from '../../src/kinds/table/params.js';
import type { Target, TopUpParams } from '../../src/kinds/top-up/params.js';
import type { AssistanceRow, YearlyAssistanceParams } from '../../src/kinds/yearly-assistance/params.js';
import { adjustmentFor } from '../../src/kinds/shared/adjustment.js';
import { allocate } from '../../src/money/allocate.js';
import { type Fen, ZERO, add, excess, fen, maxFen, minFen, sub } from '../../src/money/fen.js';
import { type Ratio, applyRatio, applyRatios } from '../../src/money/ratio.js';
import type { FactBag } from '../../src/rule-files/fact-catalog.js';
import type { Policy } from '../../src/scheme/policy.js';
import { claimFacts, itemFacts } from '../../src/settle/claim-facts.js';

/** What the reference paid: per tier in the policy's order, and what the patient pays. */
export interface ReferenceRun {
  readonly amounts: readonly Fen[];
  readonly personal: Fen;
  readonly hospitalAbsorbed: Fen;
  readonly draws: readonly { readonly fund: string; readonly amount: Fen }[];
  readonly target: { readonly id: string; readonly personalMax: Fen; readonly shortfall: Fen } | null;
}

interface State {
  pools: Fen[];
  parts: Fen[];
  remaining: Fen;
  counters: Fen[];
  balances: Partial<Record<string, Fen>>;
  draws: { fund: string; amount: Fen }[];
  carried: Fen[];
  amounts: Fen[];
  target: ReferenceRun['target'];
  billable: Fen;
}

const take = (values: Fen[], amount: Fen, at: readonly number[]): void => {
  if (amount === 0) return;
  const parts = allocate(
    amount,
    at.map((i) => values[i]!),
  );
  at.forEach((i, k) => (values[i] = sub(values[i]!, parts[k]!)));
};
const sum = (values: readonly Fen[], at: readonly number[]): Fen => at.reduce<Fen>((s, i) => add(s, values[i]!), ZERO);
const ALL_PARTS = [0, 1, 2, 3];

function draw(st: State, order: readonly string[], amount: Fen): Fen {
  let left = amount;
  for (const fund of order) {
    if (left === 0) break;
    const balance = st.balances[fund];
    const t = balance === undefined ? left : minFen(balance, left);
    if (t === 0) continue;
    st.draws.push({ fund, amount: t });
    left = sub(left, t);
    if (balance !== undefined) st.balances[fund] = sub(balance, t);
  }
  return fen(amount - left);
}

/**
 * Settles a validated claim of the policy's scheme by interpreting its tiers, updating `counters`
 * (the person-year's, in the policy's layout) and `balances` in place.
 *
 * @example
 * referenceRun(claim, policy, counters, {}).personal
 */
export function referenceRun(
  claim: Claim,
  policy: Policy,
  counters: Fen[],
  balances: Partial<Record<string, Fen>>,
): ReferenceRun {
  const facts = claimFacts(claim, policy).facts;
  const pools = new Array<Fen>(8).fill(ZERO);
  let total = ZERO;
  let absorbed = ZERO;
  for (const item of claim.items) {
    total = add(total, item.amount);
    if (policy.absorbed.some((a) => a.when(itemFacts(facts, item)))) {
      absorbed = add(absorbed, item.amount);
      continue;
    }
    const group = item.catalog === 'A' ? 0 : item.catalog === 'B' ? 1 : item.necessary ? 2 : 3;
    const p = group * 2 + (isDrugCategory(item.category) ? 0 : 1);
    pools[p] = add(pools[p]!, item.amount);
  }
  const billable = fen(total - absorbed);
  const n = policy.tiers.length;
  const st: State = {
    pools,
    parts: [ZERO, ZERO, ZERO, ZERO],
    remaining: billable,
    counters,
    balances,
    draws: [],
    carried: new Array<Fen>(n).fill(ZERO),
    amounts: new Array<Fen>(n).fill(ZERO),
    target: null,
    billable,
  };
  const settled = policy.settled.when(facts);
  const split = (): void => {
    const p = st.pools;
    const b = fen(p[2]! + p[3]!);
    const selfPay = applyRatio(b, policy.bSelfPay);
    st.parts = [sub(fen(p[0]! + p[1]! + b), selfPay), selfPay, fen(p[4]! + p[5]!), fen(p[6]! + p[7]!)];
  };
  for (let i = 0; i < n; i++) {
    if (i === policy.splitAt) split();
    const t = policy.tiers[i]!;
    const applies = t.applies.when(facts);
    if (t.listedWhenApplies && !applies) continue;
    const carried = st.carried[i]!;
    if (t.kind === 'top-up') st.remaining = add(st.remaining, carried);
    if (!settled || !applies) {
      st.amounts[i] = t.kind === 'top-up' ? carried : ZERO;
      st.remaining = sub(st.remaining, st.amounts[i]!);
      continue;
    }
    const paid = TIERS[t.kind]!(st, t, facts, carried);
    st.amounts[i] = paid.amount;
    st.remaining = sub(st.remaining, paid.taken ?? paid.amount);
  }
  if (policy.splitAt === n) split();
  return {
    amounts: st.amounts,
    personal: st.remaining,
    hospitalAbsorbed: absorbed,
    draws: st.draws,
    target: st.target,
  };
}

type TierRun = (st: State, t: TierSpec, facts: FactBag, carried: Fen) => { amount: Fen; taken?: Fen };

const TIERS: Readonly<Record<string, TierRun>> = {
  'carve-out': (st, tier, facts) => {
    const p = (tier as TierSpec<CarveOutParams>).params;
    // Its excess over the limit goes to the funds first, reported on a later tier's line.
    const limit = p.excess?.when(facts) ? p.excess.limit(facts) : undefined;
    if (p.excess && limit !== undefined) {
      const over = excess(sum(st.pools, p.pools), limit);
      const paid = draw(st, p.excess.funds, over);
      take(st.pools, paid, p.pools);
      st.carried[p.excess.reportedOn] = add(st.carried[p.excess.reportedOn]!, paid);
      st.remaining = sub(st.remaining, paid);
    }
    const base = sum(st.pools, p.pools);
    const amount = !p.granted(facts)
      ? ZERO
      : p.share
        ? applyRatio(base, p.share)
        : minFen(p.fixed?.(facts) ?? ZERO, base);
    take(st.pools, amount, p.pools);
    return { amount };
  },
  table: (st, tier, facts) => {
    const t = tier as TierSpec<TableParams>;
    const row: TableRow | undefined = t.params.rows.find((r) => r.when(facts));
    if (!row) return { amount: ZERO };
    const adjustment = row.adjustable ? adjustmentFor(t.params.adjustments, facts) : -1;
    const a = adjustment >= 0 ? t.params.adjustments[adjustment]! : undefined;
    const values = a ? row.adjusted[adjustment]! : row;
    const c = st.counters;
    const inScope = st.parts[0]!;
    const used = row.perYear ? c[row.deductibleCounter]! : ZERO;
    const due = excess(values.deductible, used);
    const computed = applyRatio(excess(inScope, due), values.ratio);
    const paidThisYear = c[row.paidCounter]!;
    const pay = a?.uncapped ? computed : minFen(computed, excess(row.cap, paidThisYear));
    st.parts[0] = sub(inScope, pay);
    c[row.paidCounter] = add(paidThisYear, pay);
    if (row.perYear) c[row.deductibleCounter] = add(used, minFen(inScope, due));
    return { amount: pay };
  },
  brackets: (st, tier, facts) => {
    const t = tier as TierSpec<BracketsParams>;
    const p = t.params;
    const adjustment = adjustmentFor(p.adjustments, facts);
    const a = adjustment >= 0 ? p.adjustments[adjustment]! : undefined;
    const sched = a ? p.adjusted[adjustment]! : p.standard;
    const c = st.counters;
    const base = sum(st.parts, p.parts);
    const before = c[p.burdenCounter]!;
    const after = add(before, base);
    const f = (x: Fen): Fen => {
      const terms: (readonly [Fen, Ratio])[] = [];
      let lo = sched.deductible;
      for (const b of sched.brackets) {
        const hi = b.upTo === null ? x : minFen(x, b.upTo);
        if (hi > lo) terms.push([fen(hi - lo), b.ratio]);
        if (b.upTo !== null) lo = maxFen(lo, b.upTo);
        if (lo >= x) break;
      }
      return applyRatios(terms);
    };
    const computed = excess(f(after), f(before));
    const capped = p.cap !== null && !a?.uncapped;
    const pay = minFen(capped ? minFen(computed, excess(p.cap!, c[p.paidCounter]!)) : computed, base);
    if (t.partsReadLater) take(st.parts, pay, p.parts);
    c[p.burdenCounter] = after;
    c[p.paidCounter] = add(c[p.paidCounter]!, pay);
    return { amount: pay };
  },
  'share-of-rest': (st, tier, facts) => {
    const t = tier as TierSpec<ShareOfRestParams>;
    const p = t.params;
    const adjustment = adjustmentFor(p.adjustments, facts);
    const a = adjustment >= 0 ? p.adjustments[adjustment]! : undefined;
    const each = p.shares.map((sh) => applyRatio(sum(st.parts, sh.parts), a ? sh.adjusted[adjustment]! : sh.ratio));
    const computed = each.reduce((s, x) => add(s, x), ZERO);
    const capped = p.cap !== null && !a?.uncapped;
    const pay = capped ? minFen(computed, excess(p.cap!, st.counters[p.paidCounter]!)) : computed;
    if (t.partsReadLater) {
      const paidEach = pay === computed ? each : allocate(pay, each);
      p.shares.forEach((sh, k) => take(st.parts, paidEach[k]!, sh.parts));
    }
    if (p.paidCounter >= 0) st.counters[p.paidCounter] = add(st.counters[p.paidCounter]!, pay);
    return { amount: pay };
  },
  'yearly-assistance': (st, tier, facts) => {
    const t = tier as TierSpec<YearlyAssistanceParams>;
    const p = t.params;
    const row: AssistanceRow | undefined = p.rows.find((r) => r.when(facts));
    if (!row) return { amount: ZERO };
    const c = st.counters;
    const base = sum(st.parts, p.parts);
    const used = c[p.deductibleCounter]!;
    const due = excess(row.deductible, used);
    const pay = minFen(applyRatio(excess(base, due), row.ratio), excess(p.limit, c[p.paidCounter]!));
    if (t.partsReadLater) take(st.parts, pay, p.parts);
    c[p.deductibleCounter] = add(used, minFen(base, due));
    c[p.paidCounter] = add(c[p.paidCounter]!, pay);
    return { amount: pay };
  },
  'top-up': (st, tier, facts, carried) => {
    const t = tier as TierSpec<TopUpParams>;
    const target: Target | undefined = t.params.targets.find((x) => x.when(facts));
    const remaining = sub(st.remaining, carried);
    if (!target) return { amount: carried };
    const max = target.share === null ? ZERO : applyRatio(st.billable, target.share.ratio, target.share.rounding);
    const need = excess(remaining, max);
    const paid = draw(st, t.params.fundOrder, need);
    if (t.partsReadLater) take(st.parts, paid, ALL_PARTS);
    st.target = { id: target.id, personalMax: max, shortfall: excess(need, paid) };
    return { amount: add(carried, paid) };
  },
};
