/**
 * Baseline (a) of issue 4, the speed limit: the docs/policy-2017.md waterfall hand-written in plain JS
 * floats, with no validation, no explanation, no rule engine: the claim's conditions are written
 * as `if`s, the numbers read once from the compiled default policy. It may be a fen off (floats);
 * it is never used for a result, only as the fastest thing the same work could be.
 */
import type { BracketsParams } from '../../src/kinds/brackets/params.js';
import type { CarveOutParams } from '../../src/kinds/carve-out/params.js';
import type { ShareOfRestParams } from '../../src/kinds/share-of-rest/params.js';
import type { TableParams } from '../../src/kinds/table/params.js';
import type { TopUpParams } from '../../src/kinds/top-up/params.js';
import type { Policy } from '../../src/scheme/policy.js';

/** Drug categories of docs/claim.md, by id and by national code. */
const DRUGS = new Set(['drug', 'western-drug', 'herbal-drug', 'patent-drug', '09', '10', '11']);

type Raw = {
  person: { id: string; county: string; category: string; illnessInduced?: boolean };
  visit: {
    kind: string;
    discharged: string;
    chronic?: boolean;
    majorDisease?: boolean;
    referral?: string;
    deliveryMode?: string;
  };
  hospital: { level: string; area: string; designated?: boolean };
  items: { category: string; catalog: string; amount: string | number; compliant?: boolean; necessary?: boolean }[];
};

