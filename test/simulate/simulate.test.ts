/**
 * Simulation (issue 3): aggregates are the sums of the individual settlements to the fen, over
 * claims of both rule sets of the book (indexed by the book's dimensions: tiers, funds, counties);
 * a reform of one parameter moves exactly the tiers it should and nothing of the other rule set;
 * dry funds are counted; the same seed gives the same bytes, with any number of workers, from
 * NDJSON or CSV.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimArb, era, yearSequenceOfArb } from '../support/arbitraries.js';
import { main } from '../../src/cli/main.js';
import { generateClaims } from '../../seeds/generator.js';
import type { Fen } from '../../src/money/fen.js';
import { defaultRules, ZIYANG_2017_FILES } from '../../src/scheme/embedded.js';
import { reformRules } from '../../src/scheme/reform.js';
import { RuleErrorCode } from '../../src/errors/codes.js';
import { VISIT_KINDS } from '../../src/claim/enums.js';
import type { ParameterChange } from '../../src/scheme/reform.js';
import { settle, settleBatch } from '../../src/contract/settle-json.js';
import type { SettlementRecord } from '../../src/settle/settle-claim.js';
import { CLAIM_CSV_COLUMNS, claimCsvRows } from '../../src/simulate/output/claim-csv.js';
import { simulateFile } from '../../src/node/simulate/parallel.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { simulationReport } from '../../src/simulate/report/summary.js';
import { tempDir } from '../support/helpers.js';

const claims = [...generateClaims({ claims: 3000, seed: 42, year: 2018 })];
/** Person-years of 2022–2025 (ziyang-2022), each person's claims of the year in order, ids unique. */
const claims2022 = fc
  .sample(yearSequenceOfArb(era('ziyang-2022')), { seed: 2022, numRuns: 400 })
  .flatMap((year, k) =>
    year.map((c) => ({ ...c, id: `Y${k}-${String(c.id)}`, person: { ...(c.person as object), id: `P2022-${k}` } })),
  );
/** The 2018 claims and the 2022 ones, settled by the same book. */
const bothEras = [...claims, ...claims2022];
const dir = tempDir('sim');
const ndjson = join(dir, 'claims.ndjson');
const csv = join(dir, 'claims.csv');

beforeAll(() => {
  writeFileSync(ndjson, claims.map((c) => JSON.stringify(c)).join('\n') + '\n');
  writeFileSync(csv, [CLAIM_CSV_COLUMNS.join(','), ...claims.flatMap(claimCsvRows)].join('\n') + '\n');
});

/** What the tier of that id paid on a claim (0 when its rule set has no such tier). */
const tierOf = (r: SettlementRecord, id: string): number => r.lines.find((l) => l.id === id)?.amount ?? 0;

function settledOneByOne(funds?: Record<string, number>, input: readonly Record<string, unknown>[] = claims) {
  const { outcomes } = settleBatch(input, funds ? { funds: funds as never } : {});
  return outcomes.flatMap((o) => (o.ok ? [o.record] : []));
}

