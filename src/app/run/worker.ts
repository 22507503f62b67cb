/**
 * A simulation worker of the page (a module Web Worker, one per core the browser offers). It
 * loads the engine and compiles the embedded rules as soon as it starts, then, per run, compiles
 * the reform's rule folders (checked by the page, not checked again: reform-folders.ts) and
 * settles its share of the claims: the persons whose id hashes to it. From the synthetic
 * population, every worker generates the whole stream (the generator is one seeded sequence) and
 * keeps its persons; from a file, every worker reads the file, sends the keys of its share of
 * records, and settles the records the page assigns to it (assign-workers.ts).
 */
import { generateClaims } from '../../../seeds/generator.js';
import { defaultRules } from '../../scheme/embedded.js';
import { createSimulation, type Simulation } from '../../simulate/core/simulation.js';
import { generatorOptions } from '../reform/population.js';
import { checkedReformBook } from '../reform/reform-folders.js';
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
  const sim = createSimulation({ variants: runVariants(checkedReformBook(m.folders)), lang: m.lang });
  const { run, shard, shards, source } = m;
  if (source.kind === 'population') {
    const total = source.population.claims;
    let line = 0;
    let person = '';
    let ours = false;
    // The time spent generating is the time between the settlements, taken per claim (cheap next
    // to either): the bench (bench/app.ts) reports where a run's time goes.
    let settleMs = 0;
    for (const claim of generateClaims(generatorOptions(source.population))) {
      line++;
      // The generator yields a person's claims together: hash each person once.
      const id = (claim.person as { id: string }).id;
      if (id !== person) {
        person = id;
        ours = shardOfPersonId(id, shards) === shard;
      }
      if (ours) {
        const t = performance.now();
        sim.add(claim, line);
        settleMs += performance.now() - t;
      }
      if (line % PROGRESS_EVERY === 0) post({ kind: 'progress', run, done: line, total });
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

// Load the engine and compile the embedded rules now, while the page is read, not when a run starts.
defaultRules();
post({ kind: 'ready' });
