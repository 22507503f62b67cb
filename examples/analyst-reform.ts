/**
 * For a policy analyst (script style; examples/notebooks/reform.ipynb is the same in Jupyter):
 * what would raising the tilt payment from 20% to 30% cost, who would pay less, and who still
 * pays? A synthetic year of claims from the plan's figures is settled under the shipped rules and
 * under the reform in one pass, and the report's summary printed: the change for every payer and
 * for the patients, per county, and who gains and who loses.
 *
 *   npx tsx examples/analyst-reform.ts            (20,000 claims; CLAIMS=1000000 for a province)
 */
import { generateClaims } from '../seeds/generator.js';
import {
  createSimulation,
  defaultRules,
  displayWidth,
  formatRuleChange,
  reformRules,
  showFigure,
  simulationReport,
} from '../src/index.js';

// Cell 1 — the reform: one parameter of one rule file of the 2017 scheme, checked like any rule folder.
const reform = reformRules(defaultRules(), [
  { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.30' },
]);
if (!reform.ok) throw new Error(reform.errors.map((e) => e.message).join('\n'));
const variants = [
  { name: 'baseline', rules: defaultRules() },
  { name: 'tilt 30%', rules: reform.value },
];

// Cell 2 — a year of claims, seeded (the same seed gives the same claims), settled in one pass.
const claims = Number(process.env.CLAIMS ?? 20_000);
const sim = createSimulation({ variants });
for (const claim of generateClaims({ claims, seed: 2018, year: 2018 })) sim.add(claim);
const report = simulationReport(
  sim.result(),
  variants.map((v) => v.rules),
);

// Cell 3 — the answer: what each payer spends under each rule set, and the change.
const s = report.summary[0]!;
const pad = (t: string, n: number) => t + ' '.repeat(Math.max(0, n - displayWidth(t)));
const num = (t: string) => t.padStart(16);
const yuan = (t: string) => num(showFigure(t, 'yuan'));
const change = (t: string) => num(showFigure(t, 'yuan-change'));
console.log(
  `${report.counts.read} claims read, ${report.counts.variants[0]!.settled} settled, ${report.counts.variants[0]!.refused} refused`,
);
console.log(`changes against the baseline: ${report.compared[1]!.changes!.map(formatRuleChange).join('; ')}\n`);
console.log(`${pad('payer', 24)}${num(s.baseline)}${num(s.reform)}${num('change')}`);
for (const p of s.payers)
  console.log(
    `${pad(report.labels.payers[p.id]?.zh ?? p.id, 24)}${yuan(p.baseline)}${yuan(p.reform)}${change(p.change)}`,
  );
// All payers but the hospital: its waiver (payer kind `hospital`) is its own money, listed above, not in the total.
const notCounted = s.publicSpendingExcludes.map((id) => report.labels.payers[id]?.zh ?? id).join('、');
console.log(
  `${pad('各方支付合计', 24)}${yuan(s.publicSpending.baseline)}${yuan(s.publicSpending.reform)}${change(s.publicSpending.change)}`,
);
if (notCounted) console.log(`  （不含${notCounted}：医院自己的钱 / not counted: the hospital's own money）`);
console.log(`${pad('个人自付', 24)}${yuan(s.personal.baseline)}${yuan(s.personal.reform)}${change(s.personal.change)}`);
console.log(
  `${pad('个人负担比例', 24)}${num(showFigure(s.personalShare.baseline, 'share'))}${num(showFigure(s.personalShare.reform, 'share'))}${num(`${showFigure(s.personalShare.change, 'share-change')} pp`)}`,
);

// Cell 4 — per county, and who gains and who loses.
console.log(`\n${pad('county', 12)}${num('Δ all payers')}${num('Δ personal')}`);
for (const c of s.byCounty)
  console.log(
    `${pad(report.labels.counties[c.id]?.zh ?? c.id, 12)}${change(c.publicSpending.change)}${change(c.personal.change)}`,
  );
// Who gains is told only when both sides settled the same claims (`comparable`); else it is null.
if (s.personYears === null || s.gainers === null)
  console.log('\nwho gains: not shown, the two sides did not settle the same claims');
else {
  console.log(
    `\n${s.personYears.less} person-years pay less (${showFigure(s.personYears.lessBy, 'yuan-change')}), ${s.personYears.more} pay more, ${s.personYears.same} the same`,
  );
  console.log('person-years whose personal pay fell most:');
  for (const p of s.gainers.slice(0, 5))
    console.log(
      `  ${p.personId} ${p.year} ${report.labels.counties[p.county]?.zh ?? p.county} ${report.labels.categories[p.category]?.zh ?? p.category}: ${p.baseline} → ${p.reform} (${p.change})`,
    );
}
