/**
 * The byte scanner (src/claim/scan-record.ts) member by member: which plain texts it reads itself
 * (into the very record the full reader's claim makes), which it leaves to the full reader, and
 * which both refuse. Each broken text is one the scanner must not accept: a member with no value
 * followed by the next member of the object around it, a key without its colon, a key written
 * twice, a value out of its vocabulary, a date or an amount that is not one, a limit passed by one.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ID, MAX_ITEMS, MAX_TEXT } from '../../src/claim/schema.js';
import { vocabularyIndex } from '../../src/claim/vocabulary-index.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { readBothWays } from '../support/claim-records.js';
import { cases } from '../support/helpers.js';

const VOCABULARY = vocabularyIndex(claimVocabulary(defaultRules()));

/** Who reads a text: the scanner itself (and the full reader alike), only the full reader, or nobody. */
type Reader = 'scanner' | 'full reader' | 'nobody';

const PERSON = '{"id":"PT","county":"anyue","category":"registered-poor","illnessInduced":true}';
const VISIT = '{"kind":"inpatient","discharged":"2017-06-10","admitted":"2017-06-01"}';
const HOSPITAL = '{"id":"H","level":"county","area":"anyue"}';
const ITEM = '{"category":"drug","catalog":"A","amount":"3200.00"}';

/** A claim's text from its members' texts (each as written, so that one may be left unclosed). */
function claim(m: { id?: string; person?: string; visit?: string; hospital?: string; items?: string } = {}): string {
  const { id = '"T1"', person = PERSON, visit = VISIT, hospital = HOSPITAL, items = `[${ITEM}]` } = m;
  return `{"id":${id},"person":${person},"visit":${visit},"hospital":${hospital},"items":${items}}`;
}
const person = (members: string) => claim({ person: `{"id":"PT","county":"anyue",${members}` });
const visit = (members: string) => claim({ visit: `{${members}` });
const hospital = (members: string) => claim({ hospital: `{${members}` });
const items = (text: string) => claim({ items: text });
/** An item whose members are given, then (when `next`) a plain item after it. */
const item = (members: string, next = false) => items(`[{${members}${next ? `,${ITEM}` : ''}]`);
const amount = (written: string) => item(`"category":"drug","catalog":"A","amount":${written}}`);
const dates = (admitted: string, discharged: string) =>
  visit(`"kind":"inpatient","discharged":"${discharged}","admitted":"${admitted}"}`);
const many = (n: number, text: string) => Array.from({ length: n }, () => text).join(',');

export interface Case {
  readonly name: string;
  readonly text: string;
  readonly reader: Reader;
}

function holds(c: Case): void {
  const { fast, reference } = readBothWays(c.text, VOCABULARY);
  // The scanner's answer first: one that accepts what the full reader refuses is caught here.
  expect(fast !== undefined ? 'scanner' : reference !== undefined ? 'full reader' : 'nobody').toBe(c.reader);
  if (fast !== undefined) expect(fast).toStrictEqual(reference);
}

const CLAIM_OBJECT_CASES: readonly Case[] = [
  { name: 'a plain claim is read by the scanner itself', text: claim(), reader: 'scanner' },
  {
    name: 'a claim spaced out over lines is read by the scanner itself',
    text: JSON.stringify(JSON.parse(claim()), null, 2),
    reader: 'scanner',
  },
  { name: 'a list is no claim', text: '[]', reader: 'nobody' },
  { name: "a claim's id written twice is refused", text: claim({ id: '"T1","id":"T2"' }), reader: 'nobody' },
  {
    name: 'a person written twice is refused',
    text: claim({ person: `${PERSON},"person":${PERSON.replace('true', 'false')}` }),
    reader: 'nobody',
  },
  {
    name: 'a visit written twice is refused',
    text: claim({ visit: `${VISIT},"visit":${VISIT}` }),
    reader: 'nobody',
  },
  {
    name: 'a hospital written twice is refused',
    text: claim({ hospital: `${HOSPITAL},"hospital":${HOSPITAL}` }),
    reader: 'nobody',
  },
  {
    name: 'the items written twice are refused',
    text: claim({ items: `[${ITEM}],"items":[${ITEM}]` }),
    reader: 'nobody',
  },
  {
    name: 'a list under a key the contract does not have is no list of items',
    text: claim().replace('"items"', '"note"'),
    reader: 'nobody',
  },
  { name: 'a claim without items is refused', text: claim().replace(`,"items":[${ITEM}]`, ''), reader: 'nobody' },
  { name: 'text after the claim is refused', text: `${claim()} x`, reader: 'nobody' },
  { name: 'an empty id is refused', text: claim({ id: '""' }), reader: 'nobody' },
  { name: 'an id of one character is read', text: claim({ id: '"C"' }), reader: 'scanner' },
  {
    name: `an id of ${MAX_ID} characters is read`,
    text: claim({ id: `"${'C'.repeat(MAX_ID)}"` }),
    reader: 'scanner',
  },
  {
    name: `an id of ${MAX_ID + 1} characters is refused`,
    text: claim({ id: `"${'C'.repeat(MAX_ID + 1)}"` }),
    reader: 'nobody',
  },
  { name: 'a Chinese id is left to the full reader', text: claim({ id: '"安岳-1"' }), reader: 'full reader' },
];

