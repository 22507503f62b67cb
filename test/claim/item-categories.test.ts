/**
 * Item categories are a closed list (docs/claim.md): the national fee categories by id or by code,
 * and "drug". A code settles exactly as its id; a misspelling is refused at its path and never
 * turns a drug into a non-drug (which would move the 2017 waiver and every pool).
 */
import { describe, expect, it } from 'vitest';
import { ITEM_CATEGORIES } from '../../src/claim/item-categories.js';
import { main } from '../../src/cli/main.js';
import { settle } from '../../src/contract/settle-json.js';

const claim = (category: unknown, discharged = '2017-06-10') => ({
  id: 'K1',
  person: {
    id: 'P',
    county: 'anyue',
    category: discharged < '2021' ? 'registered-poor' : 'dibao',
    illnessInduced: true,
  },
  visit: { kind: 'inpatient', discharged },
  hospital: { level: 'county', area: 'anyue' },
  items: [
    { category, catalog: 'A', amount: '4000.00' },
    { category: 'treatment', catalog: 'A', amount: '5000.00' },
  ],
});

describe('a national fee code settles exactly as its id', () => {
  const coded = ITEM_CATEGORIES.filter((c) => c.code !== null);
  it.each(coded.flatMap((c) => ['2017-06-10', '2023-06-10'].map((d) => [c.code!, c.id, d] as const)))(
    'code %s and id %s give the same settlement (%s)',
    (code, id, date) => {
      const a = settle(claim(code, date));
      const b = settle(claim(id, date));
      expect(a.ok && b.ok).toBe(true);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    },
  );

  it('a drug category leaves the 2017 waiver on the non-drug cost alone; a non-drug one adds to it', () => {
    const waiver = (category: string) => {
      const r = settle(claim(category));
      if (!r.ok) throw new Error('refused');
      return r.value.lines.find((l) => l.id === 'hospital-waiver')!.amount;
    };
    for (const c of ITEM_CATEGORIES) expect(waiver(c.id), c.id).toBe(c.drug ? '250.00' : '450.00');
  });
});

describe('a category that is not on the list is refused at its path', () => {
  it.each(['Drug', 'drugs', '药品', ' drug', 'drug ', 'DRUG', '9', '009', '15', '00', '', 'western_drug'])(
    '%j',
    (category) => {
      const r = settle(claim(category));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => [e.code, e.path])).toEqual([['invalid_enum', 'items[0].category']]);
    },
  );

  it.each([9, null, true, ['drug']])('%j (not a string)', (category) => {
    const r = settle(claim(category));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('items[0].category');
  });

  it('and the command exits 1 for it, naming the field, instead of settling a drug as a non-drug', async () => {
    let out = '';
    const { Readable } = await import('node:stream');
    const code = await main(['settle', '--lang', 'en'], {
      out: (s) => (out += s),
      err: () => undefined,
      stdin: Readable.from([JSON.stringify(claim('Drug'))]),
    });
    expect(code).toBe(1);
    expect(JSON.parse(out).error).toMatchObject({ code: 'invalid_enum', path: 'items[0].category' });
  });
});
