/**
 * A county's patch, as a policy officer writes it (found by a review of that flow): a value whose
 * date was mistyped before the rule set's start is refused where it was written, and every problem
 * of an inline patch (ruleset.json "patches") is reported once, in ruleset.json under
 * patches.<file>, not at a tier file the folder does not have.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { RuleIssue } from '../../src/errors/issue.js';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import { tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const base = resolve(ROOT, 'rules', 'ziyang-2022');
const root = tempDir('rule-patches');
/** Problems name files relative to the working directory, as the command prints them. */
const named = (...parts: string[]): string => relative(process.cwd(), join(root, ...parts));

function folder(name: string, ruleset: Record<string, unknown>, files: Record<string, unknown> = {}): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'tiers'), { recursive: true });
  writeFileSync(join(dir, 'ruleset.json'), JSON.stringify({ id: name, title: name, extends: base, ...ruleset }));
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), JSON.stringify(content));
  return dir;
}
const problems = (dir: string): RuleIssue[] => {
  const r = loadRuleFolder(dir);
  return r.ok ? [] : [...r.errors];
};
const ratioOn = (date: string) => ({ rows: { 'illness-poor': { ratio: { values: { [date]: '0.80' } } } } });

it.each([
  [
    'in a tier file of the folder',
    'in-file',
    {},
    { 'tiers/medical-assistance.json': ratioOn('2019-07-01') },
    'tiers/medical-assistance.json',
    'rows.illness-poor.ratio.values.2019-07-01',
  ],
  [
    'in an inline patch',
    'inline',
    { patches: { 'tiers/medical-assistance.json': ratioOn('2019-07-01') } },
    {},
    'ruleset.json',
    'patches.tiers/medical-assistance.json.rows.illness-poor.ratio.values.2019-07-01',
  ],
])('refuses a value dated before the rule set starts that never applies, %s', (_, name, ruleset, files, file, path) => {
  const found = problems(folder(name, ruleset, files));
  expect(found).toEqual([
    expect.objectContaining({
      code: 'rule_date_gap',
      file: named(name, file),
      path,
      message: expect.stringContaining('the value dated 2019-07-01 never applies: the rule set starts on 2022-01-01'),
    }),
  ]);
});

it('accepts the same change dated from a day in the period, and the history a folder inherits', () => {
  expect(
    problems(folder('good-date', { patches: { 'tiers/medical-assistance.json': ratioOn('2024-07-01') } })),
  ).toEqual([]);
  expect(problems(base)).toEqual([]);
});

it('reports a problem of an inline patch once, in ruleset.json under patches.<file>', () => {
  const bad = {
    rows: { 'illness-poor': { ratio: '0.80' } },
    applies: { when: { all: [{ fact: 'category', operator: 'equals', value: 'dibao' }] } },
  };
  const found = problems(folder('inline-bad', { patches: { 'tiers/medical-assistance.json': bad } }));
  const byPath = [...found].sort((a, b) => (a.path < b.path ? -1 : 1));
  expect(byPath.map((p) => [p.file, p.path])).toEqual([
    [named('inline-bad', 'ruleset.json'), 'patches.tiers/medical-assistance.json.applies.when'],
    [named('inline-bad', 'ruleset.json'), 'patches.tiers/medical-assistance.json.rows.illness-poor.ratio'],
  ]);
  expect(byPath[0]!.message).toContain('with an operator among equal, notEqual');
  expect(byPath[1]!.message).toContain('a parameter is dated and sourced');
});

it.each([
  [
    'refuses',
    'no-source',
    {},
    [['rule_invalid', 'patches.tiers/medical-assistance.json.rows.extreme-poor.deductible']],
  ],
  ['accepts', 'own-source', { source: 'assumed', verified: false }, []],
])(
  '%s a value added to a parameter of the plan ("seed") without a source of its own',
  (_, name, provenance, expected) => {
    const patch = { rows: { 'extreme-poor': { deductible: { ...provenance, values: { '2024-07-01': '100' } } } } };
    const found = problems(folder(name, { patches: { 'tiers/medical-assistance.json': patch } }));
    expect(found.map((p) => [p.code, p.path])).toEqual(expected);
    if (found[0]) expect(found[0].message).toContain('keeps "source": "seed"');
  },
);
