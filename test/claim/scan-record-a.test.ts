/**
 * The byte scanner (src/claim/scan-record.ts), case by case: the plain claims it reads itself, into
 * the very record the full reader makes (whitespace of each kind, every value of each list, booleans,
 * names in every UTF-8 length and at the edges of what the decoder takes), and the texts it must
 * leave to the full reader (escapes, control characters, bytes no decoder takes, misspelt literals,
 * keys and values that only look like the contract's). Each vocabulary is made afresh in its test,
 * so that the scanner builds its byte values there.
 */
import { describe, expect, it } from 'vitest';
import { ClaimRecord, recordClaim } from '../../src/claim/claim-record.js';
import { readClaimText } from '../../src/claim/parse.js';
import { scanClaim } from '../../src/claim/scan-record.js';
import type { ClaimVocabulary } from '../../src/claim/vocabulary.js';
import { vocabularyIndex } from '../../src/claim/vocabulary-index.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { baseClaim, cases } from '../support/helpers.js';

const BOOK = claimVocabulary(defaultRules());
const encoder = new TextEncoder();

/**
 * What the scanner made of bytes[from, to) (undefined: it left them to the full reader), as a fresh
 * record: compared whole with the full reader's, every field and every slot of the bill.
 */
function scanned(bytes: Uint8Array, vocabulary: ClaimVocabulary, from = 0, to = bytes.length) {
  const r = new ClaimRecord();
  return scanClaim(bytes, from, to, vocabularyIndex(vocabulary), r) ? r : undefined;
}

/** The record the full reader makes of a text (undefined: it refuses the claim). */
function reference(text: string, vocabulary: ClaimVocabulary) {
  const full = readClaimText(text, { vocabulary });
  const r = new ClaimRecord();
  return full.ok && recordClaim(full.value, vocabularyIndex(vocabulary), r) ? r : undefined;
}

/** A fresh copy of a vocabulary (a new object: the scanner builds its byte values for it). */
const fresh = (v: ClaimVocabulary = BOOK): ClaimVocabulary => ({ ...v });

/** The base claim with its parts overridden, written compactly. */
const claimText = (parts: Record<string, unknown> = {}) => {
  const c = baseClaim();
  const merge = (k: string) => (parts[k] === undefined ? c[k] : { ...(c[k] as object), ...(parts[k] as object) });
  return JSON.stringify({
    ...c,
    person: merge('person'),
    visit: merge('visit'),
    hospital: merge('hospital'),
    ...(parts.items ? { items: parts.items } : {}),
  });
};
const BASE = claimText();
/** The base claim with whitespace `w` after every `{`, `[`, `,` and `:`, and before the end. */
const spaced = (w: string) => `${BASE.replace(/([{[,:])/g, `$1${w}`)}${w}`;
const named = (name: string) => claimText({ hospital: { name } });

