/**
 * A reform that refuses claims the baseline settles (here a rule book of the 2022 scheme alone,
 * on claims of 2018) is not a saving: the report says the two sides settled different claims
 * before any figure, the command warns and exits 1 (found by a review of the analyst's flow: the
 * first screen read "−735,782.74 元 … 69 个人年少付" and the command exited 0).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { generateClaims } from '../seeds/generator.js';
import { main } from '../src/cli/main.js';
import { defaultRules } from '../src/rules/embedded.js';
import { loadRuleFolder } from '../src/rules/load.js';
import { simulationHtml } from '../src/simulate/report-html.js';
import { createSimulation } from '../src/simulate/simulation.js';
import { simulationReport } from '../src/simulate/summary.js';
import { tempDir } from './helpers.js';

const only2022 = resolve(__dirname, '..', 'rules', 'ziyang-2022');

it.each([
  ['a reform that refuses every claim of 2018', 2018, false],
  ['a reform with a rule set in force for every claim', 2023, true],
])('%s: the answer says whether the two sides settled the same claims', (_, year, comparable) => {
  const reform = loadRuleFolder(only2022);
  if (!reform.ok) throw new Error('ziyang-2022 does not load');
  const sim = createSimulation({ variants: [{ name: 'baseline', rules: defaultRules() }, { name: 'reform', rules: reform.value }] });
  for (const c of generateClaims({ claims: 300, seed: 11, year })) sim.add(c);
  const report = simulationReport(sim.result(), [defaultRules(), reform.value]);
  expect(report.summary[0]!.comparable).toBe(comparable);
  expect(report.summary[0]!.claims.baseline === report.summary[0]!.claims.reform).toBe(comparable);
  expect(simulationHtml(report).includes('class="warning"')).toBe(!comparable);
});

it('bashunwei simulate warns and exits 1 when the reform refuses claims the baseline settles', async () => {
  const file = join(tempDir('reform-comparable'), 'claims.ndjson');
  writeFileSync(file, [...generateClaims({ claims: 200, seed: 12, year: 2018 })].map((c) => JSON.stringify(c)).join('\n'));
  let out = '';
  let err = '';
  const code = await main(['simulate', file, '--rules', only2022, '--workers', '1', '--baseline', resolve(__dirname, '..', 'rules')], { out: (s) => (out += s), err: (s) => (err += s) });
  const report = JSON.parse(out);
  expect(report.summary[0].comparable).toBe(false);
  expect(report.counts.variants[1].refused).toBe(200);
  expect(err).toMatch(/settled 200 claims and .* 0: the differences include claims only one of them paid/);
  expect(code).toBe(1);
});
