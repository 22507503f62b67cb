/**
 * Duplicate claim ids over a whole input, found a partition of ids at a time, so that a
 * simulation in partitions of persons refuses exactly the claims `settle` refuses: under each
 * variant, the first occurrence of an id that can be settled (valid, with rules for its date whose
 * counties, areas and categories it uses) is
 * settled, and every later valid occurrence is refused as `duplicate_claim`, whatever person or
 * year it names. Ids that occur once (nearly all) cost a map entry; only the occurrences of ids
 * that occur more than once are read back and validated here.
 *
 * One case is not decided here: an occurrence that can be settled but is then refused because its
 * amounts leave the exact range for its person-year (ledger_overflow) depends on that person-year's
 * earlier claims. The decisions assume the chosen occurrence is settled; the settlement pass tells
 * when it was not ({@link MarkedIds.contradicted}), and the run is then redone in input order.
 */
import { closeSync, openSync } from 'node:fs';
import { ClaimRecord } from '../../claim/claim-record.js';
import type { VocabularyIndex } from '../../claim/vocabulary-index.js';
import { type RuleBook, policyAtNumber } from '../../scheme/book.js';
import type { ClaimIdRule } from '../../simulate/core/simulation.js';
import { readRecordBytes } from '../../simulate/scale/record-bytes.js';
import { CLAIM_RECORD, ID_PREFIX, type SpillPart } from './partition.js';
import { SpillReader, readRecordAt } from './spill.js';

/** A claim's part in its id's decision under one variant. */
export const NOT_MARKED = 0;
/** A later occurrence of an id already settled: refused as a duplicate. */
export const DUPLICATE = 1;
/** The occurrence that is settled (assumed: its person-year could still refuse it). */
export const CHOSEN = 2;

/** The decisions for one claim of a contested id: its person partition, its line, and one code per variant. */
export interface Mark {
  readonly partition: number;
  readonly line: number;
  readonly codes: Uint8Array;
}

/**
 * Finds the ids that occur more than once in one id partition and decides, under each variant,
 * which occurrence is settled and which are refused as duplicates.
 *
 * @example
 * const marks = markDuplicates(parts.ids[3], parts.persons, books, vocabularyOf(variants));
 */
