/**
 * `simulate` refuses exactly what `settle` refuses (issue 13): a claim id settled once across
 * every person and year (docs/claim.md, docs/policy-2017.md §6), and claims whose amounts would carry their
 * person-year beyond the exact range of 2^53 fen, with the rest of the input still settled.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import { ClaimErrorCode } from '../../src/errors/codes.js';
import { emptyYearLedger } from '../../src/ledger/year-ledger.js';
import { yearLedgerToJson } from '../../src/ledger/ledger-json.js';
import type { Fen } from '../../src/money/fen.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import { settle, settleBatch } from '../../src/contract/settle-json.js';
import { simulateFile } from '../../src/node/simulate/parallel.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { simulationReport } from '../../src/simulate/report/summary.js';
import {
  bashunwei,
  figuresOfAggregates,
  figuresOfSettlements,
  testFolder,
  writeNdjson,
} from '../support/simulation-inputs.js';

const tmp = testFolder('refusals');
afterAll(() => tmp.remove());

const claim = (id: string, person: string, overrides: Record<string, unknown> = {}) => ({
  id,
  person: { id: person, county: 'lezhi', category: 'rural-dibao' },
  visit: { kind: 'inpatient', admitted: '2018-04-01', discharged: '2018-04-09' },
  hospital: { level: 'county', area: 'lezhi' },
  items: [
    { category: 'drug', catalog: 'A', amount: '4200.00' },
    { category: 'material', catalog: 'C', amount: '800.00', necessary: true },
  ],
  ...overrides,
});

/** The refusals of `settle --format ndjson` as [line, code, path, message], and how many claims it settled. */
async function settleRefusals(file: string) {
  const r = await bashunwei(['settle', file, '--format', 'ndjson', '--lang', 'en']);
  const lines = r.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const refused: [number, string, string, string][] = lines
    .filter((l) => 'error' in l)
    .map((l) => [l.line, l.error.code, l.error.path, l.error.message]);
  return { code: r.code, refused, settled: lines.length - refused.length };
}

/** The refusals `simulate` lists, and how many claims it settled. */
async function simulateRefusals(file: string, workers: string) {
  const r = await bashunwei(['simulate', file, '--workers', workers, '--lang', 'en']);
  const report = JSON.parse(r.out);
  return {
    code: r.code,
    refused: report.rejections.map((x: { line: number; code: string; path: string; message: string }) => [
      x.line,
      x.code,
      x.path,
      x.message,
    ]),
    settled: report.variants[0].claims,
    err: r.err,
  };
}

