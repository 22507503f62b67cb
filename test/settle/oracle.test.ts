/**
 * The oracle of the spec (test/oracle, written from docs/policy-2017.md and docs/policy-2022.md alone) against
 * the spec's own worked examples, and the oracle's generated claims against the invariants of
 * docs/policy-2017.md §5. The engine is compared with the oracle elsewhere; here the oracle earns trust.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  oracleSettle,
  oracleSettleSequence,
  P2017,
  P2022,
  readClaim,
  type OracleSettlement,
  type OracleYearState,
} from '../support/oracle/index.js';
import { arbClaim2017, arbClaim2022, arbPersonYear, samplePersonYears } from '../support/oracle/generate.js';
import { NON_DRUG_POOLS, POOL_ORDER, takeProRata, type Pools } from '../support/oracle/common.js';
import { divHalfUp, formatFen, largestRemainder, parseAmount } from '../support/oracle/money.js';
import { TEST } from '../support/paths.js';

interface Example {
  readonly file: string;
  readonly name: string;
  readonly claims: readonly unknown[];
  readonly expected: readonly Record<string, unknown>[];
}

const dir = join(TEST, 'fixtures', 'spec-examples');
const examples: Example[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<Example, 'file'>) }));

const RUNS = Number(process.env.FC_RUNS ?? 300);

describe('the oracle settles every worked example of the spec to the fen', () => {
  it('has all fifteen examples, 01–11 of ziyang-2017 and 12–15 of ziyang-2022', () => {
    expect(examples.map((e) => e.file.slice(0, 2))).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
    ]);
  });

  describe.each(examples)('$file', (example) => {
    const { settlements } = oracleSettleSequence(example.claims);
    it.each(example.expected.map((want, i) => [String(want.claimId), i] as const))(
      'claim %s: every field the example gives',
      (_id, i) => {
        const got = settlements[i] as unknown as Record<string, unknown>;
        const want = example.expected[i]!;
        for (const [key, value] of Object.entries(want)) {
          if (key === 'lines') continue;
          expect(got[key], key).toEqual(value);
        }
        const gotLines = got.lines as Record<string, unknown>[];
        const wantLines = want.lines as Record<string, unknown>[];
        expect(gotLines.map((l) => `${l.tier} ${l.id}`)).toEqual(wantLines.map((l) => `${l.tier} ${l.id}`));
        wantLines.forEach((wl, k) => {
          for (const [key, value] of Object.entries(wl))
            expect(gotLines[k]![key], `${String(wl.id)}.${key}`).toEqual(value);
        });
        // Funds are an object in paying order: the order of its keys is part of the answer.
        const wantFunds = wantLines.find((l) => l.id === 'relief-funds')?.funds;
        if (wantFunds)
          expect(Object.keys(gotLines.find((l) => l.id === 'relief-funds')!.funds as object)).toEqual(
            Object.keys(wantFunds),
          );
      },
    );
  });
});

describe("the oracle's arithmetic", () => {
  const pools = (sizes: Partial<Record<(typeof POOL_ORDER)[number], bigint>>): Pools =>
    ({ ...Object.fromEntries(POOL_ORDER.map((n) => [n, 0n])), ...sizes }) as Pools;

  it.each([
    ['12.50', 1250n],
    ['12.5', 1250n],
    ['12', 1200n],
    ['0', 0n],
    [1234.5, 123450n],
    [5e2, 50000n],
    [0.01, 1n],
    [1234.56, 123456n],
  ] as const)('reads the contract amount %j as %s fen', (written, fen) => expect(parseAmount(written)).toBe(fen));

  it.each([
    [5n, 2n, 3n],
    [3n, 2n, 2n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
  ])('rounds %s / %s half-up to %s', (n, d, r) => expect(divHalfUp(n, d)).toBe(r));

  it('formats fen with exactly two decimals', () =>
    expect([0n, 5n, 1234567n].map(formatFen)).toEqual(['0.00', '0.05', '12345.67']));

  it('gives a tied leftover fen to the earlier pool in the fixed order (§3.3)', () => {
    expect(takeProRata(pools({ 'B.nondrug': 1n, 'N.drug': 1n }), POOL_ORDER, 1n)).toMatchObject({
      'B.nondrug': 0n,
      'N.drug': 1n,
    });
    expect(takeProRata(pools({ 'O.nondrug': 3n, 'A.nondrug': 3n }), NON_DRUG_POOLS, 3n)).toMatchObject({
      'A.nondrug': 1n,
      'O.nondrug': 2n,
    });
  });

  it('gives the leftover fen to the largest fractional parts first (§3.3)', () => {
    // 10 × (10, 20, 40) / 70 = 1.43, 2.86, 5.71: floors 1, 2, 5 and two leftover fen, to the .86 and the .71.
    expect(largestRemainder(10n, [10n, 20n, 40n])).toEqual([1n, 3n, 6n]);
  });

  it('splits any amount over any pools into parts that add up exactly (§3.3)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (sizes, share) => {
          const total = sizes.reduce((a, b) => a + b, 0n);
          const amount = BigInt(Math.floor(Number(total) * share));
          const parts = largestRemainder(amount, sizes);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
          parts.forEach((p, i) => expect(p >= 0n && p <= sizes[i]!).toBe(true));
        },
      ),
    );
  });
});

describe('the oracle refuses what no rule set covers', () => {
  const claim = (discharged: string) => ({
    ...(examples[0]!.claims[0] as object),
    visit: { kind: 'inpatient', discharged },
  });
  it.each(['2017-03-16', '2021-01-01', '2021-12-31', '2016-12-31'])(
    'a claim discharged on %s has no rule set',
    (date) => {
      expect(() => oracleSettle(claim(date), undefined)).toThrow(/no rule set/);
    },
  );
  it.each([
    ['2017-03-17', 'ziyang-2017'],
    ['2020-12-31', 'ziyang-2017'],
    ['2022-01-01', 'ziyang-2022'],
  ])('a claim discharged on %s is settled by %s', (date, rules) => {
    const c = { ...claim(date), person: { id: 'P', county: 'anyue', category: 'general' } };
    expect(oracleSettle(c, undefined).settlement.rules).toBe(rules);
  });
  it('a claim id already in the ledger is refused (no double counting)', () => {
    const first = oracleSettle(examples[0]!.claims[0], undefined);
    expect(() => oracleSettle(examples[0]!.claims[0], first.state)).toThrow(/already in the ledger/);
  });
});

/** Fen of a contract string. */
const fen = (s: string): bigint => parseAmount(s);