const PERSON_CASES: readonly Case[] = [
  { name: 'a county written twice, the second with no value, is refused', text: person('"county":'), reader: 'nobody' },
  {
    name: 'a category written twice, the second with no value, is refused',
    text: person('"category":"registered-poor","category":'),
    reader: 'nobody',
  },
  { name: 'a person with no value is refused', text: claim({ person: '' }), reader: 'nobody' },
  {
    name: 'a person not illness-induced is read',
    text: person('"category":"registered-poor"}'),
    reader: 'scanner',
  },
  {
    name: 'a person illness-induced false is read',
    text: person('"category":"registered-poor","illnessInduced":false}'),
    reader: 'scanner',
  },
  {
    name: 'a key without its colon is refused',
    text: claim({ person: '{"id":"PT","county" "anyue","category":"registered-poor"}' }),
    reader: 'nobody',
  },
  {
    name: 'a last key without its colon is refused',
    text: person('"category":"registered-poor","illnessInduced"'),
    reader: 'nobody',
  },
  {
    name: 'an id written twice is refused',
    text: claim({ person: '{"id":"PT","id":"PU","county":"anyue","category":"registered-poor"}' }),
    reader: 'nobody',
  },
  {
    name: 'an id with no value is refused',
    text: claim({ person: '{"county":"anyue","category":"registered-poor","id":' }),
    reader: 'nobody',
  },
  {
    name: 'an empty id is refused',
    text: claim({ person: '{"id":"","county":"anyue","category":"registered-poor"}' }),
    reader: 'nobody',
  },
  {
    name: 'an id of one character is read',
    text: claim({ person: '{"id":"P","county":"anyue","category":"registered-poor"}' }),
    reader: 'scanner',
  },
  {
    name: `an id of ${MAX_ID} characters is read`,
    text: claim({ person: `{"id":"${'P'.repeat(MAX_ID)}","county":"anyue","category":"registered-poor"}` }),
    reader: 'scanner',
  },
  {
    name: `an id of ${MAX_ID + 1} characters is refused`,
    text: claim({ person: `{"id":"${'P'.repeat(MAX_ID + 1)}","county":"anyue","category":"registered-poor"}` }),
    reader: 'nobody',
  },
  {
    name: 'a Chinese id is left to the full reader',
    text: claim({ person: '{"id":"张三","county":"anyue","category":"registered-poor"}' }),
    reader: 'full reader',
  },
  {
    name: 'a county written twice is refused',
    text: person('"county":"anyue","category":"registered-poor"}'),
    reader: 'nobody',
  },
  {
    name: 'a county with no value is refused',
    text: claim({ person: '{"id":"PT","category":"registered-poor","county":' }),
    reader: 'nobody',
  },
  {
    name: 'a county out of the vocabulary is refused',
    text: claim({ person: '{"id":"PT","category":"registered-poor","county":"nowhere"' }),
    reader: 'nobody',
  },
  {
    name: 'a category written twice is refused',
    text: person('"category":"registered-poor","category":"registered-poor"}'),
    reader: 'nobody',
  },
  { name: 'a category with no value is refused', text: person('"category":'), reader: 'nobody' },
  { name: 'a category out of the vocabulary is refused', text: person('"category":"nobody"'), reader: 'nobody' },
  {
    name: 'illness-induced written twice is refused',
    text: person('"category":"registered-poor","illnessInduced":true,"illnessInduced":false}'),
    reader: 'nobody',
  },
  {
    name: 'illness-induced written twice, the second with no value, is refused',
    text: person('"category":"registered-poor","illnessInduced":true,"illnessInduced":'),
    reader: 'nobody',
  },
  {
    name: 'illness-induced with no value at the end of the person is refused',
    text: person('"category":"registered-poor","illnessInduced":}'),
    reader: 'nobody',
  },
  {
    name: 'illness-induced with no value before the visit is refused',
    text: person('"category":"registered-poor","illnessInduced":'),
    reader: 'nobody',
  },
  {
    name: 'a key the contract does not have is refused',
    text: person('"category":"registered-poor","age":'),
    reader: 'nobody',
  },
  { name: 'a person without a category is refused', text: person('"illnessInduced":true}'), reader: 'nobody' },
];

