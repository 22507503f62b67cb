/**
 * One tier of one kind, on its own (the tests of test/kinds/<kind>/): its parameters as a tier file
 * writes them, resolved by a small hand-made {@link ResolveEnv} (every value in force from
 * {@link DAY}, conditions compiled by the engine's own compileCondition, counters in the order the
 * kind names them), its step driven on a fresh Scratch, and what it paid, took, counted, traced
 * and said collected for the assertions.
 */
import { z } from 'zod';
import { expect } from 'vitest';
import type { Kind, KindLintContext, ResolveEnv, TierSpec } from '../../src/kinds/kind.js';
import { kindNamed } from '../../src/kinds/kind-list.js';
import { KIND_TRACE, TRACE_AVAILABLE } from '../../src/kinds/shared/line.js';
import { type Balances, type CarriedFrom, Scratch } from '../../src/kinds/shared/scratch.js';
import { type Fen, fen, parseRuleAmount } from '../../src/money/fen.js';
import { applyRatio, parseRatio } from '../../src/money/ratio.js';
import { compileCondition } from '../../src/rule-files/conditions.js';
import { valueOn } from '../../src/rule-files/dated.js';
import { schemaParts } from '../../src/rule-files/schema-parts.js';
import type { FactBag, FactName } from '../../src/rule-files/fact-catalog.js';
import type { AdjustmentSpec, AmountParam, Condition, Dated, GateSpec, TierFile } from '../../src/rule-files/types.js';

/** The day every hand-made value is in force from (and the day the tiers are resolved on). */
export const DAY = '2020-01-01';

/**
 * A value in force from {@link DAY}, as a tier file writes it.
 *
 * @example
 * dated('400') // { source: 'seed', values: { '2020-01-01': '400' } }
 */
export function dated<T>(value: T, description?: string): Dated<T> {
  return description === undefined
    ? { source: 'seed', values: { [DAY]: value } }
    : { source: 'seed', description, values: { [DAY]: value } };
}

/**
 * The condition that a fact has a value, as a tier file writes it (a leaf inside an `all`: the
 * format wants `all`, `any` or `not` at the top).
 *
 * @example
 * is('protected', true) // { all: [{ fact: 'protected', operator: 'equal', value: true }] }
 */
export const is = (fact: FactName, value: string | boolean): Condition => ({
  all: [{ fact, operator: 'equal', value }],
});

/** The condition that always holds (json-rules-engine's empty `all`). */
export const ALWAYS: Condition = { all: [] };

/**
 * A condition with its clause, as tier files write them.
 *
 * @example
 * gate(is('protected', true), '保障对象')
 */
export function gate(when: Condition = ALWAYS, description?: string, descriptionEn?: string): GateSpec {
  return { clause: 'T.1', source: 'seed', when, description, descriptionEn };
}

/**
 * The adjustment the shipped schemes give protected persons (docs/policy-2017.md §4 tier 2): points
 * added to every ratio and, when given, a factor on the deductible.
 *
 * @example
 * forProtected('0.05', '0.5')
 */
export function forProtected(ratioAdd: string, deductibleFactor?: string): AdjustmentSpec {
  return {
    ...gate(is('protected', true)),
    who: '保障对象',
    whoEn: 'protected persons',
    ...(deductibleFactor === undefined ? {} : { deductibleFactor: dated(deductibleFactor) }),
    ratioAdd: dated(ratioAdd),
  };
}

/** An adjustment that lifts the annual cap for orphans (their payments still count against it). */
export const UNCAPPED_FOR_ORPHANS: AdjustmentSpec = {
  ...gate(is('category', 'orphan')),
  who: '孤儿',
  whoEn: 'orphans',
  uncapped: true,
};

/** How a test places its tier: its names, its neighbours in the order, what the rest of the rule set says of it. */
export interface TierSetup {
  readonly label?: string;
  readonly labelEn?: string;
  /** The tiers of the order by id and names (the tested one at `index`); default: the tested tier alone. */
  readonly order?: readonly { readonly id: string; readonly label: string; readonly labelEn?: string }[];
  readonly index?: number;
  /** The tier file's named `parameters` (an amount may be a share of one). */
  readonly parameters?: Readonly<Record<string, Dated<string>>>;
  /** What earlier carve-outs send to this tier to report. */
  readonly carriedFrom?: CarriedFrom | null;
  /** A later tier reads the parts (default true: the tier must take what it pays from them). */
  readonly partsReadLater?: boolean;
  /** The description of the tier's `applies` (a carve-out's explanation names its care by it). */
  readonly applies?: { readonly description: string; readonly descriptionEn: string };
}

/** How many guard slots lie on each side of the tested tier's trace. */
const GUARD = 4;