describe('the scanner reads plain claims itself, into the record the full reader makes', () => {
  it.each(
    cases([
      { name: 'the base claim, written compactly', text: BASE },
      { name: 'spaces between the tokens', text: spaced(' ') },
      { name: 'tabs between the tokens', text: spaced('\t') },
      { name: 'line feeds between the tokens', text: spaced('\n') },
      { name: 'carriage returns between the tokens', text: spaced('\r') },
      { name: 'two kinds of whitespace together', text: spaced(' \t\r\n ') },
      { name: 'a person whose illness is not illness-induced', text: claimText({ person: { illnessInduced: false } }) },
      { name: 'a hospital said designated', text: claimText({ hospital: { designated: true } }) },
      { name: 'a hospital said not designated', text: claimText({ hospital: { designated: false } }) },
      {
        name: 'a chronic visit for a major disease',
        text: claimText({ visit: { chronic: true, majorDisease: true } }),
      },
      {
        name: 'a visit said neither chronic nor major',
        text: claimText({ visit: { chronic: false, majorDisease: false } }),
      },
      { name: 'a referred visit', text: claimText({ visit: { referral: 'referred' } }) },
      { name: 'an emergency', text: claimText({ visit: { referral: 'emergency' } }) },
      { name: 'a visit not referred', text: claimText({ visit: { referral: 'none' } }) },
      { name: 'a vaginal delivery', text: claimText({ visit: { kind: 'delivery', deliveryMode: 'vaginal' } }) },
      { name: 'a cesarean delivery', text: claimText({ visit: { kind: 'delivery', deliveryMode: 'cesarean' } }) },
      { name: 'a special outpatient visit', text: claimText({ visit: { kind: 'special-outpatient' } }) },
      { name: 'a general outpatient visit', text: claimText({ visit: { kind: 'general-outpatient' } }) },
      { name: 'a township hospital', text: claimText({ hospital: { level: 'township' } }) },
      { name: 'a city hospital', text: claimText({ hospital: { level: 'city' } }) },
      { name: 'a provincial hospital', text: claimText({ hospital: { level: 'provincial' } }) },
      {
        name: 'a person of Yanjiang treated in Lezhi',
        text: claimText({ person: { county: 'yanjiang' }, hospital: { area: 'lezhi' } }),
      },
      { name: 'care out of the province', text: claimText({ hospital: { area: 'other-province' } }) },
      {
        name: 'items of each catalog, compliant or not, necessary or not',
        text: claimText({
          items: [
            { category: 'drug', catalog: 'B', amount: '10.5', compliant: false },
            { category: 'treatment', catalog: 'C', amount: '7', necessary: true },
            { category: 'drug', catalog: 'A', amount: '0.01', compliant: true, necessary: false },
          ],
        }),
      },
      { name: 'an id holding a space and a tilde', text: BASE.replace('"T1"', '"C 1~"') },
      { name: 'an id of 128 characters', text: BASE.replace('"T1"', `"${'x'.repeat(128)}"`) },
      { name: 'a hospital with an empty name', text: named('') },
      { name: 'a hospital named in ASCII', text: named('County No.1 Hospital ~') },
      { name: 'a name in two-byte UTF-8', text: named('Café') },
      { name: 'a name holding U+0080, the first two-byte character', text: named('A\u0080B') },
      { name: 'a name holding U+07FF, the last two-byte character', text: named('A\u07ffB') },
      { name: 'a name holding U+0800, the first three-byte character', text: named('A\u0800B') },
      { name: 'a name in Chinese', text: named('安岳县人民医院') },
      { name: 'a name holding U+D7FF, just below the surrogates', text: named('A\ud7ffB') },
      { name: 'a name holding U+E000, just above the surrogates', text: named('A\ue000B') },
      { name: 'a name holding U+FFFF, the last three-byte character', text: named('A\uffffB') },
      { name: 'a name holding U+10000, the first four-byte character', text: named('A\u{10000}B') },
      { name: 'a name holding an emoji', text: named('医院😀') },
      { name: 'a name holding U+10FFFF, the last character', text: named('A\u{10ffff}B') },
      { name: 'a name of 256 Chinese characters, the most', text: named('安'.repeat(256)) },
      { name: 'a name of 128 four-byte characters (256 UTF-16 units), the most', text: named('\u{10000}'.repeat(128)) },
      { name: 'a name of 255 ASCII characters and an é', text: named(`${'a'.repeat(255)}é`) },
    ]),
  )('%s', (_, { text }) => {
    const v = fresh();
    const expected = reference(text, v);
    expect(expected).toBeDefined();
    expect(scanned(encoder.encode(text), v)).toStrictEqual(expected);
  });

  it('reads a claim in the middle of a buffer, up to the end of its range and not past it', () => {
    const bytes = encoder.encode(`xx${BASE}  yy`);
    const v = fresh();
    expect(scanned(bytes, v, 2, 2 + BASE.length + 1)).toStrictEqual(reference(BASE, v));
  });

  it('reads item categories by id and by national code alike', () => {
    const [byId, byCode] = ['bed', '01'].map((category) =>
      claimText({ items: [{ category, catalog: 'A', amount: '1' }] }),
    );
    const v = fresh();
    const expected = reference(byId!, v);
    expect(expected).toBeDefined();
    expect([scanned(encoder.encode(byId!), v), scanned(encoder.encode(byCode!), v)]).toStrictEqual([
      expected,
      expected,
    ]);
  });
});