describe('duplicate claim ids', () => {
  const generated = [...generateClaims({ claims: 300, seed: 5, year: 2018 })];
  const file = writeNdjson(tmp.file('duplicates.ndjson'), [
    ...generated.slice(0, 100),
    claim('D1', 'PA'),
    claim('D1', 'PB'), // another person: refused, as settle refuses it
    claim('D2', 'PC', { items: [] }), // invalid: does not take the id
    claim('D2', 'PD'), // so this one is settled
    claim('D3', 'PE', { visit: { kind: 'inpatient', discharged: '2016-02-01' } }), // no rules that day: does not take the id
    claim('D3', 'PF'), // settled
    claim('D4', 'PG'),
    claim('D4', 'PG'), // the same person again: refused
    '{"id":"D\\u0035","person":{"id":"PH","county":"lezhi","category":"general"},"visit":{"kind":"general-outpatient","discharged":"2018-05-05"},"hospital":{"level":"township","area":"lezhi"},"items":[{"category":"drug","catalog":"A","amount":"30.00"}]}',
    claim('D5', 'PI'), // the same id written without the escape: refused
    claim('D6', 'PJ'),
    claim('D6', 'PK', { items: [] }), // invalid: refused for what it is, not as a duplicate
    ...generated.slice(100, 200),
    JSON.stringify(generated[7]), // a generated claim sent again, long after
    claim('D1', 'PL', { visit: { kind: 'inpatient', discharged: '2016-02-01' } }), // a duplicate, whatever its date
    ...generated.slice(200),
  ]);

  it('are refused by simulate on the very lines settle refuses them, with the same code, path and message, with 1 and 3 workers', async () => {
    const expected = await settleRefusals(file);
    expect(expected.code).toBe(1);
    expect(expected.refused.map(([line, code]) => [line, code])).toEqual([
      [102, ClaimErrorCode.DUPLICATE_CLAIM],
      [103, ClaimErrorCode.EMPTY_ITEMS],
      [105, ClaimErrorCode.NO_RULES_FOR_DATE],
      [108, ClaimErrorCode.DUPLICATE_CLAIM],
      [110, ClaimErrorCode.DUPLICATE_CLAIM],
      [112, ClaimErrorCode.EMPTY_ITEMS],
      [213, ClaimErrorCode.DUPLICATE_CLAIM],
      [214, ClaimErrorCode.DUPLICATE_CLAIM],
    ]);
    for (const workers of ['1', '3']) {
      const got = await simulateRefusals(file, workers);
      expect(got.code).toBe(1);
      expect(got.refused).toEqual(expected.refused);
      expect(got.settled).toBe(expected.settled);
      expect(got.err, 'decided per id partition, never redone in input order').toBe('');
    }
  }, 600_000);

  it('anywhere in any input: simulate adds up what settling one by one gives (property, 4 partitions)', async () => {
    const pool = [...generateClaims({ claims: 40, seed: 11, year: 2018 })];
    const line = fc.record({
      from: fc.nat(pool.length - 1),
      id: fc.constantFrom('X1', 'X2', 'X3', null),
      person: fc.constantFrom('Q1', 'Q2', null),
      broken: fc.constantFrom(false, false, false, 'items', 'date'),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), async (lines) => {
        const claims = lines.map((l) => {
          const c = structuredClone(pool[l.from]!) as Record<string, Record<string, unknown>>;
          if (l.id) (c as Record<string, unknown>).id = l.id;
          if (l.person) c.person!.id = l.person;
          if (l.broken === 'items') (c as Record<string, unknown>).items = [];
          if (l.broken === 'date') c.visit = { ...c.visit, admitted: '2016-01-01', discharged: '2016-01-02' };
          return c;
        });
        const file = writeNdjson(tmp.file(`property-${run++}.ndjson`), claims);
        const notices: string[] = [];
        const result = await simulateFile({
          file,
          format: 'ndjson',
          variants: [{ name: 'baseline' }],
          workers: 1,
          notice: (m) => notices.push(m),
        });
        expect(notices).toEqual([]);
        const { outcomes } = settleBatch(claims);
        expect(figuresOfAggregates(result.variants[0]!.aggregates)).toEqual(
          figuresOfSettlements(outcomes, result.variants[0]!.aggregates.dims),
        );
        const refused = outcomes.flatMap((o) => (o.ok ? [] : [[o.line, o.errors[0]!.code]]));
        expect(result.rejections.map((r) => [r.line, r.code])).toEqual(refused.slice(0, 20));
      }),
      { numRuns: 40 },
    );
  }, 600_000);
});

describe('duplicate claim ids under several variants', () => {
  it("are decided by each variant's own rules: a claim with no rules under one variant does not take its id there", async () => {
    const short = tmp.file('ziyang-to-mid-2018');
    cpSync('rules/ziyang-2017', short, { recursive: true });
    const ruleset = JSON.parse(readFileSync(join(short, 'ruleset.json'), 'utf8'));
    writeFileSync(
      join(short, 'ruleset.json'),
      JSON.stringify({ ...ruleset, inForce: { ...ruleset.inForce, to: '2018-06-30' } }),
    );
    const shortBook = loadRuleFolder(short);
    if (!shortBook.ok) throw new Error(JSON.stringify(shortBook.errors));
    // Ids from a small set, so that most claims repeat an id of another person, of either half of the year.
    const claims = [...generateClaims({ claims: 600, seed: 21, year: 2018 })].map((c, i) => ({
      ...c,
      id: `R${(i * 7919) % 150}`,
    }));
    const file = writeNdjson(tmp.file('variants.ndjson'), claims);
    const variants = [{ name: 'baseline' }, { name: 'short', rules: short }];
    const notices: string[] = [];
    const partitioned = await simulateFile({
      file,
      format: 'ndjson',
      variants,
      workers: 1,
      notice: (m) => notices.push(m),
    });
    expect(notices).toEqual([]);
    const books = [defaultRules(), shortBook.value];
    const inOrder = createSimulation({
      variants: [
        { name: 'baseline', rules: books[0]! },
        { name: 'short', rules: books[1]! },
      ],
    });
    for (const c of claims) inOrder.add(c);
    expect(simulationReport(partitioned, books)).toEqual(simulationReport(inOrder.result(), books));
    expect(figuresOfAggregates(partitioned.variants[1]!.aggregates)).toEqual(
      figuresOfSettlements(
        settleBatch(claims, { rules: shortBook.value }).outcomes,
        partitioned.variants[1]!.aggregates.dims,
      ),
    );
    expect(partitioned.variants[1]!.aggregates.rejected[ClaimErrorCode.NO_RULES_FOR_DATE]).toBeGreaterThan(0);
  }, 600_000);
});

