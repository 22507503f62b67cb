/** The JSON syntax locator behind `invalid_json`'s line and column agrees with JSON.parse on what is JSON. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/errors/json-syntax.js';

const parses = (t: string) => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

it('finds no error in valid JSON, and one in every text JSON.parse refuses (generated and mutated texts)', () => {
  const json = fc.jsonValue().chain((v) => fc.constantFrom(JSON.stringify(v), JSON.stringify(v, null, 2)));
  const mutated = fc
    .tuple(
      json,
      fc.nat(),
      fc.nat({ max: 3 }),
      fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '\n', 'x', '{', '[', '-', '0', '.', 'e', 't', '\u0001'),
    )
    .map(([t, at, cut, ch]) => t.slice(0, at % (t.length + 1)) + ch + t.slice((at % (t.length + 1)) + cut));
  fc.assert(
    fc.property(fc.oneof(json, mutated), (text) => {
      const e = jsonSyntaxError(text);
      expect(e === undefined, text).toBe(parses(text));
      if (e) {
        expect(e.offset).toBeLessThanOrEqual(text.length);
        // The text up to the error is a prefix JSON.parse could not have finished earlier.
        expect(text.slice(0, e.offset).split('\n').length).toBe(e.line);
      }
    }),
    { numRuns: 5000 },
  );
});

it.each([
  ['{\n  "id": "C1",\n', { line: 3, column: 1, problem: 'unexpected_end' }],
  ['{"a": 1,}', { line: 1, column: 9, problem: 'expected_key' }],
  ['[1,]', { line: 1, column: 4, problem: 'unexpected_character' }],
  ['{"a" 1}', { line: 1, column: 6, problem: 'expected_colon' }],
  ['{"a": 1 "b": 2}', { line: 1, column: 9, problem: 'expected_comma' }],
  ['{"a": "b\nc"}', { line: 1, column: 9, problem: 'control_character' }],
  ['{"a": "\\x"}', { line: 1, column: 8, problem: 'bad_escape' }],
  ['{"a": 01}', { line: 1, column: 8, problem: 'expected_comma' }],
  ['{"a": -}', { line: 1, column: 7, problem: 'bad_number' }],
  ['{} {}', { line: 1, column: 4, problem: 'text_after_end' }],
  ['\uFEFF{}', { line: 1, column: 1, problem: 'unexpected_character' }],
  [`${'['.repeat(100_000)}`, { line: 1, column: 100_001, problem: 'unexpected_end' }],
])('%j: %o', (text, want) => {
  expect(jsonSyntaxError(text)).toMatchObject(want);
});
