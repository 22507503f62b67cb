/**
 * A simulation worker of the page (a module Web Worker, one per core the browser offers). It
 * loads the engine and compiles the embedded rules as soon as it starts, then, per run, compiles
 * the reform's rule folders (checked by the page, not checked again: reform-folders.ts) and
 * settles its share of the claims: the persons whose id hashes to it. From the synthetic
 * population, every worker runs the one seeded sequence and builds only its persons' claims; from a file, every worker reads the file, sends the keys of its share of
 * records, and settles the records the page assigns to it (assign-workers.ts).
 */
import { generateNumberedClaims } from '../../../seeds/generator.js';
import type { RuleBook } from '../../scheme/book.js';
import { defaultRules } from '../../scheme/embedded.js';
import { listParameters } from '../../scheme/parameters.js';
import { createSimulation, type Simulation } from '../../simulate/core/simulation.js';
import { generatorOptions } from '../reform/population.js';
import { checkedReformBook, reformFolders } from '../reform/reform-folders.js';
import { provideAppZod } from '../zod-api.js';
import { type InputRecord, csvRecords, ndjsonRecords, recordKeys } from './claim-records.js';
import { shardOfPersonId } from './person-shard.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { runVariants } from './run-variants.js';

provideAppZod();

/** How often a worker says how far it got (claims or records). */
const PROGRESS_EVERY = 1000;

const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};
const post = (m: FromWorker): void => scope.postMessage(m);

/** A file read and keyed, waiting for the page to say which records are this worker's. */
let waiting:
  | { run: number; shard: number; records: InputRecord[]; sim: Simulation; started: number; readMs: number }
  | undefined;

scope.onmessage = (e) => {
  const m = e.data;
  const run = m.run;
  void handle(m).catch((err: unknown) =>
    post({ kind: 'failed', run, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }),
  );
};

async function handle(m: ToWorker): Promise<void> {
  if (m.kind === 'assign') {
    if (waiting?.run !== m.run) return;
    const { run, shard, records, sim, started, readMs } = waiting;
    waiting = undefined;
    const settling = performance.now();
    let mine = 0;
    for (const o of m.owners) if (o === shard) mine++;
    let done = 0;
    records.forEach((r, i) => {
      if (m.owners[i] !== shard) return;
      if ('text' in r) sim.addText(r.text, r.line);
      else if ('value' in r) sim.add(r.value, r.line);
      else sim.addIssue(r.error, r.line);
      if (++done % PROGRESS_EVERY === 0) post({ kind: 'progress', run, done, total: mine });
    });
    post({ kind: 'progress', run, done, total: mine });
    const result = sim.result();
    const now = performance.now();
    return post({ kind: 'result', run, result, timing: { readMs, settleMs: now - settling, totalMs: now - started } });
  }
  const started = performance.now();
  const { run, shard, shards, source } = m;
  // The generator yields each person's claims together (every year of them): the simulation then
  // keeps only the current person's years, as a partition of the command does.
  const sim = createSimulation({
    variants: runVariants(checkedReformBook(m.folders)),
    lang: m.lang,
    groupedByPerson: source.kind === 'population',
  });
  if (source.kind === 'population') {
    const total = source.population.claims;
    // Only this worker's persons are built; the others' claims cost only their random draws
    // (generateNumberedClaims). The time spent generating is the time between the settlements,
    // taken per claim (cheap next to either): the bench (bench/app.ts) reports where a run's time goes.
    let settleMs = 0;
    let reported = 0;
    const mine = (id: string): boolean => shardOfPersonId(id, shards) === shard;
    for (const [line, claim] of generateNumberedClaims(generatorOptions(source.population), mine)) {
      const t = performance.now();
      sim.add(claim, line);
      settleMs += performance.now() - t;
      if (line - reported >= PROGRESS_EVERY) post({ kind: 'progress', run, done: (reported = line), total });
    }
    post({ kind: 'progress', run, done: total, total });
    const result = sim.result();
    const totalMs = performance.now() - started;
    return post({ kind: 'result', run, result, timing: { readMs: totalMs - settleMs, settleMs, totalMs } });
  }
  const bytes = new Uint8Array(await source.file.arrayBuffer());
  const records = source.format === 'csv' ? csvRecords(bytes, m.lang) : ndjsonRecords(bytes, m.lang);
  const keys = [];
  for (let i = shard; i < records.length; i += shards) keys.push(recordKeys(records[i]!));
  waiting = { run, shard, records, sim, started, readMs: performance.now() - started };
  post({ kind: 'keys', run, records: records.length, keys });
}

/** How many generated claims a worker settles, and forgets, before it says it is ready. */
const WARM_UP_CLAIMS = 30_000;

/**
 * The embedded rules as a reform of themselves: every rule set's first plain parameter "changed"
 * to the value it has, so each set goes through a reform's path (folders patched, chains
 * resolved, compiled in this worker) and settles exactly as the embedded one.
 */
function sameAsEmbedded(): RuleBook {
  const changes = defaultRules().sets.flatMap((s) => {
    const p = listParameters(s.files).find((x) => x.values.length === 1 && !/^[[{]/.test(x.latest));
    return p ? [{ set: s.id, file: p.file, path: p.path, value: p.latest }] : [];
  });
  const folders = reformFolders({ changes });
  return folders.ok ? checkedReformBook(folders.value) : defaultRules();
}

/**
 * Settles a synthetic population under the embedded rules and the same rules compiled as a
 * reform (as a run compares the embedded rules with a reform's) and forgets the result, so that
 * the engine's code, the reform's compile included, is optimized by the JIT while the page is
 * read. Measured in Chromium, a page's first run of 100,000 claims otherwise took about twice as
 * long as its second (docs/app.md, "Speed"). Every rule set of the book is settled, and only some
 * persons are built, as in a run.
 */
function warmUp(): void {
  const sim = createSimulation({
    variants: [
      { name: 'baseline', rules: defaultRules() },
      { name: 'warm-up', rules: sameAsEmbedded() },
    ],
    groupedByPerson: true,
  });
  const some = (id: string): boolean => shardOfPersonId(id, 2) === 0;
  // Every year from the first rule set's to the last's (a year none covers has no claims).
  const from = defaultRules().sets.map((s) => Number(s.files['ruleset.json'].inForce.from.slice(0, 4)));
  const years = [Math.min(...from), Math.max(...from)] as const;
  for (const [line, claim] of generateNumberedClaims({ claims: WARM_UP_CLAIMS, seed: 1, years }, some))
    sim.add(claim, line);
  sim.result();
}

// Load the engine, compile the embedded rules and warm the engine now, while the page is read,
// not when a run starts.
warmUp();
post({ kind: 'ready' });
