/**
 * Turns a checked rule folder into a {@link RuleSet}: one resolved {@link Policy} per stretch of
 * dates on which no value changes. Conditions are compiled once and shared by every stretch.
 */
import { type Fen, parseRuleAmount } from '../money/fen.js';
import { addRatio, applyRatio, capAtOne, parseRatio, type Ratio } from '../money/ratio.js';
import { type Condition, type Predicate, compileCondition } from './conditions.js';
import type { Gate, Policy, Target } from './policy.js';
import type { RuleFiles, TierId } from './schema.js';
import { forEachParameter, valueOn } from './dated.js';

/** A rule set: its identity, its period, and the policy of each stretch of dates, in date order. */
export interface RuleSet {
  readonly id: string;
  readonly title: string;
  readonly inForce: { readonly from: string; readonly to: string };
  readonly segments: readonly Policy[];
  /** The checked source files, kept for `rules check` and for reforms that patch one value. */
  readonly files: RuleFiles;
}

interface Dated<T> {
  readonly values: Readonly<Record<string, T>>;
}

/**
 * Compiles a rule folder that passed the schema and the lint.
 *
 * @example
 * const set = compileRuleSet(files);
 * set.segments[0].version // "2017-03-17"
 */
export function compileRuleSet(files: RuleFiles): RuleSet {
  const cache = new WeakMap<object, Predicate>();
  const pred = (c: Condition): Predicate => {
    let p = cache.get(c);
    if (!p) cache.set(c, (p = compileCondition(c)));
    return p;
  };
  const { from, to } = files['ruleset.json'].inForce;
  const starts = new Set<string>([from]);
  forEachParameter(files, ({ node }) => {
    for (const d of Object.keys(node.values)) if (d > from && d <= to) starts.add(d);
  });
  const sorted = [...starts].sort();
  const segments = sorted.map((start, i) => {
    const next = sorted[i + 1];
    return resolvePolicy(files, start, next === undefined ? to : previousDay(next), pred);
  });
  return { id: files['ruleset.json'].id, title: files['ruleset.json'].title, inForce: { from, to }, segments, files };
}