describe('a simulation adds up the individual settlements', () => {
  it('per tier, fund, county, pathway and month, personal pay, targets and admissions, to the fen, over claims of both rule sets', () => {
    const records = settledOneByOne(undefined, bothEras);
    expect(new Set(records.map((r) => r.policy.id))).toEqual(new Set(['ziyang-2017', 'ziyang-2022']));
    const sim = createSimulation({ variants: [{ name: 'baseline', rules: defaultRules() }] });
    for (const c of bothEras) sim.add(c);
    const a = sim.result().variants[0]!.aggregates;
    const sum = (rs: SettlementRecord[], f: (r: SettlementRecord) => number) => rs.reduce((s, r) => s + f(r), 0);
    // Indexed by the book's dimensions: every tier, fund and county of both rule sets, each once.
    const tierIds = a.dims.tiers.map((t) => t.id);
    expect(tierIds).toEqual([...new Set(defaultRules().sets.flatMap((set) => set.scheme.tiers.map((t) => t.id)))]);
    expect(a.dims.counties.map((c) => c.id)).toEqual([
      ...new Set(defaultRules().sets.flatMap((set) => [...set.scheme.counties.keys()])),
    ]);
    const byTier = (rs: SettlementRecord[]) => tierIds.map((id) => sum(rs, (r) => tierOf(r, id)));

    expect(a.all.claims).toBe(records.length);
    expect(a.all.total).toBe(sum(records, (r) => r.bill.total));
    expect(a.all.hospitalAbsorbed).toBe(sum(records, (r) => r.bill.hospitalAbsorbed));
    expect(a.all.personal).toBe(sum(records, (r) => r.personal));
    expect(a.all.byTier).toEqual(byTier(records));
    a.dims.counties.forEach((c, i) => {
      const rs = records.filter((r) => r.claim.person.county === c.id);
      expect(a.byCounty[i]!.byTier).toEqual(byTier(rs));
      expect(a.byCounty[i]!.personal).toBe(sum(rs, (r) => r.personal));
    });
    VISIT_KINDS.forEach((k, i) => {
      const rs = records.filter((r) => r.claim.visit.kind === k);
      expect(a.byPathway[i]!.billable).toBe(sum(rs, (r) => r.bill.billable));
      expect(a.byPathway[i]!.byTier).toEqual(byTier(rs));
    });
    const draws = records.flatMap((r) => r.lines.flatMap((l) => l.funds ?? []));
    expect(a.byFund).toEqual(
      a.dims.funds.map((f) => draws.filter((d) => d.fund === f.id).reduce((s, d) => s + d.amount, 0)),
    );
    expect(a.fundByMonth.map((m) => m.reduce((x, y) => x + y, 0))).toEqual(a.byFund);
    const withTarget = records.filter((r) => r.target);
    expect(a.targets).toEqual({
      withTarget: withTarget.length,
      met: withTarget.filter((r) => r.target!.met).length,
      missed: 0,
      shortfall: 0,
    });
    const admissions = records.filter((r) => r.claim.visit.kind === 'inpatient' || r.claim.visit.kind === 'delivery');
    expect(a.admissions).toEqual({
      total: admissions.length,
      inCounty: admissions.filter((r) => r.facts.location === 'in-county').length,
    });
    expect(a.personalPay.reduce((x, y) => x + y, 0)).toBe(records.length);
    expect(a.payBrackets.reduce((x, y) => x + y, 0)).toBe(records.length);
    expect(a.personalShare.reduce((x, y) => x + y, 0)).toBe(records.length);
  });

  it('counts the targets missed when the funds run dry, with the shortfall, exactly as settling one by one', () => {
    const funds = {
      'emergency-relief': 300_000,
      'charity-care': 200_000,
      'health-poverty-relief': 100_000,
      'major-disease-charity': 0,
    };
    const records = settledOneByOne(funds);
    const sim = createSimulation({
      variants: [{ name: 'baseline', rules: defaultRules() }],
      funds: funds as unknown as Record<string, Fen>,
    });
    for (const c of claims) sim.add(c);
    const r = sim.result().variants[0]!;
    const missed = records.filter((x) => x.target && !x.target.met);
    expect(missed.length).toBeGreaterThan(0);
    expect(r.aggregates.targets.missed).toBe(missed.length);
    expect(r.aggregates.targets.shortfall).toBe(missed.reduce((s, x) => s + x.target!.shortfall, 0));
    expect(r.fundsLeft['2018']).toEqual({
      'emergency-relief': 0,
      'charity-care': 0,
      'health-poverty-relief': 0,
      'major-disease-charity': 0,
    });
    expect(r.aggregates.byFund).toEqual([300_000, 200_000, 100_000, 0]);
  });
});

describe('the distributions', () => {
  it("bin every claim's personal share at the basis point its settlement writes, bills of billions of yuan included", () => {
    fc.assert(
      fc.property(claimArb, (c) => {
        const sim = createSimulation({ variants: [{ name: 'b', rules: defaultRules() }] });
        sim.add(c);
        const r = settle(c);
        if (!r.ok) return;
        const share = sim.result().variants[0]!.aggregates.personalShare;
        expect(share.indexOf(1)).toBe(Math.round(Number(r.value.personalShare) * 10_000));
      }),
      { numRuns: 300 },
    );
  });
});

