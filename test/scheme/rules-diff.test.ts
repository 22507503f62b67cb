/**
 * diffRuleSets and diffRuleBooks: what changed between two rule sets or books, one change per
 * value, with the file, the path that parameter changes and `rules check` use, the clause and the
 * date of a dated value; conditions written out; the order of a file's own fields is no change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleBook } from '../../src/scheme/book.js';
import type { RuleSet } from '../../src/scheme/compile.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { listParameters } from '../../src/scheme/parameters.js';
import { reformRules } from '../../src/scheme/reform.js';
import { diffRuleBooks, diffRuleSets, formatRuleChange, formatRuleDiff } from '../../src/scheme/rules-diff.js';

const book = defaultRules();
const set2017 = book.sets.find((s) => s.id === 'ziyang-2017')!;
const set2022 = book.sets.find((s) => s.id === 'ziyang-2022')!;
type Files = Record<string, Record<string, unknown>>;
/** A rule set with its files changed by `edit` (not compiled: the diff reads the files). */
const edited = (set: RuleSet, edit: (f: Files) => void): RuleSet => {
  const files = structuredClone(set.files) as unknown as Files;
  edit(files);
  return { ...set, files: files as unknown as RuleSet['files'] };
};
const reformed = (changes: Parameters<typeof reformRules>[1]): RuleBook => {
  const r = reformRules(book, changes);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const tiltWhen = (f: Files) =>
  (f['tiers/tilt-payment.json']!.applies as { when: { all: Record<string, unknown>[] } }).when;

describe('diffRuleSets', () => {
  it('finds no change between a rule set and itself, nor when a file only orders its fields otherwise', () => {
    expect(diffRuleSets(set2017, set2017).changes).toEqual([]);
    const reordered = edited(set2017, (f) => {
      const t = f['tiers/tilt-payment.json']!;
      f['tiers/tilt-payment.json'] = Object.fromEntries(Object.entries(t).reverse());
    });
    expect(diffRuleSets(set2017, reordered).changes).toEqual([]);
  });

  it.each([
    [
      'a ratio raised by a reform is one changed value, with its file, path, clause and date',
      () =>
        reformed([
          { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.40' },
        ]).sets[0]!,
      [
        {
          kind: 'value-changed',
          file: 'tiers/tilt-payment.json',
          path: 'shares.in-scope.ratio',
          clause: '7.4.4',
          date: '2017-03-17',
          before: '0.20',
          after: '0.40',
        },
      ],
    ],
    [
      'a value that takes effect from a later date is an added value on that date, the old one kept',
      () =>
        reformed([
          {
            set: 'ziyang-2017',
            file: 'tiers/tilt-payment.json',
            path: 'shares.in-scope.ratio',
            value: '0.30',
            from: '2019-01-01',
          },
        ]).sets[0]!,
      [
        {
          kind: 'value-added',
          file: 'tiers/tilt-payment.json',
          path: 'shares.in-scope.ratio',
          clause: '7.4.4',
          date: '2019-01-01',
          after: '0.30',
        },
      ],
    ],
    [
      'a changed condition is one change, both conditions written out',
      () =>
        edited(set2017, (f) => {
          tiltWhen(f).all.push({ fact: 'county', operator: 'equal', value: 'anyue' });
        }),
      [
        {
          kind: 'condition-changed',
          file: 'tiers/tilt-payment.json',
          path: 'applies.when',
          clause: '7.4.4',
          before: 'category = registered-poor and protected = true',
          after: 'category = registered-poor and protected = true and county = anyue',
        },
      ],
    ],
  ])('%s', (_, make, expected) => {
    const after = make();
    // The condition's text is whatever the shipped file says: read it rather than restate it.
    const exp = expected.map((e) =>
      e.kind === 'condition-changed'
        ? { ...e, before: expect.any(String), after: expect.stringMatching(/ and county = anyue$/) }
        : e,
    );
    expect(diffRuleSets(set2017, after).changes).toEqual(exp);
  });

  it('lists exactly the one value a parameter change moves, for every parameter of both shipped rule sets (property)', () => {
    const params = book.sets.flatMap((set) => listParameters(set.files).map((p) => ({ set: set.id, ...p })));
    expect(params.length).toBeGreaterThan(60);
    fc.assert(
      fc.property(fc.constantFrom(...params), fc.string({ minLength: 1, maxLength: 8 }), (p, value) => {
        let date = '';
        let before: unknown;
        const set = book.sets.find((x) => x.id === p.set)!;
        const after = edited(set, (f) => {
          // Walk to the parameter by its path and replace its first dated value.
          const node = p.path
            .split(/\.|\[(\d+)\]/)
            .filter((x) => x !== undefined && x !== '')
            .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], f[p.file]) as {
            values: Record<string, unknown>;
          };
          date = Object.keys(node.values).sort()[0]!;
          before = node.values[date];
          node.values[date] = value;
        });
        fc.pre(JSON.stringify(before) !== JSON.stringify(value));
        expect(diffRuleSets(set, after).changes).toEqual([
          { kind: 'value-changed', file: p.file, path: p.path, clause: p.clause, date, before, after: value },
        ]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffRuleBooks', () => {
  it('compares the sets of the same id, and lists a set only one book has as added or removed whole', () => {
    const only2017: RuleBook = { ...book, sets: [set2017] };
    const changes = diffRuleBooks(only2017, book);
    expect(changes).toEqual([
      {
        ruleSet: 'ziyang-2022',
        kind: 'rule-set-added',
        file: 'ruleset.json',
        path: '',
        after: { id: 'ziyang-2022', title: expect.any(String), inForce: { from: '2022-01-01', to: null } },
      },
    ]);
    expect(diffRuleBooks(book, only2017).map((c) => [c.kind, c.ruleSet])).toEqual([
      ['rule-set-removed', 'ziyang-2022'],
    ]);
    expect(formatRuleChange(changes[0]!)).toMatch(/^\+ rule set ziyang-2022: /);
  });

  it('names the rule set of each change of a reform', () => {
    const reform = reformed([
      { set: 'ziyang-2022', file: 'tiers/medical-assistance.json', path: 'annualLimit', value: '40000' },
    ]);
    expect(diffRuleBooks(book, reform).map((c) => [c.ruleSet, c.kind, c.file])).toEqual([
      ['ziyang-2022', 'value-changed', 'tiers/medical-assistance.json'],
    ]);
  });
});

describe('ziyang-2017 → ziyang-2022, as a policy officer reads it', () => {
  const d = diffRuleSets(set2017, set2022);
  const text = formatRuleDiff(d);
  /** The lines of one group of the text ("Values (22)" …), without its title. */
  const group = (title: string): string[] => {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`${title} (`));
    if (start < 0) return [];
    const end = lines.findIndex((l, i) => i > start && l === '');
    return lines.slice(start + 1, end < 0 ? undefined : end);
  };

  it('shows an added tier with its parameters and conditions: tilted assistance 10,000 / 50% / 20,000, referred care', () => {
    const added = d.changes.find((c) => c.kind === 'tier-added' && c.file === 'tiers/tilted-assistance.json');
    expect(added?.after).toEqual({
      tier: 4,
      label: '倾斜救助',
      kind: 'brackets',
      clause: '42.5',
      parameters: [
        { path: 'deductible', clause: '42.5', date: '2022-01-01', value: '10000' },
        { path: 'brackets', clause: '42.5', date: '2022-01-01', value: [{ upTo: null, ratio: '0.50' }] },
        { path: 'annualCap', clause: '42.5', date: '2022-01-01', value: '20000' },
      ],
      conditions: [
        { path: 'applies.when', clause: '42.5', when: expect.stringContaining('referral ∈ {referred, emergency}') },
      ],
    });
    const lines = group('Rule sets, period and tiers');
    const at = lines.findIndex((l) => l.startsWith('  + tier 4 tilted-assistance 倾斜救助 (brackets, clause 42.5)'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      expect.stringMatching(/^ {6}applies\.when \(clause 42\.5\): when .*referral ∈ \{referred, emergency\}/),
      '      deductible (clause 42.5) from 2022-01-01: 10000',
      '      brackets (clause 42.5) from 2022-01-01: [{"upTo":null,"ratio":"0.50"}]',
      '      annualCap (clause 42.5) from 2022-01-01: 20000',
    ]);
  });

  it('shows a removed tier with its parameters and conditions, citing the 2017 clauses', () => {
    const lines = group('Rule sets, period and tiers');
    const at = lines.findIndex((l) =>
      l.startsWith('  - tier 5 tilt-payment 基本医疗保险倾斜支付 (share-of-rest, clause 7.4.4)'),
    );
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '      applies.when (clause 7.4.4): when category = registered-poor and visitKind ≠ general-outpatient',
      '      shares.in-scope.ratio (clause 7.4.4) from 2017-03-17: 0.20',
    ]);
  });

  it('lists the renumbered tiers with the tiers and the conditions of rows with the conditions, none under "Other fields"', () => {
    expect(group('Rule sets, period and tiers')).toContain('  ~ tier basic-insurance renumbered (clause 42.2): 2 → 1');
    expect(d.changes.filter((c) => c.kind === 'tier-renumbered').map((c) => [c.file, c.before, c.after])).toEqual([
      ['tiers/basic-insurance.json', 2, 1],
      ['tiers/medical-assistance.json', 7, 3],
      ['tiers/serious-illness-insurance.json', 3, 2],
    ]);
    expect(group('Conditions')).toContain(
      '  + tiers/medical-assistance.json rows.extreme-poor.when (clause 42.4): when category = extreme-poor',
    );
    const other = group('Other fields');
    expect(other.length).toBeGreaterThan(0);
    expect(other.filter((l) => /\.when\b| tier\b|renumbered/.test(l))).toEqual([]);
  });

  it('cites, for what 2022 removes, the 2017 clause it was written under, not the 2022 one', () => {
    const removed = d.changes.filter(
      (c) => c.file === 'persons.json' && c.path.startsWith('categories.registered-poor'),
    );
    expect(removed.map((c) => [c.kind, c.clause])).toEqual([
      ['field-removed', '7.2'],
      ['field-removed', '7.2'],
      ['field-removed', '7.2'],
    ]);
    const added = d.changes.filter((c) => c.file === 'persons.json' && c.path.startsWith('categories.dibao'));
    expect(new Set(added.map((c) => c.clause))).toEqual(new Set(['42.4']));
    // A value removed with a row cites the row's clause in 2017.
    expect(
      d.changes.find((c) => c.kind === 'value-removed' && c.path === 'rows.special-outpatient-employee.ratio')?.clause,
    ).toBe('7.4.2');
  });
});
