/**
 * What the claim reader says, word for word, when it refuses a claim (docs/claim.md, "Errors"): the
 * code, the path and the message in Chinese and English, for the refusals the table of
 * claim-errors.test.ts does not reach (too long, too many items, the items' sum, text that is not
 * JSON, a discharge date outside every rule set), and where each limit lies (a calendar date, 10^12
 * yuan). Each test reads with a vocabulary of its own, so that the claim's schema is built (and
 * checked) by the test itself.
 */
import { describe, expect, it } from 'vitest';
import { claimJsonSchemaOf } from '../../src/claim/json-schema.js';
import { readClaimText, validateClaim } from '../../src/claim/parse.js';
import { claimSchema, claimSchemaForJson, isCalendarDate } from '../../src/claim/schema.js';
import type { ClaimVocabulary } from '../../src/claim/vocabulary.js';
import type { Lang } from '../../src/i18n/lang.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { baseClaim, cases } from '../support/helpers.js';

/** The embedded rules' vocabulary, as a new object (a schema not built yet). */
const freshVocabulary = (): ClaimVocabulary => ({ ...claimVocabulary(defaultRules()) });

const c = baseClaim();
const visit = c.visit as Record<string, unknown>;
const hospital = c.hospital as Record<string, unknown>;
const items = (...amounts: string[]) => amounts.map((amount) => ({ category: 'drug', catalog: 'A', amount }));

/** The item categories as a message lists them. */
const CATEGORIES =
  '"bed"/"01", "consultation"/"02", "exam"/"03", "lab"/"04", "treatment"/"05", "surgery"/"06", "nursing"/"07", "material"/"08", "western-drug"/"09", "herbal-drug"/"10", "patent-drug"/"11", "general-care"/"12", "registration"/"13", "other"/"14", "drug"';

/** The errors of a refused claim, or the claim when it is read. */
const refusal = (input: unknown, lang: Lang) => {
  const r = validateClaim(input, lang, freshVocabulary());
  return r.ok ? r.value : r.errors;
};

describe('a refused claim gets the exact code, path and message, in Chinese and English', () => {
  it.each(
    cases([
      {
        name: 'a claim id of 129 characters is too long (at most 128)',
        input: { ...c, id: 'x'.repeat(129) },
        code: 'too_long',
        path: 'id',
        zh: '字段 id 过长（最多 128 个字符）',
        en: 'id is too long (at most 128 characters)',
      },
      {
        name: 'a hospital name of 257 characters is too long (at most 256)',
        input: { ...c, hospital: { ...hospital, name: 'n'.repeat(257) } },
        code: 'too_long',
        path: 'hospital.name',
        zh: '字段 hospital.name 过长（最多 256 个字符）',
        en: 'hospital.name is too long (at most 256 characters)',
      },
      {
        name: 'a claim of 10,001 items lists too many (at most 10,000)',
        input: { ...c, items: items(...Array.from({ length: 10_001 }, () => '1.00')) },
        code: 'too_long',
        path: 'items',
        zh: '字段 items 过长（最多 10000 项）',
        en: 'items is too long (at most 10000 items)',
      },
      {
        name: 'items that add up to more than 10^12 yuan are refused as a sum',
        input: { ...c, items: items('600000000000.00', '400000000000.01') },
        code: 'amount_too_large',
        path: 'items',
        zh: '字段 items 超过允许的最大金额（10^12 元）：各项费用合计',
        en: 'items is beyond the largest amount accepted (10^12 yuan): the sum of the items',
      },
      {
        name: "an item's unknown catalog is named among the catalogs",
        input: { ...c, items: [{ category: 'drug', catalog: 'D', amount: '1.00' }] },
        code: 'invalid_enum',
        path: 'items[0].catalog',
        zh: '字段 items[0].catalog 应为以下之一："A", "B", "C"，收到的是 "D"',
        en: 'items[0].catalog must be one of "A", "B", "C", not "D"',
      },
      {
        name: "an item's unknown category is named among the categories, each id with its national code",
        input: { ...c, items: [{ category: 'drugs', catalog: 'A', amount: '1.00' }] },
        code: 'invalid_enum',
        path: 'items[0].category',
        zh: `字段 items[0].category 应为以下之一：${CATEGORIES}，收到的是 "drugs"`,
        en: `items[0].category must be one of ${CATEGORIES}, not "drugs"`,
      },
      {
        name: 'an impossible discharge date is not a calendar date',
        input: { ...c, visit: { ...visit, discharged: '2017-02-29' } },
        code: 'invalid_date',
        path: 'visit.discharged',
        zh: '字段 visit.discharged 应为 YYYY-MM-DD 格式的日历日期，收到的是 "2017-02-29"',
        en: 'visit.discharged must be a calendar date written YYYY-MM-DD, not "2017-02-29"',
      },
    ]),
  )('%s', (_, { input, code, path, zh, en }) => {
    expect(refusal(input, 'zh-CN')).toEqual([{ code, path, message: zh }]);
    expect(refusal(input, 'en')).toEqual([{ code, path, message: en }]);
  });

  it('accepts an item of exactly 10^12 yuan, and items that add up to exactly 10^12 yuan', () => {
    for (const amounts of [['1000000000000.00'], ['600000000000.00', '400000000000.00']]) {
      const r = validateClaim({ ...c, items: items(...amounts) }, 'en', freshVocabulary());
      expect(r.ok && r.value.items.map((i) => i.amount)).toEqual(amounts.map((a) => Number(a.replace('.', ''))));
    }
  });
});