/** The claim as the scratch state holds it when the tier runs. */
export interface ClaimState {
  /** The parts S, Pb, N, O (fen). */
  readonly parts?: readonly number[];
  /** The eight pools, in POOL_NAMES order (fen). */
  readonly pools?: readonly number[];
  /** What nobody has paid yet (default: what the parts, or else the pools, add up to). */
  readonly remaining?: number;
  /** The billable cost (default: `remaining`). */
  readonly billable?: number;
  /** The person-year's counters by the kind's names (absent: 0). */
  readonly counters?: Readonly<Record<string, number>>;
  /** The funds' balances (absent: unlimited), lowered in place as the step draws on them. */
  readonly balances?: Record<string, number>;
  /** The hospital is one the tiers pay at (default true). */
  readonly settled?: boolean;
  /** The tier's `applies` holds (default true). */
  readonly applies?: boolean;
  /** What earlier carve-outs sent to this tier's funds (already taken off `remaining`). */
  readonly carried?: number;
}

/** What one run of the tier's step did, and what its line says. */
export interface Ran<Detail> {
  readonly s: Scratch;
  /** What the tier paid (its line's amount). */
  readonly amount: Fen;
  /** What was still to pay when it ran (its line's `available`). */
  readonly available: Fen;
  /** The counters after the step, by the kind's names. */
  readonly counters: Readonly<Record<string, number>>;
  readonly parts: number[];
  readonly pools: number[];
  readonly remaining: Fen;
  readonly detail: Detail;
  readonly zh: string;
  readonly en: string;
  /** The national platform's record: base and limit. */
  readonly base: Fen;
  readonly limit: Fen;
}

/**
 * A tier of a kind, ready to run. Every use resolves the tier file afresh (nothing is resolved when
 * the test file loads): the mutation run switches a mutant on per test, and a tier resolved once at
 * load would hide every mutant of `resolve` and `counters`.
 */
export interface KindTier<P, D, Detail> {
  /** The tier's header with its resolved parameters. */
  readonly tier: TierSpec<P>;
  readonly params: P;
  /** The counters the kind names for the tier file, in the ledger's order. */
  readonly counterNames: readonly string[];
  decide(facts?: FactBag): D;
  run(state: ClaimState, facts?: FactBag): Ran<Detail>;
}

/**
 * A tier file of a kind, with a hand-made environment to resolve it, ready to run.
 *
 * @example
 * const t = tierOf(table, raw); t.run({ parts: [100000, 0, 0, 0] }, { level: 'county' }).amount
 */
export function tierOf<Raw, P, D, Detail>(
  kind: Kind<string, Raw, P, D, Detail>,
  raw: Raw,
  o: TierSetup = {},
): KindTier<P, D, Detail> {
  const label = o.label ?? '测试项';
  const labelEn = o.labelEn ?? 'test payer';
  const index = o.index ?? 0;
  const order = o.order ?? [{ id: 'tested', label, labelEn }];
  const resolved = () => resolveTier(kind, raw, o, { label, labelEn, index, order });
  return {
    get tier() {
      return resolved().tier;
    },
    get params() {
      return resolved().tier.params;
    },
    get counterNames() {
      return resolved().counterNames;
    },
    decide: (facts = {}) => kind.decide(resolved().tier.params, facts),
    run(state, facts = {}) {
      const { tier, counterNames } = resolved();
      // The tier's trace sits between guard slots: a step writes only its own slots, and one that
      // wrote before or after them would garble its neighbour's line in a rule set.
      const width = KIND_TRACE + kind.traceWidth(tier.params);
      const s = new Scratch(order.length, GUARD + width + GUARD);
      const parts = state.parts ?? [0, 0, 0, 0];
      const pools = state.pools ?? [0, 0, 0, 0, 0, 0, 0, 0];
      const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
      const remaining = state.remaining ?? (state.parts ? sum(parts) : sum(pools));
      const counters = Float64Array.from(counterNames, (n) => state.counters?.[n] ?? 0);
      const applies = new Uint8Array(order.length).fill(1);
      applies[index] = state.applies === false ? 0 : 1;
      s.begin(
        pools,
        fen(state.billable ?? remaining),
        state.settled ?? true,
        applies,
        counters,
        (state.balances ?? {}) as Balances,
      );
      s.remaining = fen(remaining);
      s.parts.set(parts);
      s.scope.set(parts);
      s.carried[index] = state.carried ?? 0;
      // A trace that was not written reads as an impossible number, not as a plausible zero.
      s.trace.fill(-1);
      const d = kind.decide(tier.params, facts);
      kind.step(s, tier, d, GUARD);
      const outside = [...s.trace.subarray(0, GUARD), ...s.trace.subarray(GUARD + width)];
      if (outside.some((v) => v !== -1)) {
        throw new Error(`the step wrote outside its trace slots: ${[...s.trace].join(', ')}`);
      }
      const amount = s.amounts[index]! as Fen;
      const detail = kind.detail(s, tier, d, GUARD);
      const line = { label, labelEn, amount };
      return {
        s,
        amount,
        available: s.trace[GUARD + TRACE_AVAILABLE]! as Fen,
        counters: Object.fromEntries(counterNames.map((n, i) => [n, counters[i]!])),
        parts: [...s.parts],
        pools: [...s.pools],
        remaining: s.remaining,
        detail,
        zh: kind.explain('zh-CN', detail, line),
        en: kind.explain('en', detail, line),
        base: kind.nhsaBase(detail),
        limit: kind.nhsaLimit(detail, amount),
      };
    },
  };
}