const KIND = '"kind":"inpatient"';
const STAY = '"discharged":"2017-06-10","admitted":"2017-06-01"';

const VISIT_CASES: readonly Case[] = [
  {
    name: 'a kind written twice, the second with no value, is refused',
    text: visit(`${KIND},${STAY},"kind":`),
    reader: 'nobody',
  },
  {
    name: 'a discharge day written twice, the second with no value, is refused',
    text: visit(`${KIND},${STAY},"discharged":`),
    reader: 'nobody',
  },
  {
    name: 'a referral written twice, the second with no value, is refused',
    text: visit(`${KIND},${STAY},"referral":"none","referral":`),
    reader: 'nobody',
  },
  {
    name: 'a delivery mode written twice, the second with no value, is refused',
    text: visit(`"kind":"delivery",${STAY},"deliveryMode":"vaginal","deliveryMode":`),
    reader: 'nobody',
  },
  {
    name: 'a delivery mode out of the contract at the end of the visit is refused',
    text: visit(`"kind":"delivery",${STAY},"deliveryMode":"forceps"}`),
    reader: 'nobody',
  },
  {
    name: 'a referral out of the contract at the end of the visit is refused',
    text: visit(`${KIND},${STAY},"referral":"self"}`),
    reader: 'nobody',
  },
  { name: 'a visit with no value is refused', text: claim({ visit: '' }), reader: 'nobody' },
  { name: 'a key without its colon is refused', text: visit(`"kind" "inpatient",${STAY}}`), reader: 'nobody' },
  { name: 'a last key without its colon is refused', text: visit(`${KIND},${STAY},"chronic"`), reader: 'nobody' },
  { name: 'a kind written twice is refused', text: visit(`${KIND},${KIND},${STAY}}`), reader: 'nobody' },
  { name: 'a kind with no value is refused', text: visit(`${STAY},"kind":`), reader: 'nobody' },
  { name: 'a kind out of the contract is refused', text: visit(`${STAY},"kind":"home"`), reader: 'nobody' },
  {
    name: 'a discharge day written twice is refused',
    text: visit(`${KIND},${STAY},"discharged":"2017-06-11"}`),
    reader: 'nobody',
  },
  {
    name: 'a discharge day with no value is refused',
    text: visit(`${KIND},"admitted":"2017-06-01","discharged":`),
    reader: 'nobody',
  },
  {
    name: 'an admission day written twice is refused',
    text: visit(`${KIND},${STAY},"admitted":"2017-06-02"}`),
    reader: 'nobody',
  },
  {
    name: 'an admission day written twice, the second with no value, is refused',
    text: visit(`${KIND},${STAY},"admitted":`),
    reader: 'nobody',
  },
  {
    name: 'an admission day with no value is refused',
    text: visit(`${KIND},"discharged":"2017-06-10","admitted":`),
    reader: 'nobody',
  },
  {
    name: 'an admission day that is no date is refused',
    text: visit(`${KIND},"discharged":"2017-06-10","admitted":"2017-13-01"`),
    reader: 'nobody',
  },
  {
    name: 'a visit without an admission day is read',
    text: visit(`${KIND},"discharged":"2017-06-10"}`),
    reader: 'scanner',
  },
  {
    name: 'a visit without a discharge day is refused',
    text: visit(`${KIND},"admitted":"2017-06-10"}`),
    reader: 'nobody',
  },
  {
    name: 'an admission after the discharge is refused',
    text: dates('2017-06-11', '2017-06-10'),
    reader: 'nobody',
  },
  { name: 'an admission on the discharge day is read', text: dates('2017-06-10', '2017-06-10'), reader: 'scanner' },
  { name: 'a chronic visit is read', text: visit(`${KIND},${STAY},"chronic":true}`), reader: 'scanner' },
  { name: 'a visit chronic false is read', text: visit(`${KIND},${STAY},"chronic":false}`), reader: 'scanner' },
  { name: 'a major-disease visit is read', text: visit(`${KIND},${STAY},"majorDisease":true}`), reader: 'scanner' },
  {
    name: 'chronic written twice is refused',
    text: visit(`${KIND},${STAY},"chronic":true,"chronic":true}`),
    reader: 'nobody',
  },
  {
    name: 'chronic written twice, the second with no value, is refused',
    text: visit(`${KIND},${STAY},"chronic":true,"chronic":`),
    reader: 'nobody',
  },
  {
    name: 'major disease written twice is refused',
    text: visit(`${KIND},${STAY},"majorDisease":false,"majorDisease":true}`),
    reader: 'nobody',
  },
  {
    name: 'chronic with no value at the end is refused',
    text: visit(`${KIND},${STAY},"chronic":}`),
    reader: 'nobody',
  },
  {
    name: 'chronic with no value before the hospital is refused',
    text: visit(`${KIND},${STAY},"chronic":`),
    reader: 'nobody',
  },
  { name: 'a referral "none" is read', text: visit(`${KIND},${STAY},"referral":"none"}`), reader: 'scanner' },
  {
    name: 'a referral "referred" is read',
    text: visit(`${KIND},${STAY},"referral":"referred"}`),
    reader: 'scanner',
  },
  {
    name: 'a referral written twice is refused',
    text: visit(`${KIND},${STAY},"referral":"none","referral":"referred"}`),
    reader: 'nobody',
  },
  { name: 'a referral with no value is refused', text: visit(`${KIND},${STAY},"referral":`), reader: 'nobody' },
  {
    name: 'a referral out of the contract is refused',
    text: visit(`${KIND},${STAY},"referral":"self"`),
    reader: 'nobody',
  },
  {
    name: 'a vaginal delivery is read',
    text: visit(`"kind":"delivery",${STAY},"deliveryMode":"vaginal"}`),
    reader: 'scanner',
  },
  {
    name: 'a cesarean delivery is read',
    text: visit(`"kind":"delivery",${STAY},"deliveryMode":"cesarean"}`),
    reader: 'scanner',
  },
  { name: 'a delivery without its mode is refused', text: visit(`"kind":"delivery",${STAY}}`), reader: 'nobody' },
  {
    name: 'a delivery mode written twice is refused',
    text: visit(`"kind":"delivery",${STAY},"deliveryMode":"vaginal","deliveryMode":"cesarean"}`),
    reader: 'nobody',
  },
  {
    name: 'a delivery mode with no value is refused',
    text: visit(`"kind":"delivery",${STAY},"deliveryMode":`),
    reader: 'nobody',
  },
  {
    name: 'a delivery mode out of the contract is refused',
    text: visit(`"kind":"delivery",${STAY},"deliveryMode":"forceps"`),
    reader: 'nobody',
  },
  { name: 'a key the contract does not have is refused', text: visit(`${KIND},${STAY},"ward":`), reader: 'nobody' },
  {
    name: 'a key the contract does not have is refused, even when its value is a delivery mode (a delivery that names none)',
    text: visit(`"kind":"delivery",${STAY},"ward":"vaginal"}`),
    reader: 'nobody',
  },
];

