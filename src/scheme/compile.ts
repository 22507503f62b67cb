/**
 * Turns a checked rule folder into a {@link RuleSet}: one resolved {@link Policy} per stretch of
 * dates on which no value changes. Conditions are compiled once and shared by every stretch; each
 * tier's parameters are resolved by its kind (src/kinds/).
 */
import { NO_END } from '../claim/vocabulary.js';
import { kindOf } from '../kinds/kind-list.js';
import type { Gate, ResolveEnv, TierSpec } from '../kinds/kind.js';
import { type Fen, parseRuleAmount } from '../money/fen.js';
import { applyRatio, parseRatio } from '../money/ratio.js';
import type { CarriedFrom } from '../kinds/shared/scratch.js';
import { type Condition, type Predicate, compileCondition } from '../rule-files/conditions.js';
import { forEachParameter, valueOn } from '../rule-files/dated.js';
import type { FactBag } from '../rule-files/fact-catalog.js';
import {
  type AmountParam,
  type ByFact,
  type Dated,
  type GateSpec,
  type LocationClass,
  type RuleFiles,
  type TierFile,
  orderedTiers,
} from '../rule-files/types.js';
import { type Named, type Policy, type Scheme, named } from './policy.js';

export { NO_END };

/**
 * A rule set's period as outputs write it: `to` is null for a set with no end (the engine's far
 * date NO_END stays inside the engine: reports and diffs never show it).
 *
 * @example
 * inForceJson({ from: '2022-01-01', to: NO_END }) // { from: '2022-01-01', to: null }
 */
export function inForceJson(inForce: { readonly from: string; readonly to: string }): {
  from: string;
  to: string | null;
} {
  return { from: inForce.from, to: inForce.to === NO_END ? null : inForce.to };
}

/** A rule set: its identity, its period, its scheme, and the policy of each stretch of dates, in date order. */
export interface RuleSet {
  readonly id: string;
  readonly title: string;
  readonly titleEn: string;
  readonly inForce: { readonly from: string; readonly to: string };
  readonly scheme: Scheme;
  readonly segments: readonly Policy[];
  /** The checked files (extends resolved), kept for `rules check`, `rules diff` and reforms. */
  readonly files: RuleFiles;
}

/**
 * Compiles a rule folder that passed the schemas and the lint.
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
  const rs = files['ruleset.json'];
  const from = rs.inForce.from;
  const to = rs.inForce.to ?? NO_END;
  const scheme = schemeOf(files);
  const starts = new Set<string>([from]);
  forEachParameter(files, ({ node }) => {
    for (const d of Object.keys(node.values)) if (d > from && d <= to) starts.add(d);
  });
  const sorted = [...starts].sort();
  const segments = sorted.map((start, i) => {
    const next = sorted[i + 1];
    return resolvePolicy(files, scheme, start, next === undefined ? to : previousDay(next), pred);
  });
  return {
    id: rs.id,
    title: rs.title,
    titleEn: rs.titleEn ?? rs.title,
    inForce: { from, to },
    scheme,
    segments,
    files,
  };
}

/** The scheme of a rule folder: the values of its lists, its ledger layout and its tiers' names. */
function schemeOf(files: RuleFiles): Scheme {
  const j = files['jurisdiction.json'];
  const persons = files['persons.json'];
  const tiers = orderedTiers(files);
  const entries = <T extends object>(r: Readonly<Record<string, T>>) => Object.entries(r);
  // The funds are those of the first tier whose kind draws on funds (a top-up).
  const withFunds = tiers.find((t) => kindOf(t).funds !== undefined);
  return {
    categories: new Map(entries(persons.categories).map(([id, c]) => [id, { ...named(id, c), group: c.group }])),
    groups: new Map(entries(persons.groups).map(([id, g]) => [id, named(id, g)])),
    counties: new Map(entries(j.counties).map(([id, c]) => [id, named(id, c)])),
    areas: new Map<string, Named & { readonly location: LocationClass | null }>([
      ...entries(j.counties).map(([id, c]): [string, Named & { location: null }] => [
        id,
        { ...named(id, c), location: null },
      ]),
      ...entries(j.elsewhere).map(([id, e]): [string, Named & { location: LocationClass }] => [
        id,
        { ...named(id, e), location: e.location },
      ]),
    ]),
    levels: Object.keys(files['location.json'].levels),
    counters: tiers.flatMap((t) =>
      kindOf(t)
        .counters(t)
        .map((n) => `${t.id}.${n}`),
    ),
    tiers: tiers.map((t) => ({ ...named(t.id, t), tier: t.tier, payer: t.payer })),
    funds: withFunds ? (kindOf(withFunds).funds?.(withFunds) ?? []) : [],
  };
}

