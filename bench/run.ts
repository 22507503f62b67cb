/**
 * `npm run bench` (issue 23): every figure next to baselines measured in the same run, since
 * absolute times on a shared machine are noise and ratios are not. The previous engine is the one
 * before rule sets were compiled and claims settled from records (bench/previous.ts, built from
 * git), measured in the same run on the same claims.
 *
 * In process (tinybench, rounds interleaved): `settle` of one claim, validated and explained
 * (claims/s, p50, p99); the simulation path (settled, not explained) from validated claims and from
 * claim records; the float waterfall (a) and the naive decimal.js + json-rules-engine baseline (b);
 * the previous engine's `settle` and simulation path. The exact engine is checked against the
 * naive reference on every claim first.
 *
 * Whole process: `bashunwei simulate` on 1,000,000 and 4,000,000 claims of about five items in
 * random person order, every core, each against one core reading the same file and `JSON.parse`-ing
 * every line (c), with the peak RSS; `bashunwei settle` of 200,000 claims to NDJSON against the floor
 * of its file; the previous engine's commands on the 1M file and the settle file; the cold start.
 * Writes bench/results.json and prints the README's table (bench/table.ts).
 *
 * `npm run bench` bundles this file with tsup as the package is built (esbuild, target node20) and
 * runs the bundle with node, not with tsx: tsx compiles with esbuild's keepNames, which wraps every
 * closure created at run time in a naming call, and the previous engine is a tsup build, so the
 * two engines and the baselines must be compiled alike to be compared.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import { Bench } from 'tinybench';
import { generateClaims } from '../seeds/generator.js';
import basePopulation from '../seeds/population.json';
import type { Claim } from '../src/claim/claim.js';
import { ClaimRecord, recordClaim } from '../src/claim/claim-record.js';
import { settle } from '../src/contract/settle-json.js';
import { policyOn } from '../src/scheme/book.js';
import { defaultRules } from '../src/scheme/embedded.js';
import { parseClaim } from '../src/settle/parse-claim.js';
import { createSimulation } from '../src/simulate/core/simulation.js';
import { maxRecordBytes, readRecordBytes, writeRecordBytes } from '../src/simulate/scale/record-bytes.js';
import { againstNaive } from './baselines/against-naive.js';
import { floatSettler } from './baselines/float.js';
import { emptyNaiveLedger, naiveEngines, naiveSettle, type NaiveLedger } from './baselines/naive.js';
import { PREVIOUS_ENGINE_COMMIT, previousCli, previousEngine } from './previous.js';
import { writeShuffledClaims } from './shuffled-claims.js';
import { benchTable, type Rate } from './table.js';

const QUICK = process.env.BENCH_QUICK === '1';
const N = QUICK ? 20_000 : 100_000;
/** Claims in random person order: the input grows 4× and the peak RSS must not. */
const SHUFFLED = QUICK ? [200_000, 800_000] : [1_000_000, 4_000_000];
/** Claims settled by `bashunwei settle` to NDJSON. */
const SETTLED = QUICK ? 50_000 : 200_000;
/** About five items per claim (the generator draws 1 to maxItems), as the extracts have. */
const FIVE_ITEMS = 9;
const TIME = QUICK ? 200 : 500;
/** Rounds of every task in turn: this shared machine's speed drifts within minutes, so tasks are
 * interleaved and each rate is the median over all rounds' samples. */
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
const old = await previousEngine(log);
const oldBook = old.defaultRules();
const validOld = raw.map((c) => {
  const r = old.parseClaim(c);
  if (!r.ok) throw new Error('generated claim invalid for the previous engine');
  return r.value;
});

// The claims as records, as the simulation's partitions hold them (bytes, read back one at a time).
const sim0 = createSimulation({ variants: [{ name: 'b', rules: book }] });
const recordBytes: Uint8Array[] = valid.map((c) => {
  const r = new ClaimRecord();
  recordClaim(c, sim0.vocabulary, r);
  const out = new Uint8Array(maxRecordBytes(r));
  const end = writeRecordBytes(r, out, new DataView(out.buffer), 0);
  return out.subarray(0, end);
});
const recordViews = recordBytes.map((b) => new DataView(b.buffer, b.byteOffset, b.byteLength));

// --- the exact engine against the naive reference, on every claim --------------------------------
log(`checking the engine against the naive reference on ${N} claims…`);
const { differing } = await againstNaive(book, valid);
const mismatches = differing.length;
for (const d of differing.slice(0, 3)) log(`  ${d}`);
log(`  ${mismatches} claims differ`);

