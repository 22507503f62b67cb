/**
 * Where a claim line goes, found in its bytes without decoding or parsing it: the person id (its
 * partition, by a hash of the id: simulate/scale/shard.ts) and the claim id. When the bytes are
 * anything but the plain shape, the line is parsed to be sure, and a line without a readable
 * person goes to the part of its line number (it is refused wherever it is settled).
 */
import { hashBytes } from '../../simulate/scale/shard.js';

const PERSON = Buffer.from('"person"');
const CLAIM_ID = Buffer.from('"id"');
const ID = Buffer.from('"id"');

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/** The first byte at or after `p` (before `to`) that is not JSON white space. */
const skipSpace = (buf: Buffer, p: number, to: number): number => {
  while (p < to && isSpace(buf[p]!)) p++;
  return p;
};

/** Just after a key at `p`: where its value starts when it is `: <open>`, else -1. */
const valueAt = (buf: Buffer, p: number, to: number, open: number): number => {
  p = skipSpace(buf, p, to);
  if (p >= to || buf[p] !== 0x3a) return -1; // ':'
  p = skipSpace(buf, p + 1, to);
  return p < to && buf[p] === open ? p : -1;
};

/** The bytes of the string opening at `q` when it closes before `to` with no escape (else parse). */
const plainString = (buf: Buffer, q: number, to: number): readonly [number, number] | undefined => {
  const start = q + 1;
  const end = buf.indexOf(0x22, start);
  if (end < 0 || end >= to) return undefined;
  for (let i = start; i < end; i++) if (buf[i] === 0x5c) return undefined; // an escape: parse instead
  return [start, end];
};

/**
 * The byte range of the person id in a JSON claim line, or `undefined` when the line is not of
 * the plain shape (`"person": { … "id": "…" … }` with no escape in the id).
 *
 * @example
 * personIdRange(Buffer.from('{"person":{"id":"P1"}}'), 0, 22) // [17, 19]
 */
export function personIdRange(buf: Buffer, from: number, to: number): readonly [number, number] | undefined {
  const p = buf.indexOf(PERSON, from);
  if (p < 0 || p >= to) return undefined;
  const open = valueAt(buf, p + PERSON.length, to, 0x7b); // '{'
  if (open < 0) return undefined;
  const close = buf.indexOf(0x7d, open); // the person object holds no nested object
  if (close < 0 || close >= to) return undefined;
  const k = buf.indexOf(ID, open);
  if (k < 0 || k >= close) return undefined;
  const q = valueAt(buf, k + ID.length, close, 0x22); // '"'
  return q < 0 ? undefined : plainString(buf, q, close);
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
 * The byte range of the claim id when the line starts with it, as writers of claims usually put
 * it (`{"id": "…"`, no escape in the id), or `undefined` (then {@link routeOf} parses the line).
 *
 * @example
 * claimIdRange(Buffer.from('{"id":"C1","person":{}}'), 0, 23) // [7, 9]
 */
export function claimIdRange(buf: Buffer, from: number, to: number): readonly [number, number] | undefined {
  const brace = skipSpace(buf, from, to);
  if (brace >= to || buf[brace] !== 0x7b) return undefined; // '{'
  const p = skipSpace(buf, brace + 1, to);
  if (p + CLAIM_ID.length > to || buf.compare(CLAIM_ID, 0, CLAIM_ID.length, p, p + CLAIM_ID.length) !== 0)
    return undefined;
  const q = valueAt(buf, p + CLAIM_ID.length, to, 0x22); // '"'
  return q < 0 ? undefined : plainString(buf, q, to);
}

/** Where a claim line goes (see {@link routeOf}); the id's bytes are a view valid until the next line. */
export interface Route {
  /** The hash of the person id, or `undefined` when the line names no person (it is refused anyway). */
  person: number | undefined;
  /** The claim id as UTF-8 bytes `id[idFrom, idTo)`, or `undefined` when the line has no string id. */
  id: Uint8Array | undefined;
  idFrom: number;
  idTo: number;
}

/**
 * The person hash and claim id of an NDJSON claim line, read from its bytes when it has the plain
 * shape, else from `JSON.parse` (an id written with escapes is compared by its value).
 *
 * @example
 * routeOf(buf, start, end, route); route.person // 0 … 2^32 − 1
 */
export function routeOf(buf: Buffer, from: number, to: number, out: Route): Route {
  const p = personIdRange(buf, from, to);
  const c = claimIdRange(buf, from, to);
  out.person = p ? hashBytes(buf, p[0], p[1]) : undefined;
  if (c) {
    out.id = buf;
    out.idFrom = c[0];
    out.idTo = c[1];
  } else out.id = undefined;
  if (p && c) return out;
  let json: { id?: unknown; person?: { id?: unknown } } | undefined;
  try {
    json = JSON.parse(buf.toString('utf8', from, to)) as typeof json;
  } catch {
    return out; // not JSON: refused wherever it goes
  }
  const personId = json?.person?.id;
  if (!p && typeof personId === 'string') {
    const b = Buffer.from(personId);
    out.person = hashBytes(b, 0, b.length);
  }
  if (!c && typeof json?.id === 'string') {
    out.id = Buffer.from(json.id);
    out.idFrom = 0;
    out.idTo = out.id.length;
  }
  return out;
}
