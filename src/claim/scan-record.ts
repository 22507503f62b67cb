/**
 * A reader of one claim's JSON bytes straight into a claim record (claim-record.ts), for the
 * common case: a valid claim written plainly (no escapes, ASCII but for the hospital's name, the
 * contract's keys and nothing else). It builds no object: each value is checked where it stands
 * and written into the record. Anything else — a key it does not know, a key written twice, a
 * `null`, an escape, an exponent, a date or an amount it does not read in one glance — makes it
 * answer `false`, and the caller reads the line with the full reader (`readClaimText`), which
 * accepts or refuses it with its codes and paths. So what this reader accepts is a subset of what
 * the full reader accepts, read into the same record: a property test holds the two equal on
 * generated and mutated claims (test/claim/scan-record.prop.test.ts).
 */
import { MAX_CLAIM_FEN } from '../money/fen.js';
import { type ClaimRecord, CHRONIC, DESIGNATED, ILLNESS_INDUCED, MAJOR_DISEASE } from './claim-record.js';
import { CATALOGS, DELIVERY_MODES, HOSPITAL_LEVELS, REFERRALS, VISIT_KINDS } from './enums.js';
import { itemClassAt } from './item-class.js';
import { ITEM_CATEGORIES, ITEM_CATEGORY_IDS } from './item-categories.js';
import { MAX_ID, MAX_ITEMS, MAX_TEXT } from './schema.js';
import type { VocabularyIndex } from './vocabulary-index.js';

/** A list of values as bytes, matched by the scanner without making strings. */
class ByteValues {
  private readonly values: Uint8Array[] = [];
  private readonly indexes: number[] = [];
  /** The candidates of each (length, first byte, last byte): nearly always one. */
  private readonly buckets = new Map<number, number[]>();
  constructor(values: readonly (string | readonly [string, number])[]) {
    values.forEach((v, i) => {
      const [text, index] = typeof v === 'string' ? [v, i] : v;
      // Non-ASCII values are left to the full reader.
      if (!/^[\x20-\x7e]*$/.test(text)) return;
      const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
      const key = bucketOf(bytes, 0, bytes.length);
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = []));
      bucket.push(this.values.length);
      this.values.push(bytes);
      this.indexes.push(index);
    });
  }
  /** The index of the value written by b[from, to), or −1. */
  find(b: Uint8Array, from: number, to: number): number {
    const bucket = this.buckets.get(bucketOf(b, from, to));
    if (bucket === undefined) return -1;
    const n = to - from;
    for (let k = 0; k < bucket.length; k++) {
      const v = this.values[bucket[k]!]!;
      // v has n bytes, so v[n] is undefined, unlike any byte: the match stops there at the latest.
      let i = 0;
      while (v[i] === b[from + i]) i++;
      if (i === n) return this.indexes[bucket[k]!]!;
    }
    return -1;
  }
}

/**
 * A string's length and first and last bytes, as one number (the bucket of its candidates). An
 * empty string has no bucket of its own: a value's is NaN (no byte at 0), a scanned one's is made
 * of its quotes (below 65536, the least bucket of a one-byte value), so it finds nothing and the
 * full reader decides.
 */
function bucketOf(b: Uint8Array, from: number, to: number): number {
  return (to - from) * 65536 + b[from]! * 256 + b[to - 1]!;
}

const VISIT = new ByteValues(VISIT_KINDS);
const REFERRAL = new ByteValues(REFERRALS);
const DELIVERY = new ByteValues(DELIVERY_MODES.map((m, i) => [m, i + 1] as const));
const LEVEL = new ByteValues(HOSPITAL_LEVELS);
const CATALOG = new ByteValues(CATALOGS);
/** Item categories by id and by national code, each to the position of its id. */
const ITEM_CATEGORY = new ByteValues(
  ITEM_CATEGORIES.flatMap((c): (readonly [string, number])[] => {
    const i = ITEM_CATEGORY_IDS.indexOf(c.id);
    return c.code === null
      ? [[c.id, i]]
      : [
          [c.id, i],
          [c.code, i],
        ];
  }),
);
const DELIVERY_INDEX = VISIT_KINDS.indexOf('delivery');

