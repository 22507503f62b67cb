/**
 * Spill files: the temporary files a simulation partitions its input into. A spill file is a
 * sequence of records, each a header (kind, input line number, payload length) and a payload
 * of bytes, appended in input order and read back in the same order (or one record at an offset).
 * Writers buffer their appends, so partitioning into many files costs one write per buffer.
 */
import { appendFileSync, closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { PERSON_HASH_AT, personIdBytes } from '../../simulate/scale/record-bytes.js';

/** Bytes of a record's header: kind (1), line number (8, a double: lines beyond 2^32 stay exact), payload length (4). */
export const RECORD_HEADER = 13;

/** A record read back: its kind, its input line, and its payload (a view valid until the next record). */
export interface SpillRecord {
  readonly kind: number;
  readonly line: number;
  readonly payload: Buffer;
  /** Where the record starts in its file (for {@link readRecordAt}). */
  readonly offset: number;
}

/**
 * A buffered writer of one spill file: records are appended to a buffer and the buffer to the
 * file when full (open, append, close: a partition may have more files than a process may keep open).
 *
 * @example
 * const w = new SpillWriter('/tmp/x/p0', 1 << 16);
 * w.append(0, 1, Buffer.from('{"id":"C1"}'), 0, 11);
 * w.close();
 */
export class SpillWriter {
  private readonly buf: Buffer;
  private used = 0;
  /** Bytes of the file so far, buffered ones included: the offset of the next record. */
  size = 0;

  /** @param failed turns an error of a write into the error to throw (a full disk said plainly). */
  constructor(
    readonly path: string,
    bufferBytes: number,
    private readonly failed: (e: unknown) => Error = (e) => e as Error,
  ) {
    this.buf = Buffer.allocUnsafe(bufferBytes);
  }

  private write(bytes: Uint8Array): void {
    try {
      appendFileSync(this.path, bytes);
    } catch (e) {
      throw this.failed(e);
    }
  }

  /**
   * Appends a record whose payload is `prefix` (if any) followed by `src[from, to)`; returns the
   * record's offset in the file.
   */
  append(kind: number, line: number, src: Uint8Array, from: number, to: number, prefix?: Uint8Array): number {
    const head = prefix?.length ?? 0;
    const length = head + to - from;
    const need = RECORD_HEADER + length;
    if (this.used + need > this.buf.length) this.flush();
    const offset = this.size;
    // A record larger than the buffer (a long claim line) goes to the file directly.
    const big = need > this.buf.length;
    const out = big ? Buffer.allocUnsafe(need) : this.buf;
    const at = big ? 0 : this.used;
    writeHeader(out, at, kind, line, length);
    if (prefix) out.set(prefix, at + RECORD_HEADER);
    out.set(src.subarray(from, to), at + RECORD_HEADER + head);
    if (big) this.write(out);
    else this.used += need;
    this.size += need;
    return offset;
  }

  /** Writes what is buffered. */
  flush(): void {
    if (this.used === 0) return;
    this.write(this.buf.subarray(0, this.used));
    this.used = 0;
  }

  /** Writes what is buffered; the file is complete (it exists, empty, even with no record). */
  close(): void {
    if (this.size === 0) this.write(Buffer.alloc(0));
    this.flush();
  }
}

function writeHeader(buf: Buffer, at: number, kind: number, line: number, length: number): void {
  buf[at] = kind;
  buf.writeDoubleLE(line, at + 1);
  buf.writeUInt32LE(length, at + 9);
}

const CHUNK = 4 << 20;

/**
 * A reader of a spill file that allocates nothing per record: `next()` moves to the next record
 * and sets its fields (`payload` is `buf[at, at + length)`, valid until the next call). Memory is
 * one chunk (and one record, when a record is larger than a chunk).
 *
 * @example
 * const r = new SpillReader('/tmp/x/ids-0');
 * while (r.next()) use(r.line, r.buf, r.at, r.length);
 */
export class SpillReader {
  buf: Buffer;
  /** Where the current record's payload starts in `buf`, and its length. */
  at = 0;
  length = 0;
  kind = 0;
  line = 0;
  /** Where the current record starts in its file. */
  offset = 0;
  private readonly fd: number;
  private have = 0; // bytes of buf filled
  private next_ = 0; // where the next record starts in buf
  private base = 0; // the file offset of buf[0]
  private done = false; // the file has no more bytes
  private closed = false;

  constructor(
    private readonly path: string,
    chunk = CHUNK,
    private readonly lineOffset = 0,
    private readonly progress?: (bytes: number) => void,
  ) {
    this.buf = Buffer.allocUnsafe(chunk);
    this.fd = openSync(path, 'r');
  }

  /** Moves to the next record; false (and the file closed) at the end. */
  next(): boolean {
    if (this.closed) return false;
    for (;;) {
      const rest = this.have - this.next_;
      if (rest >= RECORD_HEADER) {
        const at = this.next_;
        const length = this.buf.readUInt32LE(at + 9);
        if (rest >= RECORD_HEADER + length) {
          this.kind = this.buf[at]!;
          this.line = this.buf.readDoubleLE(at + 1) + this.lineOffset;
          this.offset = this.base + at;
          this.at = at + RECORD_HEADER;
          this.length = length;
          this.next_ = this.at + length;
          return true;
        }
      }
      if (this.done) {
        this.close();
        if (rest > 0) throw new Error(`spill file ${this.path} ends inside a record: this is a bug in bashunwei`);
        return false;
      }
      // Keep the unfinished record at the front; grow the buffer for a record larger than it.
      const need = rest >= RECORD_HEADER ? RECORD_HEADER + this.buf.readUInt32LE(this.next_ + 9) : RECORD_HEADER;
      const target = need > this.buf.length ? Buffer.allocUnsafe(need) : this.buf;
      this.buf.copy(target, 0, this.next_, this.have);
      this.buf = target;
      this.base += this.next_;
      this.next_ = 0;
      this.have = rest;
      const n = readSync(this.fd, this.buf, this.have, this.buf.length - this.have, null);
      this.progress?.(n);
      this.have += n;
      if (n === 0) this.done = true;
    }
  }

  /** Closes the file (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.done = true;
    closeSync(this.fd);
  }
}

/**
 * The records of a spill file, in the order they were written, `lineOffset` added to their line
 * numbers (see {@link SpillReader}; the payload is a view valid until the next record).
 *
 * @example
 * for (const r of spillRecords('/tmp/x/p0')) use(r.line, r.payload);
 */
export function* spillRecords(
  path: string,
  progress?: (bytes: number) => void,
  chunk = CHUNK,
  lineOffset = 0,
): Generator<SpillRecord> {
  const r = new SpillReader(path, chunk, lineOffset, progress);
  try {
    while (r.next())
      yield { kind: r.kind, line: r.line, payload: r.buf.subarray(r.at, r.at + r.length), offset: r.offset };
  } finally {
    r.close();
  }
}

/**
 * The record at `offset` of an open spill file (a claim named by the duplicate pass).
 *
 * @example
 * readRecordAt(fd, 4096).payload.toString()
 */
export function readRecordAt(fd: number, offset: number): SpillRecord {
  const head = Buffer.allocUnsafe(RECORD_HEADER);
  if (readSync(fd, head, 0, RECORD_HEADER, offset) !== RECORD_HEADER)
    throw new Error(`no record at ${offset}: this is a bug in bashunwei`);
  const length = head.readUInt32LE(9);
  const payload = Buffer.allocUnsafe(length);
  if (readSync(fd, payload, 0, length, offset + RECORD_HEADER) !== length)
    throw new Error(`record at ${offset} cut short: this is a bug in bashunwei`);
  return { kind: head[0]!, line: head.readDoubleLE(1), payload, offset };
}

/**
 * The records of several spill files merged in the order of their line numbers (each file is in
 * line order, once its offset is added): a partitioned input read back in input order. Memory is
 * a small chunk per file.
 *
 * @example
 * for (const r of recordsInLineOrder(parts.persons.flat())) sim.addText(r.payload.toString(), r.line);
 */
export function* recordsInLineOrder(
  files: readonly { readonly path: string; readonly lineOffset: number }[],
): Generator<SpillRecord> {
  const sources = files.map((f) => spillRecords(f.path, undefined, 64 << 10, f.lineOffset));
  // A binary min-heap of the head record of each file, by line.
  const heap: { record: SpillRecord; source: number }[] = [];
  const less = (a: number, b: number): boolean => heap[a]!.record.line < heap[b]!.record.line;
  const swap = (a: number, b: number): void => void ([heap[a], heap[b]] = [heap[b]!, heap[a]!]);
  const push = (record: SpillRecord, source: number): void => {
    heap.push({ record, source });
    for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
  };
  const popTop = (): void => {
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const m = l + 1 < heap.length && less(l + 1, l) ? l + 1 : l;
      if (l >= heap.length || !less(m, i)) return;
      swap(i, m);
      i = m;
    }
  };
  sources.forEach((s, i) => {
    const r = s.next();
    if (!r.done) push(r.value, i);
  });
  while (heap.length > 0) {
    const { record, source } = heap[0]!;
    yield record;
    popTop();
    const r = sources[source]!.next();
    if (!r.done) push(r.value, source);
  }
}

/**
 * The records of a person partition (its pieces, each in input order), person by person: sorted
 * by the hash of their person id that every claim record carries (record-bytes.ts), stably, so
 * that each person's claims stay in input order, and persons whose ids share a hash (by chance)
 * apart, by their ids. A partition is read whole (its records are about a fifth of its share of
 * the input). Records that are not claims (inputs that could not be read) sort among them by a
 * key of 0; they belong to no person.
 *
 * @example
 * sortedByPerson(parts.persons[3], (kind, line, buf, from, to) => addSpillRecord(sim, kind, line, buf, from, to));
 */
export function sortedByPerson(
  pieces: readonly { readonly path: string; readonly lineOffset: number }[],
  visit: (kind: number, line: number, buf: Buffer, from: number, to: number) => void,
): void {
  const bufs = pieces.map((p) => readFileSync(p.path));
  let count = 0;
  for (const b of bufs) for (let at = 0; at < b.length; at += RECORD_HEADER + b.readUInt32LE(at + 9)) count++;
  const piece = new Uint16Array(count);
  const start = new Float64Array(count);
  const keys = new Uint32Array(count);
  let k = 0;
  bufs.forEach((b, p) => {
    for (let at = 0; at < b.length; at += RECORD_HEADER + b.readUInt32LE(at + 9)) {
      piece[k] = p;
      start[k] = at;
      keys[k++] = b[at] === CLAIM_RECORD_KIND ? b.readUInt32LE(at + RECORD_HEADER + PERSON_HASH_AT) : 0;
    }
  });
  const order = stableOrder(keys);
  const views = bufs.map((b) => new DataView(b.buffer, b.byteOffset, b.byteLength));
  /** The person id of record j, as text (only when two records share a hash). */
  const personOf = (j: number): string => {
    const b = bufs[piece[j]!]!;
    if (b[start[j]!] !== CLAIM_RECORD_KIND) return '';
    const [from, to] = personIdBytes(b, views[piece[j]!]!, start[j]! + RECORD_HEADER);
    return b.toString('utf8', from, to);
  };
  // Runs of one hash: by person id (stable), should two persons share it.
  for (let i = 0; i < count; ) {
    let e = i + 1;
    while (e < count && keys[order[e]!] === keys[order[i]!]) e++;
    if (e - i > 1) {
      const run = Array.from(order.subarray(i, e));
      const ids = run.map(personOf);
      if (ids.some((id) => id !== ids[0])) {
        const sorted = run
          .map((j, r) => [ids[r]!, r, j] as const)
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
        sorted.forEach(([, , j], r) => (order[i + r] = j));
      }
    }
    i = e;
  }
  for (let i = 0; i < count; i++) {
    const j = order[i]!;
    const b = bufs[piece[j]!]!;
    const at = start[j]!;
    const length = b.readUInt32LE(at + 9);
    visit(
      b[at]!,
      b.readDoubleLE(at + 1) + pieces[piece[j]!]!.lineOffset,
      b,
      at + RECORD_HEADER,
      at + RECORD_HEADER + length,
    );
  }
}

/** The kind of a spill record holding a claim record (partition.ts CLAIM_RECORD). */
const CLAIM_RECORD_KIND = 0;

/**
 * The positions 0 … n−1 ordered by `keys`, stably: an LSD radix sort of 16 bits at a time (the
 * records of one partition: tens of thousands, sorted in two passes over typed arrays).
 */
function stableOrder(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[order[i]!]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 0; d < 65536; d++) counts[d + 1]! += counts[d]!;
    for (let i = 0; i < n; i++) {
      const j = order[i]!;
      next[counts[(keys[j]! >>> shift) & 0xffff]!++] = j;
    }
    [order, next] = [next, order];
  }
  return order;
}
