/**
 * `npm run bench` (issue 4, and the scale figures of issue 3): every figure next to baselines
 * measured in the same run, since absolute times on a shared machine are noise and ratios are not.
 *
 * In process (tinybench): single-claim `settle` with validation and explanations (claims/s, p50,
 * p99); the simulation path (aggregates only) from validated claims and from JSON objects; the
 * float baseline (a); the naive decimal.js + json-rules-engine baseline (b); the engine as it was
 * before schemes became data (d, issue 10: "no slowdown"), on the same 2017 claims; and the same
 * paths on 2022 claims (the three-layer scheme). The exact fast path is checked against the naive
 * reference on 100,000 claims. Whole process: `bashunwei simulate` on 1,000,000 NDJSON claims on
 * one core and on all, against reading + JSON.parse (c), with peak RSS at 100k and 1M; and on
 * 1,000,000 and 4,000,000 claims in random person order (issue 13: memory flat as the input grows
 * 4×), each against the floor of its own file; cold start. Writes bench/results.json and prints
 * the README's table (bench/table.ts).
 *
 * `npm run bench` bundles this file with tsup as the package is built (esbuild, target node20) and
 * runs the bundle with node, not with tsx: tsx compiles with esbuild's keepNames, which wraps every
 * closure created at run time in a naming call, and the previous engine (d) is a tsup build, so
 * the two engines and the baselines must be compiled alike to be compared.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import { Bench } from 'tinybench';
import { generateClaims } from '../seeds/generator.js';
import type { Claim } from '../src/claim/claim.js';
import { parseClaim } from '../src/settle/parse-claim.js';
import { policyOn } from '../src/scheme/book.js';
import { defaultRules } from '../src/scheme/embedded.js';
import { settle } from '../src/contract/settle-json.js';
import { createSimulation } from '../src/simulate/core/simulation.js';
import { againstNaive } from './baselines/against-naive.js';
import { floatSettler } from './baselines/float.js';
import { emptyNaiveLedger, naiveEngines, naiveSettle, type NaiveLedger } from './baselines/naive.js';
import { forPrevious, PREVIOUS_ENGINE_COMMIT, previousEngine } from './previous.js';
import { writeShuffledClaims } from './shuffled-claims.js';
import { benchTable, type Rate } from './table.js';

const QUICK = process.env.BENCH_QUICK === '1';
const N = QUICK ? 20_000 : 100_000;
const BIG = QUICK ? 200_000 : 1_000_000;
/** Claims in random person order: the input grows 4× and the peak RSS must not. */
const SHUFFLED = QUICK ? [200_000, 800_000] : [1_000_000, 4_000_000];
const TIME = QUICK ? 200 : 500;
/** Rounds of every task in turn: this shared machine's speed drifts by ±50% within minutes, so the
 * tasks are interleaved and each rate is the median over all rounds' samples (a ratio between two
 * tasks measured minutes apart would measure the drift). */
const ROUNDS = QUICK ? 2 : 6;
const log = (s: string) => process.stderr.write(`${s}\n`);

const raw = [...generateClaims({ claims: N, seed: 2018, year: 2018 })];
const valid: Claim[] = raw.map((c) => {
  const r = parseClaim(c);
  if (!r.ok) throw new Error('generated claim invalid');
  return r.value;
});
const book = defaultRules();
const policy = policyOn(book, '2018-06-01')!;
// The same claims for the previous engine (d), and claims of the 2022 scheme.
const old = await previousEngine(log);
const oldBook = old.defaultRules();
const rawOld = raw.map(forPrevious);
const validOld = rawOld.map((c) => {
  const r = old.parseClaim(c);
  if (!r.ok) throw new Error('generated claim invalid for the previous engine');
  return r.value;
});
const raw2022 = [...generateClaims({ claims: N, seed: 2023, year: 2023 })];
const valid2022: Claim[] = raw2022.map((c) => {
  const r = parseClaim(c);
  if (!r.ok) throw new Error('generated 2022 claim invalid');
  return r.value;
});

