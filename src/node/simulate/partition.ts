/**
 * The first pass of a simulation over a file: read the claims once, in input order, and append
 * each to the spill file of its person's partition (a hash of the person id), and its claim id to
 * the spill file of the id's partition (a hash of the claim id). Each person's claims then sit in
 * one file, in input order, so a partition is settled person by person with only its own
 * person-years in memory; each claim id's occurrences sit in one file, so duplicate ids are found
 * a partition at a time (duplicates.ts). Memory is one read chunk and the write buffers.
 *
 * Each claim is read here, once, straight into a compact record (claim/claim-record.ts: the byte
 * scanner for the common case, the full reader for the rest), and the record is what the
 * partitions hold (simulate/scale/record-bytes.ts): the later passes never parse JSON. A large
 * NDJSON file is read by several workers at once, each a range of its bytes writing its own piece
 * of every partition (its lines numbered from its range's start, the pieces' offsets added when
 * the pieces are read back in order); CSV claims come from the CSV reader as values.
 */
import { join } from 'node:path';
import { ClaimRecord, recordClaim } from '../../claim/claim-record.js';
import { readClaim, readClaimText } from '../../claim/parse.js';
import { scanClaim } from '../../claim/scan-record.js';
import type { VocabularyIndex } from '../../claim/vocabulary-index.js';
import type { ClaimIssue, Result } from '../../errors/issue.js';
import type { Claim } from '../../claim/claim.js';
import type { Lang } from '../../i18n/lang.js';
import type { InputRecord } from '../input.js';
import { maxRecordBytes, writeRecordBytes } from '../../simulate/scale/record-bytes.js';
import { hashText } from '../../simulate/scale/shard.js';
import { notUtf8, tooLong } from '../../simulate/scale/input-records.js';
import { csvClaims, decode, fileLines, isBlank } from './source.js';
import { SpillWriter } from './spill.js';

/** Record kinds of a person partition: a claim's record (record-bytes.ts), or an input that could not be read (its issue as JSON). */
export const CLAIM_RECORD = 0;
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
  /** The values the records' counties, areas and categories are positions in (the run's variants'). */
  readonly vocabulary: VocabularyIndex;
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
  /** A claim's JSON text, as bytes of an input line. */
  claim(line: number, buf: Uint8Array, from: number, to: number): void;
  /** A claim read otherwise (a CSV claim's values, a stream's text). */
  read(line: number, parsed: Result<Claim, ClaimIssue>): void;
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
  const vocabulary = job.vocabulary;
  const readOptions = { lang: job.lang, vocabulary: vocabulary.vocabulary };
  const record = new ClaimRecord();
  let out = new Uint8Array(4096);
  let view = new DataView(out.buffer);
  const prefix = new Uint8Array(ID_PREFIX);
  const prefixView = new DataView(prefix.buffer);
  prefixView.setUint32(4, piece, true);
  // A claim id's UTF-8 bytes (ASCII written byte by byte: no object per claim).
  let id = new Uint8Array(512);
  const idBytes = new TextEncoder();
  const writeId = (text: string): number => {
    if (text.length * 3 > id.length) id = new Uint8Array(text.length * 3);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) return idBytes.encodeInto(text, id).written;
      id[i] = c;
    }
    return text.length;
  };

  const write = (line: number): void => {
    const need = maxRecordBytes(record);
    if (need > out.length) (out = new Uint8Array(2 * need)), (view = new DataView(out.buffer));
    const personHash = hashText(record.personId);
    const end = writeRecordBytes(record, out, view, 0, personHash);
    const p = personHash % n;
    const offset = persons[p]!.append(CLAIM_RECORD, line, out, 0, end);
    prefixView.setUint32(0, p, true);
    prefixView.setFloat64(8, offset, true);
    const idLength = writeId(record.claimId);
    ids[hashText(record.claimId) % n]!.append(CLAIM_RECORD, line, id, 0, idLength, prefix);
  };
  const unreadable = (r: { readonly line: number; readonly error: ClaimIssue }): void => {
    const payload = new TextEncoder().encode(JSON.stringify(r.error));
    persons[r.line % n]!.append(UNREADABLE, r.line, payload, 0, payload.length);
  };
  const read = (line: number, parsed: Result<Claim, ClaimIssue>): void => {
    if (!parsed.ok) return unreadable({ line, error: parsed.errors[0]! });
    // The claim was read with the vocabulary: its values are positions in it.
    recordClaim(parsed.value, vocabulary, record);
    write(line);
  };
  return {
    claim: (line, buf, from, to) => {
      if (scanClaim(buf, from, to, vocabulary, record)) return write(line);
      const text = decode(buf, from, to);
      if (text === undefined) return unreadable(notUtf8(line, job.lang));
      read(line, readClaimText(text, readOptions));
    },
    read,
    unreadable,
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

/** How a reader reads claims given as values or texts (CSV, a stream). */
const readOptionsOf = (job: Omit<PartitionJob, 'file' | 'format'>) => ({
  lang: job.lang,
  vocabulary: job.vocabulary.vocabulary,
});

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
    const options = readOptionsOf(job);
    for (const r of csvClaims(job.file, { shard: 0, shards: 1, progress: job.progress, lang: job.lang })) {
      if ('error' in r) out.unreadable(r);
      else out.read(r.line, 'text' in r ? readClaimText(r.text, options) : readClaim(r.value, options));
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
  const options = readOptionsOf(job);
  for await (const r of records) {
    if ('error' in r) out.unreadable(r);
    else out.read(r.line, readClaimText(r.text, options));
  }
  return assemblePieces(job.count, [out.close(0)]);
}