const DATES_CASES: readonly Case[] = [
  { name: '29 February of a leap year is a day', text: dates('2016-02-01', '2016-02-29'), reader: 'scanner' },
  { name: '29 February of a common year is no day', text: dates('2017-02-01', '2017-02-29'), reader: 'nobody' },
  { name: '29 February 1900 is no day (a century)', text: dates('1900-02-01', '1900-02-29'), reader: 'nobody' },
  {
    name: '29 February 2000 is a day (a fourth century)',
    text: dates('2000-02-01', '2000-02-29'),
    reader: 'scanner',
  },
  { name: '30 April is a day', text: dates('2017-04-01', '2017-04-30'), reader: 'scanner' },
  { name: '31 April is no day', text: dates('2017-04-01', '2017-04-31'), reader: 'nobody' },
  { name: 'an admission on 31 April is refused', text: dates('2017-04-31', '2017-06-10'), reader: 'nobody' },
  { name: 'a slash after the year alone is refused', text: dates('2017-06-01', '2017/06-10'), reader: 'nobody' },
  {
    name: 'an admission with a colon in its month is refused',
    text: dates('2017-0:-01', '2017-06-10'),
    reader: 'nobody',
  },
  {
    name: 'an admission with a slash in its day is refused',
    text: dates('2017-06-0/', '2017-06-10'),
    reader: 'nobody',
  },
  { name: 'a date of nines is read', text: dates('2019-09-09', '2019-09-19'), reader: 'scanner' },
  { name: 'the year 0100 is read', text: dates('0100-01-01', '2017-06-10'), reader: 'scanner' },
  { name: 'the year 0099 is refused', text: dates('0099-12-31', '2017-06-10'), reader: 'nobody' },
  { name: 'month 00 is refused', text: dates('2017-00-01', '2017-06-10'), reader: 'nobody' },
  { name: 'month 13 is refused', text: dates('2017-06-01', '2017-13-10'), reader: 'nobody' },
  { name: 'day 00 is refused', text: dates('2017-06-00', '2017-06-10'), reader: 'nobody' },
  { name: 'a date with slashes is refused', text: dates('2017-06-01', '2017/06/10'), reader: 'nobody' },
  {
    name: 'a date with a slash before the day is refused',
    text: dates('2017-06-01', '2017-06/10'),
    reader: 'nobody',
  },
  { name: 'a date of eleven characters is refused', text: dates('2017-06-01', '2017-06-100'), reader: 'nobody' },
  { name: 'a slash in the year is refused', text: dates('2/17-06-01', '2017-06-10'), reader: 'nobody' },
  { name: 'a colon in the year is refused', text: dates('2017-06-01', '20:7-06-10'), reader: 'nobody' },
  { name: 'a slash in the month is refused', text: dates('2017-06-01', '2017-1/-10'), reader: 'nobody' },
  { name: 'a colon in the month is refused', text: dates('2017-06-01', '2017-0:-10'), reader: 'nobody' },
  { name: 'a slash in the day is refused', text: dates('2017-06-01', '2017-06-1/'), reader: 'nobody' },
  { name: 'a colon in the day is refused', text: dates('2017-06-01', '2017-06-0:'), reader: 'nobody' },
  { name: 'full-width digits are refused', text: dates('2017-06-01', '２０１７-06-10'), reader: 'nobody' },
];

