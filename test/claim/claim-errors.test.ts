/**
 * Bad claims get a stable error code and the path of the field, for every rule of the claim
 * schema (docs/claim.md); none is settled, and a batch with bad lines still settles the good ones.
 */
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { settle, settleBatch } from '../../src/contract/settle-json.js';
import { baseClaim, expectGolden } from '../support/helpers.js';
import { resolve } from 'node:path';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import { ROOT } from '../support/paths.js';

const c = baseClaim();
const person = c.person as Record<string, unknown>;
const visit = c.visit as Record<string, unknown>;
const hospital = c.hospital as Record<string, unknown>;
const item = (over: Record<string, unknown>) => ({
  items: [{ category: 'drug', catalog: 'A', amount: '10.00', ...over }],
});
const without = (o: Record<string, unknown>, k: string) =>
  Object.fromEntries(Object.entries(o).filter(([key]) => key !== k));

const cases: [string, unknown, string, string][] = [
  ['an array is not a claim', [], 'not_an_object', ''],
  ['a string is not a claim', 'claim', 'not_an_object', ''],
  ['null is not a claim', null, 'not_an_object', ''],
  ['a claim without id', without(c, 'id'), 'missing_field', 'id'],
  ['an empty claim id', { ...c, id: '' }, 'empty_string', 'id'],
  ['a numeric claim id', { ...c, id: 12 }, 'invalid_type', 'id'],
  ['an unknown top-level field', { ...c, patient: 'x' }, 'unknown_field', 'patient'],
  ['a claim without person', without(c, 'person'), 'missing_field', 'person'],
  ['a person that is not an object', { ...c, person: 'P1' }, 'not_an_object', 'person'],
  ['a person without id', { ...c, person: without(person, 'id') }, 'missing_field', 'person.id'],
  ['an unknown county', { ...c, person: { ...person, county: 'chengdu' } }, 'invalid_enum', 'person.county'],
  ['a missing county', { ...c, person: without(person, 'county') }, 'missing_field', 'person.county'],
  ['an unknown category', { ...c, person: { ...person, category: 'poor' } }, 'invalid_enum', 'person.category'],
  [
    'illnessInduced as a string',
    { ...c, person: { ...person, illnessInduced: 'yes' } },
    'invalid_type',
    'person.illnessInduced',
  ],
  ['an unknown person field', { ...c, person: { ...person, age: 40 } }, 'unknown_field', 'person.age'],
  ['a claim without visit', without(c, 'visit'), 'missing_field', 'visit'],
  ['an unknown visit kind', { ...c, visit: { ...visit, kind: 'outpatient' } }, 'invalid_enum', 'visit.kind'],
  ['a missing discharge date', { ...c, visit: without(visit, 'discharged') }, 'missing_field', 'visit.discharged'],
  [
    'an impossible discharge date',
    { ...c, visit: { ...visit, discharged: '2017-02-30' } },
    'invalid_date',
    'visit.discharged',
  ],
  [
    'a discharge date with slashes',
    { ...c, visit: { ...visit, discharged: '2017/06/10' } },
    'invalid_date',
    'visit.discharged',
  ],
  [
    'an impossible admission date',
    { ...c, visit: { ...visit, admitted: '2017-13-01' } },
    'invalid_date',
    'visit.admitted',
  ],
  ['admitted after discharged', { ...c, visit: { ...visit, admitted: '2017-06-11' } }, 'date_order', 'visit.admitted'],
  ['chronic as a string', { ...c, visit: { ...visit, chronic: 'true' } }, 'invalid_type', 'visit.chronic'],
  ['majorDisease as a number', { ...c, visit: { ...visit, majorDisease: 1 } }, 'invalid_type', 'visit.majorDisease'],
  ['an unknown referral', { ...c, visit: { ...visit, referral: 'self' } }, 'invalid_enum', 'visit.referral'],
  [
    'an unknown delivery mode',
    { ...c, visit: { ...visit, kind: 'delivery', deliveryMode: 'natural' } },
    'invalid_enum',
    'visit.deliveryMode',
  ],
  [
    'a delivery without mode',
    { ...c, visit: { ...visit, kind: 'delivery' } },
    'delivery_mode_required',
    'visit.deliveryMode',
  ],
  ['an unknown visit field', { ...c, visit: { ...visit, ward: '3' } }, 'unknown_field', 'visit.ward'],
  ['a claim without hospital', without(c, 'hospital'), 'missing_field', 'hospital'],
  [
    'an unknown hospital level',
    { ...c, hospital: { ...hospital, level: 'national' } },
    'invalid_enum',
    'hospital.level',
  ],
  ['an unknown hospital area', { ...c, hospital: { ...hospital, area: 'beijing' } }, 'invalid_enum', 'hospital.area'],
  [
    'designated as a string',
    { ...c, hospital: { ...hospital, designated: 'no' } },
    'invalid_type',
    'hospital.designated',
  ],
  ['an empty hospital id', { ...c, hospital: { ...hospital, id: '' } }, 'empty_string', 'hospital.id'],
  ['an unknown hospital field', { ...c, hospital: { ...hospital, beds: 100 } }, 'unknown_field', 'hospital.beds'],
  ['a claim without items', without(c, 'items'), 'missing_field', 'items'],
  ['an empty item list', { ...c, items: [] }, 'empty_items', 'items'],
  ['items as an object', { ...c, items: {} }, 'invalid_type', 'items'],
  ['an item that is not an object', { ...c, items: ['x'] }, 'not_an_object', 'items[0]'],
  // Item categories are a closed list (the national fee categories, by id or code, and "drug"): an empty one is not in it.
  ['an empty item category', { ...c, ...item({ category: '' }) }, 'invalid_enum', 'items[0].category'],
  ['an unknown item category', { ...c, ...item({ category: 'drugs' }) }, 'invalid_enum', 'items[0].category'],
  [
    'a national fee code that does not exist',
    { ...c, ...item({ category: '15' }) },
    'invalid_enum',
    'items[0].category',
  ],
  ['a fee code written as a number', { ...c, ...item({ category: 9 }) }, 'invalid_enum', 'items[0].category'],
  ['an unknown catalog', { ...c, ...item({ catalog: 'D' }) }, 'invalid_enum', 'items[0].catalog'],
  ['a lower-case catalog', { ...c, ...item({ catalog: 'a' }) }, 'invalid_enum', 'items[0].catalog'],
  ['an item without amount', { ...c, items: [{ category: 'drug', catalog: 'A' }] }, 'missing_field', 'items[0].amount'],
  ['an amount with three decimals', { ...c, ...item({ amount: '1.234' }) }, 'invalid_amount', 'items[0].amount'],
  ['a negative amount', { ...c, ...item({ amount: -1 }) }, 'invalid_amount', 'items[0].amount'],
  ['a negative amount string', { ...c, ...item({ amount: '-1.00' }) }, 'invalid_amount', 'items[0].amount'],
  ['an amount with an exponent', { ...c, ...item({ amount: '1e3' }) }, 'invalid_amount', 'items[0].amount'],
  [
    'a numeric amount beyond 10^12 yuan, written with an exponent',
    { ...c, ...item({ amount: 1e21 }) },
    'amount_too_large',
    'items[0].amount',
  ],
  ['a numeric amount of 10^25 yuan', { ...c, ...item({ amount: 1e25 }) }, 'amount_too_large', 'items[0].amount'],
  [
    'a 23-digit amount, like a 13-digit one, is too large (not malformed)',
    { ...c, ...item({ amount: '12345678901234567890123' }) },
    'amount_too_large',
    'items[0].amount',
  ],
  [
    'a 23-digit amount with decimals',
    { ...c, ...item({ amount: '12345678901234567890123.45' }) },
    'amount_too_large',
    'items[0].amount',
  ],
  [
    '9999999999999.99 is too large',
    { ...c, ...item({ amount: '9999999999999.99' }) },
    'amount_too_large',
    'items[0].amount',
  ],
  [
    'a 16-digit amount is too large',
    { ...c, ...item({ amount: '1234567890123456' }) },
    'amount_too_large',
    'items[0].amount',
  ],
  [
    'a numeric amount that is not a whole number of fen',
    { ...c, ...item({ amount: 1234.567 }) },
    'invalid_amount',
    'items[0].amount',
  ],
  [
    'a 23-digit amount with three decimals is malformed',
    { ...c, ...item({ amount: '12345678901234567890123.456' }) },
    'invalid_amount',
    'items[0].amount',
  ],
  [
    'an amount with a thousands separator',
    { ...c, ...item({ amount: '1,000.00' }) },
    'invalid_amount',
    'items[0].amount',
  ],
  ['an empty amount', { ...c, ...item({ amount: '' }) }, 'invalid_amount', 'items[0].amount'],
  ['NaN as an amount', { ...c, ...item({ amount: Number.NaN }) }, 'invalid_amount', 'items[0].amount'],
  ['a boolean amount', { ...c, ...item({ amount: true }) }, 'invalid_amount', 'items[0].amount'],
  ['an amount with a trailing dot', { ...c, ...item({ amount: '10.' }) }, 'invalid_amount', 'items[0].amount'],
  ['an amount with spaces', { ...c, ...item({ amount: ' 10.00' }) }, 'invalid_amount', 'items[0].amount'],
  [
    'an amount over 10^12 yuan',
    { ...c, ...item({ amount: '1000000000000.01' }) },
    'amount_too_large',
    'items[0].amount',
  ],
  [
    'items that together pass 10^12 yuan',
    {
      ...c,
      items: [
        { category: 'drug', catalog: 'A', amount: '600000000000' },
        { category: 'drug', catalog: 'A', amount: '600000000000' },
      ],
    },
    'amount_too_large',
    'items',
  ],
  ['compliant as a string', { ...c, ...item({ compliant: 'false' }) }, 'invalid_type', 'items[0].compliant'],
  ['a misspelt compliant', { ...c, ...item({ complaint: false }) }, 'unknown_field', 'items[0].complaint'],
  ['necessary as a number', { ...c, ...item({ necessary: 0 }) }, 'invalid_type', 'items[0].necessary'],
  [
    'a county of 41 characters (described by its length)',
    { ...c, person: { ...person, county: 'x'.repeat(41) } },
    'invalid_enum',
    'person.county',
  ],
  [
    'a county of 40 characters (quoted whole)',
    { ...c, person: { ...person, county: 'y'.repeat(40) } },
    'invalid_enum',
    'person.county',
  ],
  ['an object as an id', { ...c, id: { a: 1 } }, 'invalid_type', 'id'],
  ['null as a county', { ...c, person: { ...person, county: null } }, 'invalid_enum', 'person.county'],
  [
    'an array as a hospital level',
    { ...c, hospital: { ...hospital, level: ['county'] } },
    'invalid_enum',
    'hospital.level',
  ],
  // Ids a database would refuse or store as another id (issue 22): printable text only.
  ['a claim id with a NUL character', { ...c, id: 'C\u0000' }, 'invalid_id', 'id'],
  ['a claim id with a DEL character', { ...c, id: 'C\u007f1' }, 'invalid_id', 'id'],
  ['a person id with a tab', { ...c, person: { ...person, id: 'P\t1' } }, 'invalid_id', 'person.id'],
  [
    'a hospital id with a lone surrogate',
    { ...c, hospital: { ...hospital, id: 'SUR\ud800' } },
    'invalid_id',
    'hospital.id',
  ],
];

