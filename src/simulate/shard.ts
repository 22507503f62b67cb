/**
 * Which worker settles a line: the one that owns the line's person, by a hash of the person id,
 * so that every person-year's claims meet in one worker, in input order, and the ledger is exact.
 * The id is found in the line's bytes without decoding or parsing it (every worker scans every
 * line; only the owner parses it); when the bytes are anything but the plain shape, the line is
 * parsed to be sure, and a line without a readable person goes to the worker of its line number.
 */

const PERSON = Buffer.from('"person"');
const ID = Buffer.from('"id"');

/**
 * FNV-1a over bytes: stable across runs and machines.
 *
 * @example
 * hashBytes(Buffer.from('P1'), 0, 2) // a 32-bit unsigned integer
 */
export function hashBytes(buf: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= buf[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/**
 * The byte range of the person id in a JSON claim line, or `undefined` when the line is not of
 * the plain shape (`"person": { … "id": "…" … }` with no escape in the id).
 *
 * @example
 * personIdRange(Buffer.from('{"person":{"id":"P1"}}'), 0, 22) // [17, 19]
 */
export function personIdRange(buf: Buffer, from: number, to: number): readonly [number, number] | undefined {
  let p = buf.indexOf(PERSON, from);
  if (p < 0 || p >= to) return undefined;
  p += PERSON.length;
  while (p < to && isSpace(buf[p]!)) p++;
  if (buf[p] !== 0x3a) return undefined; // ':'
  p++;
  while (p < to && isSpace(buf[p]!)) p++;
  if (buf[p] !== 0x7b) return undefined; // '{'
  const close = buf.indexOf(0x7d, p); // the person object holds no nested object
  if (close < 0 || close >= to) return undefined;
  let k = buf.indexOf(ID, p);
  if (k < 0 || k >= close) return undefined;
  k += ID.length;
  while (k < close && isSpace(buf[k]!)) k++;
  if (buf[k] !== 0x3a) return undefined;
  k++;
  while (k < close && isSpace(buf[k]!)) k++;
  if (buf[k] !== 0x22) return undefined; // '"'
  const start = k + 1;
  const end = buf.indexOf(0x22, start);
  if (end < 0 || end > close) return undefined;
  for (let i = start; i < end; i++) if (buf[i] === 0x5c) return undefined; // an escape: parse instead
  return [start, end];
}

/**
 * The shard of a claim line: by its person id's hash, else `lineNo % shards`.
 *
 * @example
 * shardOfLine(buf, start, end, 42, 4) // 0 … 3
 */
export function shardOfLine(buf: Buffer, from: number, to: number, lineNo: number, shards: number): number {
  if (shards === 1) return 0;
  const r = personIdRange(buf, from, to);
  if (r) return hashBytes(buf, r[0], r[1]) % shards;
  try {
    const id = (JSON.parse(buf.toString('utf8', from, to)) as { person?: { id?: unknown } }).person?.id;
    if (typeof id === 'string') {
      const b = Buffer.from(id);
      return hashBytes(b, 0, b.length) % shards;
    }
  } catch {
    // Not JSON: the worker of its line number reports it.
  }
  return lineNo % shards;
}

/**
 * The shard of a person id (CSV rows name it in a column).
 *
 * @example
 * shardOfPerson('P00000001', 2) // 0 or 1
 */
export function shardOfPerson(id: string, shards: number): number {
  if (shards === 1) return 0;
  const b = Buffer.from(id);
  return hashBytes(b, 0, b.length) % shards;
}