describe('reforms', () => {
  const reform = (change: ParameterChange) => {
    const r = reformRules(defaultRules(), [change]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  };

  it.each([
    [
      'raising the tilt payment to 30% moves tier 5 and only the tiers after it',
      'ziyang-2017',
      'tiers/tilt-payment.json',
      'shares.in-scope.ratio',
      '0.30',
      'tilt-payment',
    ],
    [
      'raising the assistance ratio to 80% moves tier 7 and only the tiers after it',
      'ziyang-2017',
      'tiers/medical-assistance.json',
      'shares.assisted.ratio',
      '0.80',
      'medical-assistance',
    ],
    [
      'lowering the serious-illness deductible to 5,000 moves tier 3 and only the tiers after it',
      'ziyang-2017',
      'tiers/serious-illness-insurance.json',
      'deductible',
      '5000',
      'serious-illness-insurance',
    ],
    [
      'raising the waiver to 10% moves tier 1 and only the tiers after it',
      'ziyang-2017',
      'tiers/hospital-waiver.json',
      'take.share',
      '0.10',
      'hospital-waiver',
    ],
    [
      'lowering the 2022 tilted-assistance threshold to 5,000 moves tier 4 of 2022 and nothing of 2017',
      'ziyang-2022',
      'tiers/tilted-assistance.json',
      'deductible',
      '5000',
      'tilted-assistance',
    ],
  ])('%s', (_, set, file, path, value, moved) => {
    const variants = [
      { name: 'baseline', rules: defaultRules() },
      { name: 'reform', rules: reform({ set, file, path, value }) },
    ];
    const sim = createSimulation({ variants });
    for (const c of bothEras) sim.add(c);
    const result = sim.result();
    const [base, changed] = result.variants.map((v) => v.aggregates);
    const ids = base!.dims.tiers.map((t) => t.id);
    expect(changed!.dims.tiers.map((t) => t.id)).toEqual(ids);
    // The tiers that run before the changed one in its rule set, and every tier of the other rule set, do not move.
    const order = defaultRules()
      .sets.find((x) => x.id === set)!
      .scheme.tiers.map((t) => t.id);
    const others = defaultRules()
      .sets.filter((x) => x.id !== set)
      .flatMap((x) => x.scheme.tiers.map((t) => t.id))
      .filter((id) => !order.includes(id));
    const still = [...order.slice(0, order.indexOf(moved)), ...others];
    const at = (a: typeof base, id: string) => a!.all.byTier[ids.indexOf(id)];
    for (const id of still) expect(at(changed, id), id).toBe(at(base, id));
    expect(at(changed, moved)).not.toBe(at(base, moved));
    const report = simulationReport(
      result,
      variants.map((v) => v.rules),
    );
    const diff = report.differences[0]!;
    expect(still.map((id) => diff.byTier[id])).toEqual(still.map(() => '0.00'));
    expect(diff.byTier[moved]).not.toBe('0.00');
    expect(result.changed.length).toBeGreaterThan(0);
    for (const p of result.changed) expect(p.change).toBe(p.personal[1]! - p.personal[0]!);
  });

  it('a change to a parameter the rules do not have is refused with its file and path', () => {
    const r = reformRules(ZIYANG_2017_FILES, [{ file: 'tiers/tilt-payment.json', path: 'rate', value: '0.3' }]);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.file, e.path])).toEqual([
      [RuleErrorCode.UNKNOWN_PARAMETER, 'tiers/tilt-payment.json', 'rate'],
    ]);
  });

  it('a change to a book of two rule sets must name its rule set, one the book has', () => {
    const unnamed = reformRules(defaultRules(), [
      { file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.3' },
    ]);
    const unknown = reformRules(defaultRules(), [
      { set: 'ziyang-2019', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.3' },
    ]);
    for (const r of [unnamed, unknown])
      expect(r.ok ? [] : r.errors.map((e) => [e.code, e.file, e.path])).toEqual([
        [RuleErrorCode.UNKNOWN_PARAMETER, 'tiers/tilt-payment.json', 'shares.in-scope.ratio'],
      ]);
  });

  it('a change that breaks the rules (a ratio above 1) is refused by the same checks as a rule folder', () => {
    const r = reformRules(ZIYANG_2017_FILES, [
      { file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '1.5' },
    ]);
    expect(r.ok).toBe(false);
  });
});