// --- exact fast path against the naive reference, on every claim ---------------------------------
log(`checking the fast path against the naive reference on ${N} claims…`);
const { differing } = await againstNaive(book, valid);
const mismatches = differing.length;
for (const d of differing.slice(0, 3)) log(`  ${d}`);
log(`  ${mismatches} claims differ`);

// --- in process ----------------------------------------------------------------------------------
const bench = new Bench({ time: TIME, warmupTime: 300 });
let i = 0;
const BATCH = 1000;
const float = floatSettler(policy);
let sim = createSimulation({ variants: [{ name: 'b', rules: book }] });
let simJson = createSimulation({ variants: [{ name: 'b', rules: book }] });
let s0 = 0;
let s1 = 0;
let f0 = 0;
let floatSink = 0;
bench
  .add('settle: validate + settle + explain (one claim)', () => {
    const r = settle(raw[i++ % N]);
    if (!r.ok) throw new Error('refused');
  })
  .add('float baseline (1,000 claims)', () => {
    // The results are summed and printed at the end, so the compiler cannot drop any of the work.
    for (let k = 0; k < BATCH; k++) floatSink += float(raw[(f0 + k) % N] as never);
    f0 += BATCH;
  })
  .add('simulation path, validated claims (1,000 claims)', () => {
    if (s0 + BATCH > N) (s0 = 0), (sim = createSimulation({ variants: [{ name: 'b', rules: book }] }));
    for (let k = 0; k < BATCH; k++) sim.addValid(valid[s0 + k]!);
    s0 += BATCH;
  })
  .add('simulation path, JSON objects with validation (1,000 claims)', () => {
    if (s1 + BATCH > N) (s1 = 0), (simJson = createSimulation({ variants: [{ name: 'b', rules: book }] }));
    for (let k = 0; k < BATCH; k++) simJson.add(raw[s1 + k]);
    s1 += BATCH;
  });
let o0 = 0;
let o1 = 0;
let oldSim = old.createSimulation({ variants: [{ name: 'b', rules: oldBook }] });
let i22 = 0;
let s22 = 0;
let sim22 = createSimulation({ variants: [{ name: 'b', rules: book }] });
bench
  .add('previous engine: settle (one claim)', () => {
    const r = old.settle(rawOld[o0++ % N]);
    if (!r.ok) throw new Error('refused');
  })
  .add('previous engine: simulation path, validated claims (1,000 claims)', () => {
    if (o1 + BATCH > N) (o1 = 0), (oldSim = old.createSimulation({ variants: [{ name: 'b', rules: oldBook }] }));
    for (let k = 0; k < BATCH; k++) oldSim.addValid(validOld[o1 + k]!);
    o1 += BATCH;
  })
  .add('settle, 2022 claims (one claim)', () => {
    const r = settle(raw2022[i22++ % N]);
    if (!r.ok) throw new Error('refused');
  })
  .add('simulation path, validated 2022 claims (1,000 claims)', () => {
    if (s22 + BATCH > N) (s22 = 0), (sim22 = createSimulation({ variants: [{ name: 'b', rules: book }] }));
    for (let k = 0; k < BATCH; k++) sim22.addValid(valid2022[s22 + k]!);
    s22 += BATCH;
  });
const engines = naiveEngines(book.sets.find((s) => s.id === 'ziyang-2017')!);
let n0 = 0;
const naiveLedgers = new Map<string, NaiveLedger>();
bench.add('naive baseline: decimal.js + engine.run() (one claim)', async () => {
  const c = valid[n0++ % N]!;
  const key = `${c.person.id}|${n0 >= N ? 'again' : ''}`;
  let l = naiveLedgers.get(key);
  if (!l) naiveLedgers.set(key, (l = emptyNaiveLedger()));
  await naiveSettle(engines, c, l, {});
});
log('in-process benchmarks…');
const samples = new Map<string, number[]>();
for (let r = 0; r < ROUNDS; r++) {
  await bench.run();
  for (const t of bench.tasks) samples.set(t.name, [...(samples.get(t.name) ?? []), ...t.result!.samples]);
}