export function markDuplicates(
  idFile: readonly SpillPart[],
  personFiles: readonly (readonly SpillPart[])[],
  books: readonly RuleBook[],
  vocabulary: VocabularyIndex,
): Mark[] {
  // The pieces of the id partition are in input order: occurrences come sorted by line. Ids are
  // first told apart by a 30-bit hash of their bytes (a small integer is the cheapest key, and
  // nearly every id occurs once); the occurrences that share a hash are then read back and told
  // apart by their ids (a partition of 30,000 ids has about one such pair by chance).
  const lines = new Growing(Float64Array);
  const where = new Growing(Float64Array); // person partition, piece, offset: three numbers per occurrence
  const keys = new Growing(Int32Array);
  for (const part of idFile) {
    const r = new SpillReader(part.path, undefined, part.lineOffset);
    while (r.next()) {
      lines.push(r.line);
      where.push(r.buf.readUInt32LE(r.at));
      where.push(r.buf.readUInt32LE(r.at + 4));
      where.push(r.buf.readDoubleLE(r.at + 8));
      keys.push(idKey(r.buf, r.at + ID_PREFIX, r.at + r.length));
    }
  }
  // An open-addressing table of the first occurrence of each key; later ones are listed with it.
  const n = keys.size;
  const mask = (1 << Math.max(4, Math.ceil(Math.log2(2 * n + 1)))) - 1;
  const table = new Int32Array(mask + 1).fill(-1);
  const more = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const key = keys.at(i);
    let slot = key & mask;
    while (table[slot]! >= 0 && keys.at(table[slot]!) !== key) slot = (slot + 1) & mask;
    const first = table[slot]!;
    if (first < 0) table[slot] = i;
    else {
      const list = more.get(first);
      if (list) list.push(i);
      else more.set(first, [first, i]);
    }
  }

  const marks: Mark[] = [];
  const fds = new Map<string, number>();
  /** The claim record of occurrence `i` (undefined when its input could not be read as a claim). */
  const read = (i: number): ClaimRecord | undefined => {
    const path = personFiles[where.at(3 * i)]![where.at(3 * i + 1)]!.path;
    let fd = fds.get(path);
    if (fd === undefined) fds.set(path, (fd = openSync(path, 'r')));
    const { kind, payload } = readRecordAt(fd, where.at(3 * i + 2));
    if (kind !== CLAIM_RECORD) return undefined;
    const r = new ClaimRecord();
    readRecordBytes(payload, new DataView(payload.buffer, payload.byteOffset, payload.byteLength), 0, r);
    return r;
  };
  // A variant can settle an occurrence when a rule set is in force on its date and has its values.
  const v = vocabulary.vocabulary;
  const settleable = (r: ClaimRecord, book: RuleBook): boolean => {
    const s = policyAtNumber(book, r.date)?.scheme;
    return (
      s !== undefined &&
      s.counties.has(v.counties[r.county]!) &&
      s.categories.has(v.categories[r.category]!) &&
      s.areas.has(v.areas[r.area]!)
    );
  };
  try {
    for (const sameHash of more.values()) {
      const byId = new Map<string, Occurrence[]>();
      for (const i of sameHash) {
        const claim = read(i);
        // Only records of claims are in the id partitions: every occurrence here is a valid claim.
        const id = claim?.claimId ?? '';
        const o = {
          i,
          valid: claim !== undefined,
          settleable: books.map((b) => claim !== undefined && settleable(claim, b)),
        };
        const group = byId.get(id);
        if (group) group.push(o);
        else byId.set(id, [o]);
      }
      for (const occurrences of byId.values())
        if (occurrences.length > 1)
          decide(occurrences, lines, books.length, (i, codes) =>
            marks.push({ partition: where.at(3 * i), line: lines.at(i), codes }),
          );
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  return marks;
}

/** An occurrence of a repeated id: its index, whether it is a valid claim, and whether each variant can settle it (rules for its date that know its values). */
interface Occurrence {
  readonly i: number;
  readonly valid: boolean;
  readonly settleable: readonly boolean[];
}

/** Under each variant the first settleable occurrence is chosen and every later valid one is a duplicate. */
function decide(
  occurrences: readonly Occurrence[],
  lines: Growing<Float64Array>,
  variants: number,
  mark: (i: number, codes: Uint8Array) => void,
): void {
  const chosen = Array.from({ length: variants }, (_, v) => occurrences.find((o) => o.settleable[v])?.i);
  for (const o of occurrences) {
    const codes = new Uint8Array(variants);
    let any = false;
    for (let v = 0; v < variants; v++) {
      const c = chosen[v];
      codes[v] =
        c === undefined
          ? NOT_MARKED
          : o.i === c
            ? CHOSEN
            : o.valid && lines.at(o.i) > lines.at(c)
              ? DUPLICATE
              : NOT_MARKED;
      any ||= codes[v] !== NOT_MARKED;
    }
    if (any) mark(o.i, codes);
  }
}

/** A 30-bit hash of `buf[from, to)` (FNV-1a, then mixed: the partition was chosen by FNV-1a modulo the count). */
function idKey(buf: Buffer, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 13)) & 0x3fffffff;
}

/** The duplicate rule of one person partition, from its marks, and whether the settlement contradicted an assumption. */
export interface MarkedIds extends ClaimIdRule {
  /** True when an occurrence chosen to be settled was refused (its amounts left the exact range). */
  readonly contradicted: () => boolean;
}

/**
 * The duplicate rule of a person partition from the marks of its claims (by line).
 *
 * @example
 * const ids = markedIds(marksByLine); const sim = simulationWith(options, ids);
 */
export function markedIds(marks: ReadonlyMap<number, Uint8Array>): MarkedIds {
  let contradicted = false;
  return {
    duplicate: (_id, line, v) => marks.get(line)?.[v] === DUPLICATE,
    settled: () => undefined,
    refused: (_id, line, v) => {
      if (marks.get(line)?.[v] === CHOSEN) contradicted = true;
    },
    contradicted: () => contradicted,
  };
}

/** A list of numbers in a typed array that doubles when full (no object per number). */
class Growing<A extends Float64Array | Int32Array> {
  private data: A;
  size = 0;
  constructor(private readonly make: new (n: number) => A) {
    this.data = new make(1024);
  }
  push(x: number): void {
    if (this.size === this.data.length) {
      const bigger = new this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = x;
  }
  at(i: number): number {
    return this.data[i]!;
  }
}
