/**
 * The claim's JSON Schema (schema/claim.schema.json, `bashunwei claims schema`) is generated from
 * the parser's zod schema and accepts and refuses exactly what the parser does, on thousands of
 * generated claims of both schemes and of mutated ones, but for the checks documented as beyond
 * JSON Schema (admitted after discharged, the items' sum). The exported ClaimInput type is the
 * zod schema's input type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ClaimInput } from '../../src/claim/claim-input.js';
import { claimJsonSchema } from '../../src/scheme/claim-json-schema.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import type { claimSchemaForJson } from '../../src/claim/schema.js';
import { main } from '../../src/cli/main.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { claimArbOf } from '../support/scheme-arbitraries.js';
import { edgeIdClaimArb, mutateClaim, type Mutation } from '../support/arbitraries.js';
import { ROOT } from '../support/paths.js';

const RUNS = Number(process.env.FC_RUNS ?? 3000);
const schema = claimJsonSchema();

/**
 * JSON Schema's multipleOf is defined on the number's decimal value; Ajv divides doubles (1234.5
 * / 0.01 is not a whole number in floating point). This keyword takes the number as written in
 * its shortest form, which is what a JSON number's value is once parsed.
 */
function exactAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword({
    keyword: 'multipleOf',
    type: 'number',
    schemaType: 'number',
    validate: (step: number, value: number) => {
      const decimals = (x: number) => (String(x).includes('e') ? Infinity : (String(x).split('.')[1] ?? '').length);
      const places = decimals(step);
      return decimals(value) <= places && Number.isSafeInteger(Math.round(value * 10 ** places));
    },
  });
  return ajv.compile(schema);
}
const validate = exactAjv();

/** What the parser checks beyond JSON Schema (documented in the schema's description). */
const BEYOND = new Set(['date_order']);
const beyondSchema = (input: unknown): boolean => {
  const r = parseClaim(input);
  if (r.ok) return false;
  return r.errors.every((e) => BEYOND.has(e.code) || (e.code === 'amount_too_large' && e.path === 'items'));
};

function agree(input: unknown): void {
  const parsed = parseClaim(input);
  const valid = validate(input);
  if (valid && !parsed.ok && beyondSchema(input)) return;
  expect(
    valid,
    `schema ${valid ? 'accepts' : 'refuses'} ${JSON.stringify(input)}; parser: ${JSON.stringify(parsed.ok ? 'ok' : parsed.errors.map((e) => [e.code, e.path]))}; ajv: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
  ).toBe(parsed.ok);
}

/** A valid claim with one random change: a value replaced (by a value of another field, a number, a string), a key removed or added. */
const mutated = fc
  .tuple(
    claimArbOf(defaultRules(), 4),
    fc.nat(),
    fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        '',
        '0',
        '01',
        '15',
        'Drug',
        '药品',
        'drug ',
        '2021-02-29',
        '2020-02-29',
        '0099-01-01',
        '1e3',
        '1234.567',
        '-1',
        '1000000000000.01',
        '999999999999.99',
        ' 1',
        '00012.5',
        'anyue',
        'sichuan',
        'dibao',
      ),
      fc.constantFrom(
        0,
        -0,
        0.1,
        0.3,
        0.1 + 0.2,
        1234.5,
        5e2,
        1e12,
        1e12 + 0.01,
        1e21,
        -1,
        12.345,
        Number.MAX_SAFE_INTEGER / 100,
      ),
    ),
    fc.constantFrom<Mutation>('remove', 'replace', 'replace', 'replace', 'add'),
    fc.string(),
  )
  .map(([original, pick, value, op, key]) => mutateClaim(original as Record<string, unknown>, pick, value, op, key));

describe("the claim's JSON Schema", () => {
  it('is the one shipped in the package (schema/claim.schema.json), and what `bashunwei claims schema` prints', async () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, 'schema', 'claim.schema.json'), 'utf8'));
    expect(shipped).toEqual(schema);
    let out = '';
    expect(await main(['claims', 'schema'], { out: (s) => (out += s), err: () => undefined })).toBe(0);
    expect(JSON.parse(out)).toEqual(schema);
  });

  it(`accepts exactly the generated claims of both schemes the parser accepts (${RUNS})`, () => {
    fc.assert(fc.property(claimArbOf(defaultRules(), 4), agree), { numRuns: RUNS });
  });

  it(`accepts and refuses exactly what the parser does on claims with one change (${RUNS})`, () => {
    fc.assert(fc.property(mutated, agree), { numRuns: RUNS });
  });

  it(`accepts and refuses exactly what the parser does on ids with a control character, a lone surrogate or a surrogate pair (${RUNS})`, () => {
    fc.assert(fc.property(edgeIdClaimArb, agree), { numRuns: RUNS });
  });

  it.each([
    ['an item category by national code', { category: '09' }, true],
    ['the drug category "drug"', { category: 'drug' }, true],
    ['a misspelt category', { category: 'Drug' }, false],
    ['a category in Chinese', { category: '药品' }, false],
    ['a category with a space', { category: ' drug' }, false],
    ['a plural', { category: 'drugs' }, false],
    ['an amount with three decimals', { amount: '12.345' }, false],
    ['an amount as a JSON number of fen', { amount: 1234.5 }, true],
    ['an amount of 10^12 yuan', { amount: '1000000000000.00' }, true],
    ['an amount beyond 10^12 yuan', { amount: '1000000000000.01' }, false],
  ])('%s: schema and parser agree (%s → %s)', (_, change, ok) => {
    const base = {
      id: 'X',
      person: { id: 'P', county: 'anyue', category: 'dibao' },
      visit: { kind: 'inpatient', discharged: '2023-03-01' },
      hospital: { level: 'county', area: 'anyue' },
      items: [{ category: '05', catalog: 'A', amount: '100' }],
    };
    const claim = { ...base, items: [{ ...base.items[0], ...change }] };
    expect(validate(claim)).toBe(ok);
    expect(parseClaim(claim).ok).toBe(ok);
  });

  it('is beyond JSON Schema only where documented: admitted after discharged is valid JSON Schema, refused by the parser', () => {
    const claim = {
      id: 'X',
      person: { id: 'P', county: 'anyue', category: 'dibao' },
      visit: { kind: 'inpatient', admitted: '2023-03-02', discharged: '2023-03-01' },
      hospital: { level: 'county', area: 'anyue' },
      items: [{ category: '05', catalog: 'A', amount: '100' }],
    };
    expect(validate(claim)).toBe(true);
    const r = parseClaim(claim);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['date_order']);
    expect(String(schema.description)).toContain('visit.admitted is not after visit.discharged');
  });
});

describe('the ClaimInput type', () => {
  it('is the input type of the zod schema the JSON Schema is made from', () => {
    type Zod = z.input<ReturnType<typeof claimSchemaForJson>>;
    // Every claim typed ClaimInput is one the schema takes…
    expectTypeOf<Omit<ClaimInput, 'items'>>().toExtend<Omit<Zod, 'items'>>();
    expectTypeOf<ClaimInput['items'][number]>().toExtend<Zod['items'][number]>();
    // …and every field the schema takes is typed (item categories are narrower: the closed list).
    expectTypeOf<Omit<Zod, 'items'>>().toExtend<Omit<ClaimInput, 'items'>>();
    expectTypeOf<Omit<Zod['items'][number], 'category'>>().toExtend<Omit<ClaimInput['items'][number], 'category'>>();
  });
});