describe('amounts beyond the exact range', () => {
  /**
   * A claim of 10^12 yuan, the most one claim may carry, all of it in scope (a person outside the
   * protected categories: no waiver), so that the serious-illness burden of the year grows by
   * nearly the whole bill: about 90 of them fill 2^53 fen, while the run's own totals stay below it.
   */
  const huge = (id: string) =>
    claim(id, 'RICH', {
      person: { id: 'RICH', county: 'lezhi', category: 'general' },
      items: [{ category: 'treatment', catalog: 'A', amount: '1000000000000.00' }],
    });
  const claims = [
    ...[...generateClaims({ claims: 50, seed: 8, year: 2018 })],
    ...Array.from({ length: 100 }, (_, i) => huge(`H${i}`)),
    ...[...generateClaims({ claims: 50, seed: 9, year: 2018 })].map((c) => ({ ...c, id: `N${String(c.id)}` })),
  ];
  const file = writeNdjson(tmp.file('overflow.ndjson'), claims);

  it('refuses the claims that would pass 2^53 fen in their person-year (ledger_overflow, at items) and settles every other claim, in settle and simulate alike', async () => {
    const expected = await settleRefusals(file);
    expect(expected.code).toBe(1);
    expect(expected.refused.length).toBeGreaterThan(1);
    expect(expected.refused.length).toBeLessThan(20);
    for (const [line, code, path] of expected.refused) {
      expect([code, path]).toEqual([ClaimErrorCode.LEDGER_OVERFLOW, 'items']);
      expect(line).toBeGreaterThan(50);
      expect(line).toBeLessThanOrEqual(150);
    }
    expect(expected.settled).toBe(claims.length - expected.refused.length);
    for (const workers of ['1', '2']) {
      const got = await simulateRefusals(file, workers);
      expect(got.refused).toEqual(expected.refused);
      expect(got.settled).toBe(expected.settled);
    }
    const result = await simulateFile({ file, format: 'ndjson', variants: [{ name: 'baseline' }], workers: 1 });
    expect(figuresOfAggregates(result.variants[0]!.aggregates)).toEqual(
      figuresOfSettlements(settleBatch(claims).outcomes, result.variants[0]!.aggregates.dims),
    );
  }, 600_000);

  it('a claim id whose first occurrence was refused so is settled later, as settle does (the run is redone in input order, and says so)', async () => {
    const refusedFirst = (await settleRefusals(file)).refused[0]![0];
    const again = { ...claims[10]!, id: `H${refusedFirst - 51}` };
    const twice = writeNdjson(tmp.file('overflow-then-again.ndjson'), [...claims, again]);
    const expected = await settleRefusals(twice);
    expect(expected.refused.map((r) => r[0])).not.toContain(claims.length + 1);
    for (const workers of ['1', '2']) {
      const got = await simulateRefusals(twice, workers);
      expect(got.refused).toEqual(expected.refused);
      expect(got.settled).toBe(expected.settled);
      expect(got.err).toContain('settling again in input order');
    }
  }, 600_000);

  it('a run whose totals across persons pass 2^53 fen prints no report and says why (exit 2)', async () => {
    const many = writeNdjson(
      tmp.file('many-rich.ndjson'),
      Array.from({ length: 95 }, (_, i) => ({
        ...huge(`M${i}`),
        person: { id: `RICH${i}`, county: 'lezhi', category: 'general' },
      })),
    );
    const r = await bashunwei(['simulate', many, '--workers', '1']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('a total of the simulation passes 2^53 fen');
  });

  it('one claim on a ledger near the limit is refused by settle(), not thrown', () => {
    // settle() reads a ledger as JSON, amounts in yuan strings (docs/claim.md, "The ledger").
    const ledger = yearLedgerToJson({
      ...emptyYearLedger('RICH', 2018),
      counters: { 'serious-illness-insurance.burden': (Number.MAX_SAFE_INTEGER - 10_000) as Fen },
    });
    const r = settle(huge('ONE'), { ledger, lang: 'en' });
    expect(r.ok ? null : r.errors).toEqual([
      {
        code: 'ledger_overflow',
        path: 'items',
        message: `the amounts of this claim (items), added to what the person-year's earlier claims count (serious-illness-insurance.burden 90071992547309.91), would pass 2^53 fen (about 9 × 10^13 yuan), beyond which amounts are not exact; the claim is refused, the others are settled: check its amounts`,
      },
    ]);
  });
});
