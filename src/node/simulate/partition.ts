/**
 * The first pass of a simulation over a file: read the claims once, in input order, and append
 * each to the spill file of its person's partition (a hash of the person id), and its claim id to
 * the spill file of the id's partition (a hash of the claim id). Each person's claims then sit in
 * one file, in input order, so a partition is settled person by person with only its own
 * person-years in memory; each claim id's occurrences sit in one file, so duplicate ids are found
 * a partition at a time (duplicates.ts). Memory is one read chunk and the write buffers.
 *
 * NDJSON lines are copied as they are (their person and id found in the bytes, shard.ts), and a
 * large file is read by several workers at once, each a range of its bytes writing its own piece
 * of every partition (its lines numbered from its range's start, the pieces' offsets added when
 * the pieces are read back in order); CSV claims come from the CSV reader as values and are
 * written as JSON text.
 */
import { join } from 'node:path';
import type { ClaimIssue } from '../../errors/issue.js';
import type { Lang } from '../../i18n/lang.js';
import type { InputRecord } from '../input.js';
import { type Route, hashBytes, routeOf } from '../../simulate/scale/shard.js';
import { csvClaims, fileLines, isBlank, tooLong } from './source.js';
import { SpillWriter } from './spill.js';

/** Record kinds of a person partition: a claim's JSON text, or an input that could not be read (its issue as JSON). */
export const CLAIM_TEXT = 0;
export const UNREADABLE = 1;

/** A spill file of a partition, and what to add to its line numbers (the lines of the pieces before it). */
export interface SpillPart {
  readonly path: string;
  readonly lineOffset: number;
}

/** What the partition pass wrote: every partition as its pieces, in input order. */
export interface Partitions {
  /** How many partitions (of persons, and of claim ids). */
  readonly count: number;
  /** The pieces of each person partition. */
  readonly persons: readonly (readonly SpillPart[])[];
  /** Bytes of each person partition (for progress). */
  readonly sizes: readonly number[];
  /** The pieces of each claim-id partition: records `[person partition u32][piece u32][offset f64][id bytes]`. */
  readonly ids: readonly (readonly SpillPart[])[];
}

/** What one reader of the input wrote: its piece of every partition, and how many lines it read. */
export interface PartitionPiece {
  readonly persons: readonly string[];
  readonly sizes: readonly number[];
  readonly ids: readonly string[];
  readonly lines: number;
}

/** Everything the partition pass needs. */
export interface PartitionJob {
  readonly file: string;
  readonly format: 'ndjson' | 'csv';
  /** The folder to write in (a temporary folder of the run). */
  readonly dir: string;
  readonly count: number;
  /** Which piece this reader writes (0 when one reader reads the whole input). */
  readonly piece?: number;
  /** The bytes of an NDJSON file whose lines this reader reads (default: all). */
  readonly range?: { readonly start: number; readonly end: number };
  readonly lang?: Lang;
  /** Told the bytes of the input read since the last call. */
  readonly progress?: (bytes: number) => void;
  /** Turns an error of a write into the error to throw (a full disk said plainly). */
  readonly failed: (e: unknown) => Error;
}

/** Memory for the write buffers of all the spill files of the pass. */
const WRITE_BUFFERS = 8 << 20;

/** Bytes before the id in a record of a claim-id partition. */
export const ID_PREFIX = 16;

/** Appends claims to the spill files of their partitions; `close` completes the files. */
interface Partitioner {
  claim(line: number, buf: Buffer, from: number, to: number): void;
  unreadable(r: { readonly line: number; readonly error: ClaimIssue }): void;
  close(lines: number): PartitionPiece;
}

