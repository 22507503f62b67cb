/**
 * The compiled predicates say exactly what json-rules-engine's own `engine.run()` says, for every
 * condition in the shipped rules and for random conditions, on generated facts.
 */
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/claim/enums.js';
import { type Condition, compileCondition } from '../../src/rule-files/conditions.js';
import { FACTS, type FactName, type SchemeValues, factValues } from '../../src/rule-files/fact-catalog.js';
import { defaultRules } from '../../src/scheme/embedded.js';

const RUNS = Math.min(1500, Number(process.env.FC_RUNS ?? 1500));
const FACT_NAMES = Object.keys(FACTS) as FactName[];
/** The values of the facts a scheme declares (categories, groups, counties, areas, levels), over every rule set of the book. */
const BOOK_VALUES: SchemeValues = (() => {
  const sets = defaultRules().sets.map((x) => x.scheme);
  const union = (f: (s: (typeof sets)[number]) => Iterable<string>) => [...new Set(sets.flatMap((s) => [...f(s)]))];
  return {
    categories: union((s) => s.categories.keys()),
    groups: union((s) => s.groups.keys()),
    counties: union((s) => s.counties.keys()),
    areas: union((s) => s.areas.keys()),
    levels: union((s) => s.levels),
  };
})();
const valuesOf = (f: FactName): readonly (string | boolean)[] => factValues(f, BOOK_VALUES);

/** A full bag of facts, every fact with one of its values. */
const factsArb = fc.record(
  Object.fromEntries(FACT_NAMES.map((f) => [f, fc.constantFrom(...valuesOf(f))])) as Record<
    FactName,
    fc.Arbitrary<string | boolean>
  >,
);

const leafArb: fc.Arbitrary<Condition> = fc.constantFrom(...FACT_NAMES).chain((fact) =>
  fc.oneof(
    fc.record({
      fact: fc.constant(fact),
      operator: fc.constantFrom('equal', 'notEqual'),
      value: fc.constantFrom(...valuesOf(fact)),
    }),
    fc.record({
      fact: fc.constant(fact),
      operator: fc.constantFrom('in', 'notIn'),
      value: fc.subarray([...valuesOf(fact)]),
    }),
  ),
) as fc.Arbitrary<Condition>;

const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ not: tie('node') }),
  ) as fc.Arbitrary<Condition>,
})).node;
const topArb = fc.oneof(
  fc.record({ all: fc.array(conditionArb, { maxLength: 4 }) }),
  fc.record({ any: fc.array(conditionArb, { maxLength: 4 }) }),
  fc.record({ not: conditionArb }),
) as fc.Arbitrary<Condition>;

async function engineSays(condition: Condition, facts: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addRule({ conditions: condition as never, event: { type: 'holds' } });
  const { events } = await engine.run(facts);
  return events.length === 1;
}

function shippedConditions(): Condition[] {
  const out: Condition[] = [];
  const walk = (n: unknown): void => {
    if (typeof n !== 'object' || n === null) return;
    if (Array.isArray(n)) return n.forEach(walk);
    const o = n as Record<string, unknown>;
    if (o.when) out.push(o.when as Condition);
    Object.entries(o).forEach(([k, v]) => k !== 'when' && walk(v));
  };
  for (const set of defaultRules().sets) walk(set.files);
  return out;
}

describe('compiled conditions agree with json-rules-engine', () => {
  const shipped = shippedConditions();

  it('finds the conditions of the shipped rules, of both rule sets, over facts of their own values', () => {
    expect(shipped.length).toBeGreaterThan(45);
    expect(valuesOf('category')).toEqual(expect.arrayContaining(['registered-poor', 'extreme-poor', 'general']));
    expect(valuesOf('group')).toEqual(expect.arrayContaining(['poor', 'core', 'marginal', 'illness', 'none']));
  });

  it('on every condition of the shipped rules, for generated facts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...shipped), factsArb, async (cond, facts) => {
        expect(compileCondition(cond)(facts)).toBe(await engineSays(cond, facts));
      }),
      { numRuns: RUNS },
    );
  });

  it('on random conditions (all / any / not, nested, empty lists included), for generated facts', async () => {
    await fc.assert(
      fc.asyncProperty(topArb, factsArb, async (cond, facts) => {
        expect(compileCondition(cond)(facts)).toBe(await engineSays(cond, facts));
      }),
      { numRuns: RUNS },
    );
  });

  it('including the numeric operators and the engine’s fact-value validators', async () => {
    const numeric = fc.record({
      fact: fc.constant('itemCategory'),
      operator: fc.constantFrom(
        'lessThan',
        'lessThanInclusive',
        'greaterThan',
        'greaterThanInclusive',
        'contains',
        'doesNotContain',
      ),
      value: fc.oneof(fc.integer(), fc.constantFrom(...CATALOGS)),
    });
    await fc.assert(
      fc.asyncProperty(numeric, fc.oneof(fc.integer(), fc.constantFrom('12', 'x', 'A')), async (leaf, v) => {
        const cond = { all: [leaf] } as Condition;
        const facts = { itemCategory: v } as never;
        expect(compileCondition(cond)(facts)).toBe(await engineSays(cond, facts));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