describe('a bad claim is refused with a stable code and the path of the field', () => {
  it.each(cases.map(([name, input, code, path]) => ({ name, input, code, path })))(
    '$name → $code at "$path"',
    ({ input, code, path }) => {
      const r = parseClaim(input);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors.map((e) => [e.code, e.path])).toContainEqual([code, path]);
      const e = r.errors.find((x) => x.code === code && x.path === path)!;
      // A sentence, in Chinese by default (shorter than the English of the same message).
      expect(e.message.length).toBeGreaterThan(6);
      if (path !== '')
        expect(e.message).toContain(
          path === 'items' && code === 'empty_items' ? 'items' : path.split('.')[0]!.replace(/\[\d+\]$/, ''),
        );
      expect(settle(input).ok).toBe(false);
    },
  );

  it.each([
    ['Chinese (the default)', undefined, 'claim-errors.txt'],
    ['English', 'en', 'claim-errors.en.txt'],
  ] as const)('says every problem in words a clerk can act on, in %s (golden file)', (_, lang, golden) => {
    const text = cases
      .map(([name, input]) => {
        const r = parseClaim(input, { lang });
        return `## ${name}\n${r.ok ? '(accepted)' : r.errors.map((e) => `${e.code} ${e.path}: ${e.message}`).join('\n')}`;
      })
      .join('\n');
    expectGolden(golden, `${text}\n`);
  });

  it('reports every problem of a claim, not only the first', () => {
    const r = parseClaim({ ...c, id: '', person: { ...person, county: 'x' }, extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code).sort()).toEqual(['empty_string', 'invalid_enum', 'unknown_field']);
  });

  it('accepts every amount form the contract allows', () => {
    for (const amount of [1234.5, 1234, '1234', '1234.5', '1234.50', 0, '0.00']) {
      const r = parseClaim({ ...c, ...item({ amount }) });
      expect(r.ok, String(amount)).toBe(true);
    }
  });

  it('fills in the contract defaults', () => {
    const r = parseClaim({ ...c, visit: without(visit, 'admitted'), person: without(person, 'illnessInduced') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.visit).toMatchObject({
      admitted: '2017-06-10',
      chronic: false,
      majorDisease: false,
      referral: 'none',
    });
    expect(r.value.person.illnessInduced).toBe(false);
    expect(r.value.hospital.designated).toBe(true);
    expect(r.value.items[0]).toMatchObject({ compliant: true, necessary: false });
  });
});