interface YearState {
  basic: number;
  go: number;
  goDeductible: number;
  spDeductible: number;
  burden: number;
  serious: number;
  supp: number;
  assist: number;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;
const ratio = (r: { units: number; scale: number }): number => r.units / 10 ** r.scale;
const yuan = (fen: number): number => fen / 100;

/**
 * A float settler over one policy, with its own per-person-year state.
 *
 * @example
 * const settle = floatSettler(policy); settle(rawClaim) // personal pay in yuan
 */
export function floatSettler(p: Policy): (c: Raw) => number {
  const tier = <P>(id: string): P => p.tiers.find((x) => x.id === id)!.params as P;
  const basic = tier<TableParams>('basic-insurance');
  const serious = tier<BracketsParams>('serious-illness-insurance');
  const supp = tier<ShareOfRestParams>('supplementary-insurance');
  const t0 = tier<CarveOutParams>('maternal-subsidy');
  const table = (id: string) => basic.rows.find((x) => x.id === id)!;
  const rows = Object.fromEntries(
    [
      'township',
      'county',
      'city',
      'in-province',
      'out-of-province',
      'general-outpatient',
      'special-outpatient-employee',
      'special-outpatient-resident',
    ].map((id) => [id, { d: yuan(table(id).deductible), r: ratio(table(id).ratio) }]),
  );
  const mode = (m: string) => ({ deliveryMode: m });
  const P = {
    waiver: ratio(tier<CarveOutParams>('hospital-waiver').share!),
    bSelf: ratio(p.bSelfPay),
    caps: { basic: yuan(table('county').cap), go: yuan(table('general-outpatient').cap) },
    d2f: ratio(basic.adjustments[0]!.deductibleFactor!),
    r2a: ratio(basic.adjustments[0]!.ratioAdd!),
    d3: yuan(serious.standard.deductible),
    d3f: ratio(serious.adjustments[0]!.deductibleFactor!),
    r3a: ratio(serious.adjustments[0]!.ratioAdd!),
    brackets: serious.standard.brackets.map((b) => ({
      upTo: b.upTo === null ? Infinity : yuan(b.upTo),
      r: ratio(b.ratio),
    })),
    cap3: yuan(serious.cap!),
    r4: ratio(supp.shares[0]!.ratio),
    r4a: ratio(supp.adjustments[0]!.ratioAdd!),
    cap4: yuan(supp.cap!),
    r5: ratio(tier<ShareOfRestParams>('tilt-payment').shares[0]!.ratio),
    n6: ratio(tier<ShareOfRestParams>('special-supplementary-insurance').shares[1]!.ratio),
    r7: ratio(tier<ShareOfRestParams>('medical-assistance').shares[0]!.ratio),
    cap7: yuan(tier<ShareOfRestParams>('medical-assistance').cap!),
    chronicShare: ratio(
      tier<TopUpParams>('relief-funds').targets.flatMap((x) => (x.share ? [x.share.ratio] : []))[0] ?? {
        units: 0,
        scale: 0,
      },
    ),
    limit: { vaginal: yuan(t0.excess!.limit(mode('vaginal'))!), cesarean: yuan(t0.excess!.limit(mode('cesarean'))!) },
    subsidy: { vaginal: yuan(t0.fixed!(mode('vaginal'))!), cesarean: yuan(t0.fixed!(mode('cesarean'))!) },
  };
  const years = new Map<string, YearState>();
  const f = (c: number, d: number, add: number): number => {
    let lo = d;
    let s = 0;
    for (const b of P.brackets) {
      const hi = Math.min(c, b.upTo);
      if (hi > lo) s += (hi - lo) * Math.min(1, b.r + add);
      lo = Math.max(lo, b.upTo);
      if (lo >= c) break;
    }
    return r2(s);
  };

  return (c) => {
    const key = `${c.person.id}|${c.visit.discharged.slice(0, 4)}`;
    let y = years.get(key);
    if (!y)
      years.set(
        key,
        (y = { basic: 0, go: 0, goDeductible: 0, spDeductible: 0, burden: 0, serious: 0, supp: 0, assist: 0 }),
      );
    const prot = c.person.category !== 'general';
    const v = c.visit;
    const area = c.hospital.area;
    let loc = area === c.person.county ? 0 : area === 'sichuan' ? 2 : area === 'other-province' ? 3 : 1;
    let level =
      loc === 2
        ? 'in-province'
        : loc === 3
          ? 'out-of-province'
          : c.hospital.level === 'provincial'
            ? 'city'
            : c.hospital.level;
    if (prot && c.person.county === 'yanjiang' && area === 'yanjiang' && c.hospital.level === 'city')
      (loc = 0), (level = 'county');
    // Bill: absorbed items, then eight pools (A, B, N, O × drug, non-drug) as docs/policy-2017.md §3.
    let total = 0;
    let absorbed = 0;
    const pools = [0, 0, 0, 0, 0, 0, 0, 0];
    for (const it of c.items) {
      const a = typeof it.amount === 'number' ? it.amount : parseFloat(it.amount);
      total += a;
      if (it.compliant === false || (prot && loc <= 1 && it.catalog === 'C')) {
        absorbed += a;
        continue;
      }
      const g = it.catalog === 'A' ? 0 : it.catalog === 'B' ? 2 : it.necessary ? 4 : 6;
      const k = g + (DRUGS.has(it.category) ? 0 : 1);
      pools[k] = pools[k]! + a;
    }
    const billable = total - absorbed;
    let remaining = billable;
    if (c.hospital.designated === false) return remaining;
    const go = v.kind === 'general-outpatient';
    const take = (amount: number, step: number): void => {
      let sum = 0;
      for (let i = step - 1; i < 8; i += step) sum += pools[i]!;
      if (sum > 0) for (let i = step - 1; i < 8; i += step) pools[i] = pools[i]! * (1 - amount / sum);
    };
    // Tier 0.
    if (v.kind === 'delivery') {
      const mode = v.deliveryMode === 'cesarean' ? 'cesarean' : 'vaginal';
      let sum = 0;
      for (const x of pools) sum += x;
      if (prot) {
        const over = Math.max(0, sum - P.limit[mode]);
        take(over, 1);
        remaining -= over;
        sum -= over;
      }
      const sub = Math.min(P.subsidy[mode], sum);
      take(sub, 1);
      remaining -= sub;
    }
    // Tier 1: the waiver off the four non-drug pools.
    if (prot && !go) {
      const w = r2((pools[1]! + pools[3]! + pools[5]! + pools[7]!) * P.waiver);
      take(w, 2);
      remaining -= w;
    }
    const A = pools[0]! + pools[1]!;
    const B = pools[2]! + pools[3]!;
    let N = pools[4]! + pools[5]!;
    const Pb = r2(B * P.bSelf);
    let S = A + B - Pb;
    // Tier 2.
    const row = go
      ? 'general-outpatient'
      : v.kind === 'special-outpatient'
        ? prot
          ? 'special-outpatient-employee'
          : 'special-outpatient-resident'
        : level;
    const adj = prot && row !== 'special-outpatient-employee';
    const d = adj ? r2(rows[row]!.d * P.d2f) : rows[row]!.d;
    const perYear = go || v.kind === 'special-outpatient';
    const used = go ? y.goDeductible : v.kind === 'special-outpatient' ? y.spDeductible : 0;
    const due = perYear ? Math.max(0, d - used) : d;
    const capLeft = go ? P.caps.go - y.go : P.caps.basic - y.basic;
    const pay2 = Math.min(r2(Math.max(0, S - due) * Math.min(1, rows[row]!.r + (adj ? P.r2a : 0))), capLeft);
    if (go) (y.go += pay2), (y.goDeductible += Math.min(S, due));
    else (y.basic += pay2), v.kind === 'special-outpatient' && (y.spDeductible += Math.min(S, due));
    S -= pay2;
    remaining -= pay2;
    if (go) return remaining;
    // Tier 3.
    const d3 = prot ? r2(P.d3 * P.d3f) : P.d3;
    const c1 = y.burden + S;
    const pay3 = Math.min(f(c1, d3, prot ? P.r3a : 0) - f(y.burden, d3, prot ? P.r3a : 0), P.cap3 - y.serious, S);
    y.burden = c1;
    y.serious += pay3;
    S -= pay3;
    remaining -= pay3;
    // Tier 4.
    const pay4 = Math.min(r2(S * (P.r4 + (prot ? P.r4a : 0))), P.cap4 - y.supp);
    y.supp += pay4;
    S -= pay4;
    remaining -= pay4;
    if (!prot) return remaining;
    // Tier 5.
    if (c.person.category === 'registered-poor') {
      const p5 = r2(S * P.r5);
      S -= p5;
      remaining -= p5;
    }
    // Tier 6.
    if (c.person.category === 'rural-dibao' || c.person.illnessInduced) {
      const n = r2(N * P.n6);
      remaining -= S + n;
      S = 0;
      N -= n;
    }
    // Tier 7.
    const p7 = Math.min(r2((S + Pb + N) * P.r7), P.cap7 - y.assist);
    y.assist += p7;
    remaining -= p7;
    // Tier 8.
    const tau =
      v.kind === 'delivery'
        ? 0
        : v.kind === 'special-outpatient' && v.chronic
          ? Math.floor(billable * P.chronicShare * 100) / 100
          : loc === 0
            ? 0
            : v.majorDisease && (v.referral === 'referred' || v.referral === 'emergency')
              ? 0
              : -1;
    if (tau >= 0 && remaining > tau) remaining = tau;
    return remaining;
  };
}