function resolvePolicy(
  f: RuleFiles,
  scheme: Scheme,
  date: string,
  validTo: string,
  pred: (c: Condition) => Predicate,
): Policy {
  const at = <T>(p: Dated<T>): T => {
    const v = valueOn(p.values, date);
    // The lint guarantees a value on the first day; this guards a caller that skipped it.
    if (v === undefined) throw new Error(`no value in force on ${date}`);
    return v;
  };
  const ratio = (p: Dated<string>) => parseRatio(at(p));
  const gate = (g: GateSpec): Gate => ({
    clause: g.clause,
    source: g.source,
    description: g.description ?? '',
    descriptionEn: g.descriptionEn ?? g.description ?? '',
    when: pred(g.when),
  });
  const rs = f['ruleset.json'];
  const tierFiles = orderedTiers(f);
  const counterIndex = new Map(scheme.counters.map((c, i) => [c, i]));
  // Which carve-outs send amounts to which tier's line (a delivery's excess to the relief funds).
  const carried = new Map<string, CarriedFrom>();
  for (const t of tierFiles) {
    const target = kindOf(t).reportsOn?.(t);
    if (target)
      carried.set(target, {
        description: t.applies.description ?? t.label,
        descriptionEn: t.applies.descriptionEn ?? t.applies.description ?? t.labelEn ?? t.label,
      });
  }
  const names = tierFiles.map((t) => ({ label: t.label, labelEn: t.labelEn ?? t.label }));
  const params = tierFiles.map((t) => {
    const parameters = t.parameters ?? {};
    const amount = (p: AmountParam): Fen =>
      'share' in p ? applyRatio(parseRuleAmount(at(parameters[p.of]!)), ratio(p.share)) : parseRuleAmount(at(p));
    const env: ResolveEnv = {
      at,
      ratio,
      amount,
      byFact<T>(p: ByFact<string> | Dated<string>, read: (d: Dated<string>) => T) {
        if (!('by' in p)) {
          const value = read(p);
          return () => value;
        }
        const values = new Map(Object.entries(p.values).map(([k, d]) => [k, read(d)]));
        const fact = p.by as keyof FactBag;
        return (facts: FactBag) => values.get(String(facts[fact]));
      },
      gate,
      pred,
      tierIndex: (id) => tierFiles.findIndex((x) => x.id === id),
      head: (i) => names[i]!,
      counter: (name) => counterIndex.get(`${t.id}.${name}`)!,
      carriedFrom: () => carried.get(t.id) ?? null,
    };
    return kindOf(t).resolve(t, env);
  });
  const tiers: TierSpec[] = tierFiles.map((t, index): TierSpec => {
    return {
      index,
      tier: t.tier,
      id: t.id,
      kind: t.kind,
      label: t.label,
      labelEn: t.labelEn ?? t.label,
      short: t.labelShort ?? t.label,
      clause: t.clause,
      payer: t.payer,
      nhsa: t.nhsa ?? null,
      listedWhenApplies: t.listed === 'when-applies',
      partsReadLater: tierFiles.slice(index + 1).some((later) => kindOf(later).readsParts),
      applies: gate(t.applies),
      params: params[index],
    };
  });
  const splitAt = firstNonCarveOut(tierFiles);
  const bSelfPay = ratio(f['bill.json'].bSelfPay);
  const premium = f['premium.json'];
  const illness = f['illness-poverty.json'];
  return {
    id: rs.id,
    title: rs.title,
    titleEn: rs.titleEn ?? rs.title,
    version: date,
    validTo,
    scheme,
    protected: gate(f['persons.json'].protected),
    settled: gate(f['bill.json'].settled),
    overrides: Object.entries(f['location.json'].overrides).map(([id, o]) => ({
      ...gate(o),
      id,
      location: o.location,
      level: o.level,
    })),
    levels: Object.entries(f['location.json'].levels).map(([level, l]) => ({ ...gate(l), level })),
    absorbed: Object.entries(f['bill.json'].hospitalAbsorbed).map(([id, a]) => ({ ...gate(a), id })),
    bSelfPay,
    tiers,
    splitAt,
    premium: premium
      ? {
          clause: premium.clause,
          perPerson: parseRuleAmount(at(premium.perPerson)),
          cityShare: Object.fromEntries(Object.entries(premium.cityShare).map(([c, r]) => [c, ratio(r)])),
        }
      : null,
    illnessPoverty: illness
      ? {
          clause: illness.clause,
          spendShare: ratio(illness.spendShare),
          lowIncomeLine: parseRuleAmount(at(illness.lowIncomeLine)),
        }
      : null,
  };
}

function firstNonCarveOut(tiers: readonly TierFile[]): number {
  const i = tiers.findIndex((t) => !kindOf(t).carveOut);
  return i < 0 ? tiers.length : i;
}

function previousDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** The names of a scheme's values, for messages and reports. */
export type { Named };