function resolvePolicy(f: RuleFiles, date: string, validTo: string, pred: (c: Condition) => Predicate): Policy {
  const at = <T>(p: Dated<T>): T => {
    const v = valueOn(p.values, date);
    // The lint guarantees a value on the first day; this guards a caller that skipped it.
    if (v === undefined) throw new Error(`no value in force on ${date}`);
    return v;
  };
  const ratio = (p: Dated<string>): Ratio => parseRatio(at(p));
  const amount = (p: Dated<string>): Fen => parseRuleAmount(at(p));
  const gate = (g: { clause: string; source: 'seed' | 'assumed'; description?: string | undefined; when: Condition }): Gate => ({
    clause: g.clause,
    source: g.source,
    description: g.description ?? '',
    when: pred(g.when),
  });
  const head = <I extends TierId>(t: { id: I; tier: number; label: string; clause: string; applies: Parameters<typeof gate>[0] }) => ({
    id: t.id,
    tier: t.tier,
    label: t.label,
    clause: t.clause,
    applies: gate(t.applies),
  });

  const t0 = f['tier-0-maternal-subsidy.json'];
  const t2 = f['tier-2-basic-insurance.json'];
  const t3 = f['tier-3-serious-illness-insurance.json'];
  const t4 = f['tier-4-supplementary-insurance.json'];
  const t7 = f['tier-7-medical-assistance.json'];
  const t8 = f['tier-8-relief-funds.json'];
  const rs = f['ruleset.json'];

  return {
    id: rs.id,
    title: rs.title,
    version: date,
    validTo,
    order: rs.order.tiers as TierId[],
    protected: gate(f['persons.json'].protected),
    settled: gate(f['bill.json'].settled),
    overrides: f['location.json'].overrides.map((o) => ({ ...gate(o), id: o.id, location: o.location, level: o.level })),
    levels: f['location.json'].levels.map((l) => ({ ...gate(l), level: l.level })),
    absorbed: f['bill.json'].hospitalAbsorbed.map((a) => ({ ...gate(a), id: a.id })),
    bSelfPay: ratio(f['bill.json'].bSelfPay),
    tiers: {
      'maternal-subsidy': {
        ...head(t0),
        excess: {
          ...gate(t0.excess),
          limit: { vaginal: amount(t0.excess.limit.vaginal), cesarean: amount(t0.excess.limit.cesarean) },
          funds: t0.excess.funds,
        },
        subsidy: { ...gate(t0.subsidy), amount: { vaginal: amount(t0.subsidy.amount.vaginal), cesarean: amount(t0.subsidy.amount.cesarean) } },
      },
      'hospital-waiver': { ...head(f['tier-1-hospital-waiver.json']), rate: ratio(f['tier-1-hospital-waiver.json'].rate) },
      'basic-insurance': {
        ...head(t2),
        tables: t2.tables.map((t) => ({
          ...gate(t),
          id: t.id,
          label: t.label,
          deductibleBasis: t.deductibleBasis,
          capPool: t.capPool,
          povertyAdjusted: t.povertyAdjusted,
          deductible: amount(t.deductible),
          ratio: ratio(t.ratio),
          // What the poverty adjustment makes of this row, worked out once here, not per claim.
          adjustedDeductible: applyRatio(amount(t.deductible), ratio(t2.poverty.deductibleFactor)),
          adjustedRatio: capAtOne(addRatio(ratio(t.ratio), ratio(t2.poverty.ratioAdd))),
        })),
        annualCaps: Object.fromEntries(Object.entries(t2.annualCaps).map(([k, v]) => [k, amount(v)])),
        poverty: { ...gate(t2.poverty), deductibleFactor: ratio(t2.poverty.deductibleFactor), ratioAdd: ratio(t2.poverty.ratioAdd) },
      },
      'serious-illness-insurance': {
        ...head(t3),
        deductible: amount(t3.deductible),
        brackets: at(t3.brackets).map((b) => ({ upTo: b.upTo === null ? null : parseRuleAmount(b.upTo), ratio: parseRatio(b.ratio) })),
        annualCap: amount(t3.annualCap),
        poverty: { ...gate(t3.poverty), deductibleFactor: ratio(t3.poverty.deductibleFactor), ratioAdd: ratio(t3.poverty.ratioAdd) },
        adjustedDeductible: applyRatio(amount(t3.deductible), ratio(t3.poverty.deductibleFactor)),
        adjustedBrackets: at(t3.brackets).map((b) => ({
          upTo: b.upTo === null ? null : parseRuleAmount(b.upTo),
          ratio: capAtOne(addRatio(parseRatio(b.ratio), ratio(t3.poverty.ratioAdd))),
        })),
      },
      'supplementary-insurance': {
        ...head(t4),
        ratio: ratio(t4.ratio),
        annualCap: amount(t4.annualCap),
        poverty: { ...gate(t4.poverty), ratioAdd: ratio(t4.poverty.ratioAdd) },
        adjustedRatio: capAtOne(addRatio(ratio(t4.ratio), ratio(t4.poverty.ratioAdd))),
      },
      'tilt-payment': { ...head(f['tier-5-tilt-payment.json']), ratio: ratio(f['tier-5-tilt-payment.json'].ratio) },
      'special-supplementary-insurance': {
        ...head(f['tier-6-special-supplementary-insurance.json']),
        inScopeShare: ratio(f['tier-6-special-supplementary-insurance.json'].inScopeShare),
        necessaryShare: ratio(f['tier-6-special-supplementary-insurance.json'].necessaryShare),
      },
      'medical-assistance': { ...head(t7), parts: t7.base.parts, ratio: ratio(t7.ratio), annualLimit: amount(t7.annualLimit) },
      'relief-funds': {
        ...head(t8),
        funds: t8.funds,
        fundOrder: t8.funds.map((x) => x.id),
        targets: t8.targets.map(
          (t): Target =>
            t.kind === 'zero'
              ? { ...gate(t), id: t.id, kind: 'zero' }
              : { ...gate(t), id: t.id, kind: 'share', share: ratio(t.share), rounding: t.rounding },
        ),
      },
    },
    premium: {
      clause: f['premium.json'].clause,
      perPerson: amount(f['premium.json'].perPerson),
      cityShare: {
        yanjiang: ratio(f['premium.json'].cityShare.yanjiang),
        anyue: ratio(f['premium.json'].cityShare.anyue),
        lezhi: ratio(f['premium.json'].cityShare.lezhi),
      },
    },
    illnessPoverty: {
      clause: f['illness-poverty.json'].clause,
      spendShare: ratio(f['illness-poverty.json'].spendShare),
      lowIncomeLine: amount(f['illness-poverty.json'].lowIncomeLine),
    },
  };
}

function previousDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}