/** docs/policy-2017.md §5.1, §5.2 (lines non-negative) and §5.4 for one settlement. */
function checkSettlement(s: OracleSettlement): void {
  const lines = s.lines.map((l) => fen(l.amount));
  expect(lines.every((l) => l >= 0n)).toBe(true);
  expect(fen(s.hospitalAbsorbed) + lines.reduce((a, b) => a + b, 0n) + fen(s.personal)).toBe(fen(s.total));
  expect(fen(s.billable)).toBe(fen(s.total) - fen(s.hospitalAbsorbed));
  if (s.target) expect(s.target.met && fen(s.personal) <= fen(s.target.personalMax)).toBe(true);
  if (s.rules === 'ziyang-2022') expect(s.target).toBeNull();
}

/** docs/policy-2017.md §5.2 "no annual cap is exceeded", on the ledger at the end of a person-year. */
function checkCaps(state: OracleYearState): void {
  const P = state.rules === 'ziyang-2017' ? P2017 : P2022;
  expect(state.basicPaid <= P.basicAnnualCap).toBe(true);
  expect(state.generalOutpatientPaid <= P.generalOutpatient.annualCap).toBe(true);
  expect(
    state.assistancePaid <= (state.rules === 'ziyang-2017' ? P2017.assistanceAnnualLimit : P2022.assistanceAnnualLimit),
  ).toBe(true);
  expect(state.supplementaryPaid <= P2017.supplementaryAnnualCap).toBe(true);
  expect(state.tiltedPaid <= P2022.tiltedAnnualCap).toBe(true);
  // The 2022 core group has no serious-illness cap; 2017 always has one.
  if (state.rules === 'ziyang-2017') expect(state.seriousIllnessPaid <= P2017.seriousIllnessAnnualCap).toBe(true);
}