// --- in process ----------------------------------------------------------------------------------
const bench = new Bench({ time: TIME, warmupTime: 300 });
const BATCH = 1000;
const float = floatSettler(policy);
let i = 0;
let o0 = 0;
let f0 = 0;
let s0 = 0;
let r0 = 0;
let o1 = 0;
let floatSink = 0;
let sim = createSimulation({ variants: [{ name: 'b', rules: book }] });
let simRecords = createSimulation({ variants: [{ name: 'b', rules: book }] });
let oldSim = old.createSimulation({ variants: [{ name: 'b', rules: oldBook }] });
const record = new ClaimRecord();
bench
  .add('settle: validate + settle + explain (one claim)', () => {
    const r = settle(raw[i++ % N]);
    if (!r.ok) throw new Error('refused');
  })
  .add('previous engine: settle (one claim)', () => {
    const r = old.settle(raw[o0++ % N]);
    if (!r.ok) throw new Error('refused');
  })
  .add('float baseline (1,000 claims)', () => {
    // The results are summed and printed at the end, so the compiler cannot drop any of the work.
    for (let k = 0; k < BATCH; k++) floatSink += float(raw[(f0 + k) % N] as never);
    f0 += BATCH;
  })
  .add('simulation path: validated claims (1,000 claims)', () => {
    if (s0 + BATCH > N) (s0 = 0), (sim = createSimulation({ variants: [{ name: 'b', rules: book }] }));
    for (let k = 0; k < BATCH; k++) sim.addValid(valid[s0 + k]!);
    s0 += BATCH;
  })
  .add('simulation path: claim records (1,000 claims)', () => {
    if (r0 + BATCH > N) (r0 = 0), (simRecords = createSimulation({ variants: [{ name: 'b', rules: book }] }));
    for (let k = 0; k < BATCH; k++) {
      readRecordBytes(recordBytes[r0 + k]!, recordViews[r0 + k]!, 0, record);
      simRecords.addRecord(record);
    }
    r0 += BATCH;
  })
  .add('previous engine: simulation path, validated claims (1,000 claims)', () => {
    if (o1 + BATCH > N) (o1 = 0), (oldSim = old.createSimulation({ variants: [{ name: 'b', rules: oldBook }] }));
    for (let k = 0; k < BATCH; k++) oldSim.addValid(validOld[o1 + k]!);
    o1 += BATCH;
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
  const sorted = [...samples.get(name)!].sort((a, b) => a - b); // ms per iteration, every round
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
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
const oldSingle = rateOf('previous engine: settle (one claim)', 1);
const floatRate = rateOf('float baseline (1,000 claims)', BATCH);
const simValid = rateOf('simulation path: validated claims (1,000 claims)', BATCH);
const simRecordRate = rateOf('simulation path: claim records (1,000 claims)', BATCH);
const oldSimValid = rateOf('previous engine: simulation path, validated claims (1,000 claims)', BATCH);
const naive = rateOf('naive baseline: decimal.js + engine.run() (one claim)', 1);

// --- whole process -------------------------------------------------------------------------------
mkdirSync('.bench', { recursive: true });
const timed = (cmd: string[], stdout = 'ignore'): { seconds: number; rssMiB: number } => {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], {
    encoding: 'utf8',
    stdio: ['ignore', stdout === 'ignore' ? 'ignore' : 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  // simulate exits 1 when a claim was refused (none is, on generated claims): any other failure is the bench's.
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  const [s, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ');
  return { seconds: Number(s), rssMiB: Math.round(Number(kb) / 1024) };
};
const runs = QUICK ? 1 : 3;
const cores = availableParallelism();
// The bench's files live in its own temporary folder, removed at the end (and on Ctrl-C).
const benchDir = mkdtempSync(join(tmpdir(), 'bashunwei-bench-'));
const removeBenchDir = () => rmSync(benchDir, { recursive: true, force: true });
process.once('SIGINT', () => {
  removeBenchDir();
  process.exit(130);
});
const population = {
  items: { ...basePopulation.items, values: { ...basePopulation.items.values, maxItems: FIVE_ITEMS } },
};
const shuffled: { file: string; claims: number; persons: number }[] = [];
const timings: Record<string, { seconds: number; rssMiB: number }[]> = {};
const commands: Record<string, [string[], number]> = {};
const settleFile = join(benchDir, `settle-${SETTLED}.ndjson`);
try {
  for (const n of SHUFFLED) {
    const file = join(benchDir, `shuffled-${n}.ndjson`);
    log(`generating ${n} claims of about five items in random person order…`);
    shuffled.push({
      file,
      claims: n,
      ...writeShuffledClaims(file, { claims: n, seed: 2018, shuffleSeed: 13, population }),
    });
    commands[`floor-${n}`] = [['node', 'bench/floor.mjs', file], n];
    commands[`simulate-${n}`] = [['node', 'dist/cli.js', 'simulate', file, '--workers', String(cores)], n];
  }
  commands[`previous-simulate-${SHUFFLED[0]}`] = [
    ['node', previousCli(), 'simulate', shuffled[0]!.file, '--workers', String(cores)],
    SHUFFLED[0]!,
  ];
  writeShuffledClaims(settleFile, { claims: SETTLED, seed: 7, shuffleSeed: 5, population });
  commands['floor-settle'] = [['node', 'bench/floor.mjs', settleFile], SETTLED];
  commands.settle = [['node', 'dist/cli.js', 'settle', settleFile, '--format', 'ndjson'], SETTLED];
  commands['previous-settle'] = [['node', previousCli(), 'settle', settleFile, '--format', 'ndjson'], SETTLED];
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
const simulateRuns = shuffled.map(({ claims, persons }) => {
  const run = whole(`simulate-${claims}`);
  const floor = whole(`floor-${claims}`);
  return { claims, persons, cores, ...run, floor, vsFloor: +(run.median / floor.median).toFixed(3) };
});
const previousSimulate = whole(`previous-simulate-${SHUFFLED[0]}`);
const settleFloor = whole('floor-settle');
const settleProcess = whole('settle');
const previousSettleProcess = whole('previous-settle');

// --- cold start: import, load and compile the rules; and the command on one claim, less Node's own start
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const coldRuns = Array.from({ length: 7 }, () =>
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
);
const wall = (args: string[]): number => {
  const t = performance.now();
  execFileSync('node', args, { stdio: 'ignore' });
  return performance.now() - t;
};
const oneClaim = 'examples/claims/01-poor-inpatient-in-county.json';
const commandRuns: number[] = [];
for (let r = 0; r < 7; r++) commandRuns.push(wall(['dist/cli.js', 'settle', oneClaim]) - wall(['-e', '0']));

const ratio = (a: number, b: number) => +(a / b).toFixed(3);
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
  claims: { inProcess: N, settleFile: SETTLED, itemsPerClaim: (1 + FIVE_ITEMS) / 2 },
  fastPathAgainstNaive: { claims: N, mismatches },
  settle: {
    ...single,
    vsFloat: ratio(single.median, floatRate.median),
    vsPrevious: ratio(single.median, oldSingle.median),
  },
  simulationPathValidated: {
    ...simValid,
    vsFloat: ratio(simValid.median, floatRate.median),
    vsPrevious: ratio(simValid.median, oldSimValid.median),
  },
  simulationPathRecords: {
    ...simRecordRate,
    vsFloat: ratio(simRecordRate.median, floatRate.median),
    vsNaive: ratio(simRecordRate.median, naive.median),
  },
  previousEngine: {
    commit: PREVIOUS_ENGINE_COMMIT,
    settle: oldSingle,
    simulationPathValidated: oldSimValid,
    simulate: { ...previousSimulate, vsFloor: ratio(previousSimulate.median, simulateRuns[0]!.floor.median) },
    settleProcess: { ...previousSettleProcess, vsFloor: ratio(previousSettleProcess.median, settleFloor.median) },
  },
  floatBaseline: floatRate,
  naiveBaseline: naive,
  simulateRandomPersonOrder: simulateRuns,
  settleProcess: {
    ...settleProcess,
    floor: settleFloor,
    vsFloor: ratio(settleProcess.median, settleFloor.median),
    vsPrevious: ratio(settleProcess.median, previousSettleProcess.median),
  },
  coldStartMs: { import: +median(coldRuns).toFixed(1), command: +median(commandRuns).toFixed(1) },
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

console.log(benchTable(results));
log(`(float baseline: ${floatSink.toFixed(0)} yuan of personal pay over all its runs)`);
if (mismatches > 0) process.exitCode = 1;
