/**
 * Baseline (b) of issue 4, and the reference the fast path is checked against: the design a user
 * of decimal.js and json-rules-engine would write from docs/policy-2017.md, sharing nothing with src/settle.
 *
 * - Money is decimal.js yuan, rounded half-up to the fen where docs/policy-2017.md rounds.
 * - Conditions are the rule files' own, run by `await engine.run()`: one run per stage of facts
 *   (who is protected → location override → parameter level → every tier's conditions), since each
 *   stage reads facts the previous one decides, and one run per item for the hospital-absorbed rules.
 * - Parameters are read from the checked rule files of ziyang-2017 on the discharge date; the
 *   structure of its eight tiers is written here, from docs/policy-2017.md, as such a user would.
 *
 * It is slow on purpose (it is what we compare against) and exact (it is what we check against).
 */
import Decimal from 'decimal.js';
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Claim } from '../../src/claim/claim.js';
import type { RuleSet } from '../../src/scheme/compile.js';
import type { Condition } from '../../src/rule-files/conditions.js';
import { valueOn } from '../../src/rule-files/dated.js';
import type { RuleFiles, TierFile } from '../../src/rule-files/types.js';

type FundId = string;

const D = (x: Decimal.Value): Decimal => new Decimal(x);
const ZERO = D(0);
const round = (x: Decimal): Decimal => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const floor = (x: Decimal): Decimal => x.toDecimalPlaces(2, Decimal.ROUND_DOWN);
const max0 = (x: Decimal): Decimal => Decimal.max(ZERO, x);

/** A person-year's counters, in yuan. */
export interface NaiveLedger {
  basic: Record<string, Decimal>;
  deductibleUsed: Record<string, Decimal>;
  burden: Decimal;
  serious: Decimal;
  supplementary: Decimal;
  assistance: Decimal;
}

/** What the naive settlement produced, in yuan. */
export interface NaiveSettlement {
  readonly total: Decimal;
  readonly hospitalAbsorbed: Decimal;
  /** Amount per tier number 0–8 (0 where the tier has no line). */
  readonly amounts: Decimal[];
  readonly personal: Decimal;
  readonly target: { readonly personalMax: Decimal; readonly met: boolean } | null;
  /** Relief-fund payments of the claim, per fund. */
  readonly funds: Partial<Record<FundId, Decimal>>;
}

/** An empty person-year. */
export const emptyNaiveLedger = (): NaiveLedger => ({
  basic: {},
  deductibleUsed: {},
  burden: ZERO,
  serious: ZERO,
  supplementary: ZERO,
  assistance: ZERO,
});

type Facts = Record<string, unknown>;

/** The engines of one rule set, one per stage of facts. */
export interface NaiveEngines {
  readonly files: RuleFiles;
  readonly person: Engine;
  readonly location: Engine;
  readonly level: Engine;
  readonly tier: Engine;
  readonly item: Engine;
}

const rule = (name: string, when: Condition, priority: number): RuleProperties => ({
  name,
  priority,
  conditions: { all: [when as never] },
  event: { type: name },
});

/**
 * Builds the json-rules-engine engines of a rule set (once; every claim reuses them).
 *
 * @example
 * const engines = naiveEngines(defaultRules().sets[0]);
 */
export function naiveEngines(set: RuleSet): NaiveEngines {
  const f = set.files;
  const engine = (rules: RuleProperties[]): Engine => {
    const e = new Engine([], { allowUndefinedFacts: true });
    for (const r of rules) e.addRule(r);
    return e;
  };
  const t = tiersOf(f);
  return {
    files: f,
    person: engine([rule('protected', f['persons.json'].protected.when, 1)]),
    location: engine(Object.values(f['location.json'].overrides).map((o, i) => rule(`override:${i}`, o.when, 1))),
    level: engine(Object.values(f['location.json'].levels).map((l, i) => rule(`level:${i}`, l.when, 1))),
    tier: engine([
      rule('settled', f['bill.json'].settled.when, 1),
      ...TIER_IDS.map((id) => rule(`applies:${id}`, t[id].applies.when, 1)),
      rule('t0-excess', t['maternal-subsidy'].excess.when, 1),
      rule('t0-subsidy', t['maternal-subsidy'].take.when, 1),
      ...Object.values(t['basic-insurance'].rows).map((x, i) => rule(`table:${i}`, x.when, 1)),
      rule('t2-poverty', t['basic-insurance'].adjustments.poverty.when, 1),
      rule('t3-poverty', t['serious-illness-insurance'].adjustments.poverty.when, 1),
      rule('t4-poverty', t['supplementary-insurance'].adjustments.poverty.when, 1),
      ...Object.values(t['relief-funds'].targets).map((x, i) => rule(`target:${i}`, x.when, 1)),
    ]),
    item: engine(Object.values(f['bill.json'].hospitalAbsorbed).map((a, i) => rule(`absorbed:${i}`, a.when, 1))),
  };
}