describe('text that is not JSON is refused where it breaks, in the words of the door it came through', () => {
  it.each(
    cases([
      {
        name: 'a one-line text is placed by its column only',
        text: '{"id": ',
        single: false,
        zh: '输入不是有效的 JSON（第 8 列：JSON 尚未结束，输入就结束了）；请发送一个报销申请的 JSON 对象，或每行一个（NDJSON）',
        en: 'the input is not valid JSON (column 8: the input ends before the JSON does); send one claim object, or one per line',
      },
      {
        name: 'a text of several lines is placed by its line and column',
        text: '{\n"id": ]',
        single: false,
        zh: '输入不是有效的 JSON（第 2 行第 7 列：此处的字符不能作为值的开头）；请发送一个报销申请的 JSON 对象，或每行一个（NDJSON）',
        en: 'the input is not valid JSON (line 2, column 7: a character that cannot start a value); send one claim object, or one per line',
      },
      {
        name: "a request's body asks for one claim (not one per line)",
        text: '[1,',
        single: true,
        zh: '输入不是有效的 JSON（第 4 列：JSON 尚未结束，输入就结束了）；请发送一个报销申请的 JSON 对象',
        en: 'the input is not valid JSON (column 4: the input ends before the JSON does); send one claim object',
      },
    ]),
  )('%s', (_, { text, single, zh, en }) => {
    for (const [lang, message] of [
      ['zh-CN', zh],
      ['en', en],
    ] as const) {
      const r = readClaimText(text, { vocabulary: freshVocabulary(), lang, single });
      expect(r.ok ? r.value : r.errors).toEqual([{ code: 'invalid_json', path: '', message }]);
    }
  });
});

describe('a claim discharged outside every rule set is refused at visit.discharged, its other errors kept', () => {
  it('keeps a missing county and a wrong visit kind, and drops only the values no rule set can judge', () => {
    const input = {
      ...c,
      person: { id: 'P', category: 'dibao' },
      visit: { kind: 'outpatient', discharged: '2021-06-10' },
      hospital: { level: 'county', area: 'nowhere' },
    };
    expect(refusal(input, 'en')).toEqual([
      {
        code: 'no_rules_for_date',
        path: 'visit.discharged',
        message:
          'no rule set is in force on 2021-06-10; available: ziyang-2017: 2017-03-17 to 2020-12-31; ziyang-2022: 2022-01-01 on',
      },
      {
        code: 'missing_field',
        path: 'person.county',
        message: 'person.county is required ("yanjiang", "anyue", "lezhi")',
      },
      {
        code: 'invalid_enum',
        path: 'visit.kind',
        message:
          'visit.kind must be one of "inpatient", "delivery", "special-outpatient", "general-outpatient", not "outpatient"',
      },
    ]);
  });

  it.each(['2017-03-17', '2020-12-31', '2022-01-01'])(
    'a claim discharged on %s, the first or last day of a rule set, has only its own errors',
    (discharged) => {
      const input = { ...c, id: '', visit: { kind: 'inpatient', discharged } };
      expect(refusal(input, 'en')).toEqual([{ code: 'empty_string', path: 'id', message: 'id must not be empty' }]);
    },
  );
});

