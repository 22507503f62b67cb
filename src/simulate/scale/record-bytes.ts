/**
 * A claim record as bytes: what a simulation moves between its passes (the partitions of persons
 * written to temporary files, a browser's workers) instead of the claim's JSON. About a fifth of a
 * generated claim's text: the record's numbers, its sums per item class, and its two ids.
 *
 *   0  u32 date (yyyymmdd)        4  u16 category   6  u16 county   8  u16 area
 *   10 u8 visit kind   11 u8 referral   12 u8 delivery mode   13 u8 level   14 u8 flags
 *   15 u8 n (item classes)   16 f64 total (fen)   24 u32 the person id's hash (shard.ts)
 *   28 n × u8 class   28+n n × f64 sum (fen)
 *   then u16 length + the claim id in UTF-8, u16 length + the person id in UTF-8
 */
import { ClaimRecord } from '../../claim/claim-record.js';
import type { Fen } from '../../money/fen.js';
import { hashText } from './shard.js';

const FIXED = 28;
/** Where the person id's hash is (partitions sort their records by it). */
export const PERSON_HASH_AT = 24;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The most bytes a record takes (ids of at most 128 characters, 3 bytes of UTF-8 each).
 *
 * @example
 * const out = new Uint8Array(maxRecordBytes(record));
 */
export function maxRecordBytes(r: ClaimRecord): number {
  return FIXED + 9 * r.classCount + 4 + 3 * (r.claimId.length + r.personId.length);
}

/** Writes a string as UTF-8 after a u16 length; ASCII byte by byte (the common case, no encoder). */
function writeText(text: string, out: Uint8Array, view: DataView, at: number): number {
  let ascii = true;
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    view.setUint16(at, text.length, true);
    for (let i = 0; i < text.length; i++) out[at + 2 + i] = text.charCodeAt(i);
    return at + 2 + text.length;
  }
  const { written } = encoder.encodeInto(text, out.subarray(at + 2));
  view.setUint16(at, written, true);
  return at + 2 + written;
}

/**
 * Writes a record at `out[at…]` (room for {@link maxRecordBytes}); returns where it ends.
 *
 * @example
 * const end = writeRecordBytes(record, out, new DataView(out.buffer, out.byteOffset), 0, hashText(record.personId));
 */
export function writeRecordBytes(
  r: ClaimRecord,
  out: Uint8Array,
  view: DataView,
  at: number,
  personHash: number = hashText(r.personId),
): number {
  view.setUint32(at, r.date, true);
  view.setUint16(at + 4, r.category, true);
  view.setUint16(at + 6, r.county, true);
  view.setUint16(at + 8, r.area, true);
  out[at + 10] = r.visitKind;
  out[at + 11] = r.referral;
  out[at + 12] = r.deliveryMode;
  out[at + 13] = r.level;
  out[at + 14] = r.flags;
  const n = r.classCount;
  out[at + 15] = n;
  view.setFloat64(at + 16, r.total, true);
  view.setUint32(at + PERSON_HASH_AT, personHash, true);
  let p = at + FIXED;
  for (let k = 0; k < n; k++) out[p + k] = r.classes[k]!;
  p += n;
  for (let k = 0; k < n; k++) view.setFloat64(p + 8 * k, r.sums[k]!, true);
  p += 8 * n;
  p = writeText(r.claimId, out, view, p);
  return writeText(r.personId, out, view, p);
}

/** Reads a u16-prefixed UTF-8 string at `at`; sets `textEnd`. */
let textEnd = 0;
const codes: number[] = [];
function readText(src: Uint8Array, view: DataView, at: number): string {
  const n = view.getUint16(at, true);
  const from = at + 2;
  textEnd = from + n;
  let ascii = true;
  for (let i = from; i < textEnd; i++)
    if (src[i]! >= 0x80) {
      ascii = false;
      break;
    }
  if (!ascii) return decoder.decode(src.subarray(from, textEnd));
  codes.length = n;
  for (let i = 0; i < n; i++) codes[i] = src[from + i]!;
  return String.fromCharCode.apply(null, codes);
}

/**
 * Reads the record written at `src[at…]` into `into` (its line is the caller's to set).
 *
 * @example
 * readRecordBytes(payload, new DataView(payload.buffer, payload.byteOffset), 0, record);
 */
export function readRecordBytes(src: Uint8Array, view: DataView, at: number, into: ClaimRecord): void {
  into.date = view.getUint32(at, true);
  into.category = view.getUint16(at + 4, true);
  into.county = view.getUint16(at + 6, true);
  into.area = view.getUint16(at + 8, true);
  into.visitKind = src[at + 10]!;
  into.referral = src[at + 11]!;
  into.deliveryMode = src[at + 12]!;
  into.level = src[at + 13]!;
  into.flags = src[at + 14]!;
  const n = src[at + 15]!;
  into.clearItems();
  let p = at + FIXED;
  const sums = p + n;
  for (let k = 0; k < n; k++) into.addItem(src[p + k]!, view.getFloat64(sums + 8 * k, true) as Fen);
  p = sums + 8 * n;
  into.claimId = readText(src, view, p);
  into.personId = readText(src, view, textEnd);
}

/**
 * A fresh record read from bytes (for callers that keep records, such as a browser worker's batch).
 *
 * @example
 * const r = recordFromBytes(bytes);
 */
export function recordFromBytes(src: Uint8Array): ClaimRecord {
  const r = new ClaimRecord();
  readRecordBytes(src, new DataView(src.buffer, src.byteOffset, src.byteLength), 0, r);
  return r;
}

/**
 * Where the person id's UTF-8 bytes are in the record written at `src[at…]`: [from, to).
 *
 * @example
 * const [from, to] = personIdBytes(payload, view, 0);
 */
export function personIdBytes(src: Uint8Array, view: DataView, at: number): readonly [number, number] {
  const n = src[at + 15]!;
  const claimId = at + FIXED + 9 * n;
  const person = claimId + 2 + view.getUint16(claimId, true);
  return [person + 2, person + 2 + view.getUint16(person, true)];
}
