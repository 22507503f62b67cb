/**
 * The embedded rule book is generated from rules/ (scripts/embed-rules.ts): the committed module
 * is what the script writes now (this test fails while it is stale), it holds every rule-set
 * folder at any depth and every JSON file of each but tests/ and schema/, it is plain data (no
 * import, so the main entry stays free of Node), and `extends` is followed as deep on disk as in
 * the embedded book: one limit, MAX_EXTENDS_DEPTH.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_MODULE, embeddedRulesModule } from '../../scripts/embed-rules.js';
import { loadRuleFolder, ruleChain } from '../../src/node/load-rule-folder.js';
import { EMBEDDED_RULE_FOLDERS, embeddedChain } from '../../src/scheme/embedded.js';
import {
  MAX_EXTENDS_DEPTH,
  extendsFolder,
  ruleFilesOf,
  ruleSetFoldersOf,
} from '../../src/scheme/rule-folder-layout.js';
import { tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const RULES = join(ROOT, 'rules');

describe('the embedded rule book', () => {
  it('is the module scripts/embed-rules.ts writes from rules/ now (run it after changing rules/)', () => {
    expect(readFileSync(EMBEDDED_MODULE, 'utf8')).toBe(embeddedRulesModule(RULES));
  });

  it('is plain data: the generated module imports nothing', () => {
    expect(readFileSync(EMBEDDED_MODULE, 'utf8')).not.toMatch(/^\s*import\b|\brequire\(/m);
  });

  it('takes every rule-set folder at any depth and every JSON file of each at any depth, but tests/ and schema/', () => {
    const rules = tempDir('embed');
    cpSync(RULES, rules, { recursive: true });
    // A new tier file, a file two folders down, and a rule set inside a folder of folders.
    writeFileSync(join(rules, 'ziyang-2022', 'tiers', 'catastrophe-fund.json'), '{"kind": "top-up"}');
    mkdirSync(join(rules, 'ziyang-2022', 'notes', 'deep'), { recursive: true });
    writeFileSync(join(rules, 'ziyang-2022', 'notes', 'deep', 'x.json'), '{}');
    mkdirSync(join(rules, 'counties', 'anyue-2024'), { recursive: true });
    writeFileSync(
      join(rules, 'counties', 'anyue-2024', 'ruleset.json'),
      '{"id": "anyue-2024", "title": "t", "extends": "../../ziyang-2022"}',
    );
    const text = embeddedRulesModule(rules);
    const data = JSON.parse(text.slice(text.indexOf('= {') + 2, text.lastIndexOf(';'))) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(data)).toEqual(['counties/anyue-2024', 'ziyang-2017', 'ziyang-2022']);
    expect(Object.keys(data['ziyang-2022']!)).toContain('tiers/catastrophe-fund.json');
    expect(Object.keys(data['ziyang-2022']!)).toContain('notes/deep/x.json');
    expect(Object.keys(data['ziyang-2017']!).some((f) => f.startsWith('tests/'))).toBe(false);
    expect(Object.keys(data).some((f) => f.startsWith('schema'))).toBe(false);
    // The nested folder's chain is found as the embedded book would follow it.
    expect(embeddedChain('counties/anyue-2024', data).map((l) => l.name)).toEqual([
      'ziyang-2017',
      'ziyang-2022',
      'counties/anyue-2024',
    ]);
  });

  it('holds the same files as the folders on disk, read with the same layout', () => {
    const paths = [
      'a/ruleset.json',
      'a/tiers/x.json',
      'a/tests/01.json',
      'a/b/ruleset.json',
      'a/b/c.json',
      'schema/s.json',
    ];
    expect(ruleSetFoldersOf(paths)).toEqual(['a', 'a/b']);
    expect(ruleFilesOf(paths, 'a')).toEqual(['ruleset.json', 'tiers/x.json']);
    expect(ruleFilesOf(paths, 'a/b')).toEqual(['c.json', 'ruleset.json']);
    expect(Object.keys(EMBEDDED_RULE_FOLDERS)).toEqual(['ziyang-2017', 'ziyang-2022']);
  });

  it.each([
    ['ziyang-2022', '../ziyang-2017', 'ziyang-2017'],
    ['counties/anyue', '../../ziyang-2022', 'ziyang-2022'],
    ['a', './b/../c', 'a/c'],
    ['a', '../../elsewhere', null],
  ])('%s extends %s: folder %s', (folder, rel, expected) => {
    expect(extendsFolder(folder, rel)).toBe(expected);
  });
});

describe('one limit to the depth of extends, on disk and embedded', () => {
  /** A chain of `n` folders: the shipped 2022 folder's base, then folders that each extend the one before. */
  const chainOf = (n: number): { dir: string; folders: Record<string, Record<string, unknown>> } => {
    const root = tempDir('deep');
    cpSync(join(RULES, 'ziyang-2017'), join(root, 'f1'), { recursive: true });
    const folders: Record<string, Record<string, unknown>> = { f1: EMBEDDED_RULE_FOLDERS['ziyang-2017']! as never };
    for (let i = 2; i <= n; i++) {
      const ruleset = { id: `f${i}`, title: `f${i}`, extends: `../f${i - 1}` };
      mkdirSync(join(root, `f${i}`));
      writeFileSync(join(root, `f${i}`, 'ruleset.json'), JSON.stringify(ruleset));
      folders[`f${i}`] = { 'ruleset.json': ruleset };
    }
    return { dir: join(root, `f${n}`), folders };
  };

  it(`${MAX_EXTENDS_DEPTH} folders load, on disk and embedded`, () => {
    const { dir, folders } = chainOf(MAX_EXTENDS_DEPTH);
    const r = loadRuleFolder(dir);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(embeddedChain(`f${MAX_EXTENDS_DEPTH}`, folders)).toHaveLength(MAX_EXTENDS_DEPTH);
  });

  it(`${MAX_EXTENDS_DEPTH + 1} folders are refused, on disk at the "extends" that goes one too far, and embedded`, () => {
    const { dir, folders } = chainOf(MAX_EXTENDS_DEPTH + 1);
    const r = ruleChain(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({ code: 'rule_invalid', path: 'extends' });
      expect(r.errors[0]!.file).toMatch(/f2[/\\]ruleset\.json$/);
      expect(r.errors[0]!.message).toContain(`more than ${MAX_EXTENDS_DEPTH} folders deep`);
    }
    expect(() => embeddedChain(`f${MAX_EXTENDS_DEPTH + 1}`, folders)).toThrow(/more than 16 folders deep/);
  });
});
