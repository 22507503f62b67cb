/**
 * Duplicate claim ids over a whole input, found a partition of ids at a time, so that a
 * simulation in partitions of persons refuses exactly the claims `settle` refuses: under each
 * variant, the first occurrence of an id that can be settled (valid, with rules for its date) is
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
import { parseClaimText } from '../claim/parse.js';
import type { Lang } from '../i18n/lang.js';
import { type RuleBook, policyOn } from '../rules/book.js';
import type { ClaimIdRule } from './simulation.js';
import { decode } from './source.js';
import { readRecordAt, spillRecords } from './spill.js';

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
 * const marks = markDuplicates(parts.ids[3], parts.persons, books, 'en');
 */
export function markDuplicates(idFile: string, personFiles: readonly string[], books: readonly RuleBook[], lang?: Lang): Mark[] {
  // The id partition is in input order: occurrences come sorted by line.
  const first = new Map<string, number>();
  const more = new Map<string, number[]>();
  const lines: number[] = [];
  const partitions: number[] = [];
  const offsets: number[] = [];
  for (const r of spillRecords(idFile)) {
    const i = lines.length;
    lines.push(r.line);
    partitions.push(r.payload.readUInt32LE(0));
    offsets.push(r.payload.readDoubleLE(4));
    // latin1 maps bytes to characters one to one: ids compare by their exact UTF-8 bytes.
    const id = r.payload.toString('latin1', 12);
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else {
      const list = more.get(id);
      if (list) list.push(i);
      else more.set(id, [seen, i]);
    }
  }
  first.clear();

  const marks: Mark[] = [];
  const fds = new Map<number, number>();
  const fdOf = (p: number): number => {
    let fd = fds.get(p);
    if (fd === undefined) fds.set(p, (fd = openSync(personFiles[p]!, 'r')));
    return fd;
  };
  try {
    for (const occurrences of more.values()) {
      const states = occurrences.map((i) => {
        const text = decode(readRecordAt(fdOf(partitions[i]!), offsets[i]!).payload, 0, Infinity);
        const claim = text === undefined ? undefined : parseClaimText(text, { lang });
        const discharged = claim?.ok ? claim.value.visit.discharged : undefined;
        return { i, valid: discharged !== undefined, settleable: books.map((b) => discharged !== undefined && policyOn(b, discharged) !== undefined) };
      });
      const chosen = books.map((_, v) => states.find((s) => s.settleable[v])?.i);
      for (const s of states) {
        const codes = new Uint8Array(books.length);
        let any = false;
        for (let v = 0; v < books.length; v++) {
          const c = chosen[v];
          codes[v] = c === undefined ? NOT_MARKED : s.i === c ? CHOSEN : s.valid && lines[s.i]! > lines[c]! ? DUPLICATE : NOT_MARKED;
          any ||= codes[v] !== NOT_MARKED;
        }
        if (any) marks.push({ partition: partitions[s.i]!, line: lines[s.i]!, codes });
      }
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  return marks;
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
