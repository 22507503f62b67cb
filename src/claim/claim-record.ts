/**
 * A claim as the engine settles it: a fixed set of numbers, one object reused claim after claim.
 * The claim's finite facts are positions in their value lists (the contract's lists, and for
 * county, area and category the vocabulary the claim was read with), its discharge date a number
 * `yyyymmdd`, and its bill one sum in fen per item class that occurs (item-class.ts). A simulation
 * reads each claim of its input once, straight into a record, and moves records, not JSON; the
 * explained path makes one from a validated claim. The ids stay strings: a person's claims are
 * grouped and a claim id is refused twice by them.
 */
import type { Fen } from '../money/fen.js';
import type { Claim } from './claim.js';
import { CATALOGS, DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from './enums.js';
import { itemClass } from './item-class.js';
import { type VocabularyIndex, vocabularyIndex } from './vocabulary-index.js';
import type { ClaimVocabulary } from './vocabulary.js';

/** Flags of a record. */
export const ILLNESS_INDUCED = 1;
export const CHRONIC = 2;
export const MAJOR_DISEASE = 4;
export const DESIGNATED = 8;

/** A claim's numbers (its ids aside), one object reused for claim after claim. */
export class ClaimRecord {
  claimId = '';
  personId = '';
  /** The input line the claim came from (0 when it came from elsewhere). */
  line = 0;
  /** `visit.discharged` as the number yyyymmdd. */
  date = 0;
  /** Positions in the vocabulary the record was read with. */
  category = 0;
  county = 0;
  area = 0;
  /** Positions in the contract's lists (VISIT_KINDS, REFERRALS, 0 or 1 + DELIVERY_MODES, HOSPITAL_LEVELS). */
  visitKind = 0;
  referral = 0;
  deliveryMode = 0;
  level = 0;
  /** ILLNESS_INDUCED | CHRONIC | MAJOR_DISEASE | DESIGNATED. */
  flags = 0;
  /** The sum of the items (fen). */
  total = 0 as Fen;
  /** How many item classes the bill has, and each one's class and sum (fen). */
  classCount = 0;
  classes = new Uint8Array(8);
  sums = new Float64Array(8);

  /** The calendar year of discharge (the ledger's year). */
  get year(): number {
    return Math.floor(this.date / 10000);
  }
  /** The month of discharge, 1–12. */
  get month(): number {
    return Math.floor(this.date / 100) % 100;
  }

  /**
   * Starts a new bill.
   *
   * @example
   * r.clearItems(); r.addItem(cls, fen(1200));
   */
  clearItems(): void {
    this.classCount = 0;
    this.total = 0 as Fen;
  }

  /**
   * Adds an item's amount to the sum of its class.
   *
   * @example
   * r.addItem(itemClass('drug', 'A', true, false), fen(320000));
   */
  addItem(cls: number, amount: Fen): void {
    this.total = (this.total + amount) as Fen;
    for (let k = 0; k < this.classCount; k++) {
      if (this.classes[k] === cls) {
        this.sums[k] = this.sums[k]! + amount;
        return;
      }
    }
    if (this.classCount === this.classes.length) {
      const classes = new Uint8Array(this.classes.length * 2);
      classes.set(this.classes);
      this.classes = classes;
      const sums = new Float64Array(this.sums.length * 2);
      sums.set(this.sums);
      this.sums = sums;
    }
    this.classes[this.classCount] = cls;
    this.sums[this.classCount++] = amount;
  }
}

/** Positions in the contract's lists. */
const VISIT = new Map<string, number>(VISIT_KINDS.map((v, i) => [v, i]));
const REFERRAL = new Map<string, number>(REFERRALS.map((v, i) => [v, i]));
const DELIVERY = new Map<string, number>(DELIVERY_MODES.map((v, i) => [v, i + 1]));
const LEVEL = new Map<string, number>(HOSPITAL_LEVELS.map((v, i) => [v, i]));
const CATALOG_SET = new Set<string>(CATALOGS);

/**
 * The number yyyymmdd of an ISO date.
 *
 * @example
 * dateNumber('2017-05-10') // 20170510
 */
export function dateNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/**
 * Fills a record from a validated claim, read with `vocabulary` (its county, area and category
 * are values of it; false when one is not, and then only the record's ids and date are to be read).
 *
 * @example
 * const r = new ClaimRecord();
 * recordClaim(claim, claimVocabulary(book), r);
 */
export function recordClaim(claim: Claim, vocabulary: ClaimVocabulary | VocabularyIndex, into: ClaimRecord): boolean {
  const v = 'categoryIndex' in vocabulary ? vocabulary : vocabularyIndex(vocabulary);
  const category = v.categoryIndex.get(claim.person.category);
  const county = v.countyIndex.get(claim.person.county);
  const area = v.areaIndex.get(claim.hospital.area);
  into.claimId = claim.id;
  into.personId = claim.person.id;
  into.date = dateNumber(claim.visit.discharged);
  // A value the vocabulary lacks is recorded as its first and the record reported incomplete: its
  // ids and date still serve the checks that come before the claim's values (settle/admit.ts).
  const known = category !== undefined && county !== undefined && area !== undefined;
  into.category = category ?? 0;
  into.county = county ?? 0;
  into.area = area ?? 0;
  into.visitKind = VISIT.get(claim.visit.kind)!;
  into.referral = REFERRAL.get(claim.visit.referral)!;
  into.deliveryMode = claim.visit.deliveryMode === undefined ? 0 : DELIVERY.get(claim.visit.deliveryMode)!;
  into.level = LEVEL.get(claim.hospital.level)!;
  into.flags =
    (claim.person.illnessInduced ? ILLNESS_INDUCED : 0) |
    (claim.visit.chronic ? CHRONIC : 0) |
    (claim.visit.majorDisease ? MAJOR_DISEASE : 0) |
    (claim.hospital.designated ? DESIGNATED : 0);
  into.clearItems();
  for (const it of claim.items) {
    if (!CATALOG_SET.has(it.catalog)) return false;
    into.addItem(itemClass(it.category, it.catalog, it.compliant, it.necessary), it.amount);
  }
  return known;
}