/** The eight tiers (and tier 0) of ziyang-2017, as docs/policy-2017.md lists them. */
const TIER_IDS = [
  'maternal-subsidy',
  'hospital-waiver',
  'basic-insurance',
  'serious-illness-insurance',
  'supplementary-insurance',
  'tilt-payment',
  'special-supplementary-insurance',
  'medical-assistance',
  'relief-funds',
] as const;

type Dated = { values: Readonly<Record<string, string>> };
type Gate = { when: Condition };
/** The 2017 tier files as this baseline reads them (the loader checked them). */
interface Tiers2017 {
  'maternal-subsidy': Gate & {
    applies: Gate;
    excess: Gate & { limit: { values: Record<string, Dated> }; funds: FundId[] };
    take: Gate & { fixed: { values: Record<string, Dated> } };
  };
  'hospital-waiver': { applies: Gate; take: { share: Dated } };
  'basic-insurance': {
    applies: Gate;
    rows: Record<
      string,
      Gate & { deductibleBasis: string; capPool: string; adjustable: boolean; deductible: Dated; ratio: Dated }
    >;
    caps: Record<string, Dated>;
    adjustments: { poverty: Gate & { deductibleFactor: Dated; ratioAdd: Dated } };
  };
  'serious-illness-insurance': {
    applies: Gate;
    deductible: Dated;
    brackets: { values: Record<string, { upTo: string | null; ratio: string }[]> };
    annualCap: Dated;
    adjustments: { poverty: Gate & { deductibleFactor: Dated; ratioAdd: Dated } };
  };
  'supplementary-insurance': {
    applies: Gate;
    shares: { 'in-scope': { ratio: Dated } };
    annualCap: Dated;
    adjustments: { poverty: Gate & { ratioAdd: Dated } };
  };
  'tilt-payment': { applies: Gate; shares: { 'in-scope': { ratio: Dated } } };
  'special-supplementary-insurance': {
    applies: Gate;
    shares: { 'in-scope': { ratio: Dated }; necessary: { ratio: Dated } };
  };
  'medical-assistance': { applies: Gate; shares: { assisted: { ratio: Dated } }; annualCap: Dated };
  'relief-funds': {
    applies: Gate;
    funds: Record<string, unknown>;
    targets: Record<string, Gate & ({ kind: 'zero' } | { kind: 'share'; share: Dated; rounding: string })>;
  };
}

function tiersOf(f: RuleFiles): Tiers2017 {
  return Object.fromEntries(TIER_IDS.map((id) => [id, f[`tiers/${id}.json`] as TierFile])) as unknown as Tiers2017;
}

/** Drug categories of docs/claim.md, by id and by national code. */
const DRUGS = new Set(['drug', 'western-drug', 'herbal-drug', 'patent-drug', '09', '10', '11']);

async function passed(engine: Engine, facts: Facts): Promise<Set<string>> {
  const { events } = await engine.run(facts);
  return new Set(events.map((e) => e.type));
}

const first = (ok: Set<string>, prefix: string, n: number): number => {
  for (let i = 0; i < n; i++) if (ok.has(`${prefix}:${i}`)) return i;
  return -1;
};

