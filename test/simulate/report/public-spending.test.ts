/**
 * "Paid by all payers" (`publicSpending`) is what insurance, assistance, relief funds and subsidies
 * paid: the hospital's waiver (a tier whose rule file says `"payer": "hospital"`) is the
 * hospital's own money and is not in it (found by a policy officer's review: the report's total
 * moved with the waiver). Held to the same claims settled one by one, each line's payer read from
 * the rule files themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClaims } from '../../../seeds/generator.js';
import { settleBatch } from '../../../src/contract/settle-json.js';
import { formatFen, type Fen } from '../../../src/money/fen.js';
import { defaultRules } from '../../../src/scheme/embedded.js';
import { reformRules } from '../../../src/scheme/reform.js';
import type { RuleBook } from '../../../src/scheme/book.js';
import { simulationHtml } from '../../../src/simulate/report/html.js';
import { createSimulation } from '../../../src/simulate/core/simulation.js';
import { simulationReport } from '../../../src/simulate/report/summary.js';
import { ROOT } from '../../support/paths.js';

/** Each tier id's payer kind, as the shipped rule folders' tier files say. */
const payerOf = new Map<string, string>(
  ['ziyang-2017', 'ziyang-2022'].flatMap((set) =>
    readdirSync(join(ROOT, 'rules', set, 'tiers')).map((f): [string, string] => {
      const tier = JSON.parse(readFileSync(join(ROOT, 'rules', set, 'tiers', f), 'utf8')) as {
        id: string;
        payer: string;
      };
      return [tier.id, tier.payer];
    }),
  ),
);

const claims = [
  ...generateClaims({ claims: 400, seed: 21, year: 2018 }),
  ...[...generateClaims({ claims: 200, seed: 22, year: 2023 })].map((c) => ({ ...c, id: `Y${String(c.id)}` })),
];

/** What the payers but the hospital paid on these claims settled one by one (fen), in all and per county. */
function paidByPayers(rules: RuleBook): { all: number; byCounty: Map<string, number> } {
  const byCounty = new Map<string, number>();
  let all = 0;
  for (const o of settleBatch(claims, { rules }).outcomes) {
    if (!o.ok) throw new Error(`claim refused: ${JSON.stringify(o.errors)}`);
    const paid = o.record.lines
      .filter((l) => payerOf.get(l.id) !== 'hospital')
      .reduce((s, l) => s + (l.amount as number), 0);
    all += paid;
    const county = o.record.claim.person.county;
    byCounty.set(county, (byCounty.get(county) ?? 0) + paid);
  }
  return { all, byCounty };
}

describe('paid by all payers (publicSpending)', () => {
  const reform = reformRules(defaultRules(), [
    { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.40' },
  ]);
  if (!reform.ok) throw new Error('the reform does not load');
  const books = [defaultRules(), reform.value];
  const sim = createSimulation({
    variants: books.map((rules, i) => ({ name: i === 0 ? 'baseline' : 'tilt 40%', rules })),
  });
  for (const c of claims) sim.add(c);
  const report = simulationReport(sim.result(), books);
  const s = report.summary[0]!;
  const expected = books.map(paidByPayers);
  const yuan = (fen: number): string => formatFen(fen as Fen);

  it('is what every payer but the hospital paid, in all, for each variant and in the answer', () => {
    expect(report.variants.map((v) => v.publicSpending)).toEqual(expected.map((e) => yuan(e.all)));
    expect([s.publicSpending.baseline, s.publicSpending.reform]).toEqual(expected.map((e) => yuan(e.all)));
    expect(s.publicSpending.change).toBe(yuan(expected[1]!.all - expected[0]!.all));
  });

  it('is the same per county', () => {
    for (const c of s.byCounty)
      expect([c.id, c.publicSpending.baseline, c.publicSpending.reform]).toEqual([
        c.id,
        yuan(expected[0]!.byCounty.get(c.id) ?? 0),
        yuan(expected[1]!.byCounty.get(c.id) ?? 0),
      ]);
  });

  it('names the tiers it leaves out, by the payer kind of their rule files, and the page says so', () => {
    const hospital = [...payerOf].filter(([, payer]) => payer === 'hospital').map(([id]) => id);
    expect(hospital.length).toBeGreaterThan(0);
    expect(s.publicSpendingExcludes).toEqual(hospital);
    expect(report.variants.map((v) => v.publicSpendingExcludes)).toEqual([hospital, hospital]);
    // The waiver is still listed as a payer of its own, beside the total that leaves it out.
    expect(s.payers.map((p) => p.id)).toEqual(expect.arrayContaining(hospital));
    const html = simulationHtml(report);
    expect(html).toContain(
      '（不含医院减免 <span class="en">but the hospital waiver: the hospital\'s own money</span>）',
    );
  });
});
