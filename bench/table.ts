/**
 * The README's performance table, from the figures `npm run bench` writes to bench/results.json:
 * `bench/run.ts` prints it at the end of a run, and `npm run bench:table` prints it again from the
 * file alone (the README is updated from the file, not from a terminal that may be gone).
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * console.log(benchTable(JSON.parse(readFileSync('bench/results.json', 'utf8'))));
 * ```
 */
import { readFileSync } from 'node:fs';

/** Claims per second over every round: the median and the spread of the middle 98% of samples. */
export interface Rate {
  median: number;
  min: number;
  max: number;
}
type Latency = Rate & { p50us?: number; p99us?: number };
type Process = Rate & { peakRssMiB?: number };

/** What bench/run.ts writes to bench/results.json (the parts the table shows). */
export interface BenchResults {
  claims: { inProcess: number; wholeProcess: number };
  machine: { cpus: number };
  fastPathAgainstNaive: { claims: number; mismatches: number };
  settle: Latency & { vsFloat: number; vsNaive: number };
  simulationPathValidated: Rate & { vsFloat: number; vsNaive: number };
  simulationPathJson: Rate & { vsFloat: number };
  previousEngine: {
    settle: Latency;
    simulationPathValidated: Rate;
    settleVsPrevious: number;
    simulationVsPrevious: number;
  };
  claims2022: { settle: Latency & { vs2017: number }; simulationPathValidated: Rate & { vs2017: number } };
  floatBaseline: Rate;
  naiveBaseline: Latency;
  readParseFloor: Process;
  simulateOneCore: Process & { vsFloor: number };
  simulateAllCores: Process & { vsFloor: number; cores: number };
  simulatePeakRssMiB: Record<string, number>;
  simulateRandomPersonOrder: (Process & {
    claims: number;
    persons: number;
    cores: number;
    floor: Process;
    vsFloor: number;
  })[];
  coldStartMs: Rate;
}

const k = (n: number) => n.toLocaleString('en-US');
const ratio = (a: number, b: number) => +(a / b).toFixed(3);
const row = (what: string, r: Rate, vs: string, extra = '') =>
  `| ${what} | ${k(r.median)} (${k(r.min)}–${k(r.max)}) | ${vs} | ${extra} |`;

/**
 * The markdown table of one bench run.
 *
 * @example
 * ```ts
 * benchTable(results).split('\n')[0]; // '| path | claims/s median (min–max) | against the baselines | notes |'
 * ```
 */
export function benchTable(r: BenchResults): string {
  const big = r.claims.wholeProcess;
  const cores = r.simulateAllCores.cores;
  const old = r.previousEngine;
  const small = r.simulatePeakRssMiB[`${big / 10}`];
  return `| path | claims/s median (min–max) | against the baselines | notes |
|---|---|---|---|
${row('`settle`: validate + settle + explain, one claim', r.settle, `${r.settle.vsFloat}× float, ${k(Math.round(r.settle.vsNaive))}× naive`, `p50 ${r.settle.p50us} µs, p99 ${r.settle.p99us} µs`)}
${row('simulation path, validated claims, aggregates only', r.simulationPathValidated, `${r.simulationPathValidated.vsFloat}× float, ${k(Math.round(r.simulationPathValidated.vsNaive))}× naive`, '1 core')}
${row('simulation path from JSON objects (with validation)', r.simulationPathJson, `${r.simulationPathJson.vsFloat}× float`, '1 core')}
${row('(d) previous engine (2017 only, before issue 10): `settle`', old.settle, `new/previous ${old.settleVsPrevious}×`, `p50 ${old.settle.p50us} µs, p99 ${old.settle.p99us} µs`)}
${row('(d) previous engine: simulation path, validated claims', old.simulationPathValidated, `new/previous ${old.simulationVsPrevious}×`, '1 core')}
${row('`settle`, 2022 claims (three-layer scheme)', r.claims2022.settle, `${r.claims2022.settle.vs2017}× the 2017 claims`, `p50 ${r.claims2022.settle.p50us} µs, p99 ${r.claims2022.settle.p99us} µs`)}
${row('simulation path, validated 2022 claims', r.claims2022.simulationPathValidated, `${r.claims2022.simulationPathValidated.vs2017}× the 2017 claims`, '1 core')}
${row('(a) float baseline, no validation, no explanation', r.floatBaseline, '1×', 'may be off by a fen')}
${row('(b) naive decimal.js + `await engine.run()`', r.naiveBaseline, `${ratio(r.naiveBaseline.median, r.floatBaseline.median)}× float`, 'one run per stage of facts and per item')}
${row(`\`bashunwei simulate\` ${k(big)} claims, 1 core`, r.simulateOneCore, `${r.simulateOneCore.vsFloor}× floor`, `peak RSS ${r.simulateOneCore.peakRssMiB} MiB`)}
${row(`\`bashunwei simulate\` ${k(big)} claims, ${cores} cores`, r.simulateAllCores, `${r.simulateAllCores.vsFloor}× floor`, `peak RSS ${r.simulateAllCores.peakRssMiB} MiB (${small} MiB at ${k(big / 10)})`)}
${r.simulateRandomPersonOrder
  .map((x) =>
    row(
      `\`bashunwei simulate\` ${k(x.claims)} claims in random person order (${k(x.persons)} persons), ${x.cores} cores`,
      x,
      `${x.vsFloor}× floor`,
      `peak RSS ${x.peakRssMiB} MiB; floor of this file ${k(x.floor.median)}/s`,
    ),
  )
  .join('\n')}
${row('(c) read + `JSON.parse` floor, 1 core', r.readParseFloor, '1×', `peak RSS ${r.readParseFloor.peakRssMiB} MiB`)}
| cold start: import + load + compile the rules | ${r.coldStartMs.median} ms median (${r.coldStartMs.min}–${r.coldStartMs.max}) | | |
| fast path = naive reference | ${k(r.fastPathAgainstNaive.claims)} claims, ${r.fastPathAgainstNaive.mismatches} differ | | every tier and personal pay |`;
}

// `npm run bench:table`: the table of the last run, from bench/results.json (only when this file is
// the script: bench/run.ts is bundled with it).
if (/[\\/]bench[\\/]table\.[tj]s$/.test(process.argv[1] ?? '')) {
  console.log(benchTable(JSON.parse(readFileSync(process.argv[2] ?? 'bench/results.json', 'utf8')) as BenchResults));
}