const LEVEL_AREA = '"level":"county","area":"anyue"';

const HOSPITAL_CASES: readonly Case[] = [
  {
    name: 'a level written twice, the second with no value, is refused',
    text: hospital(`${LEVEL_AREA},"level":`),
    reader: 'nobody',
  },
  {
    name: 'an area written twice, the second with no value, is refused',
    text: hospital(`${LEVEL_AREA},"area":`),
    reader: 'nobody',
  },
  {
    name: 'an id written twice, the second with no value, is refused',
    text: hospital(`"id":"H",${LEVEL_AREA},"id":`),
    reader: 'nobody',
  },
  {
    name: 'a name written twice, the second with no value, is refused',
    text: hospital(`"name":"H1",${LEVEL_AREA},"name":`),
    reader: 'nobody',
  },
  { name: 'a hospital with no value is refused', text: claim({ hospital: '' }), reader: 'nobody' },
  {
    name: 'a key without its colon is refused',
    text: hospital('"level" "county","area":"anyue"}'),
    reader: 'nobody',
  },
  { name: 'a last key without its colon is refused', text: hospital(`${LEVEL_AREA},"id"`), reader: 'nobody' },
  { name: 'a level written twice is refused', text: hospital(`${LEVEL_AREA},"level":"city"}`), reader: 'nobody' },
  { name: 'a level with no value is refused', text: hospital('"area":"anyue","level":'), reader: 'nobody' },
  {
    name: 'a level out of the contract is refused',
    text: hospital('"area":"anyue","level":"village"'),
    reader: 'nobody',
  },
  { name: 'an area written twice is refused', text: hospital(`${LEVEL_AREA},"area":"anyue"}`), reader: 'nobody' },
  { name: 'an area with no value is refused', text: hospital('"level":"county","area":'), reader: 'nobody' },
  {
    name: 'an area out of the vocabulary is refused',
    text: hospital('"level":"county","area":"nowhere"'),
    reader: 'nobody',
  },
  { name: 'a hospital without its id is read', text: hospital(`${LEVEL_AREA}}`), reader: 'scanner' },
  {
    name: 'an id after the level and the area is read',
    text: hospital(`${LEVEL_AREA},"id":"H"}`),
    reader: 'scanner',
  },
  { name: 'an id written twice is refused', text: hospital(`"id":"H",${LEVEL_AREA},"id":"H"}`), reader: 'nobody' },
  { name: 'an empty id is refused', text: hospital(`"id":"",${LEVEL_AREA}}`), reader: 'nobody' },
  { name: 'an id of one character is read', text: hospital(`"id":"H",${LEVEL_AREA}}`), reader: 'scanner' },
  {
    name: `an id of ${MAX_ID} Chinese characters is read`,
    text: hospital(`"id":"${'院'.repeat(MAX_ID)}",${LEVEL_AREA}}`),
    reader: 'scanner',
  },
  {
    name: `an id of ${MAX_ID + 1} characters is refused`,
    text: hospital(`"id":"${'H'.repeat(MAX_ID + 1)}",${LEVEL_AREA}}`),
    reader: 'nobody',
  },
  { name: 'an id with no value is refused', text: hospital(`${LEVEL_AREA},"id":`), reader: 'nobody' },
  {
    name: 'a name after the level and the area is read',
    text: hospital(`${LEVEL_AREA},"name":"H1"}`),
    reader: 'scanner',
  },
  { name: 'a Chinese name is read', text: hospital(`"name":"安岳县人民医院",${LEVEL_AREA}}`), reader: 'scanner' },
  { name: 'an empty name is read', text: hospital(`"name":"",${LEVEL_AREA}}`), reader: 'scanner' },
  {
    name: 'a name written twice is refused',
    text: hospital(`"name":"H1",${LEVEL_AREA},"name":"H1"}`),
    reader: 'nobody',
  },
  {
    name: `a name of ${MAX_TEXT} characters, two of them one pair, is read`,
    text: hospital(`"name":"${'院'.repeat(MAX_TEXT - 2)}😀",${LEVEL_AREA}}`),
    reader: 'scanner',
  },
  {
    name: `a name of ${MAX_TEXT + 1} characters is refused`,
    text: hospital(`"name":"${'院'.repeat(MAX_TEXT + 1)}",${LEVEL_AREA}}`),
    reader: 'nobody',
  },
  { name: 'a name with no value is refused', text: hospital(`${LEVEL_AREA},"name":`), reader: 'nobody' },
  {
    name: 'a hospital not designated is read',
    text: hospital(`${LEVEL_AREA},"designated":false}`),
    reader: 'scanner',
  },
  { name: 'a designated hospital is read', text: hospital(`${LEVEL_AREA},"designated":true}`), reader: 'scanner' },
  {
    name: 'designated written twice is refused',
    text: hospital(`${LEVEL_AREA},"designated":false,"designated":false}`),
    reader: 'nobody',
  },
  {
    name: 'designated written twice, the second with no value, is refused',
    text: hospital(`${LEVEL_AREA},"designated":true,"designated":`),
    reader: 'nobody',
  },
  {
    name: 'designated with no value at the end is refused',
    text: hospital(`${LEVEL_AREA},"designated":}`),
    reader: 'nobody',
  },
  {
    name: 'designated with no value before the items is refused',
    text: hospital(`${LEVEL_AREA},"designated":`),
    reader: 'nobody',
  },
  {
    name: 'a key the contract does not have is refused',
    text: hospital(`${LEVEL_AREA},"beds":`),
    reader: 'nobody',
  },
  { name: 'a hospital without its area is refused', text: hospital('"level":"county"}'), reader: 'nobody' },
];