const rateOf = (name: string, perIteration: number): Rate & { p50us?: number; p99us?: number } => {
  const all = [...samples.get(name)!].sort((a, b) => a - b); // ms per iteration, every round
  const samplesSorted = all;
  const q = (p: number) => samplesSorted[Math.min(samplesSorted.length - 1, Math.floor(p * samplesSorted.length))]!;
  const rate = (ms: number) => Math.round((perIteration * 1000) / ms);
  // min–max of the rate over the middle 98% of samples (single GC pauses aside).
  const out: Rate & { p50us?: number; p99us?: number } = {
    median: rate(q(0.5)),
    min: rate(q(0.99)),
    max: rate(q(0.01)),
  };
  if (perIteration === 1)
    Object.assign(out, { p50us: +(q(0.5) * 1000).toFixed(1), p99us: +(q(0.99) * 1000).toFixed(1) });
  return out;
};
const single = rateOf('settle: validate + settle + explain (one claim)', 1);
const floatRate = rateOf('float baseline (1,000 claims)', BATCH);
const simValid = rateOf('simulation path, validated claims (1,000 claims)', BATCH);
const simJsonRate = rateOf('simulation path, JSON objects with validation (1,000 claims)', BATCH);
const naive = rateOf('naive baseline: decimal.js + engine.run() (one claim)', 1);
const oldSingle = rateOf('previous engine: settle (one claim)', 1);
const oldSimValid = rateOf('previous engine: simulation path, validated claims (1,000 claims)', BATCH);
const single2022 = rateOf('settle, 2022 claims (one claim)', 1);
const simValid2022 = rateOf('simulation path, validated 2022 claims (1,000 claims)', BATCH);