/** Takes `amount` from `pools[idx]` pro-rata, largest remainder, ties to the earlier pool (docs/policy-2017.md §3.3). */
function proRata(pools: Decimal[], amount: Decimal, idx: number[]): void {
  if (amount.isZero()) return;
  const sum = idx.reduce((s, i) => s.plus(pools[i]!), ZERO);
  const cents = amount.times(100);
  const parts = idx.map((i) => cents.times(pools[i]!).dividedBy(sum));
  const whole = parts.map((p) => p.floor());
  let left = cents.minus(whole.reduce((s, w) => s.plus(w), ZERO)).toNumber();
  const frac = parts.map((p, k) => p.minus(whole[k]!));
  while (left > 0) {
    let best = -1;
    for (let k = 0; k < frac.length; k++) if (frac[k]!.gt(0) && (best < 0 || frac[k]!.gt(frac[best]!))) best = k;
    whole[best] = whole[best]!.plus(1);
    frac[best] = ZERO;
    left--;
  }
  idx.forEach((i, k) => (pools[i] = pools[i]!.minus(whole[k]!.dividedBy(100))));
}

function drawFunds(
  balances: Partial<Record<FundId, Decimal>>,
  order: readonly FundId[],
  need: Decimal,
  paid: Partial<Record<FundId, Decimal>>,
): Decimal {
  let left = need;
  for (const fund of order) {
    if (left.isZero()) break;
    const b = balances[fund];
    const take = b === undefined ? left : Decimal.min(b, left);
    if (take.isZero()) continue;
    paid[fund] = (paid[fund] ?? ZERO).plus(take);
    left = left.minus(take);
    if (b !== undefined) balances[fund] = b.minus(take);
  }
  return need.minus(left);
}

/**
 * Settles one validated claim, updating the person-year ledger and fund balances in place.
 *
 * @example
 * const s = await naiveSettle(engines, claim, ledger, {});
 * s.personal.toFixed(2)
 */