describe('generated claims of both eras keep the invariants of docs/policy-2017.md §5 under the oracle', () => {
  it('single 2017 claims: the bill adds up, no line is negative, a target applied is met', () => {
    fc.assert(
      fc.property(arbClaim2017, (c) => checkSettlement(oracleSettle(c, undefined).settlement)),
      { numRuns: RUNS },
    );
  });

  it('single 2022 claims: the bill adds up, no line is negative, no target', () => {
    fc.assert(
      fc.property(arbClaim2022, (c) => checkSettlement(oracleSettle(c, undefined).settlement)),
      { numRuns: RUNS },
    );
  });

  it('person-years: every claim adds up and no annual cap is exceeded at the end of the year', () => {
    fc.assert(
      fc.property(arbPersonYear, (claims) => {
        const { settlements, states } = oracleSettleSequence(claims);
        settlements.forEach(checkSettlement);
        expect(states.size).toBe(1);
        for (const state of states.values()) {
          expect(state.claimIds).toEqual(claims.map((c) => (c as { id: string }).id));
          checkCaps(state);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic and reads its claims the same after a JSON round trip (numbers are whole fen)', () => {
    fc.assert(
      fc.property(arbPersonYear, (claims) => {
        const once = oracleSettleSequence(claims).settlements;
        const again = oracleSettleSequence(JSON.parse(JSON.stringify(claims)) as unknown[]).settlements;
        expect(JSON.stringify(again)).toBe(JSON.stringify(once));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe('the generator reaches every branch of both specs (fixed seed)', () => {
  const years = samplePersonYears(20170317, 600);
  const claims = years.flat().map((c) => ({ json: c as Record<string, any>, read: readClaim(c) }));
  const ends = years.map((y) => [...oracleSettleSequence(y).states.values()][0]!);
  const settlements = years.flatMap((y) => oracleSettleSequence(y).settlements);
  const some = (label: string, test: () => boolean) => it(label, () => expect(test()).toBe(true));

  const era = (rules: string) => claims.filter((c) => c.read.rules === rules);
  for (const [rules, categories] of [
    ['ziyang-2017', ['registered-poor', 'rural-dibao', 'general']],
    ['ziyang-2022', ['extreme-poor', 'dibao', 'returned-poor', 'marginal', 'illness-poor', 'general']],
  ] as const) {
    for (const category of categories)
      some(`${rules}: category ${category}`, () => era(rules).some((c) => c.read.category === category));
    for (const kind of ['inpatient', 'delivery', 'special-outpatient', 'general-outpatient']) {
      some(`${rules}: visit kind ${kind}`, () => era(rules).some((c) => c.read.kind === kind));
    }
  }
  for (const mode of ['vaginal', 'cesarean'])
    some(`delivery mode ${mode}`, () => claims.some((c) => c.read.kind === 'delivery' && c.read.deliveryMode === mode));
  for (const area of ['yanjiang', 'anyue', 'lezhi', 'sichuan', 'other-province'])
    some(`hospital area ${area}`, () => claims.some((c) => c.read.area === area));
  some(
    'in-county and in-city care',
    () =>
      claims.some((c) => c.read.area === c.read.county) &&
      claims.some((c) => ['yanjiang', 'anyue', 'lezhi'].includes(c.read.area) && c.read.area !== c.read.county),
  );
  some('2017 Yanjiang rule (protected Yanjiang resident, city hospital in Yanjiang)', () =>
    era('ziyang-2017').some(
      (c) =>
        ['registered-poor', 'rural-dibao'].includes(c.read.category) &&
        c.read.county === 'yanjiang' &&
        c.read.area === 'yanjiang' &&
        c.read.level === 'city',
    ),
  );
  for (const level of ['township', 'county', 'city', 'provincial'])
    some(`hospital level ${level}`, () => claims.some((c) => c.read.level === level));
  some('non-designated hospitals', () => claims.some((c) => !c.read.designated));
  some('C items necessary and not, non-compliant items, B items', () => {
    const items = claims.flatMap((c) => c.read.items);
    return (
      items.some((i) => i.catalog === 'C' && i.necessary) &&
      items.some((i) => i.catalog === 'C' && !i.necessary) &&
      items.some((i) => !i.compliant) &&
      items.some((i) => i.catalog === 'B')
    );
  });
  some('referral none/referred/emergency, major disease, chronic', () => {
    const r = claims.map((c) => c.read);
    return (
      ['none', 'referred', 'emergency'].every((x) => r.some((c) => c.referral === x)) &&
      r.some((c) => c.majorDisease) &&
      r.some((c) => c.chronic)
    );
  });
  some('item categories by id and by national code, drug and non-drug', () => {
    const cats = new Set(claims.flatMap((c) => (c.json.items as { category: string }[]).map((i) => i.category)));
    return [
      'drug',
      'western-drug',
      'herbal-drug',
      'patent-drug',
      '09',
      '10',
      '11',
      '01',
      '14',
      'treatment',
      'other',
    ].every((x) => cats.has(x));
  });
  some('amounts as strings with 2, 1 and 0 decimals and as JSON numbers', () => {
    const amounts = claims.flatMap((c) => (c.json.items as { amount: unknown }[]).map((i) => i.amount));
    return (
      amounts.some((a) => typeof a === 'number') &&
      amounts.some((a) => typeof a === 'string' && /\.\d\d$/.test(a)) &&
      amounts.some((a) => typeof a === 'string' && /\.\d$/.test(a)) &&
      amounts.some((a) => typeof a === 'string' && !a.includes('.'))
    );
  });
  some('defaults left out (designated, compliant, referral, illnessInduced, admitted)', () => {
    const j = claims.map((c) => c.json);
    return (
      j.some((c) => !('designated' in c.hospital)) &&
      j.some((c) => !('referral' in c.visit)) &&
      j.some((c) => !('illnessInduced' in c.person)) &&
      j.some((c) => !('admitted' in c.visit)) &&
      j.some((c) => c.items.some((i: object) => !('compliant' in i)))
    );
  });
  some(
    'person-years of several claims, and a category change within a 2022 year',
    () =>
      years.some((y) => y.length >= 4) &&
      years.some(
        (y) => readClaim(y[0]).rules === 'ziyang-2022' && new Set(y.map((c) => readClaim(c).category)).size > 1,
      ),
  );
  some('2017 caps reached: basic, serious illness, supplementary, assistance, general outpatient', () => {
    const e = ends.filter((s) => s.rules === 'ziyang-2017');
    return (
      e.some((s) => s.basicPaid === P2017.basicAnnualCap) &&
      e.some((s) => s.seriousIllnessPaid === P2017.seriousIllnessAnnualCap) &&
      e.some((s) => s.supplementaryPaid === P2017.supplementaryAnnualCap) &&
      e.some((s) => s.assistancePaid === P2017.assistanceAnnualLimit) &&
      e.some((s) => s.generalOutpatientPaid === P2017.generalOutpatient.annualCap)
    );
  });
  some('2022 caps reached: basic, serious illness (non-core), assistance, tilted; core group above the cap', () => {
    const e = ends.filter((s) => s.rules === 'ziyang-2022');
    return (
      e.some((s) => s.basicPaid === P2022.basicAnnualCap) &&
      e.some((s) => s.seriousIllnessPaid === P2022.seriousIllnessAnnualCap) &&
      e.some((s) => s.seriousIllnessPaid > P2022.seriousIllnessAnnualCap) &&
      e.some((s) => s.assistancePaid === P2022.assistanceAnnualLimit) &&
      e.some((s) => s.tiltedPaid === P2022.tiltedAnnualCap)
    );
  });
  some('2017 serious-illness brackets: burdens past 100,000 of c', () =>
    ends.some((s) => s.seriousIllnessBurden > 100_000_00n),
  );
  some(
    '2017 targets: met at 0, met at the chronic floor, and no target',
    () =>
      settlements.some((s) => s.target?.personalMax === '0.00') &&
      settlements.some((s) => s.target !== null && s.target.personalMax !== '0.00') &&
      settlements.some((s) => s.rules === 'ziyang-2017' && s.target === null),
  );
  some('2017 delivery excess paid by the relief funds', () =>
    settlements.some((s) => s.lines.some((l) => l.funds?.['health-poverty-relief'] !== undefined)),
  );
});