describe('the scanner leaves to the full reader what it does not read in one glance', () => {
  it.each(
    cases([
      { name: 'an id with DEL in it (no id may hold one)', text: BASE.replace('"T1"', '"T\u007f1"') },
      { name: 'an id starting with DEL', text: BASE.replace('"T1"', '"\u007fT1"') },
      { name: 'an id starting with a raw control character', text: BASE.replace('"T1"', '"\u0001T1"') },
      { name: 'an id holding a non-ASCII letter', text: BASE.replace('"T1"', '"Té"') },
      { name: 'an id starting with a non-ASCII letter', text: BASE.replace('"T1"', '"éT"') },
      { name: 'an id written with an escape', text: BASE.replace('"T1"', '"T\\u0031"') },
      { name: 'an id holding an escaped backslash', text: BASE.replace('"T1"', '"T\\\\1"') },
      { name: 'an id with no value', text: BASE.replace('"id":"T1"', '"id":') },
      { name: 'an id with a stray character before its quote', text: BASE.replace('"id":"T1"', '"id":x"T1"') },
      { name: 'an id cut by a raw tab before the next member', text: BASE.replace('"T1",', '"T1\t,') },
      { name: 'a name cut by a raw tab before the next member', text: named('A').replace('"A",', '"A\t,') },
      { name: 'a name holding an escaped quote', text: named('"') },
      { name: 'a name ending in a backslash that escapes its quote', text: named('A').replace('"A",', '"\\",') },
      { name: 'a name holding DEL', text: named('A\u007fB') },
      { name: 'a name of 257 Chinese characters', text: named('安'.repeat(257)) },
      { name: 'a name of 129 four-byte characters', text: named('\u{10000}'.repeat(129)) },
      { name: 'a name of 256 ASCII characters and an é', text: named(`${'a'.repeat(256)}é`) },
      { name: 'a key that is "id" with one more byte in the same slot', text: BASE.replace('"id":"T1"', '"idE":"T1"') },
      {
        name: 'a key sharing the length and the first, second and last bytes of "person"',
        text: BASE.replace('"person":', '"perXon":'),
      },
      { name: 'a member without its colon', text: BASE.replace('"id":"T1"', '"id""T1"') },
      { name: 'a one-byte key', text: BASE.replace('"id":"T1"', '"id":"T1","i":"T1"') },
      { name: 'an empty key', text: BASE.replace('"id":"T1"', '"id":"T1","":"T1"') },
      { name: 'an empty person', text: BASE.replace(/"person":\{[^}]*\}/, '"person":{}') },
      { name: 'an empty claim', text: '{}' },
      {
        name: 'a referral that only shares its length and ends with "none"',
        text: claimText({ visit: { referral: 'nXne' } }),
      },
      {
        name: 'a visit kind that only shares its length and ends with "inpatient"',
        text: claimText({ visit: { kind: 'iXXXXXXXt' } }),
      },
      ...['xrue', 'txue', 'trxe', 'trux', 'tru'].map((t) => ({
        name: `the literal ${t} for true`,
        text: BASE.replace('"illnessInduced":true', `"illnessInduced":${t}`),
      })),
      ...['xalse', 'fxlse', 'faxse', 'falxe', 'falsx', 'fals'].map((t) => ({
        name: `the literal ${t} for false`,
        text: BASE.replace('"illnessInduced":true', `"illnessInduced":${t}`),
      })),
      { name: 'a boolean with no value', text: BASE.replace('"illnessInduced":true', '"illnessInduced":') },
      { name: 'a boolean written null', text: BASE.replace('"illnessInduced":true', '"illnessInduced":null') },
    ]),
  )('%s', (_, { text }) => {
    const v = fresh();
    expect(scanned(encoder.encode(text), v)).toBeUndefined();
  });

  it('leaves a claim whose range ends before its trailing whitespace and more whitespace follows', () => {
    const bytes = encoder.encode(`${BASE}  `);
    expect(scanned(bytes, fresh(), 0, BASE.length + 1)).toStrictEqual(reference(BASE, BOOK));
    expect(scanned(bytes, fresh(), 0, BASE.length - 1)).toBeUndefined();
  });

  /** The base claim with the bytes `raw` (hex) in the hospital's name, between A and B. */
  const withBytes = (raw: string) => {
    const [before, after] = named('A|B').split('|');
    return new Uint8Array([...encoder.encode(before), ...Buffer.from(raw, 'hex'), ...encoder.encode(after)]);
  };

  it.each(
    cases([
      { name: 'a continuation byte that is not one (C3 28)', hex: 'c328' },
      { name: 'the overlong lead C0', hex: 'c080' },
      { name: 'the overlong lead C1 (U+007F in two bytes)', hex: 'c1bf' },
      { name: 'a continuation byte as a lead, then one (82 80)', hex: '8280' },
      { name: 'a continuation byte as a lead, then two (82 80 80)', hex: '828080' },
      { name: 'a continuation byte as a lead, then three (81 80 80 80)', hex: '81808080' },
      { name: 'U+07FF in three bytes (overlong)', hex: 'e09fbf' },
      { name: 'U+FFFF in four bytes (overlong)', hex: 'f08fbfbf' },
      { name: 'the surrogate U+D800', hex: 'eda080' },
      { name: 'the surrogate U+DFFF', hex: 'edbfbf' },
      { name: 'U+110000, past the last character', hex: 'f4908080' },
      { name: 'the lead F5', hex: 'f5808080' },
      { name: 'the lead F8 with what would be U+10000', hex: 'f8908080' },
      { name: 'a three-byte sequence cut after two bytes', hex: 'e5ae' },
      { name: 'a four-byte sequence cut after three bytes', hex: 'f09f98' },
      { name: 'a raw tab', hex: '09' },
      { name: 'DEL', hex: '7f' },
    ]),
  )('a name holding bytes no UTF-8 decoder takes: %s', (_, { hex }) => {
    expect(scanned(withBytes(hex), fresh())).toBeUndefined();
  });

  it('reads a sequence the decoder takes in the same frame of bytes (the frame itself is sound)', () => {
    const v = fresh();
    expect(scanned(withBytes('e5ae89'), v)).toStrictEqual(reference(named('A安B'), v));
  });
});