describe('the same claims give the same bytes', () => {
  it('the generator gives the same claims for the same seed, and others for another', () => {
    const again = [...generateClaims({ claims: 3000, seed: 42, year: 2018 })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(claims));
    expect(JSON.stringify([...generateClaims({ claims: 10, seed: 43, year: 2018 })])).not.toBe(
      JSON.stringify(claims.slice(0, 10)),
    );
  });

  it('one worker and three give identical results, and CSV gives what NDJSON gives', async () => {
    const job = {
      format: 'ndjson' as const,
      variants: [
        { name: 'baseline' },
        {
          name: 'tilt',
          changes: [
            { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.30' },
          ],
        },
      ],
    };
    const one = await simulateFile({ ...job, file: ndjson, workers: 1 });
    const three = await simulateFile({ ...job, file: ndjson, workers: 3 });
    const fromCsv = await simulateFile({ ...job, file: csv, format: 'csv', workers: 2 });
    const books = [defaultRules(), reform()];
    const text = (r: typeof one) => JSON.stringify(simulationReport(r, books));
    expect(text(three)).toBe(text(one));
    expect(text(fromCsv)).toBe(text(one));
    expect(one.variants[0]!.aggregates.all.claims).toBe(claims.length);
    function reform() {
      const r = reformRules(defaultRules(), job.variants[1]!.changes!);
      if (!r.ok) throw new Error('reform');
      return r.value;
    }
  });

  it('the command prints byte-identical JSON twice, refused lines counted and listed with their line', () => {
    const bad = join(dir, 'with-bad.ndjson');
    writeFileSync(
      bad,
      [JSON.stringify(claims[0]), '{"id": 1}', 'not json', JSON.stringify(claims[1])].join('\n') + '\n',
    );
    const run = () => {
      try {
        execFileSync('npx', ['tsx', 'src/cli/bin.ts', 'simulate', bad, '--workers', '2'], { encoding: 'utf8' });
        throw new Error('expected exit 1');
      } catch (e) {
        const err = e as { status: number; stdout: string };
        expect(err.status).toBe(1);
        return err.stdout;
      }
    };
    const first = run();
    expect(run()).toBe(first);
    const report = JSON.parse(first);
    expect(report.variants[0].claims).toBe(2);
    expect(report.variants[0].rejected).toEqual({ invalid_json: 1, invalid_type: 1 });
    expect(report.rejections.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [2, 'invalid_type'],
      [3, 'invalid_json'],
    ]);
  });
});