describe('a batch with bad lines still settles the good ones', () => {
  it('settles good claims around bad ones, in order, with line numbers', () => {
    const inputs = [
      baseClaim({ id: 'G1' }),
      { ...c, id: 'B1', items: [] },
      'not a claim',
      baseClaim({ id: 'G2' }),
      baseClaim({ id: 'G1' }),
    ];
    const { outcomes, ledger } = settleBatch(inputs);
    expect(outcomes.map((o) => (o.ok ? `ok:${o.record.claim.id}` : `${o.errors[0]!.code}:${o.line}`))).toEqual([
      'ok:G1',
      'empty_items:2',
      'not_an_object:3',
      'ok:G2',
      'duplicate_claim:5',
    ]);
    expect(ledger.get('PT|2017')?.claimIds).toEqual(['G1', 'G2']);
  });

  it('refuses a claim id already in the ledger, whatever person it names', () => {
    const first = settleBatch([baseClaim({ id: 'X' })]);
    const again = settleBatch([baseClaim({ id: 'X', person: { ...person, id: 'OTHER' } })], { ledger: first.ledger });
    expect(again.outcomes[0]!.ok).toBe(false);
    if (!again.outcomes[0]!.ok)
      expect(again.outcomes[0]!.errors[0]).toMatchObject({ code: 'duplicate_claim', path: 'id' });
  });

  it.each(['2016-12-31', '2021-01-01', '2021-12-31'])(
    'refuses a claim discharged on %s, outside every rule set, naming the date and the periods',
    (date) => {
      const r = settle(baseClaim({ visit: { kind: 'inpatient', discharged: date } }));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors[0]).toMatchObject({ code: 'no_rules_for_date', path: 'visit.discharged' });
        expect(r.errors[0]!.message).toContain(date);
        expect(r.errors[0]!.message).toContain('ziyang-2017：2017-03-17 至 2020-12-31；ziyang-2022：2022-01-01 起');
      }
      const en = settle(baseClaim({ visit: { kind: 'inpatient', discharged: date } }), { lang: 'en' });
      expect(!en.ok && en.errors[0]!.message).toContain(
        'ziyang-2017: 2017-03-17 to 2020-12-31; ziyang-2022: 2022-01-01 on',
      );
    },
  );

  it.each([
    [
      'a 2017 category on a 2022 claim',
      { person: { ...person, category: 'registered-poor' }, visit: { kind: 'inpatient', discharged: '2022-03-01' } },
      'person.category',
      'ziyang-2022',
    ],
    [
      'a 2022 category on a 2017 claim',
      { person: { ...person, category: 'extreme-poor' } },
      'person.category',
      'ziyang-2017',
    ],
  ])(
    'refuses %s: the value belongs to the other rule set (invalid_enum, naming the one in force)',
    (_, over, path, set) => {
      // Valid against the contract (a value of some rule set of the book) …
      expect(parseClaim(baseClaim(over)).ok).toBe(true);
      // … but not of the rule set in force on its discharge date.
      const r = settle(baseClaim(over));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors.map((e) => [e.code, e.path])).toEqual([['invalid_enum', path]]);
        expect(r.errors[0]!.message).toContain(set);
      }
    },
  );
});

