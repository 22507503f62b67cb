/**
 * diffRuleFiles: what changed between two rule folders, value by value, with the file, the path
 * parameter changes use, and the date of a dated value; generic over JSON (no rule schema).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZIYANG_2017_FILES } from '../src/rules/embedded.js';
import { diffRuleFiles } from '../src/rules/diff.js';
import { listParameters } from '../src/rules/parameters.js';
import { reformRules } from '../src/rules/reform.js';
import type { RuleFiles } from '../src/rules/schema.js';

const base = ZIYANG_2017_FILES as unknown as Record<string, unknown>;
const copy = (): Record<string, Record<string, unknown>> => structuredClone(base) as Record<string, Record<string, unknown>>;
const reformFiles = (changes: Parameters<typeof reformRules>[1]) => {
  const r = reformRules(ZIYANG_2017_FILES, changes);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.sets[0]!.files as unknown as Record<string, unknown>;
};

describe('diffRuleFiles', () => {
  it('finds no difference between a folder and itself', () => {
    expect(diffRuleFiles(base, copy())).toEqual([]);
  });

  it.each([
    [
      'a ratio raised by a reform is one change, with its file, path and date',
      () => reformFiles([{ file: 'tier-5-tilt-payment.json', path: 'ratio', value: '0.40' }]),
      [{ kind: 'changed', file: 'tier-5-tilt-payment.json', path: 'ratio', date: '2017-03-17', before: '0.20', after: '0.40' }],
    ],
    [
      'a value that takes effect from a later date is an added value on that date, the old one kept',
      () => reformFiles([{ file: 'tier-5-tilt-payment.json', path: 'ratio', value: '0.30', from: '2019-01-01' }]),
      [{ kind: 'added', file: 'tier-5-tilt-payment.json', path: 'ratio', date: '2019-01-01', after: '0.30' }],
    ],
    [
      'a changed condition is listed at its place in the condition',
      () => {
        const f = copy();
        const when = (f['tier-5-tilt-payment.json']!.applies as { when: { all: { value: unknown }[] } }).when;
        when.all[0]!.value = 'rural-dibao';
        return f;
      },
      [{ kind: 'changed', file: 'tier-5-tilt-payment.json', path: 'applies.when.all[0].value', before: 'registered-poor', after: 'rural-dibao' }],
    ],
    [
      'a condition added to a list is an added entry',
      () => {
        const f = copy();
        const when = (f['tier-5-tilt-payment.json']!.applies as { when: { all: unknown[] } }).when;
        when.all.push({ fact: 'county', operator: 'equal', value: 'anyue' });
        return f;
      },
      [{ kind: 'added', file: 'tier-5-tilt-payment.json', path: 'applies.when.all[2]', after: { fact: 'county', operator: 'equal', value: 'anyue' } }],
    ],
    [
      'a rule file only in the reform is listed whole, and a comment change is no policy change',
      () => {
        const f = copy();
        f['county-variant.json'] = { rate: { source: 'assumed', verified: false, values: { '2018-01-01': '0.1' } } };
        f['ruleset.json']!.$comment = 'edited';
        return f;
      },
      [{ kind: 'added', file: 'county-variant.json', path: '', after: { rate: { source: 'assumed', verified: false, values: { '2018-01-01': '0.1' } } } }],
    ],
  ])('%s', (_, make, expected) => {
    expect(diffRuleFiles(base, make())).toEqual(expected);
  });

  it('reads files given as JSON text like parsed ones', () => {
    const texts = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, JSON.stringify(v)]));
    expect(diffRuleFiles(texts, reformFiles([{ file: 'tier-7-medical-assistance.json', path: 'ratio', value: '0.80' }])).map((d) => [d.file, d.path])).toEqual([['tier-7-medical-assistance.json', 'ratio']]);
  });

  it('lists exactly the one value a parameter change moves, for every parameter of the shipped rules (property)', () => {
    const params = listParameters(ZIYANG_2017_FILES as unknown as RuleFiles);
    fc.assert(
      fc.property(fc.constantFrom(...params), fc.string({ minLength: 1, maxLength: 8 }), (p, value) => {
        const f = copy();
        // Walk to the parameter by its path and replace its first dated value.
        const node = p.path
          .split(/\.|\[(\d+)\]/)
          .filter((x) => x !== undefined && x !== '')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], f[p.file]) as { values: Record<string, unknown> };
        const date = Object.keys(node.values).sort()[0]!;
        const before = node.values[date];
        fc.pre(JSON.stringify(before) !== JSON.stringify(value));
        node.values[date] = value;
        expect(diffRuleFiles(base, f)).toEqual([{ kind: 'changed', file: p.file, path: p.path, date, before, after: value }]);
      }),
      { numRuns: 200 },
    );
  });
});
