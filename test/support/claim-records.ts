/**
 * Claim records (src/claim/claim-record.ts) for tests: a record's fields in a form `toStrictEqual`
 * compares, and what the byte scanner and the full reader each make of one claim's text.
 */
import { ClaimRecord, recordClaim } from '../../src/claim/claim-record.js';
import { readClaimText } from '../../src/claim/parse.js';
import { scanClaim } from '../../src/claim/scan-record.js';
import type { VocabularyIndex } from '../../src/claim/vocabulary-index.js';

/** A record's ids and numbers, its bill cut to the classes it holds. */
export const recordFields = (r: ClaimRecord) => ({
  claimId: r.claimId,
  personId: r.personId,
  date: r.date,
  category: r.category,
  county: r.county,
  area: r.area,
  visitKind: r.visitKind,
  referral: r.referral,
  deliveryMode: r.deliveryMode,
  level: r.level,
  flags: r.flags,
  total: r.total,
  classes: Array.from(r.classes.subarray(0, r.classCount)),
  sums: Array.from(r.sums.subarray(0, r.classCount)),
});

/**
 * What the byte scanner made of a claim's text (`fast`, undefined: it left the text to the full
 * reader), what the full reader answered (`full`), and the record of the full reader's claim
 * (`reference`, undefined: refused, or a claim the record cannot hold).
 */
export function readBothWays(text: string, index: VocabularyIndex) {
  const bytes = new TextEncoder().encode(text);
  const scanned = new ClaimRecord();
  const fast = scanClaim(bytes, 0, bytes.length, index, scanned) ? recordFields(scanned) : undefined;
  const full = readClaimText(text, { vocabulary: index.vocabulary });
  const record = new ClaimRecord();
  const reference = full.ok && recordClaim(full.value, index, record) ? recordFields(record) : undefined;
  return { fast, full, reference };
}
