/**
 * A reform that refuses claims the baseline settles (here a rule book of the 2022 scheme alone,
 * on claims of 2018) is not a saving: the report says the two sides settled different claims
 * before any figure, the command warns and exits 1 (found by a review of the analyst's flow: the
 * first screen read "−735,782.74 元 … 69 个人年少付" and the command exited 0).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { generateClaims } from '../../../seeds/generator.js';
import { main } from '../../../src/cli/main.js';
import { defaultRules } from '../../../src/scheme/embedded.js';
import { loadRuleFolder } from '../../../src/node/load-rule-folder.js';
import { simulationHtml } from '../../../src/simulate/report/html.js';
import { createSimulation } from '../../../src/simulate/core/simulation.js';
import { simulationReport } from '../../../src/simulate/report/summary.js';
import { tempDir } from '../../support/helpers.js';
import { ROOT } from '../../support/paths.js';

const only2022 = resolve(ROOT, 'rules', 'ziyang-2022');

/** The report of the 2022 folder alone as a reform of the shipped rules, on 300 claims of `year`. */
function reportOn(year: number) {
  const reform = loadRuleFolder(only2022);
  if (!reform.ok) throw new Error('ziyang-2022 does not load');
  const sim = createSimulation({
    variants: [
      { name: 'baseline', rules: defaultRules() },
      { name: 'reform', rules: reform.value },
    ],
  });
  for (const c of generateClaims({ claims: 300, seed: 11, year })) sim.add(c);
  return simulationReport(sim.result(), [defaultRules(), reform.value]);
}

const sides = [
  ['a reform that refuses every claim of 2018', 2018, false],
  ['a reform with a rule set in force for every claim', 2023, true],
] as const;

it.each(sides)('%s: the answer says whether the two sides settled the same claims', (_, year, comparable) => {
  const report = reportOn(year);
  expect(report.summary[0]!.comparable).toBe(comparable);
  expect(report.summary[0]!.unlike).toBe(comparable ? 0 : 300);
  expect(simulationHtml(report).includes('class="warning"')).toBe(!comparable);
});

it.each(sides)(
  '%s: who gains and who loses is told only when the two sides settled the same claims',
  (_, year, comparable) => {
    // Reported: a run that was not comparable still showed "who gains" figures under its warning
    // (person-years whose claims the reform refused counted as paying less).
    const report = reportOn(year);
    const s = report.summary[0]!;
    expect([s.personYears === null, s.gainers === null, s.losers === null]).toEqual([
      !comparable,
      !comparable,
      !comparable,
    ]);
    if (comparable) expect(s.personYears!.less + s.personYears!.more + s.personYears!.same).toBeGreaterThan(0);
    const html = simulationHtml(report);
    expect(html.includes('data-figure="summary[0].personYears')).toBe(comparable);
    expect(html.includes("largest decreases in a year's personal pay")).toBe(comparable);
    expect(html.includes('not shown: the two sides did not settle the same claims')).toBe(!comparable);
  },
);

it('bashunwei simulate warns and exits 1 when the reform refuses claims the baseline settles', async () => {
  const file = join(tempDir('reform-comparable'), 'claims.ndjson');
  writeFileSync(
    file,
    [...generateClaims({ claims: 200, seed: 12, year: 2018 })].map((c) => JSON.stringify(c)).join('\n'),
  );
  let out = '';
  let err = '';
  const code = await main(
    ['simulate', file, '--rules', only2022, '--workers', '1', '--baseline', resolve(ROOT, 'rules')],
    { out: (s) => (out += s), err: (s) => (err += s) },
  );
  const report = JSON.parse(out);
  expect(report.summary[0].comparable).toBe(false);
  expect(report.counts.variants[1].refused).toBe(200);
  expect(err).toMatch(
    /200 claims were settled by one of .* and refused by the other \(200 and 0 settled\): the differences include claims only one of them paid/,
  );
  expect(code).toBe(1);
});

it('counts the claims each side settled alone, even when the two sides settle as many claims', () => {
  // A 2017 book against a 2022 book on claims of both eras: each settles 150 and refuses 150, so
  // the counts agree while no claim is settled by both.
  const a = loadRuleFolder(resolve(ROOT, 'rules', 'ziyang-2017'));
  const b = loadRuleFolder(only2022);
  if (!a.ok || !b.ok) throw new Error('a rule folder does not load');
  const sim = createSimulation({
    variants: [
      { name: 'baseline', rules: a.value },
      { name: 'reform', rules: b.value },
    ],
  });
  for (const c of generateClaims({ claims: 150, seed: 13, year: 2018 })) sim.add(c);
  for (const c of generateClaims({ claims: 150, seed: 14, year: 2023 }))
    sim.add({ ...(c as object), id: `Y${(c as { id: string }).id}` });
  const s = simulationReport(sim.result(), [a.value, b.value]).summary[0]!;
  expect([s.claims.baseline, s.claims.reform]).toEqual([150, 150]);
  expect([s.comparable, s.unlike]).toEqual([false, 300]);
});
