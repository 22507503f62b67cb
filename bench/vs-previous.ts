/**
 * `npm run bench:previous`: only the "no slowdown" rows of `npm run bench` (issue 10), quickly:
 * the current engine and the engine before schemes became data (bench/previous.ts), interleaved on
 * the same 2017 claims, `settle` and the simulation path. For profiling a change before the full
 * bench; the figures the README reports come from `npm run bench`.
 */
import { Bench } from 'tinybench';
import { generateClaims } from '../seeds/generator.js';
import type { Claim } from '../src/claim/claim.js';
import { parseClaim } from '../src/settle/parse-claim.js';
import { defaultRules } from '../src/scheme/embedded.js';
import { settle } from '../src/contract/settle-json.js';
import { createSimulation } from '../src/simulate/core/simulation.js';
import { previousEngine } from './previous.js';

const N = 20_000;
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const only = process.env.ONLY; // 'settle' | 'sim'
const log = (s: string) => process.stderr.write(`${s}\n`);
const raw = [...generateClaims({ claims: N, seed: 2018, year: 2018 })];
const valid = raw.map((c) => (parseClaim(c) as { ok: true; value: Claim }).value);
const old = await previousEngine(log);
const oldBook = old.defaultRules();
const rawOld = raw;
const validOld = rawOld.map((c) => (old.parseClaim(c) as { ok: true; value: unknown }).value);
const book = defaultRules();

const BATCH = 1000;
let i = 0,
  o = 0,
  s = 0,
  so = 0;
let sim = createSimulation({ variants: [{ name: 'b', rules: book }] });
let oldSim = old.createSimulation({ variants: [{ name: 'b', rules: oldBook }] });
const bench = new Bench({ time: 400, warmupTime: 200 });
if (only !== 'sim')
  bench.add('settle', () => void settle(raw[i++ % N])).add('previous settle', () => void old.settle(rawOld[o++ % N]));
if (only !== 'settle')
  bench
    .add('sim', () => {
      if (s + BATCH > N) (s = 0), (sim = createSimulation({ variants: [{ name: 'b', rules: book }] }));
      for (let k = 0; k < BATCH; k++) sim.addValid(valid[s + k]!);
      s += BATCH;
    })
    .add('previous sim', () => {
      if (so + BATCH > N) (so = 0), (oldSim = old.createSimulation({ variants: [{ name: 'b', rules: oldBook }] }));
      for (let k = 0; k < BATCH; k++) oldSim.addValid(validOld[so + k]!);
      so += BATCH;
    });
const samples = new Map<string, number[]>();
for (let r = 0; r < ROUNDS; r++) {
  await bench.run();
  for (const t of bench.tasks) samples.set(t.name, [...(samples.get(t.name) ?? []), ...t.result!.samples]);
}
const median = (name: string) => {
  const a = [...samples.get(name)!].sort((x, y) => x - y);
  return a[Math.floor(a.length / 2)]!;
};
for (const what of ['settle', 'sim'].filter((w) => samples.has(w)))
  console.log(
    `${what}: new/previous ${(median(`previous ${what}`) / median(what)).toFixed(3)}× (median ms ${median(what).toFixed(4)} vs ${median(`previous ${what}`).toFixed(4)})`,
  );