/** The byte values of a vocabulary (built once per vocabulary). */
interface VocabularyBytes {
  readonly county: ByteValues;
  readonly category: ByteValues;
  readonly area: ByteValues;
}
const vocabularies = new WeakMap<VocabularyIndex, VocabularyBytes>();

function bytesOf(v: VocabularyIndex): VocabularyBytes {
  let x = vocabularies.get(v);
  // Stryker disable next-line ConditionalExpression: byte values built again for every claim hold the same values (only slower)
  if (!x) {
    const w = v.vocabulary;
    x = { county: new ByteValues(w.counties), category: new ByteValues(w.categories), area: new ByteValues(w.areas) };
    vocabularies.set(v, x);
  }
  return x;
}

// Byte values of the JSON the scanner reads.
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN = 123;
const CLOSE = 125;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;
const DOT = 46;
const ZERO_CHAR = 48;

/** The scanner's position and the string it last read (its bytes [s0, s1)), kept between calls to spare allocations. */
let b: Uint8Array = new Uint8Array(0);
let pos = 0;
let end = 0;
let s0 = 0;
let s1 = 0;
/** UTF-16 length of the last string read (its bytes are ASCII, except for a validated name). */
let chars = 0;

function skip(): void {
  while (pos < end) {
    const c = b[pos]!;
    if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
    else return;
  }
}

/**
 * Reads an ASCII string with no escape (`ascii`), or any valid UTF-8 one; false to give up. A
 * string the range's end cuts leaves the loop past `end` or at it, and is given up: a read past
 * `end` never comes back, and the claim must end at `end` (scanClaim).
 */
function str(ascii: boolean): boolean {
  skip();
  if (b[pos] !== QUOTE) return false;
  s0 = ++pos;
  // The bytes of the string that are not UTF-16 units of their own (a sequence of n bytes is one
  // unit, two for n = 4): counted only where a sequence is, so that the common run of ASCII does no
  // more than compare and step (measured: a count per byte made the scanner 8 to 12% slower).
  let extra = 0;
  // Stryker disable next-line EqualityOperator: pos <= end reads one byte past the range, and a scan past `end` is refused at the claim's end (pos >= end, which reads no string, fails every acceptance test)
  while (pos < end) {
    const c = b[pos]!;
    if (c === QUOTE) {
      s1 = pos++;
      chars = s1 - s0 - extra;
      return true;
    }
    if (c >= 0x20 && c < 0x7f) {
      // An escape: the full reader decides.
      if (c === BACKSLASH) return false;
      pos++;
    } else {
      // A control character (DEL included: no id may hold one, docs/claim.md) or, where ASCII is
      // expected, any other byte: the full reader decides.
      const n = ascii ? 0 : sequenceAt(pos);
      if (n === 0) return false;
      extra += n === 4 ? 2 : n - 1;
      pos += n;
    }
  }
  // Stryker disable next-line BooleanLiteral: a string cut by the range's end leaves pos at `end`, and the claim's next token is then read past it, which is refused at its end
  return false;
}

/**
 * The length of the UTF-8 sequence at b[at] if the full reader's decoder takes it (2 to 4 bytes,
 * the shortest form, no surrogate, at most U+10FFFF), else 0. A byte past the buffer is undefined,
 * no continuation byte.
 */
