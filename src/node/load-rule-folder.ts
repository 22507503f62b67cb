/**
 * Reading rule folders from disk (Node only). A folder is one rule set (it holds `ruleset.json`)
 * or a book of rule sets (each folder below it holding one, at any depth). A rule set that
 * `extends` another is read with the folders it extends, base first (paths relative to the folder
 * that names them). Which files are whose is src/scheme/rule-folder-layout.ts, the reading the
 * embedded rule book is generated with too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail, ok } from '../errors/issue.js';
import { type RuleBook, type RuleSetPlace, ruleBook } from '../scheme/book.js';
import type { RuleSet } from '../scheme/compile.js';
import { type RawRuleFiles, type RuleFolderLink, parseRuleChain } from '../scheme/read-rule-files.js';
import { MAX_EXTENDS_DEPTH, isSkippedFolder, ruleFilesOf, ruleSetFoldersOf } from '../scheme/rule-folder-layout.js';

/**
 * Loads a rule folder into a rule book, or every problem found with its file and path.
 *
 * @example
 * const r = loadRuleFolder('rules');
 * if (!r.ok) { console.error(prettifyIssues(r.errors)); process.exit(2); }
 */
export function loadRuleFolder(dir: string): Result<RuleBook, RuleIssue> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return fail([{ code: RuleErrorCode.FILE_MISSING, file: dir, path: '', message: `${dir} is not a folder` }]);
  }
  const setDirs = ruleSetFolders(dir);
  if (setDirs.length === 0) {
    return fail([
      {
        code: RuleErrorCode.FILE_MISSING,
        file: join(dir, 'ruleset.json'),
        path: '',
        message: `${dir} holds no ruleset.json, nor sub-folders with one`,
      },
    ]);
  }
  const sets: RuleSet[] = [];
  const places = new Map<RuleSet, RuleSetPlace>();
  const issues: RuleIssue[] = [];
  for (const d of setDirs) {
    const chain = ruleChain(d);
    const r = chain.ok ? parseRuleChain(chain.value) : chain;
    if (!r.ok) {
      issues.push(...r.errors);
      continue;
    }
    sets.push(r.value);
    if (chain.ok) places.set(r.value, periodPlace(chain.value));
  }
  if (issues.length > 0) return fail(issues);
  return ruleBook(sets, (s) => places.get(s));
}

/** Where a rule set's period is written: its own ruleset.json, or the nearest folder it extends that writes one. */
function periodPlace(chain: readonly RuleFolderLink[]): RuleSetPlace {
  const own = chain[chain.length - 1]!;
  const writes = (link: RuleFolderLink) => {
    const rs = parsed(link.files['ruleset.json']);
    return typeof rs === 'object' && rs !== null && 'inForce' in rs;
  };
  const from = [...chain].reverse().find(writes);
  return {
    file: join(own.name, 'ruleset.json'),
    ...(from && from !== own && { inheritedFrom: from.name }),
  };
}

/**
 * The rule-set folders of a folder: itself when it holds a `ruleset.json`, else every folder below
 * it that does (any depth, not inside `tests/` or `schema/`).
 *
 * @example
 * ruleSetFolders('rules') // ["rules/ziyang-2017", "rules/ziyang-2022"]
 */
export function ruleSetFolders(dir: string): string[] {
  if (existsSync(join(dir, 'ruleset.json'))) return [dir];
  return ruleSetFoldersOf(jsonFilesBelow(dir)).map((f) => join(dir, ...f.split('/')));
}

/**
 * Loads one rule-set folder with the folders it extends.
 *
 * @example
 * loadRuleSet('rules/ziyang-2022').ok // true
 */
export function loadRuleSet(dir: string): Result<RuleSet, RuleIssue> {
  const chain = ruleChain(dir);
  return chain.ok ? parseRuleChain(chain.value) : chain;
}

/**
 * The chain of folders a rule-set folder is made of, base first, each with its raw files.
 *
 * @example
 * ruleChain('rules/ziyang-2022').value.map((l) => l.name) // ["rules/ziyang-2017", "rules/ziyang-2022"]
 */
export function ruleChain(dir: string): Result<RuleFolderLink[], RuleIssue> {
  const chain: RuleFolderLink[] = [];
  const seen = new Set<string>();
  let current = dir;
  for (;;) {
    const abs = resolve(current);
    const name = relative(process.cwd(), abs) || '.';
    if (seen.has(abs) || chain.length >= MAX_EXTENDS_DEPTH) {
      const path = [...seen].map((s) => relative(process.cwd(), s)).join(' → ');
      return fail([
        {
          code: RuleErrorCode.INVALID,
          // A circle at the folder named twice; a chain too deep at the folder whose "extends" goes one too far.
          file: join(seen.has(abs) ? name : chain[0]!.name, 'ruleset.json'),
          path: 'extends',
          message: seen.has(abs)
            ? `"extends" goes round in a circle (${path})`
            : `"extends" goes more than ${MAX_EXTENDS_DEPTH} folders deep (${path}): a chain that long is almost surely a mistake`,
        },
      ]);
    }
    seen.add(abs);
    if (!existsSync(join(abs, 'ruleset.json'))) {
      const by = chain[0]?.name ?? name;
      return fail([
        {
          code: RuleErrorCode.FILE_MISSING,
          file: join(by, 'ruleset.json'),
          path: 'extends',
          message: `${name} is not a rule folder (no ruleset.json)`,
        },
      ]);
    }
    const files = readRuleFiles(abs);
    chain.unshift({ name, files });
    const parent = extendsOf(files['ruleset.json']);
    if (parent === undefined) return ok(chain);
    current = resolve(abs, parent);
  }
}

/**
 * The raw files of one rule-set folder: its `*.json` at any depth, except under `tests/` (which
 * `rules test` reads), `schema/` and folders that are rule sets of their own.
 *
 * @example
 * Object.keys(readRuleFiles('rules/ziyang-2017')) // ["bill.json", …, "tiers/basic-insurance.json", …]
 */
export function readRuleFiles(dir: string): RawRuleFiles {
  const raw: Record<string, string> = {};
  for (const f of ruleFilesOf(jsonFilesBelow(dir), '')) raw[f] = readFileSync(join(dir, ...f.split('/')), 'utf8');
  return raw;
}

/** The JSON files below a folder, as paths relative to it written with `/`, skipped folders not entered. */
function jsonFilesBelow(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    const path = join(dir, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory())) {
      if (!isSkippedFolder(entry.name)) out.push(...jsonFilesBelow(path, `${rel}/`));
    } else if (entry.name.endsWith('.json')) out.push(rel);
  }
  return out;
}

function extendsOf(ruleset: unknown): string | undefined {
  const json = parsed(ruleset);
  const e = typeof json === 'object' && json !== null ? (json as { extends?: unknown }).extends : undefined;
  return typeof e === 'string' ? e : undefined;
}

/** A raw file as JSON, or undefined when it is not JSON (the parser reports that with its position). */
function parsed(raw: unknown): unknown {
  try {
    return typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  } catch {
    return undefined;
  }
}
