/**
 * The README's performance table, from the figures `npm run bench` writes to bench/results.json:
 * `bench/run.ts` prints it at the end of a run, and `npm run bench:table` prints it again from the
 * file alone (the README is updated from the file, not from a terminal that may be gone). One row
 * per target of issue 23, each against its baseline of the same run, then the previous engine's
 * figures of the same run.
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
  claims: { inProcess: number; settleFile: number; itemsPerClaim: number };
  fastPathAgainstNaive: { claims: number; mismatches: number };
  settle: Latency & { vsFloat: number; vsPrevious: number };
  simulationPathValidated: Rate & { vsFloat: number; vsPrevious: number };
  simulationPathRecords: Rate & { vsFloat: number; vsNaive: number };
  previousEngine: {
    commit: string;
    settle: Latency;
    simulationPathValidated: Rate;
    simulate: Process & { vsFloor: number };
    settleProcess: Process & { vsFloor: number };
  };
  floatBaseline: Rate;
  naiveBaseline: Latency;
  simulateRandomPersonOrder: (Process & {
    claims: number;
    persons: number;
    cores: number;
    floor: Process;
    vsFloor: number;
  })[];
  settleProcess: Process & { floor: Process; vsFloor: number; vsPrevious: number };
  coldStartMs: { import: number; command: number };
}

const k = (n: number) => n.toLocaleString('en-US');
const spread = (r: Rate) => `${k(r.median)} (${k(r.min)}–${k(r.max)})`;
const verdict = (met: boolean) => (met ? '**met**' : '**not met**');

/**
 * The markdown tables of one bench run: the targets, then the previous engine.
 *
 * @example
 * ```ts
 * benchTable(results).split('\n')[0]; // '| figure | measured | target | verdict |'
 * ```
 */
export function benchTable(r: BenchResults): string {
  const sims = r.simulateRandomPersonOrder;
  const rss = sims.map((s) => s.peakRssMiB ?? 0);
  const old = r.previousEngine;
  const rows = [
    ...sims.map(
      (s) =>
        `| \`simulate\`, ${k(s.claims)} claims of ~${r.claims.itemsPerClaim} items, random person order (${k(s.persons)} persons), ${s.cores} cores, against one core's read + \`JSON.parse\` of the same file | ${s.vsFloor}× (${spread(s)} claims/s; floor ${k(s.floor.median)}/s) | ≥ 1.0× | ${verdict(s.vsFloor >= 1)} |`,
    ),
    `| its peak RSS, from ${k(sims[0]!.claims)} to ${k(sims.at(-1)!.claims)} claims | ${rss.map((x) => `${x} MiB`).join(' → ')} | < 300 MiB, flat | ${verdict(Math.max(...rss) < 300 && Math.max(...rss) <= 1.2 * Math.min(...rss))} |`,
    `| simulation path (settled, not explained) from claim records, 1 core, against the float waterfall | ${r.simulationPathRecords.vsFloat}× (${spread(r.simulationPathRecords)} claims/s) | ≥ 0.5× | ${verdict(r.simulationPathRecords.vsFloat >= 0.5)} |`,
    `| the same from validated claim objects | ${r.simulationPathValidated.vsFloat}× (${spread(r.simulationPathValidated)} claims/s) | | |`,
    `| \`settle\` one claim, validated and explained | ${spread(r.settle)} claims/s, p50 ${r.settle.p50us} µs, p99 ${r.settle.p99us} µs | ≥ 200,000/s, p99 < 30 µs | ${verdict(r.settle.median >= 200_000 && (r.settle.p99us ?? Infinity) < 30)} |`,
    `| \`bashunwei settle\` of ${k(r.claims.settleFile)} claims to NDJSON, whole process, against the floor of the same file | ${r.settleProcess.vsFloor}× (${spread(r.settleProcess)} claims/s) | ≥ 0.25× | ${verdict(r.settleProcess.vsFloor >= 0.25)} |`,
    `| cold start of \`bashunwei settle\` on one claim (the command's time less Node's own start) | ${r.coldStartMs.command} ms (import, load and compile: ${r.coldStartMs.import} ms) | < 30 ms | ${verdict(r.coldStartMs.command < 30)} |`,
  ];
  const previous = [
    `| \`settle\` one claim | ${spread(old.settle)} claims/s, p99 ${old.settle.p99us} µs | ${r.settle.vsPrevious}× |`,
    `| simulation path, validated claims | ${spread(old.simulationPathValidated)} claims/s | ${r.simulationPathValidated.vsPrevious}× |`,
    `| \`simulate\`, ${k(sims[0]!.claims)} claims, ${sims[0]!.cores} cores | ${old.simulate.vsFloor}× floor, peak RSS ${old.simulate.peakRssMiB} MiB | ${(sims[0]!.median / old.simulate.median).toFixed(2)}× |`,
    `| \`bashunwei settle\` to NDJSON | ${old.settleProcess.vsFloor}× floor | ${r.settleProcess.vsPrevious}× |`,
  ];
  return `| figure | measured | target | verdict |
|---|---|---|---|
${rows.join('\n')}

| previous engine (${old.commit.slice(0, 7)}), same run | previous | now / previous |
|---|---|---|
${previous.join('\n')}

Baselines of the same run: float waterfall ${spread(r.floatBaseline)} claims/s; naive decimal.js + json-rules-engine ${spread(r.naiveBaseline)} claims/s (the engine ${k(Math.round(r.simulationPathRecords.vsNaive))}× faster); engine = naive reference on ${k(r.fastPathAgainstNaive.claims)} claims, ${r.fastPathAgainstNaive.mismatches} differ.`;
}

// `npm run bench:table`: the table of the last run, from bench/results.json (only when this file is
// the script: bench/run.ts is bundled with it).
if (/[\\/]bench[\\/]table\.[tj]s$/.test(process.argv[1] ?? '')) {
  console.log(benchTable(JSON.parse(readFileSync(process.argv[2] ?? 'bench/results.json', 'utf8')) as BenchResults));
}