describe('a claim discharged when no rule set of the book is in force (docs/claim.md: an error at visit.discharged)', () => {
  const only2022 = loadRuleFolder(resolve(ROOT, 'rules', 'ziyang-2022'));
  if (!only2022.ok) throw new Error('ziyang-2022 does not load');
  it.each([
    [
      'its category exists only in another era',
      { person: { id: 'P', county: 'anyue', category: 'registered-poor', illnessInduced: true } },
    ],
    [
      'its values exist in the book',
      { person: { id: 'P', county: 'anyue', category: 'dibao', illnessInduced: false } },
    ],
  ])('is refused at visit.discharged when %s', (_, overrides) => {
    const r = settle(
      baseClaim({ ...overrides, visit: { kind: 'inpatient', admitted: '2018-06-01', discharged: '2018-06-10' } }),
      { rules: only2022.value, lang: 'en' },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.code, e.path])).toEqual([['no_rules_for_date', 'visit.discharged']]);
      expect(r.errors[0]!.message).toBe('no rule set is in force on 2018-06-10; available: ziyang-2022: 2022-01-01 on');
    }
  });

  it('keeps the other errors of the claim', () => {
    const r = parseClaim(
      baseClaim({
        id: '',
        visit: { kind: 'inpatient', discharged: '2021-06-10' },
        person: { id: 'P', county: 'nowhere', category: 'dibao', illnessInduced: false },
      }),
    );
    expect(!r.ok && r.errors.map((e) => [e.code, e.path])).toEqual([
      ['no_rules_for_date', 'visit.discharged'],
      ['empty_string', 'id'],
    ]);
  });
});