export async function naiveSettle(
  e: NaiveEngines,
  claim: Claim,
  ledger: NaiveLedger,
  balances: Partial<Record<FundId, Decimal>>,
): Promise<NaiveSettlement> {
  const f = e.files;
  const t = tiersOf(f);
  const on = <T>(p: { values: Readonly<Record<string, T>> }): T => valueOn(p.values, claim.visit.discharged)!;
  const num = (p: { values: Readonly<Record<string, string>> }): Decimal => D(on(p));
  const { person, visit, hospital } = claim;
  const facts: Facts = {
    category: person.category,
    illnessInduced: person.illnessInduced,
    county: person.county,
    visitKind: visit.kind,
    chronic: visit.chronic,
    majorDisease: visit.majorDisease,
    referral: visit.referral,
    deliveryMode: visit.deliveryMode ?? 'none',
    hospitalLevel: hospital.level,
    hospitalArea: hospital.area,
    designated: hospital.designated,
    // The group of the person's category is a fact of persons.json since schemes became data.
    group: f['persons.json'].categories[person.category]?.group,
  };
  // Who is protected, where the care happened (docs/policy-2017.md §1–2).
  facts.protected = (await passed(e.person, facts)).has('protected');
  const area = hospital.area;
  facts.location =
    area === person.county
      ? 'in-county'
      : area === 'sichuan'
        ? 'in-province'
        : area === 'other-province'
          ? 'out-of-province'
          : 'in-city';
  facts.inJurisdiction = facts.location === 'in-county' || facts.location === 'in-city';
  const overrides = Object.values(f['location.json'].overrides);
  const o = first(await passed(e.location, facts), 'override', overrides.length);
  if (o >= 0) {
    facts.location = overrides[o]!.location;
    facts.inJurisdiction = facts.location === 'in-county' || facts.location === 'in-city';
    facts.level = overrides[o]!.level;
  } else {
    const levels = Object.keys(f['location.json'].levels);
    const l = first(await passed(e.level, facts), 'level', levels.length);
    if (l >= 0) facts.level = levels[l]!;
  }
  const ok = await passed(e.tier, facts);
  const applies = (id: (typeof TIER_IDS)[number]) => ok.has('settled') && ok.has(`applies:${id}`);

  // The bill (§3).
  const pools = Array.from({ length: 8 }, () => ZERO);
  let total = ZERO;
  let absorbed = ZERO;
  for (const item of claim.items) {
    const amount = D(item.amount).dividedBy(100);
    total = total.plus(amount);
    const itemFacts = {
      ...facts,
      itemCategory: item.category,
      itemCatalog: item.catalog,
      itemIsDrug: DRUGS.has(item.category),
      itemCompliant: item.compliant,
      itemNecessary: item.necessary,
    };
    if ((await passed(e.item, itemFacts)).size > 0) {
      absorbed = absorbed.plus(amount);
      continue;
    }
    const group = item.catalog === 'A' ? 0 : item.catalog === 'B' ? 1 : item.necessary ? 2 : 3;
    const i = group * 2 + (DRUGS.has(item.category) ? 0 : 1);
    pools[i] = pools[i]!.plus(amount);
  }
  const billable = total.minus(absorbed);
  const amounts = Array.from({ length: 9 }, () => ZERO);
  const fundsPaid: Partial<Record<FundId, Decimal>> = {};
  const sum = (idx: number[]) => idx.reduce((s, i) => s.plus(pools[i]!), ZERO);
  const ALL = [0, 1, 2, 3, 4, 5, 6, 7];

  // Tier 0.
  let excessPaid = ZERO;
  const t0 = t['maternal-subsidy'];
  if (applies('maternal-subsidy')) {
    const mode = visit.deliveryMode ?? 'vaginal';
    if (ok.has('t0-excess')) {
      const over = max0(sum(ALL).minus(num(t0.excess.limit.values[mode]!)));
      excessPaid = drawFunds(balances, t0.excess.funds, over, fundsPaid);
      proRata(pools, excessPaid, ALL);
    }
    const subsidy = ok.has('t0-subsidy') ? Decimal.min(num(t0.take.fixed.values[mode]!), sum(ALL)) : ZERO;
    proRata(pools, subsidy, ALL);
    amounts[0] = subsidy;
  }
  // Tier 1.
  if (applies('hospital-waiver')) {
    const waiver = round(sum([1, 3, 5, 7]).times(num(t['hospital-waiver'].take.share)));
    proRata(pools, waiver, [1, 3, 5, 7]);
    amounts[1] = waiver;
  }
  // In scope.
  const B = sum([2, 3]);
  const Pb = round(B.times(num(f['bill.json'].bSelfPay)));
  let S = sum([0, 1]).plus(B).minus(Pb);
  let N = sum([4, 5]);
  const O = sum([6, 7]);
  // Tier 2.
  const t2 = t['basic-insurance'];
  if (applies('basic-insurance')) {
    const rows = Object.entries(t2.rows);
    const k = first(ok, 'table', rows.length);
    if (k >= 0) {
      const [rowId, table] = rows[k]!;
      const poverty = t2.adjustments.poverty;
      const adjusted = table.adjustable && ok.has('t2-poverty');
      const ded = adjusted ? round(num(table.deductible).times(num(poverty.deductibleFactor))) : num(table.deductible);
      const ratio = Decimal.min(1, num(table.ratio).plus(adjusted ? num(poverty.ratioAdd) : 0));
      const perYear = table.deductibleBasis === 'per-year';
      const used = perYear ? (ledger.deductibleUsed[rowId] ?? ZERO) : ZERO;
      const due = max0(ded.minus(used));
      const paidYear = ledger.basic[table.capPool] ?? ZERO;
      const cap = D(on(t2.caps[table.capPool]!));
      const pay = Decimal.min(round(max0(S.minus(due)).times(ratio)), max0(cap.minus(paidYear)));
      if (perYear) ledger.deductibleUsed[rowId] = used.plus(Decimal.min(S, due));
      ledger.basic[table.capPool] = paidYear.plus(pay);
      S = S.minus(pay);
      amounts[2] = pay;
    }
  }
  // Tier 3.
  const t3 = t['serious-illness-insurance'];
  if (applies('serious-illness-insurance')) {
    const adjusted = ok.has('t3-poverty');
    const poverty = t3.adjustments.poverty;
    const ded = adjusted ? round(num(t3.deductible).times(num(poverty.deductibleFactor))) : num(t3.deductible);
    const brackets = on(t3.brackets).map((b) => ({
      upTo: b.upTo === null ? null : D(b.upTo),
      ratio: Decimal.min(1, D(b.ratio).plus(adjusted ? num(poverty.ratioAdd) : 0)),
    }));
    const fOf = (c: Decimal): Decimal => {
      let lo = ded;
      let s = ZERO;
      for (const b of brackets) {
        const hi = b.upTo === null ? c : Decimal.min(c, b.upTo);
        if (hi.gt(lo)) s = s.plus(hi.minus(lo).times(b.ratio));
        if (b.upTo !== null) lo = Decimal.max(lo, b.upTo);
      }
      return round(s);
    };
    const c0 = ledger.burden;
    const c1 = c0.plus(S);
    const pay = Decimal.min(max0(fOf(c1).minus(fOf(c0))), max0(num(t3.annualCap).minus(ledger.serious)), S);
    ledger.burden = c1;
    ledger.serious = ledger.serious.plus(pay);
    S = S.minus(pay);
    amounts[3] = pay;
  }
  // Tier 4.
  const t4 = t['supplementary-insurance'];
  if (applies('supplementary-insurance')) {
    const ratio = Decimal.min(
      1,
      num(t4.shares['in-scope'].ratio).plus(ok.has('t4-poverty') ? num(t4.adjustments.poverty.ratioAdd) : 0),
    );
    const pay = Decimal.min(round(S.times(ratio)), max0(num(t4.annualCap).minus(ledger.supplementary)));
    ledger.supplementary = ledger.supplementary.plus(pay);
    S = S.minus(pay);
    amounts[4] = pay;
  }
  // Tier 5.
  if (applies('tilt-payment')) {
    const pay = round(S.times(num(t['tilt-payment'].shares['in-scope'].ratio)));
    S = S.minus(pay);
    amounts[5] = pay;
  }
  // Tier 6.
  const t6 = t['special-supplementary-insurance'];
  if (applies('special-supplementary-insurance')) {
    const a = round(S.times(num(t6.shares['in-scope'].ratio)));
    const b = round(N.times(num(t6.shares.necessary.ratio)));
    S = S.minus(a);
    N = N.minus(b);
    amounts[6] = a.plus(b);
  }
  // Tier 7.
  const t7 = t['medical-assistance'];
  if (applies('medical-assistance')) {
    // docs/policy-2017.md §4 tier 7: S left + Pb + N left (O excluded).
    const base = S.plus(Pb).plus(N);
    void O;
    const pay = Decimal.min(
      round(base.times(num(t7.shares.assisted.ratio))),
      max0(num(t7.annualCap).minus(ledger.assistance)),
    );
    ledger.assistance = ledger.assistance.plus(pay);
    amounts[7] = pay;
  }
  // Tier 8: the delivery excess, then the top-up to the target.
  const t8 = t['relief-funds'];
  amounts[8] = excessPaid;
  let target: NaiveSettlement['target'] = null;
  if (applies('relief-funds')) {
    const targets = Object.values(t8.targets);
    const k = first(ok, 'target', targets.length);
    if (k >= 0) {
      const tg = targets[k]!;
      const R = billable.minus(amounts.reduce((s, a) => s.plus(a), ZERO));
      const tau =
        tg.kind === 'zero'
          ? ZERO
          : tg.rounding === 'floor'
            ? floor(billable.times(num(tg.share)))
            : round(billable.times(num(tg.share)));
      const need = max0(R.minus(tau));
      const topUp = drawFunds(balances, Object.keys(t8.funds), need, fundsPaid);
      amounts[8] = amounts[8]!.plus(topUp);
      target = { personalMax: tau, met: topUp.eq(need) };
    }
  }
  const personal = billable.minus(amounts.reduce((s, a) => s.plus(a), ZERO));
  return { total, hospitalAbsorbed: absorbed, amounts, personal, target, funds: fundsPaid };
}

/** The tier ids in tier-number order, for reports. */
export const NAIVE_TIER_IDS: readonly string[] = TIER_IDS;
