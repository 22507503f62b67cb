/**
 * The first pass of a simulation over a file: read the claims once, in input order, and append
 * each to the spill file of its person's partition (a hash of the person id), and its claim id to
 * the spill file of the id's partition (a hash of the claim id). Each person's claims then sit in
 * one file, in input order, so a partition is settled person by person with only its own
 * person-years in memory; each claim id's occurrences sit in one file, so duplicate ids are found
 * a partition at a time (duplicates.ts). Memory is one read chunk and the write buffers.
 *
 * NDJSON lines are copied as they are (their person and id found in the bytes, shard.ts); CSV
 * claims come from the CSV reader as values and are written as JSON text.
 */
import { join } from 'node:path';
import type { ClaimIssue } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import type { InputRecord } from '../cli/input.js';
import { type Route, hashBytes, routeOf } from './shard.js';
import { csvClaims, fileLines, isBlank, tooLong } from './source.js';
import { SpillWriter } from './spill.js';

/** Record kinds of a person partition: a claim's JSON text, or an input that could not be read (its issue as JSON). */
export const CLAIM_TEXT = 0;
export const UNREADABLE = 1;

/** What the partition pass wrote. */
export interface Partitions {
  /** How many partitions (of persons, and of claim ids). */
  readonly count: number;
  /** The spill file of each person partition. */
  readonly persons: readonly string[];
  /** Bytes of each person partition (for progress). */
  readonly sizes: readonly number[];
  /** The spill file of each claim-id partition: records `[person partition u32][offset f64][id bytes]`. */
  readonly ids: readonly string[];
}

/** Everything the partition pass needs. */
export interface PartitionJob {
  readonly file: string;
  readonly format: 'ndjson' | 'csv';
  /** The folder to write in (a temporary folder of the run). */
  readonly dir: string;
  readonly count: number;
  readonly lang?: Lang;
  /** Told the bytes of the input read since the last call. */
  readonly progress?: (bytes: number) => void;
  /** Turns an error of a write into the error to throw (a full disk said plainly). */
  readonly failed: (e: unknown) => Error;
}

/** Memory for the write buffers of all the spill files of the pass. */
const WRITE_BUFFERS = 8 << 20;

/** Appends claims to the spill files of their partitions; `close` completes the files. */
interface Partitioner {
  claim(line: number, buf: Buffer, from: number, to: number): void;
  unreadable(r: { readonly line: number; readonly error: ClaimIssue }): void;
  close(): Partitions;
}

function partitioner(job: Omit<PartitionJob, 'file' | 'format'>): Partitioner {
  const n = job.count;
  const bufferBytes = Math.min(1 << 20, Math.max(16 << 10, Math.floor(WRITE_BUFFERS / (2 * n))));
  const persons = Array.from({ length: n }, (_, i) => new SpillWriter(join(job.dir, `persons-${i}`), bufferBytes, job.failed));
  const ids = Array.from({ length: n }, (_, i) => new SpillWriter(join(job.dir, `ids-${i}`), bufferBytes, job.failed));
  const prefix = Buffer.alloc(12);
  const route: Route = { person: undefined, id: undefined, idFrom: 0, idTo: 0 };
  return {
    claim: (line, buf, from, to) => {
      routeOf(buf, from, to, route);
      const p = route.person === undefined ? line % n : route.person % n;
      const offset = persons[p]!.append(CLAIM_TEXT, line, buf, from, to);
      if (route.id === undefined) return; // no string id: refused wherever it is settled
      prefix.writeUInt32LE(p, 0);
      prefix.writeDoubleLE(offset, 4);
      ids[hashBytes(route.id, route.idFrom, route.idTo) % n]!.append(CLAIM_TEXT, line, route.id, route.idFrom, route.idTo, prefix);
    },
    unreadable: (r) => {
      const payload = Buffer.from(JSON.stringify(r.error));
      persons[r.line % n]!.append(UNREADABLE, r.line, payload, 0, payload.length);
    },
    close: () => {
      for (const w of [...persons, ...ids]) w.close();
      return { count: n, persons: persons.map((w) => w.path), sizes: persons.map((w) => w.size), ids: ids.map((w) => w.path) };
    },
  };
}

/** Lines between two turns of the event loop, so that a SIGINT is answered while a large file is read. */
const YIELD_EVERY = 1 << 15;
/**
 * A turn of the event loop: signals (SIGINT) are answered in it.
 *
 * @example
 * if (++n % 32768 === 0) await nextTurn();
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Partitions the claims of `job.file` by person and by claim id.
 *
 * @example
 * const parts = await partitionFile({ file: 'claims.ndjson', format: 'ndjson', dir: tmp.path, count: 32, failed: (e) => e as Error });
 */
export async function partitionFile(job: PartitionJob): Promise<Partitions> {
  const out = partitioner(job);
  let n = 0;
  if (job.format === 'ndjson') {
    for (const l of fileLines(job.file, job.progress)) {
      if ('tooLong' in l) out.unreadable(tooLong(l.line, l.tooLong, job.lang));
      else if (!isBlank(l.buf, l.from, l.to)) out.claim(l.line, l.buf, l.from, l.to);
      // The generator holds its chunk while this waits; the next line is read after the turn.
      if (++n % YIELD_EVERY === 0) await nextTurn();
    }
  } else {
    for (const r of csvClaims(job.file, { shard: 0, shards: 1, progress: job.progress, lang: job.lang })) {
      if ('error' in r) out.unreadable(r);
      else {
        const text = Buffer.from('text' in r ? r.text : JSON.stringify(r.value));
        out.claim(r.line, text, 0, text.length);
      }
      if (++n % YIELD_EVERY === 0) await nextTurn();
    }
  }
  return out.close();
}

/**
 * Partitions a stream of claims already split and decoded (standard input, read by the command's
 * reader: NDJSON or one JSON document).
 *
 * @example
 * const parts = await partitionStream(readClaims(process.stdin), { dir: tmp.path, count: 128, failed });
 */
export async function partitionStream(records: AsyncIterable<InputRecord>, job: Omit<PartitionJob, 'file' | 'format'>): Promise<Partitions> {
  const out = partitioner(job);
  for await (const r of records) {
    if ('error' in r) out.unreadable(r);
    else {
      const text = Buffer.from(r.text);
      out.claim(r.line, text, 0, text.length);
    }
  }
  return out.close();
}
