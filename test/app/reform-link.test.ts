/**
 * A reform link (src/app/reform/reform-link.ts): the fragment the contract fixes is read as the
 * page reads it, every mistake of a hand-written or tampered link is an error with its path in
 * both languages, never a throw, and the page writes back what it reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatorOptions } from '../../src/app/reform/population.js';
import { readReformJson, readReformLink, reformFragment } from '../../src/app/reform/reform-link.js';

const link = (json: unknown) => `#reform=${encodeURIComponent(JSON.stringify(json))}`;
const tilt = { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.30' };

describe('a reform link', () => {
  it('in the form the contract fixes is read as the population and the parameter changes', () => {
    const r = readReformLink(link({ population: { claims: 2000, seed: 7, years: '2023' }, changes: [tilt] }));
    expect(r).toEqual({
      ok: true,
      value: { population: { claims: 2000, seed: 7, years: '2023' }, changes: [tilt] },
    });
  });

  it('is written back as it was read, structure included, and read again the same', () => {
    const value = {
      population: { claims: 500, seed: 3, years: '2019-2023' },
      changes: [{ ...tilt, from: '2018-01-01' }],
      tiers: [{ set: 'ziyang-2017', order: ['basic-insurance', 'relief-funds'] }],
      conditions: [{ set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'applies.when', when: { all: [] } }],
    };
    const r = readReformLink(reformFragment(value));
    expect(r).toEqual({ ok: true, value });
  });

  it('is not a reform link without #reform= (another view of the page)', () => {
    expect(readReformLink('#rules')).toBeUndefined();
    expect(readReformLink('')).toBeUndefined();
  });

  it("takes generate.ts's defaults for a seed or years left out, and a year written as a number", () => {
    const r = readReformJson({ population: { claims: 10, years: 2022 }, changes: [] });
    expect(r.ok && r.value.population).toEqual({ claims: 10, seed: 1, years: '2022' });
  });

  it('names the generator options exactly as seeds/generate.ts takes them (a year, or a span)', () => {
    expect(generatorOptions({ claims: 5, seed: 2, years: '2023' })).toEqual({ claims: 5, seed: 2, year: 2023 });
    expect(generatorOptions({ claims: 5, seed: 2, years: '2019-2023' })).toEqual({
      claims: 5,
      seed: 2,
      years: [2019, 2023],
    });
  });

  const cases: [string, string, string][] = [
    ['text that is not URL encoding', '#reform=%E0%A4%A', ''],
    ['text that is not JSON', `#reform=${encodeURIComponent('{population:')}`, ''],
    [
      'a key written twice',
      `#reform=${encodeURIComponent('{"population":{"claims":1,"claims":2},"changes":[]}')}`,
      'population.claims',
    ],
    ['a list instead of an object', link([]), ''],
    ['a misspelt field', link({ population: { claims: 1 }, changes: [], chnages: [] }), 'chnages'],
    ['no changes at all', link({ population: { claims: 1 } }), 'changes'],
    ['no claims', link({ population: { claims: 0 }, changes: [] }), 'population.claims'],
    ['more claims than a page simulates', link({ population: { claims: 1e7 }, changes: [] }), 'population.claims'],
    ['a fractional seed', link({ population: { claims: 1, seed: 1.5 }, changes: [] }), 'population.seed'],
    [
      'a year no rule set covers (2021)',
      link({ population: { claims: 1, years: '2021' }, changes: [] }),
      'population.years',
    ],
    ['a span backwards', link({ population: { claims: 1, years: '2023-2019' }, changes: [] }), 'population.years'],
    [
      'a change without a value',
      link({ population: { claims: 1 }, changes: [{ ...tilt, value: undefined }] }),
      'changes[0].value',
    ],
    [
      'a change whose value is null (it would delete the date)',
      link({ population: { claims: 1 }, changes: [{ ...tilt, value: null }] }),
      'changes[0].value',
    ],
    [
      'a change from a date that is not a date',
      link({ population: { claims: 1 }, changes: [{ ...tilt, from: '2018-02-30' }] }),
      'changes[0].from',
    ],
    [
      'a change with a misspelt field',
      link({ population: { claims: 1 }, changes: [{ ...tilt, vaule: 1 }] }),
      'changes[0].vaule',
    ],
    [
      'a tier order that is not a list of ids',
      link({ population: { claims: 1 }, changes: [], tiers: [{ set: 'ziyang-2017', order: 'all' }] }),
      'tiers[0].order',
    ],
    [
      'a condition that is not an object',
      link({
        population: { claims: 1 },
        changes: [],
        conditions: [{ set: 'ziyang-2017', file: 'f', path: 'applies.when', when: 'always' }],
      }),
      'conditions[0].when',
    ],
  ];
  it.each(cases)('with %s is refused at its path, in both languages', (_, hash, path) => {
    const r = readReformLink(hash);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.errors.map((e) => e.path)).toContain(path);
      for (const e of r.errors) {
        expect(e.message.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(e.message.en).toMatch(/[a-z]/);
      }
    }
  });

  it('never throws, whatever follows #reform= (a property over arbitrary text and JSON)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json().map(encodeURIComponent),
          fc.jsonValue().map((v) => link(v)),
        ),
        (s) => {
          const hash = s.startsWith('#reform=') ? s : `#reform=${s}`;
          const r = readReformLink(hash);
          return r !== undefined && typeof r.ok === 'boolean';
        },
      ),
      { numRuns: 500 },
    );
  });
});
