/**
 * The compiled engine (each rule set compiled into steps over a reused scratch state, claims
 * settled from compact records) against the interpretive reference it replaced
 * (test/support/reference-engine.ts): the same amounts per tier, the same personal pay, hospital
 * share, fund draws, target and year-to-date counters, claim by claim, on more than 200,000
 * generated claims of both shipped eras, a parameter reform, a structural reform and the made-up
 * third scheme.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import type { Claim } from '../../src/claim/claim.js';
import { ledgerKey, ledgerYear } from '../../src/ledger/year-ledger.js';
import { type Fen, ZERO } from '../../src/money/fen.js';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import { type RuleBook, policyOn } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { reformRules } from '../../src/scheme/reform.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { runClaim } from '../../src/settle/run-claim.js';
import { referenceRun } from '../support/reference-engine.js';
import { ROOT, TEST } from '../support/paths.js';

let dir: string;
const books = new Map<string, RuleBook>();

const loaded = (folder: string): RuleBook => {
  const r = loadRuleFolder(folder);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bashunwei-compiled-'));
  books.set('shipped', defaultRules());
  const reform = reformRules(defaultRules(), [
    { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.45' },
    { set: 'ziyang-2017', file: 'tiers/basic-insurance.json', path: 'caps.basic', value: '20000.00' },
    { set: 'ziyang-2022', file: 'tiers/medical-assistance.json', path: 'annualLimit', value: '3000.00' },
    { set: 'ziyang-2022', file: 'tiers/tilted-assistance.json', path: 'annualCap', value: '12000.00' },
  ]);
  if (!reform.ok) throw new Error(JSON.stringify(reform.errors));
  books.set('parameter reform', reform.value);
  // A structural reform: the 2017 scheme without its supplementary insurance, a tier moved.
  const folder = join(dir, 'structure');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'ruleset.json'),
    JSON.stringify({
      id: 'ziyang-2017-structure',
      title: '结构改革：取消补充医疗保险，救助先于倾斜支付',
      extends: resolve(ROOT, 'rules', 'ziyang-2017'),
      tiers: {
        clause: '7.4.4',
        source: 'assumed',
        verified: false,
        order: [
          'maternal-subsidy',
          'hospital-waiver',
          'basic-insurance',
          'serious-illness-insurance',
          'special-supplementary-insurance',
          'tilt-payment',
          'medical-assistance',
          'relief-funds',
        ],
      },
      patches: { 'tiers/special-supplementary-insurance.json': { tier: 5 }, 'tiers/tilt-payment.json': { tier: 6 } },
    }),
  );
  books.set('structural reform', loaded(folder));
  books.set('third scheme', loaded(join(TEST, 'fixtures', 'madeup-2030')));
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Settles every claim with both engines, person-year ledgers and fund balances of their own, and lists what differs. */
/**
 * The share of each case's claims to run: 1 in the suite; the mutation run (vitest.stryker.config.ts)
 * runs a hundredth against each mutant, since the whole set takes minutes per run.
 */
const SCALE = Number(process.env.DIFFERENTIAL_SCALE ?? 1);

function compare(book: RuleBook, claims: Iterable<Record<string, unknown>>, funds?: Partial<Record<string, Fen>>) {
  const ours = new Map<string, Float64Array>();
  const theirs = new Map<string, Fen[]>();
  const ourFunds = new Map<number, Partial<Record<string, Fen>>>();
  const theirFunds = new Map<number, Partial<Record<string, Fen>>>();
  const differing: string[] = [];
  let settled = 0;
  for (const raw of claims) {
    const parsed = parseClaim(raw, { rules: book });
    if (!parsed.ok) throw new Error(`generated claim refused: ${parsed.errors[0]!.message}`);
    const c: Claim = parsed.value;
    const policy = policyOn(book, c.visit.discharged);
    if (!policy || !policy.scheme.counties.has(c.person.county)) continue;
    const year = ledgerYear(c.visit.discharged);
    const key = ledgerKey(c.person.id, year);
    const layout = policy.scheme.counters;
    let a = ours.get(key);
    if (!a || a.length !== layout.length) ours.set(key, (a = new Float64Array(layout.length)));
    let b = theirs.get(key);
    if (!b || b.length !== layout.length) theirs.set(key, (b = new Array<Fen>(layout.length).fill(ZERO)));
    const fa = ourFunds.get(year) ?? ourFunds.set(year, { ...funds }).get(year)!;
    const fb = theirFunds.get(year) ?? theirFunds.set(year, { ...funds }).get(year)!;
    const end = runClaim(c, policy, a, fa);
    const ref = referenceRun(c, policy, b, fb);
    const mine = {
      amounts: Array.from(end.amounts),
      personal: end.remaining,
      draws: Array.from({ length: end.drawCount }, (_, i) => [end.drawFunds[i], end.drawAmounts[i]]),
      target: end.targetOutcome() && [end.targetId, end.targetMax, end.targetShortfall],
      counters: Array.from(a),
    };
    const reference = {
      amounts: [...ref.amounts],
      personal: ref.personal,
      draws: ref.draws.map((d) => [d.fund, d.amount]),
      target: ref.target && [ref.target.id, ref.target.personalMax, ref.target.shortfall],
      counters: [...b],
    };
    if (JSON.stringify(mine) !== JSON.stringify(reference))
      differing.push(`${c.id}: ${JSON.stringify(mine)} / ${JSON.stringify(reference)}`);
    settled++;
  }
  return { settled, differing };
}

describe('the compiled engine settles every claim as the interpretive reference did', () => {
  it.each([
    ['the shipped rules, 2019–2023 (both eras)', 'shipped', 120_000, [2019, 2023] as const, undefined],
    ['a parameter reform of both eras', 'parameter reform', 40_000, [2019, 2023] as const, undefined],
    ['a structural reform (a tier removed, two moved)', 'structural reform', 20_000, [2018, 2018] as const, undefined],
    ['the made-up third scheme', 'third scheme', 20_000, [2030, 2031] as const, undefined],
    [
      'the shipped 2017 rules with relief funds that run dry',
      'shipped',
      10_000,
      [2018, 2018] as const,
      { 'emergency-relief': 3_000_00 as Fen, 'charity-care': 1_000_00 as Fen, 'health-poverty-relief': 0 as Fen },
    ],
  ])('%s', (_, name, all, years, funds) => {
    const book = books.get(name)!;
    const claims = Math.ceil(all * SCALE);
    const { settled, differing } = compare(
      book,
      generateClaims({ claims, seed: claims + years[0], years: [years[0], years[1]], rules: book }),
      funds,
    );
    expect(differing.slice(0, 3)).toEqual([]);
    expect(settled).toBeGreaterThan(claims * 0.9);
  });
});
