/**
 * A rule set with no end is in force "from" its first day: the report and `rules diff` say so
 * (`to: null`, "2022-01-01 起 on"), never the engine's internal far date 9999-12-31 (found by a
 * newcomer review of the report).
 */
import { expect, it } from 'vitest';
import { generateClaims } from '../../../seeds/generator.js';
import { defaultRules } from '../../../src/scheme/embedded.js';
import { diffRuleBooks } from '../../../src/scheme/rules-diff.js';
import { simulationHtml } from '../../../src/simulate/report/html.js';
import { createSimulation } from '../../../src/simulate/core/simulation.js';
import { simulationReport } from '../../../src/simulate/report/summary.js';

it('the report gives each rule set its period, with no end date for a set that has none', () => {
  const book = defaultRules();
  const sim = createSimulation({ variants: [{ name: 'b', rules: book }] });
  for (const c of generateClaims({ claims: 50, seed: 3, year: 2023 })) sim.add(c);
  const report = simulationReport(sim.result(), [book]);
  expect(report.compared[0]!.ruleSets.map((s) => [s.id, s.inForce])).toEqual([
    ['ziyang-2017', { from: '2017-03-17', to: '2020-12-31' }],
    ['ziyang-2022', { from: '2022-01-01', to: null }],
  ]);
  expect(JSON.stringify(report)).not.toContain('9999');
  const html = simulationHtml(report);
  expect(html).not.toContain('9999');
  expect(html).toMatch(/2022-01-01<\/[^>]+> 起 <span class="en">on<\/span>/);
});

it('rules diff of a book that adds an open-ended rule set says to: null', () => {
  const book = defaultRules();
  const only2017 = { ...book, sets: book.sets.filter((s) => s.id === 'ziyang-2017') };
  const added = diffRuleBooks(only2017 as typeof book, book).filter((c) => c.kind === 'rule-set-added');
  expect(added.map((c) => c.after)).toEqual([
    { id: 'ziyang-2022', title: expect.any(String), inForce: { from: '2022-01-01', to: null } },
  ]);
});