const HALF = '{"category":"drug","catalog":"A","amount":"500000000000.00"}';

const ITEMS_CASES: readonly Case[] = [
  { name: 'items with no value are refused', text: claim({ items: '' }), reader: 'nobody' },
  { name: 'an empty list of items is refused', text: items('[]'), reader: 'nobody' },
  { name: 'two items without a comma are refused', text: items(`[${ITEM} ${ITEM}]`), reader: 'nobody' },
  { name: 'a comma after the last item is refused', text: items(`[${ITEM},]`), reader: 'nobody' },
  { name: 'a comma before the first item is refused', text: items(`[,${ITEM}]`), reader: 'nobody' },
  { name: 'two items parted by a semicolon are refused', text: items(`[${ITEM};${ITEM}]`), reader: 'nobody' },
  { name: 'a list of items not closed is refused', text: items(`[${ITEM}`), reader: 'nobody' },
  { name: 'an item with no value in a list not closed is refused', text: items('[{"category":'), reader: 'nobody' },
  { name: `${MAX_ITEMS} items are read`, text: items(`[${many(MAX_ITEMS, ITEM)}]`), reader: 'scanner' },
  { name: `${MAX_ITEMS + 1} items are refused`, text: items(`[${many(MAX_ITEMS + 1, ITEM)}]`), reader: 'nobody' },
  { name: 'a total of exactly the limit is read', text: items(`[${HALF},${HALF}]`), reader: 'scanner' },
  {
    name: 'a total one fen above the limit is refused',
    text: items(`[${HALF},${HALF.replace('.00', '.01')}]`),
    reader: 'nobody',
  },
  { name: 'one item of exactly the limit is read', text: amount('1000000000000'), reader: 'scanner' },
  { name: 'one item of ten times the limit is refused', text: amount('"10000000000000"'), reader: 'nobody' },
  {
    name: 'an item by its national code is read',
    text: item('"category":"09","catalog":"B","amount":"1.00"}'),
    reader: 'scanner',
  },
  {
    name: 'an item neither compliant nor necessary is read',
    text: item('"category":"drug","catalog":"C","amount":"1.00","compliant":false,"necessary":false}'),
    reader: 'scanner',
  },
  {
    name: 'an item compliant and necessary is read',
    text: item('"category":"drug","catalog":"A","amount":"1.00","compliant":true,"necessary":true}'),
    reader: 'scanner',
  },
  { name: 'an item that is no object is refused', text: items('["drug"]'), reader: 'nobody' },
  { name: 'a category with no value is refused', text: item('"category":', true), reader: 'nobody' },
  { name: 'a category out of the contract is refused', text: item('"category":"food"', true), reader: 'nobody' },
  {
    name: 'a category written twice is refused',
    text: item('"category":"drug","catalog":"A","amount":"1","category":"drug"}'),
    reader: 'nobody',
  },
  {
    name: 'a category written twice, the second with no value, is refused',
    text: item('"category":"drug","category":', true),
    reader: 'nobody',
  },
  { name: 'a catalog with no value is refused', text: item('"catalog":', true), reader: 'nobody' },
  { name: 'a catalog out of the contract is refused', text: item('"catalog":"D"', true), reader: 'nobody' },
  {
    name: 'a catalog written twice is refused',
    text: item('"category":"drug","catalog":"A","amount":"1","catalog":"B"}'),
    reader: 'nobody',
  },
  {
    name: 'a catalog written twice, the second with no value, is refused',
    text: item('"catalog":"A","catalog":', true),
    reader: 'nobody',
  },
  { name: 'an amount with no value is refused', text: item('"amount":', true), reader: 'nobody' },
  {
    name: 'an amount with no value before another member is refused',
    text: item('"category":"drug","catalog":"A","amount":,"compliant":true}'),
    reader: 'nobody',
  },
  {
    name: 'an amount written twice is refused',
    text: item('"category":"drug","catalog":"A","amount":"1","amount":"2"}'),
    reader: 'nobody',
  },
  {
    name: 'an amount written twice, the second with no value, is refused',
    text: item('"amount":"1","amount":', true),
    reader: 'nobody',
  },
  {
    name: 'compliant written twice is refused',
    text: item('"category":"drug","catalog":"A","amount":"1","compliant":true,"compliant":false}'),
    reader: 'nobody',
  },
  {
    name: 'compliant written twice, the second with no value, is refused',
    text: item('"compliant":true,"compliant":', true),
    reader: 'nobody',
  },
  {
    name: 'compliant with no value at the end is refused',
    text: item('"category":"drug","catalog":"A","amount":"1","compliant":}'),
    reader: 'nobody',
  },
  {
    name: 'compliant with no value before the next item is refused',
    text: item('"compliant":', true),
    reader: 'nobody',
  },
  {
    name: 'necessary written twice is refused',
    text: item('"category":"drug","catalog":"A","amount":"1","necessary":true,"necessary":false}'),
    reader: 'nobody',
  },
  {
    name: 'necessary written twice, the second with no value, is refused',
    text: item('"necessary":true,"necessary":', true),
    reader: 'nobody',
  },
  {
    name: 'necessary with no value at the end is refused',
    text: item('"category":"drug","catalog":"A","amount":"1","necessary":}'),
    reader: 'nobody',
  },
  {
    name: 'necessary with no value before the next item is refused',
    text: item('"necessary":', true),
    reader: 'nobody',
  },
  { name: 'a key the contract does not have is refused', text: item('"unit":', true), reader: 'nobody' },
  {
    name: 'an item without its amount is refused',
    text: item('"category":"drug","catalog":"A"}'),
    reader: 'nobody',
  },
];