function partitioner(job: Omit<PartitionJob, 'file' | 'format'>): Partitioner {
  const n = job.count;
  const piece = job.piece ?? 0;
  const bufferBytes = Math.min(1 << 20, Math.max(16 << 10, Math.floor(WRITE_BUFFERS / (2 * n))));
  const persons = Array.from(
    { length: n },
    (_, i) => new SpillWriter(join(job.dir, `persons-${i}-${piece}`), bufferBytes, job.failed),
  );
  const ids = Array.from(
    { length: n },
    (_, i) => new SpillWriter(join(job.dir, `ids-${i}-${piece}`), bufferBytes, job.failed),
  );
  const prefix = Buffer.alloc(ID_PREFIX);
  prefix.writeUInt32LE(piece, 4);
  const route: Route = { person: undefined, id: undefined, idFrom: 0, idTo: 0 };
  return {
    claim: (line, buf, from, to) => {
      routeOf(buf, from, to, route);
      const p = route.person === undefined ? line % n : route.person % n;
      const offset = persons[p]!.append(CLAIM_TEXT, line, buf, from, to);
      if (route.id === undefined) return; // no string id: refused wherever it is settled
      prefix.writeUInt32LE(p, 0);
      prefix.writeDoubleLE(offset, 8);
      ids[hashBytes(route.id, route.idFrom, route.idTo) % n]!.append(
        CLAIM_TEXT,
        line,
        route.id,
        route.idFrom,
        route.idTo,
        prefix,
      );
    },
    unreadable: (r) => {
      const payload = Buffer.from(JSON.stringify(r.error));
      persons[r.line % n]!.append(UNREADABLE, r.line, payload, 0, payload.length);
    },
    close: (lines) => {
      for (const w of [...persons, ...ids]) w.close();
      return {
        persons: persons.map((w) => w.path),
        sizes: persons.map((w) => w.size),
        ids: ids.map((w) => w.path),
        lines,
      };
    },
  };
}

/**
 * The partitions made of the pieces of every reader, in input order.
 *
 * @example
 * const parts = assemblePieces(32, await Promise.all(ranges.map(readRange)));
 */
export function assemblePieces(count: number, pieces: readonly PartitionPiece[]): Partitions {
  const offsets: number[] = [];
  let lines = 0;
  for (const p of pieces) offsets.push(lines), (lines += p.lines);
  const parts = (files: (p: PartitionPiece) => readonly string[], i: number) =>
    pieces.map((p, k) => ({ path: files(p)[i]!, lineOffset: offsets[k]! }));
  return {
    count,
    persons: Array.from({ length: count }, (_, i) => parts((p) => p.persons, i)),
    sizes: Array.from({ length: count }, (_, i) => pieces.reduce((s, p) => s + p.sizes[i]!, 0)),
    ids: Array.from({ length: count }, (_, i) => parts((p) => p.ids, i)),
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
 * Partitions the claims of `job.file` (or of its range of bytes) by person and by claim id: this
 * reader's piece of every partition.
 *
 * @example
 * const piece = await partitionFile({ file: 'claims.ndjson', format: 'ndjson', dir: tmp.path, count: 32, failed: (e) => e as Error });
 */
export async function partitionFile(job: PartitionJob): Promise<PartitionPiece> {
  const out = partitioner(job);
  let n = 0;
  let lines = 0;
  if (job.format === 'ndjson') {
    for (const l of fileLines(job.file, job.progress, job.range)) {
      lines = l.line;
      if ('tooLong' in l) out.unreadable(tooLong(l.line, l.tooLong, job.lang));
      else if (!isBlank(l.buf, l.from, l.to)) out.claim(l.line, l.buf, l.from, l.to);
      // The generator holds its chunk while this waits; the next line is read after the turn.
      if (++n % YIELD_EVERY === 0) await nextTurn();
    }
  } else {
    if (job.range) throw new Error('a CSV file is read by one reader: this is a bug in bashunwei');
    for (const r of csvClaims(job.file, { shard: 0, shards: 1, progress: job.progress, lang: job.lang })) {
      if ('error' in r) out.unreadable(r);
      else {
        const text = Buffer.from('text' in r ? r.text : JSON.stringify(r.value));
        out.claim(r.line, text, 0, text.length);
      }
      if (++n % YIELD_EVERY === 0) await nextTurn();
    }
  }
  return out.close(lines);
}

/**
 * Partitions a stream of claims already split and decoded (standard input, read by the command's
 * reader: NDJSON or one JSON document).
 *
 * @example
 * const parts = await partitionStream(readClaims(process.stdin), { dir: tmp.path, count: 128, failed });
 */
export async function partitionStream(
  records: AsyncIterable<InputRecord>,
  job: Omit<PartitionJob, 'file' | 'format' | 'range'>,
): Promise<Partitions> {
  const out = partitioner(job);
  for await (const r of records) {
    if ('error' in r) out.unreadable(r);
    else {
      const text = Buffer.from(r.text);
      out.claim(r.line, text, 0, text.length);
    }
  }
  return assemblePieces(job.count, [out.close(0)]);
}