// --- whole process -------------------------------------------------------------------------------
mkdirSync('.bench', { recursive: true });
const bigFile = `.bench/claims-${BIG}.ndjson`;
const smallFile = `.bench/claims-${BIG / 10}.ndjson`;
for (const [file, n] of [
  [bigFile, BIG],
  [smallFile, BIG / 10],
] as const) {
  if (!existsSync(file)) {
    log(`generating ${file}…`);
    execFileSync('sh', ['-c', `npx tsx seeds/generate.ts --claims ${n} --seed 2018 > ${file}`]);
  }
}
const timed = (cmd: string[]): { seconds: number; rssMiB: number } => {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  const [s, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ');
  return { seconds: Number(s), rssMiB: Math.round(Number(kb) / 1024) };
};
const runs = QUICK ? 1 : 3;
const cores = availableParallelism();
// The shuffled files live in the bench's own temporary folder, removed at the end (and on Ctrl-C).
const benchDir = mkdtempSync(join(tmpdir(), 'bashunwei-bench-'));
const removeBenchDir = () => rmSync(benchDir, { recursive: true, force: true });
process.once('SIGINT', () => {
  removeBenchDir();
  process.exit(130);
});
const shuffled: { file: string; claims: number; persons: number }[] = [];
const timings: Record<string, { seconds: number; rssMiB: number }[]> = {};
const commands: Record<string, [string[], number]> = {
  floor: [['node', 'bench/floor.mjs', bigFile], BIG],
  sim1: [['node', 'dist/cli.js', 'simulate', bigFile, '--workers', '1'], BIG],
  simAll: [['node', 'dist/cli.js', 'simulate', bigFile, '--workers', String(cores)], BIG],
  simSmall: [['node', 'dist/cli.js', 'simulate', smallFile, '--workers', String(cores)], BIG / 10],
};
try {
  for (const n of SHUFFLED) {
    const file = join(benchDir, `shuffled-${n}.ndjson`);
    log(`generating ${n} claims in random person order…`);
    shuffled.push({ file, claims: n, ...writeShuffledClaims(file, { claims: n, seed: 2018, shuffleSeed: 13 }) });
    commands[`floor-${n}`] = [['node', 'bench/floor.mjs', file], n];
    commands[`shuffled-${n}`] = [['node', 'dist/cli.js', 'simulate', file, '--workers', String(cores)], n];
  }
  log('whole-process runs…');
  // Round-robin, for the same reason as the in-process rounds.
  for (let r = 0; r < runs; r++)
    for (const [name, [cmd]] of Object.entries(commands)) (timings[name] ??= []).push(timed(cmd));
} finally {
  removeBenchDir();
}
const whole = (name: string) => {
  const claims = commands[name]![1];
  const rates = timings[name]!.map((x) => Math.round(claims / x.seconds)).sort((a, b) => a - b);
  return {
    median: rates[Math.floor(rates.length / 2)]!,
    min: rates[0]!,
    max: rates[rates.length - 1]!,
    peakRssMiB: Math.max(...timings[name]!.map((x) => x.rssMiB)),
  };
};
const floor = whole('floor');
const sim1 = whole('sim1');
const simAll = whole('simAll');
const simSmall = whole('simSmall');
const shuffledRuns = shuffled.map(({ claims, persons }) => {
  const sim = whole(`shuffled-${claims}`);
  const ownFloor = whole(`floor-${claims}`);
  return { claims, persons, cores, ...sim, floor: ownFloor, vsFloor: +(sim.median / ownFloor.median).toFixed(3) };
});

// --- cold start ----------------------------------------------------------------------------------
const coldRuns = Array.from({ length: 5 }, () =>
  Number(
    execFileSync(
      'node',
      [
        '--input-type=module',
        '-e',
        "const t = performance.now(); const m = await import('./dist/index.js'); m.defaultRules(); console.log(performance.now() - t)",
      ],
      { encoding: 'utf8' },
    ),
  ),
).sort((a, b) => a - b);
const coldMs = +coldRuns[2]!.toFixed(1);

const ratio = (a: number, b: number) => +(a / b).toFixed(3);
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
  claims: { inProcess: N, wholeProcess: BIG },
  fastPathAgainstNaive: { claims: N, mismatches },
  settle: { ...single, vsFloat: ratio(single.median, floatRate.median), vsNaive: ratio(single.median, naive.median) },
  simulationPathValidated: {
    ...simValid,
    vsFloat: ratio(simValid.median, floatRate.median),
    vsNaive: ratio(simValid.median, naive.median),
  },
  simulationPathJson: {
    ...simJsonRate,
    vsFloat: ratio(simJsonRate.median, floatRate.median),
    vsNaive: ratio(simJsonRate.median, naive.median),
  },
  previousEngine: {
    commit: PREVIOUS_ENGINE_COMMIT,
    settle: oldSingle,
    simulationPathValidated: oldSimValid,
    settleVsPrevious: ratio(single.median, oldSingle.median),
    simulationVsPrevious: ratio(simValid.median, oldSimValid.median),
  },
  claims2022: {
    settle: { ...single2022, vs2017: ratio(single2022.median, single.median) },
    simulationPathValidated: { ...simValid2022, vs2017: ratio(simValid2022.median, simValid.median) },
  },
  floatBaseline: floatRate,
  naiveBaseline: naive,
  readParseFloor: floor,
  simulateOneCore: { ...sim1, vsFloor: ratio(sim1.median, floor.median) },
  simulateAllCores: { ...simAll, cores, vsFloor: ratio(simAll.median, floor.median) },
  simulatePeakRssMiB: { [`${BIG / 10}`]: simSmall.peakRssMiB, [`${BIG}`]: simAll.peakRssMiB },
  simulateRandomPersonOrder: shuffledRuns,
  coldStartMs: { median: coldMs, min: +coldRuns[0]!.toFixed(1), max: +coldRuns[4]!.toFixed(1) },
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

console.log(benchTable(results));
log(`(float baseline: ${floatSink.toFixed(0)} yuan of personal pay over all its runs)`);
if (mismatches > 0) process.exitCode = 1;
