/**
 * Simulation (issue 3): aggregates are the sums of the individual settlements to the fen; a reform
 * of one parameter moves exactly the tiers it should; dry funds are counted; the same seed gives
 * the same bytes, with any number of workers, from NDJSON or CSV.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimArb } from './arbitraries.js';
import { main } from '../src/cli/main.js';
import { generateClaims } from '../seeds/generator.js';
import type { Fen } from '../src/money/fen.js';
import { defaultRules, ZIYANG_2017_FILES } from '../src/rules/embedded.js';
import { reformRules } from '../src/rules/reform.js';
import { RuleErrorCode } from '../src/errors/codes.js';
import { COUNTIES, VISIT_KINDS } from '../src/claim/enums.js';
import { FUND_IDS, TIER_ORDER } from '../src/rules/schema.js';
import { settle, settleBatch } from '../src/settle/settle.js';
import type { SettlementRecord } from '../src/settle/settle-claim.js';
import { CLAIM_CSV_COLUMNS, claimCsvRows } from '../src/simulate/claim-csv.js';
import { simulateFile } from '../src/simulate/parallel.js';
import { createSimulation } from '../src/simulate/simulation.js';
import { simulationReport } from '../src/simulate/summary.js';

const claims = [...generateClaims({ claims: 3000, seed: 42, year: 2018 })];
const dir = mkdtempSync(join(tmpdir(), 'bashunwei-sim-'));
const ndjson = join(dir, 'claims.ndjson');
const csv = join(dir, 'claims.csv');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  writeFileSync(ndjson, claims.map((c) => JSON.stringify(c)).join('\n') + '\n');
  writeFileSync(csv, [CLAIM_CSV_COLUMNS.join(','), ...claims.flatMap(claimCsvRows)].join('\n') + '\n');
});

const tierOf = (r: SettlementRecord, t: number): number => r.lines.find((l) => l.tier === t)?.amount ?? 0;

function settledOneByOne(funds?: Record<string, number>) {
  const { outcomes } = settleBatch(claims, funds ? { funds: funds as never } : {});
  return outcomes.flatMap((o) => (o.ok ? [o.record] : []));
}

describe('a simulation adds up the individual settlements', () => {
  it('per tier, fund, county, pathway and month, personal pay, targets and admissions, to the fen', () => {
    const records = settledOneByOne();
    const sim = createSimulation({ variants: [{ name: 'baseline', rules: defaultRules() }] });
    for (const c of claims) sim.add(c);
    const a = sim.result().variants[0]!.aggregates;
    const sum = (rs: SettlementRecord[], f: (r: SettlementRecord) => number) => rs.reduce((s, r) => s + f(r), 0);

    expect(a.all.claims).toBe(records.length);
    expect(a.all.total).toBe(sum(records, (r) => r.bill.total));
    expect(a.all.hospitalAbsorbed).toBe(sum(records, (r) => r.bill.hospitalAbsorbed));
    expect(a.all.personal).toBe(sum(records, (r) => r.personal));
    expect(a.all.byTier).toEqual(TIER_ORDER.map((_, t) => sum(records, (r) => tierOf(r, t))));
    COUNTIES.forEach((c, i) => {
      const rs = records.filter((r) => r.claim.person.county === c);
      expect(a.byCounty[i]!.byTier).toEqual(TIER_ORDER.map((_, t) => sum(rs, (r) => tierOf(r, t))));
      expect(a.byCounty[i]!.personal).toBe(sum(rs, (r) => r.personal));
    });
    VISIT_KINDS.forEach((k, i) => {
      const rs = records.filter((r) => r.claim.visit.kind === k);
      expect(a.byPathway[i]!.billable).toBe(sum(rs, (r) => r.bill.billable));
      expect(a.byPathway[i]!.byTier).toEqual(TIER_ORDER.map((_, t) => sum(rs, (r) => tierOf(r, t))));
    });
    const draws = records.flatMap((r) => r.lines.find((l) => l.tier === 8)?.funds ?? []);
    expect(a.byFund).toEqual(FUND_IDS.map((f) => draws.filter((d) => d.fund === f).reduce((s, d) => s + d.amount, 0)));
    expect(a.fundByMonth.map((m) => m.reduce((x, y) => x + y, 0))).toEqual(a.byFund);
    const withTarget = records.filter((r) => r.target);
    expect(a.targets).toEqual({ withTarget: withTarget.length, met: withTarget.filter((r) => r.target!.met).length, missed: 0, shortfall: 0 });
    const admissions = records.filter((r) => r.claim.visit.kind === 'inpatient' || r.claim.visit.kind === 'delivery');
    expect(a.admissions).toEqual({ total: admissions.length, inCounty: admissions.filter((r) => r.facts.location === 'in-county').length });
    expect(a.personalPay.reduce((x, y) => x + y, 0)).toBe(records.length);
    expect(a.payBrackets.reduce((x, y) => x + y, 0)).toBe(records.length);
    expect(a.personalShare.reduce((x, y) => x + y, 0)).toBe(records.length);
  });

  it('counts the targets missed when the funds run dry, with the shortfall, exactly as settling one by one', () => {
    const funds = { 'emergency-relief': 300_000, 'charity-care': 200_000, 'health-poverty-relief': 100_000, 'major-disease-charity': 0 };
    const records = settledOneByOne(funds);
    const sim = createSimulation({ variants: [{ name: 'baseline', rules: defaultRules() }], funds: funds as unknown as Record<string, Fen> });
    for (const c of claims) sim.add(c);
    const r = sim.result().variants[0]!;
    const missed = records.filter((x) => x.target && !x.target.met);
    expect(missed.length).toBeGreaterThan(0);
    expect(r.aggregates.targets.missed).toBe(missed.length);
    expect(r.aggregates.targets.shortfall).toBe(missed.reduce((s, x) => s + x.target!.shortfall, 0));
    expect(r.fundsLeft['2018']).toEqual({ 'emergency-relief': 0, 'charity-care': 0, 'health-poverty-relief': 0, 'major-disease-charity': 0 });
    expect(r.aggregates.byFund).toEqual([300_000, 200_000, 100_000, 0]);
  });
});

describe('the distributions', () => {
  it('bin every claim\'s personal share at the basis point its settlement writes, bills of billions of yuan included', () => {
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
  const reform = (file: string, path: string, value: unknown) => {
    const r = reformRules(ZIYANG_2017_FILES, [{ file, path, value }]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  };

  it.each([
    ['raising the tilt payment to 30% moves tier 5 and only the tiers after it', 'tier-5-tilt-payment.json', 'ratio', '0.30', 5],
    ['raising the assistance ratio to 80% moves tier 7 and only the tiers after it', 'tier-7-medical-assistance.json', 'ratio', '0.80', 7],
    ['lowering the serious-illness deductible to 5,000 moves tier 3 and only the tiers after it', 'tier-3-serious-illness-insurance.json', 'deductible', '5000', 3],
    ['raising the waiver to 10% moves tier 1 and only the tiers after it', 'tier-1-hospital-waiver.json', 'rate', '0.10', 1],
  ])('%s', (_, file, path, value, tier) => {
    const variants = [
      { name: 'baseline', rules: defaultRules() },
      { name: 'reform', rules: reform(file, path, value) },
    ];
    const sim = createSimulation({ variants });
    for (const c of claims) sim.add(c);
    const result = sim.result();
    const [base, changed] = result.variants.map((v) => v.aggregates);
    for (let t = 0; t < tier; t++) expect(changed!.all.byTier[t], `tier ${t}`).toBe(base!.all.byTier[t]);
    expect(changed!.all.byTier[tier]).not.toBe(base!.all.byTier[tier]);
    const report = simulationReport(result, variants.map((v) => v.rules));
    const diff = report.differences[0]!;
    expect(TIER_ORDER.slice(0, tier).map((id) => diff.byTier[id])).toEqual(TIER_ORDER.slice(0, tier).map(() => '0.00'));
    expect(diff.byTier[TIER_ORDER[tier]!]).not.toBe('0.00');
    expect(result.changed.length).toBeGreaterThan(0);
    for (const p of result.changed) expect(p.change).toBe(p.personal[1]! - p.personal[0]!);
  });

  it('a change to a parameter the rules do not have is refused with its file and path', () => {
    const r = reformRules(ZIYANG_2017_FILES, [{ file: 'tier-5-tilt-payment.json', path: 'rate', value: '0.3' }]);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.file, e.path])).toEqual([[RuleErrorCode.UNKNOWN_PARAMETER, 'tier-5-tilt-payment.json', 'rate']]);
  });

  it('a change that breaks the rules (a ratio above 1) is refused by the same checks as a rule folder', () => {
    const r = reformRules(ZIYANG_2017_FILES, [{ file: 'tier-5-tilt-payment.json', path: 'ratio', value: '1.5' }]);
    expect(r.ok).toBe(false);
  });
});

describe('the same claims give the same bytes', () => {
  it('the generator gives the same claims for the same seed, and others for another', () => {
    const again = [...generateClaims({ claims: 3000, seed: 42, year: 2018 })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(claims));
    expect(JSON.stringify([...generateClaims({ claims: 10, seed: 43, year: 2018 })])).not.toBe(JSON.stringify(claims.slice(0, 10)));
  });

  it('one worker and three give identical results, and CSV gives what NDJSON gives', async () => {
    const job = { format: 'ndjson' as const, variants: [{ name: 'baseline' }, { name: 'tilt', changes: [{ file: 'tier-5-tilt-payment.json', path: 'ratio', value: '0.30' }] }] };
    const one = await simulateFile({ ...job, file: ndjson, workers: 1 });
    const three = await simulateFile({ ...job, file: ndjson, workers: 3 });
    const fromCsv = await simulateFile({ ...job, file: csv, format: 'csv', workers: 2 });
    const books = [defaultRules(), reform()];
    const text = (r: typeof one) => JSON.stringify(simulationReport(r, books));
    expect(text(three)).toBe(text(one));
    expect(text(fromCsv)).toBe(text(one));
    expect(one.variants[0]!.aggregates.all.claims).toBe(claims.length);
    function reform() {
      const r = reformRules(ZIYANG_2017_FILES, job.variants[1]!.changes!);
      if (!r.ok) throw new Error('reform');
      return r.value;
    }
  });

  it('the command prints byte-identical JSON twice, refused lines counted and listed with their line', () => {
    const bad = join(dir, 'with-bad.ndjson');
    writeFileSync(bad, [JSON.stringify(claims[0]), '{"id": 1}', 'not json', JSON.stringify(claims[1])].join('\n') + '\n');
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

describe('the command\'s fund balances and progress bar', () => {
  const run = async (argv: string[], isTTY = false) => {
    let out = '';
    let err = '';
    let bar = '';
    const code = await main(['simulate', ndjson, ...argv], { out: (x) => (out += x), err: (x) => (err += x), progress: { isTTY, write: (x) => (bar += x) } });
    return { code, out, err, bar };
  };
  const fundsFile = (text: string) => {
    const f = join(dir, `funds-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(f, text);
    return f;
  };

  it('--funds gives each fund a yearly balance, and what is left is reported per year', async () => {
    const r = await run(['--funds', fundsFile('{"emergency-relief": "1000.00", "charity-care": "0", "health-poverty-relief": "500.5", "major-disease-charity": "0"}')]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out).variants[0];
    expect(v.byFund).toEqual({ 'emergency-relief': '1000.00', 'charity-care': '0.00', 'health-poverty-relief': '500.50', 'major-disease-charity': '0.00' });
    expect(v.fundsLeft).toEqual({ '2018': { 'emergency-relief': '0.00', 'charity-care': '0.00', 'health-poverty-relief': '0.00', 'major-disease-charity': '0.00' } });
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