/** Resolves a tier file with the environment a compiled rule set would give it, on {@link DAY}. */
function resolveTier<Raw, P>(
  kind: Kind<string, Raw, P, unknown, unknown>,
  raw: Raw,
  o: TierSetup,
  {
    label,
    labelEn,
    index,
    order,
  }: { label: string; labelEn: string; index: number; order: NonNullable<TierSetup['order']> },
): { tier: TierSpec<P>; counterNames: readonly string[] } {
  const counterNames = kind.counters(raw);
  const at = <T>(p: Dated<T>): T => {
    const v = valueOn(p.values, DAY);
    if (v === undefined) throw new Error(`no value in force on ${DAY}`);
    return v;
  };
  const ratio = (p: Dated<string>) => parseRatio(at(p));
  const env: ResolveEnv = {
    at,
    ratio,
    amount: (p: AmountParam): Fen =>
      'share' in p ? applyRatio(parseRuleAmount(at(o.parameters![p.of]!)), ratio(p.share)) : parseRuleAmount(at(p)),
    byFact(p, read) {
      if (!('by' in p)) {
        const value = read(p);
        return () => value;
      }
      const values = new Map(Object.entries(p.values).map(([k, d]) => [k, read(d)]));
      return (facts: FactBag) => values.get(String(facts[p.by as FactName]));
    },
    gate: (g) => ({
      clause: g.clause,
      source: g.source,
      description: g.description ?? '',
      descriptionEn: g.descriptionEn ?? g.description ?? '',
      when: compileCondition(g.when),
    }),
    pred: compileCondition,
    tierIndex: (id) => order.findIndex((t) => t.id === id),
    head: (i) => ({ label: order[i]!.label, labelEn: order[i]!.labelEn ?? order[i]!.label }),
    counter: (name) => {
      const i = counterNames.indexOf(name);
      if (i < 0) throw new Error(`the kind asked for counter "${name}", which it does not name`);
      return i;
    },
    carriedFrom: () => o.carriedFrom ?? null,
  };
  const tier: TierSpec<P> = {
    index,
    tier: index + 1,
    id: order[index]!.id,
    kind: kind.name,
    label,
    labelEn,
    short: label,
    clause: 'T.1',
    payer: 'insurance',
    nhsa: null,
    listedWhenApplies: false,
    partsReadLater: o.partsReadLater ?? true,
    applies: {
      clause: 'T.1',
      source: 'seed',
      description: o.applies?.description ?? '',
      descriptionEn: o.applies?.descriptionEn ?? '',
      when: () => true,
    },
    params: kind.resolve(raw, env),
  };
  return { tier, counterNames };
}

/**
 * Asserts what a line says in both languages and what the national platform's record shows of it.
 *
 * @example
 * expectLine(r, { zh: '…支付800.00元。', en: '…pays 800.00 yuan.', base: 140000, limit: 99999 })
 */
export function expectLine(
  r: Ran<unknown>,
  said: { readonly zh: string; readonly en: string; readonly base: number; readonly limit: number },
): void {
  expect({ zh: r.zh, en: r.en, base: r.base, limit: r.limit }).toEqual(said);
}

/** A problem a kind's lint reported: its path inside the tier file, joined by dots. */
export interface Reported {
  readonly path: string;
  readonly message: string;
  readonly code?: string | undefined;
}

/**
 * What a kind's lint reports of a tier file (in an order of tier files for the checks that look
 * at the other tiers; their funds as the engine's check asks for them).
 *
 * @example
 * lintOf(brackets, raw) // [{ path: 'brackets.values.2020-01-01.1.upTo', message: 'bracket bounds must ascend' }]
 */
export function lintOf<Raw>(
  kind: Kind<string, Raw, unknown, unknown, unknown>,
  raw: Raw,
  order: { readonly tiers: readonly object[]; readonly self: number } = { tiers: [], self: 0 },
): Reported[] {
  const out: Reported[] = [];
  const context: KindLintContext = {
    tiers: order.tiers as readonly TierFile[],
    self: order.self,
    funds: (other) =>
      kindNamed(other.kind)
        ?.funds?.(other)
        .map((f) => f.id) ?? null,
  };
  kind.lint?.(raw, (path, message, code) => out.push({ path: path.map(String).join('.'), message, code }), context);
  return out;
}

/**
 * What a kind's own keys (its `shape`) say of a tier file's parameters: nothing when they pass,
 * else each problem at its path.
 *
 * @example
 * schemaProblems(table, { ...raw, rows: {} }) // []
 */
export function schemaProblems(kind: Kind<string, never, unknown, unknown, unknown>, raw: unknown): Reported[] {
  const r = z.strictObject(kind.shape(z, schemaParts(z))).safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