function sequenceAt(at: number): number {
  const c = b[at]!;
  let n: number;
  let min: number;
  let cp: number;
  if (c >= 0xc2 && c <= 0xdf) (n = 2), (min = 0x80), (cp = c & 0x1f);
  else if (c >= 0xe0 && c <= 0xef) (n = 3), (min = 0x800), (cp = c & 0x0f);
  else if (c >= 0xf0 && c <= 0xf4) (n = 4), (min = 0x10000), (cp = c & 0x07);
  else return 0;
  for (let k = 1; k < n; k++) {
    const d = b[at + k]!;
    if ((d & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (d & 0x3f);
  }
  return cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0 : n;
}

/** Reads `true` or `false`: 1 or 0, −1 to give up. */
function bool(): number {
  skip();
  if (b[pos] === 116 && b[pos + 1] === 114 && b[pos + 2] === 117 && b[pos + 3] === 101) {
    pos += 4;
    return 1;
  }
  if (b[pos] === 102 && b[pos + 1] === 97 && b[pos + 2] === 108 && b[pos + 3] === 115 && b[pos + 4] === 101) {
    pos += 5;
    return 0;
  }
  return -1;
}

/** Expects `c` after whitespace. */
function expect(c: number): boolean {
  skip();
  if (b[pos] !== c) return false;
  pos++;
  return true;
}

/**
 * After a member: `,` then the next key, or the object's end. Returns the next key's first byte
 * position (the key read into [s0, s1)), −2 at the end, −1 to give up.
 */
function nextKey(first: boolean): number {
  skip();
  // An empty object is given up: a claim, a person, a visit, a hospital and an item each need a key.
  if (!first) {
    if (b[pos] === CLOSE) {
      pos++;
      return -2;
    }
    // Stryker disable next-line UnaryOperator: at +1 the key read last is read again, and every member refuses a key written twice
    if (b[pos] !== COMMA) return -1;
    pos++;
  }
  // Stryker disable next-line BooleanLiteral: a key read as UTF-8 is a key of the contract only if it is ASCII (keyIs compares bytes)
  if (!str(true) || !expect(COLON)) return -1;
  return s0;
}

/** The key just read, if it is `k`. */
function keyIs(k: Uint8Array): boolean {
  if (s1 - s0 !== k.length) return false;
  for (let i = 0; i < k.length; i++) if (b[s0 + i] !== k[i]) return false;
  return true;
}

/** The contract's keys, each a small number (the scanner switches on the key it read). */
const KEYS = [
  'id',
  'person',
  'visit',
  'hospital',
  'items',
  'county',
  'category',
  'illnessInduced',
  'kind',
  'admitted',
  'discharged',
  'chronic',
  'majorDisease',
  'referral',
  'deliveryMode',
  'name',
  'level',
  'area',
  'designated',
  'catalog',
  'amount',
  'compliant',
  'necessary',
] as const;
const KEY_BYTES = KEYS.map((k) => Uint8Array.from(k, (c) => c.charCodeAt(0)));
/** A key's slot in KEY_SLOTS, from its length and its first, second and last bytes. */
const keySlot = (x: Uint8Array, from: number, to: number): number =>
  ((to - from) * 31 + x[from]! * 17 + x[from + 1]! * 7 + x[to - 1]!) & 1023;
/** The code of each slot (−1: no key of the contract); the keys' slots are distinct (checked here, once). */
const KEY_SLOTS = new Int8Array(1024).fill(-1);
KEY_BYTES.forEach((k, i) => {
  const slot = keySlot(k, 0, k.length);
  // Stryker disable next-line StringLiteral: the keys are constants whose slots are distinct; the message is for whoever adds one that is not
  if (KEY_SLOTS[slot] !== -1) throw new Error('two keys of the contract share a slot: this is a bug in bashunwei');
  KEY_SLOTS[slot] = i;
});

/**
 * The code of the key just read (its position in KEYS), or −1 for a key the contract does not have.
 * A key of fewer than 2 bytes takes the bytes after it into its slot, and keyIs refuses it.
 */
function keyCode(): number {
  const code = KEY_SLOTS[keySlot(b, s0, s1)]!;
  return code >= 0 && keyIs(KEY_BYTES[code]!) ? code : -1;
}

const ID = 0;
const PERSON = 1;
const VISIT_KEY = 2;
const HOSPITAL = 3;
const ITEMS = 4;
const COUNTY = 5;
const CATEGORY = 6;
const ILLNESS_INDUCED_KEY = 7;
const KIND = 8;
const ADMITTED = 9;
const DISCHARGED = 10;
const CHRONIC_KEY = 11;
const MAJOR_DISEASE_KEY = 12;
const REFERRAL_KEY = 13;
const DELIVERY_MODE = 14;
const NAME = 15;
const LEVEL_KEY = 16;
const AREA = 17;
const DESIGNATED_KEY = 18;
const CATALOG_KEY = 19;
const AMOUNT = 20;
const COMPLIANT = 21;
const NECESSARY = 22;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Reads a calendar date `YYYY-MM-DD` (as isCalendarDate reads it, schema.ts): the number yyyymmdd, or −1. */
function date(): number {
  // Stryker disable next-line BooleanLiteral: a byte beyond ASCII is neither a digit nor a dash, so such a date is refused either way
  if (!str(true) || s1 - s0 !== 10 || b[s0 + 4] !== 45 || b[s0 + 7] !== 45) return -1;
  const y = digitsAt(s0, s0 + 4);
  const m = digitsAt(s0 + 5, s0 + 7);
  const d = digitsAt(s0 + 8, s0 + 10);
  // A part with a byte that is not a digit is −1, refused here with the impossible months and days.
  if (y < 100 || m < 1 || m > 12 || d < 1) return -1;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return -1;
  return y * 10000 + m * 100 + d;
}

/** The number written by the digits b[from, to), or −1 when a byte is not a digit. */
function digitsAt(from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = b[i]! - ZERO_CHAR;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * An amount in fen: a string of digits with 0–2 decimals, or a plain JSON number of that form (no
 * sign, no exponent); −1 to give up. The digits are not counted: above 12 of them (leading zeros
 * aside) the amount is at least MAX_CLAIM_FEN, and a claim's total above it is refused (items()),
 * while an amount up to it is exact in a double.
 */
function amount(): number {
  skip();
  const quoted = b[pos] === QUOTE;
  if (quoted) pos++;
  let int = 0;
  let digits = 0;
  // Stryker disable next-line EqualityOperator: a digit read at b[end] moves pos past the end, and claim() refuses a text not read to exactly its end
  while (pos < end) {
    const d = b[pos]! - ZERO_CHAR;
    if (d < 0 || d > 9) break;
    int = int * 10 + d;
    digits++;
    pos++;
  }
  if (digits === 0) return -1;
  // A JSON number has no leading zero (01 is not JSON): the full reader says so.
  if (!quoted && digits > 1 && b[pos - digits] === ZERO_CHAR) return -1;
  let frac = 0;
  if (b[pos] === DOT) {
    pos++;
    const a = b[pos]! - ZERO_CHAR;
    if (a < 0 || a > 9) return -1;
    pos++;
    frac = a * 10;
    const c = b[pos]! - ZERO_CHAR;
    if (c >= 0 && c <= 9) {
      frac += c;
      pos++;
    }
  }
  // A string ends at its quote. A number ends where the item's member does, at a comma or the
  // item's end (nextKey): a third decimal, an exponent or a sign after it is refused there.
  if (quoted) {
    if (b[pos] !== QUOTE) return -1;
    pos++;
  }
  return int * 100 + frac;
}

/**
 * Reads the claim in `bytes[from, to)` into `r` when it is a valid claim written plainly, with the
 * vocabulary's values; returns false otherwise (read it with the full reader, which decides).
 *
 * @example
 * if (!scanClaim(line, 0, line.length, vocabulary, record)) fallBackTo(readClaimText(text, options));
 */
export function scanClaim(bytes: Uint8Array, from: number, to: number, v: VocabularyIndex, r: ClaimRecord): boolean {
  b = bytes;
  pos = from;
  end = to;
  const ok = claim(bytesOf(v), r);
  b = EMPTY;
  return ok;
}
const EMPTY = new Uint8Array(0);

function claim(v: VocabularyBytes, r: ClaimRecord): boolean {
  if (!expect(OPEN)) return false;
  let seen = 0;
  let flags = DESIGNATED;
  r.clearItems();
  for (let first = true; ; first = false) {
    const k = nextKey(first);
    if (k === -1) return false;
    if (k === -2) break;
    const key = keyCode();
    if (key === ID) {
      if (seen & 1) return false;
      seen |= 1;
      if (!str(true) || chars < 1 || chars > MAX_ID) return false;
      r.claimId = text(s0, s1);
    } else if (key === PERSON) {
      if (seen & 2) return false;
      seen |= 2;
      const f = person(v, r);
      if (f < 0) return false;
      flags |= f;
    } else if (key === VISIT_KEY) {
      if (seen & 4) return false;
      seen |= 4;
      const f = visit(r);
      if (f < 0) return false;
      flags |= f;
    } else if (key === HOSPITAL) {
      if (seen & 8) return false;
      seen |= 8;
      const designated = hospital(v, r);
      if (designated < 0) return false;
      if (designated === 0) flags &= ~DESIGNATED;
    } else if (key === ITEMS) {
      if (seen & 16) return false;
      seen |= 16;
      if (!items(r)) return false;
    } else return false;
  }
  skip();
  if (pos !== end || seen !== 31) return false;
  r.flags = flags;
  return true;
}

/** person: its flags (ILLNESS_INDUCED), or −1. */
function person(v: VocabularyBytes, r: ClaimRecord): number {
  if (!expect(OPEN)) return -1;
  let seen = 0;
  let flags = 0;
  for (let first = true; ; first = false) {
    const k = nextKey(first);
    if (k === -1) return -1;
    if (k === -2) break;
    const key = keyCode();
    if (key === ID) {
      if (seen & 1 || !str(true) || chars < 1 || chars > MAX_ID) return -1;
      seen |= 1;
      r.personId = text(s0, s1);
    } else if (key === COUNTY) {
      if (seen & 2) return -1;
      seen |= 2;
      const i = wordIn(v.county);
      if (i < 0) return -1;
      r.county = i;
    } else if (key === CATEGORY) {
      if (seen & 4) return -1;
      seen |= 4;
      const i = wordIn(v.category);
      if (i < 0) return -1;
      r.category = i;
    } else if (key === ILLNESS_INDUCED_KEY) {
      if (seen & 8) return -1;
      seen |= 8;
      const x = bool();
      if (x < 0) return -1;
      if (x === 1) flags |= ILLNESS_INDUCED;
    } else return -1;
  }
  return (seen & 7) === 7 ? flags : -1;
}

/** visit: its flags (CHRONIC, MAJOR_DISEASE), or −1. */
function visit(r: ClaimRecord): number {
  if (!expect(OPEN)) return -1;
  let seen = 0;
  let flags = 0;
  // Before every date: a visit without an admission day passes the check of the order below.
  let admitted = 0;
  // Read only when `seen` says it was given.
  let discharged = 0;
  r.referral = 0;
  r.deliveryMode = 0;
  for (let first = true; ; first = false) {
    const k = nextKey(first);
    if (k === -1) return -1;
    if (k === -2) break;
    const key = keyCode();
    if (key === KIND) {
      if (seen & 1) return -1;
      seen |= 1;
      const i = wordIn(VISIT);
      if (i < 0) return -1;
      r.visitKind = i;
    } else if (key === DISCHARGED) {
      if (seen & 2) return -1;
      seen |= 2;
      // An invalid date (−1) is refused with the order of the dates: it is before the admission.
      discharged = date();
    } else if (key === ADMITTED) {
      if (seen & 4) return -1;
      seen |= 4;
      admitted = date();
      if (admitted === -1) return -1;
    } else if (key === CHRONIC_KEY || key === MAJOR_DISEASE_KEY) {
      const bit = key === CHRONIC_KEY ? 8 : 16;
      if (seen & bit) return -1;
      seen |= bit;
      const x = bool();
      if (x < 0) return -1;
      if (x === 1) flags |= bit === 8 ? CHRONIC : MAJOR_DISEASE;
    } else if (key === REFERRAL_KEY) {
      if (seen & 32) return -1;
      seen |= 32;
      const i = wordIn(REFERRAL);
      if (i < 0) return -1;
      r.referral = i;
    } else if (key === DELIVERY_MODE) {
      if (seen & 64) return -1;
      seen |= 64;
      // The modes count from 1 (0: none given).
      const i = wordIn(DELIVERY);
      if (i === -1) return -1;
      r.deliveryMode = i;
    } else return -1;
  }
  if ((seen & 3) !== 3) return -1;
  if (admitted > discharged) return -1;
  if (r.visitKind === DELIVERY_INDEX && r.deliveryMode === 0) return -1;
  r.date = discharged;
  return flags;
}

/** hospital: 1 designated, 0 not, −1 to give up. */
function hospital(v: VocabularyBytes, r: ClaimRecord): number {
  if (!expect(OPEN)) return -1;
  let seen = 0;
  let designated = 1;
  for (let first = true; ; first = false) {
    const k = nextKey(first);
    if (k === -1) return -1;
    if (k === -2) break;
    const key = keyCode();
    if (key === LEVEL_KEY) {
      if (seen & 1) return -1;
      seen |= 1;
      const i = wordIn(LEVEL);
      if (i < 0) return -1;
      r.level = i;
    } else if (key === AREA) {
      if (seen & 2) return -1;
      seen |= 2;
      const i = wordIn(v.area);
      if (i < 0) return -1;
      r.area = i;
    } else if (key === ID) {
      // Any id the full reader takes (the record keeps none of the hospital's, so it need not be ASCII).
      if (seen & 4 || !str(false) || chars < 1 || chars > MAX_ID) return -1;
      seen |= 4;
    } else if (key === NAME) {
      if (seen & 8 || !str(false) || chars > MAX_TEXT) return -1;
      seen |= 8;
    } else if (key === DESIGNATED_KEY) {
      if (seen & 16) return -1;
      seen |= 16;
      // −1 when it is no boolean: returned as it is below, the hospital is refused.
      designated = bool();
    } else return -1;
  }
  return (seen & 3) === 3 ? designated : -1;
}

/** items: the bill's sums per item class into the record; false to give up. */
function items(r: ClaimRecord): boolean {
  if (!expect(OPEN_LIST)) return false;
  let count = 0;
  for (;;) {
    skip();
    if (b[pos] === CLOSE_LIST) {
      // Stryker disable next-line BooleanLiteral: true would leave pos at the `]`, where no next member of the claim can start: refused either way
      if (count === 0) return false;
      pos++;
      break;
    }
    if (count > 0) {
      if (b[pos] !== COMMA) return false;
      pos++;
    }
    if (++count > MAX_ITEMS || !item(r)) return false;
  }
  return r.total <= MAX_CLAIM_FEN;
}

function item(r: ClaimRecord): boolean {
  if (!expect(OPEN)) return false;
  let seen = 0;
  // The three read only when `seen` says all three were given.
  let category = 0;
  let catalog = 0;
  let fen = 0;
  let compliant = 1;
  let necessary = 0;
  for (let first = true; ; first = false) {
    const k = nextKey(first);
    if (k === -1) return false;
    if (k === -2) break;
    const key = keyCode();
    if (key === CATEGORY) {
      if (seen & 1) return false;
      seen |= 1;
      category = wordIn(ITEM_CATEGORY);
      if (category < 0) return false;
    } else if (key === CATALOG_KEY) {
      if (seen & 2) return false;
      seen |= 2;
      catalog = wordIn(CATALOG);
      if (catalog < 0) return false;
    } else if (key === AMOUNT) {
      if (seen & 4) return false;
      seen |= 4;
      // An amount above MAX_CLAIM_FEN makes the total above it, refused in items().
      fen = amount();
      if (fen < 0) return false;
    } else if (key === COMPLIANT) {
      if (seen & 8) return false;
      seen |= 8;
      compliant = bool();
      if (compliant < 0) return false;
    } else if (key === NECESSARY) {
      if (seen & 16) return false;
      seen |= 16;
      necessary = bool();
      if (necessary < 0) return false;
    } else return false;
  }
  if ((seen & 7) !== 7) return false;
  r.addItem(itemClassAt(category, catalog, compliant === 1, necessary === 1), fen as never);
  return true;
}

/** The index of the value the next string writes among `values`, or −1. */
function wordIn(values: ByteValues): number {
  // Stryker disable next-line BooleanLiteral: the values are ASCII (ByteValues keeps no other), so a string with another byte is not found either way
  return str(true) ? values.find(b, s0, s1) : -1;
}

/** Room for the character codes of an id (at most MAX_ID), reused: one string per id, no other object. */
const codes: number[] = [];

/** The ASCII text of bytes [from, to) (checked ASCII by the caller). */
function text(from: number, to: number): string {
  const n = to - from;
  codes.length = n;
  for (let i = 0; i < n; i++) codes[i] = b[from + i]!;
  return String.fromCharCode.apply(null, codes);
}