describe('a calendar date is YYYY-MM-DD, a real day, from the year 0100', () => {
  it.each(
    cases([
      { name: 'an ordinary day', text: '2017-06-10', date: true },
      { name: 'the first day of the year', text: '2017-01-01', date: true },
      { name: 'the last day of the year', text: '2017-12-31', date: true },
      { name: 'the 30th of April', text: '2017-04-30', date: true },
      { name: 'not the 31st of April', text: '2017-04-31', date: false },
      { name: 'not the 32nd of January', text: '2017-01-32', date: false },
      { name: 'not day 00', text: '2017-06-00', date: false },
      { name: 'not month 00', text: '2017-00-10', date: false },
      { name: 'not month 13', text: '2017-13-01', date: false },
      { name: 'February 29 of a leap year', text: '2016-02-29', date: true },
      { name: 'not February 29 of a common year', text: '2017-02-29', date: false },
      { name: 'not February 29 of 1900 (a century)', text: '1900-02-29', date: false },
      { name: 'not February 29 of 2100 (a century)', text: '2100-02-29', date: false },
      { name: 'February 29 of 2000 (a fourth century)', text: '2000-02-29', date: true },
      { name: 'not February 30 of a leap year', text: '2016-02-30', date: false },
      { name: 'February 28 of a common year', text: '2017-02-28', date: true },
      { name: 'the year 0100', text: '0100-01-01', date: true },
      { name: 'not the year 0099', text: '0099-12-31', date: false },
      { name: 'not a date with slashes', text: '2017/06/10', date: false },
      { name: 'not a date with a slash after the year', text: '2017/06-10', date: false },
      { name: 'not a date with a slash after the month', text: '2017-06/10', date: false },
      { name: 'not a date with a third digit of the day', text: '2017-06-100', date: false },
      { name: 'not a date without the leading zero of the day', text: '2017-06-1', date: false },
      { name: 'not a letter in the year', text: '20x7-06-10', date: false },
      { name: 'not a letter in the month', text: '2017-0x-10', date: false },
      { name: 'not a letter in the day', text: '2017-06-x0', date: false },
      { name: 'not a colon in the day (the character after 9)', text: '2017-06-1:', date: false },
      { name: 'not a slash in the month (the character before 0)', text: '2017-0/-10', date: false },
      { name: 'not a slash in the day (the character before 0)', text: '2017-06-1/', date: false },
      { name: 'not a slash in the year', text: '201/-06-10', date: false },
      { name: 'not an empty text', text: '', date: false },
    ]),
  )('%s', (_, { text, date }) => {
    expect(isCalendarDate(text)).toBe(date);
  });
});

describe('the schemas of a vocabulary', () => {
  it('builds the claim schema of a vocabulary once', () => {
    const v = freshVocabulary();
    expect(claimSchema(v)).toBe(claimSchema(v));
    expect(claimSchema(freshVocabulary())).not.toBe(claimSchema(v));
  });

  it('lets the JSON-shaped schema take an id with a character beyond U+FFFF, not one with a lone surrogate', () => {
    const schema = claimSchemaForJson(freshVocabulary());
    expect(schema.safeParse({ ...c, id: 'C-😀' }).success).toBe(true);
    expect(schema.safeParse({ ...c, id: 'C-\ud83d' }).success).toBe(false);
  });

  it('names the rule sets in the JSON Schema, and none for a vocabulary without periods', () => {
    const v = freshVocabulary();
    const withSets = claimJsonSchemaOf(v);
    const withoutSets = claimJsonSchemaOf({ counties: v.counties, areas: v.areas, categories: v.categories });
    const tail =
      '. Beyond this schema the parser checks that visit.admitted is not after visit.discharged and that the items add up to at most 10^12 yuan, and the settlement that county, hospital area and category are values of the rule set in force on the discharge date.';
    expect(withSets.description).toBe(
      `A claim as a billing system sends it, for the rule sets ziyang-2017, ziyang-2022${tail}`,
    );
    expect(withoutSets.description).toBe(`A claim as a billing system sends it${tail}`);
    for (const schema of [withSets, withoutSets]) {
      expect(Object.keys(schema).slice(0, 5)).toEqual(['$schema', '$id', 'title', 'description', 'type']);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });
});
