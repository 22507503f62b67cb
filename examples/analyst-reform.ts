/**
 * For a policy analyst (notebook style): settle a synthetic year of claims under the shipped rules
 * and under a reform (tilt payment 20% → 30%), and print what each payer spends and what
 * patients pay, side by side.
 *
 *   npx tsx examples/analyst-reform.ts
 */
import { generateClaims } from '../seeds/generator.js';
import { ZERO_FEN, ZIYANG_2017_FILES, addFen, createBatch, displayWidth, formatFen, parseRuleFiles, ruleBook, subFen, type Fen, type RuleBook } from '../src/index.js';

// A reform is a changed rule file: here, in memory, the tilt payment ratio raised to 30%.
const files = JSON.parse(JSON.stringify(ZIYANG_2017_FILES));
files['tier-5-tilt-payment.json'].ratio.values['2017-03-17'] = '0.30';
const reformSet = parseRuleFiles(files);
if (!reformSet.ok) throw new Error(JSON.stringify(reformSet.errors));
const reformBook = ruleBook([reformSet.value]);
if (!reformBook.ok) throw new Error('book');

const claims = [...generateClaims({ claims: 20_000, seed: 2018, year: 2018 })];

function run(rules?: RuleBook) {
  const batch = createBatch(rules ? { rules } : {});
  const byPayer = new Map<string, Fen>();
  let personal = ZERO_FEN;
  for (const c of claims) {
    const o = batch.settle(c);
    if (!o.ok) continue;
    personal = addFen(personal, o.record.personal);
    for (const l of o.record.lines) byPayer.set(l.label, addFen(byPayer.get(l.label) ?? ZERO_FEN, l.amount));
  }
  return { byPayer, personal };
}

const base = run();
const reform = run(reformBook.value);
const yuan = (f: Fen) => formatFen(f).padStart(16);
const label = (s: string) => s + ' '.repeat(Math.max(0, 24 - displayWidth(s)));
console.log(`${label('payer')}${'baseline'.padStart(16)}${'reform'.padStart(16)}${'change'.padStart(16)}`);
for (const [name, b] of base.byPayer) {
  const r = reform.byPayer.get(name) ?? ZERO_FEN;
  console.log(`${label(name)}${yuan(b)}${yuan(r)}${yuan(subFen(r, b))}`);
}
console.log(`${label('个人自付')}${yuan(base.personal)}${yuan(reform.personal)}${yuan(subFen(reform.personal, base.personal))}`);