describe("the scanner matches a vocabulary's values byte for byte", () => {
  const WORDS: ClaimVocabulary = {
    counties: ['aXb', 'aYb', 'ŁA'],
    areas: ['aXb', 'far'],
    categories: BOOK.categories,
  };
  const inCounty = (county: string) => claimText({ person: { county }, hospital: { area: 'aXb' } });

  it.each(
    cases([
      { name: 'the first of two values with the same length, first and last bytes', county: 'aXb' },
      { name: 'the second of two values with the same length, first and last bytes', county: 'aYb' },
    ]),
  )('reads %s', (_, { county }) => {
    const v = fresh(WORDS);
    const expected = reference(inCounty(county), v);
    expect(expected).toBeDefined();
    expect(scanned(encoder.encode(inCounty(county)), v)).toStrictEqual(expected);
  });

  it.each(
    cases([
      { name: 'a value sharing the length, first and last bytes of two, but neither', county: 'aZb' },
      { name: 'the ASCII bytes a non-ASCII value would make if cut to bytes (ŁA as AA)', county: 'AA' },
    ]),
  )('refuses %s, as the full reader does', (_, { county }) => {
    const v = fresh(WORDS);
    expect(reference(inCounty(county), v)).toBeUndefined();
    expect(scanned(encoder.encode(inCounty(county)), v)).toBeUndefined();
  });

  it('leaves a non-ASCII value to the full reader, which reads it', () => {
    const v = fresh(WORDS);
    expect(reference(inCounty('ŁA'), v)).toBeDefined();
    expect(scanned(encoder.encode(inCounty('ŁA')), v)).toBeUndefined();
  });
});