const AMOUNTS_CASES: readonly Case[] = [
  { name: 'a string with two decimals is read', text: amount('"12.05"'), reader: 'scanner' },
  { name: 'a string with one decimal is read', text: amount('"12.5"'), reader: 'scanner' },
  { name: 'a string of digits is read', text: amount('"12"'), reader: 'scanner' },
  { name: 'a string zero is read', text: amount('"0"'), reader: 'scanner' },
  { name: 'a string with leading zeros is read', text: amount('"0012.50"'), reader: 'scanner' },
  { name: 'a number is read', text: amount('3200'), reader: 'scanner' },
  { name: 'a number with one decimal is read', text: amount('12.5'), reader: 'scanner' },
  { name: 'a number with one decimal and a space after it is read', text: amount('12.5 '), reader: 'scanner' },
  { name: 'a number with two decimals is read', text: amount('12.05'), reader: 'scanner' },
  { name: 'the number zero is read', text: amount('0'), reader: 'scanner' },
  { name: 'a number of twelve digits is read', text: amount('999999999999.99'), reader: 'scanner' },
  { name: 'a number with a leading zero is refused', text: amount('01'), reader: 'nobody' },
  { name: 'an empty string is refused', text: amount('""'), reader: 'nobody' },
  { name: 'a point with no decimal is refused', text: amount('"12."'), reader: 'nobody' },
  { name: 'a colon for a decimal is refused', text: amount('"12.:"'), reader: 'nobody' },
  { name: 'a number with a point and no decimal is refused', text: amount('12. '), reader: 'nobody' },
  { name: 'a string with three decimals is refused', text: amount('"12.345"'), reader: 'nobody' },
  { name: 'a number with three decimals is refused', text: amount('12.345'), reader: 'nobody' },
  { name: 'a negative number is refused', text: amount('-1'), reader: 'nobody' },
  { name: 'a number with an exponent is left to the full reader', text: amount('1e2'), reader: 'full reader' },
  {
    name: 'a number with a signed exponent is left to the full reader',
    text: amount('1E+2'),
    reader: 'full reader',
  },
  {
    name: 'a string of digits and a space is refused',
    text: item('"category":"drug","catalog":"A","amount":"12 ,"compliant":true}'),
    reader: 'nobody',
  },
  {
    name: 'a string with no closing quote is refused',
    text: item('"category":"drug","catalog":"A","amount":"12,"compliant":true}'),
    reader: 'nobody',
  },
];

/** The tables by what they are about. */
export const TABLES: Readonly<Record<string, readonly Case[]>> = {
  'the claim object': CLAIM_OBJECT_CASES,
  'the person': PERSON_CASES,
  'the visit': VISIT_CASES,
  'the dates': DATES_CASES,
  'the hospital': HOSPITAL_CASES,
  'the items': ITEMS_CASES,
  'the amounts': AMOUNTS_CASES,
};

for (const [topic, rows] of Object.entries(TABLES)) {
  describe(topic, () => {
    it.each(cases(rows))('%s', (_, c) => holds(c));
  });
}