describe("the command's fund balances and progress bar", () => {
  const run = async (argv: string[], isTTY = false) => {
    let out = '';
    let err = '';
    let bar = '';
    const code = await main(['simulate', ndjson, ...argv], {
      out: (x) => (out += x),
      err: (x) => (err += x),
      progress: { isTTY, write: (x) => (bar += x) },
    });
    return { code, out, err, bar };
  };
  const fundsFile = (text: string) => {
    const f = join(dir, `funds-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(f, text);
    return f;
  };

  it('--funds gives each fund a yearly balance, and what is left is reported per year', async () => {
    const r = await run([
      '--funds',
      fundsFile(
        '{"emergency-relief": "1000.00", "charity-care": "0", "health-poverty-relief": "500.5", "major-disease-charity": "0"}',
      ),
    ]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out).variants[0];
    expect(v.byFund).toEqual({
      'emergency-relief': '1000.00',
      'charity-care': '0.00',
      'health-poverty-relief': '500.50',
      'major-disease-charity': '0.00',
    });
    expect(v.fundsLeft).toEqual({
      '2018': {
        'emergency-relief': '0.00',
        'charity-care': '0.00',
        'health-poverty-relief': '0.00',
        'major-disease-charity': '0.00',
      },
    });
    expect(v.targets.missed).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown fund', '{"lottery": "1.00"}', 'lottery: not a fund'],
    ['an amount that is not one', '{"charity-care": "a lot"}', 'charity-care: not an amount'],
    ['a fund written twice', '{"charity-care": "1", "charity-care": "2"}', 'writes a key twice: charity-care'],
    ['not an object', '["charity-care"]', 'must be an object'],
    ['not JSON', '{', 'cannot read the fund balances'],
  ])('refuses fund balances with %s (exit 2, said on stderr)', async (_, text, message) => {
    const r = await run(['--funds', fundsFile(text)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('draws a progress bar to 100% on a terminal, and nothing when stderr is not one', async () => {
    const tty = await run(['--workers', '1'], true);
    expect(tty.bar).toMatch(/simulate \[#+\] 100%/);
    expect(tty.bar.endsWith('\n')).toBe(true);
    expect((await run(['--workers', '1'], false)).bar).toBe('');
  });
});

describe('who gains and who loses', () => {
  // The same persons in two years (the generator's ids repeat with the seed): each person-year is
  // counted and ranked on its own, as the ledger keeps them apart.
  const twoYears = [...claims, ...generateClaims({ claims: 3000, seed: 42, year: 2019 })];
  // A reform with winners and losers: more tilt payment for the registered poor, a higher
  // serious-illness deductible for everyone.
  const reformBook = () => {
    const r = reformRules(defaultRules(), [
      { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.30' },
      { set: 'ziyang-2017', file: 'tiers/serious-illness-insurance.json', path: 'deductible', value: '15000' },
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  };

  it('counts the person-years that pay less, more or the same as settling them one by one, in all, per county and per category, and keeps the largest changes each way (ties by person, then year)', () => {
    const books = [defaultRules(), reformBook()];
    const byYear = books.map((rules) => {
      const sums = new Map<
        string,
        { personId: string; year: number; county: string; category: string; personal: number }
      >();
      for (const o of settleBatch(twoYears, { rules }).outcomes) {
        if (!o.ok) continue;
        const c = o.record.claim;
        const key = `${c.person.id}|${c.visit.discharged.slice(0, 4)}`;
        const s = sums.get(key) ?? {
          personId: c.person.id,
          year: Number(c.visit.discharged.slice(0, 4)),
          county: c.person.county,
          category: c.person.category,
          personal: 0,
        };
        s.personal += o.record.personal;
        sums.set(key, s);
      }
      return sums;
    });
    const counts = () => ({ less: 0, lessBy: 0, more: 0, moreBy: 0, same: 0 });
    const expected = {
      all: counts(),
      byCounty: {} as Record<string, ReturnType<typeof counts>>,
      byCategory: {} as Record<string, ReturnType<typeof counts>>,
    };
    const changes: { personId: string; year: number; change: number }[] = [];
    for (const [key, b] of byYear[0]!) {
      const d = byYear[1]!.get(key)!.personal - b.personal;
      for (const c of [
        expected.all,
        (expected.byCounty[b.county] ??= counts()),
        (expected.byCategory[b.category] ??= counts()),
      ]) {
        if (d < 0) c.less++, (c.lessBy += d);
        else if (d > 0) c.more++, (c.moreBy += d);
        else c.same++;
      }
      if (d !== 0) changes.push({ personId: b.personId, year: b.year, change: d });
    }
    expect(expected.all.less).toBeGreaterThan(5);
    expect(expected.all.more).toBeGreaterThan(5);
    const ranked = changes.sort(
      (x, y) =>
        Math.abs(y.change) - Math.abs(x.change) ||
        (x.personId < y.personId ? -1 : x.personId > y.personId ? 1 : x.year - y.year),
    );
    const top = [
      ...ranked.filter((c) => c.change < 0).slice(0, 5),
      ...ranked.filter((c) => c.change > 0).slice(0, 5),
    ].sort((x, y) => ranked.indexOf(x) - ranked.indexOf(y));

    const sim = createSimulation({ variants: books.map((rules, i) => ({ name: `v${i}`, rules })), topChanged: 5 });
    for (const c of twoYears) sim.add(c);
    const result = sim.result();
    expect(result.payChanges).toEqual([expected]);
    expect(result.changed.map((p) => ({ personId: p.personId, year: p.year, change: p.change }))).toEqual(top);
    // The report says the same, in yuan, with the gainers and losers apart.
    const s = simulationReport(result, books).summary[0]!;
    expect([s.personYears!.less, s.personYears!.more, s.personYears!.same]).toEqual([
      expected.all.less,
      expected.all.more,
      expected.all.same,
    ]);
    expect(s.gainers!.map((g) => g.personId)).toEqual(top.filter((c) => c.change < 0).map((c) => c.personId));
    expect(s.losers!.map((g) => g.personId)).toEqual(top.filter((c) => c.change > 0).map((c) => c.personId));
  });
});