describe("settle()'s ledger option (found by a billing engineer's review: a settlement's ledger passed back threw a RangeError)", () => {
  const first = settle(baseClaim({ id: 'L1' }));
  if (!first.ok) throw new Error('first claim refused');
  const second = baseClaim({ id: 'L2' });

  it('takes the ledger a settlement handed back, and settles as with the ledger in fen', () => {
    const r = settle(second, { ledger: first.ledger });
    expect(r.ok).toBe(true);
    const batch = settleBatch([baseClaim({ id: 'L1' }), second]);
    const two = batch.outcomes[1]!;
    expect(r.ok && two.ok && r.value.personal).toBe(two.ok && settlementToJson(two.record).personal);
    expect(r.ok && r.ledger.claimIds).toEqual(['L1', 'L2']);
  });

  it.each([
    [
      'a counter that is not an amount',
      { ...first.ledger, counters: { ...first.ledger.counters, 'basic-insurance.paid.basic': 'lots' } },
      'ledger.counters.basic-insurance.paid.basic',
    ],
    [
      'a counter in fen that is not a whole number',
      { personId: 'PT', year: 2017, claimIds: [], counters: { 'basic-insurance.paid.basic': 37840.003784 } },
      'ledger.counters.basic-insurance.paid.basic',
    ],
    ['no counters', { personId: 'PT', year: 2017, claimIds: [] }, 'ledger.counters'],
  ])('refuses, never throws, %s', (_, ledger, path) => {
    const r = settle(second, { ledger: ledger as never, lang: 'en' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => [e.code, e.path])).toEqual([['ledger_invalid', path]]);
  });

  it('says ledger_mismatch at visit.discharged for a ledger of another year', () => {
    const r = settle(
      baseClaim({ id: 'L3', visit: { kind: 'inpatient', admitted: '2018-06-01', discharged: '2018-06-10' } }),
      { ledger: first.ledger },
    );
    expect(!r.ok && r.errors.map((e) => [e.code, e.path])).toEqual([['ledger_mismatch', 'visit.discharged']]);
  });
});
