/**
 * From raw file contents to a compiled {@link RuleSet}, or the list of every problem with its file
 * and path. Pure: the embedded rules, `loadRuleFolder` and reforms share it.
 *
 * A folder that `extends` another comes as a chain, base first: each later folder's files are
 * merge patches of the files before (rules/merge-patch.ts); `ruleset.json` is each folder's own.
 * Every problem found in the merged files is reported at the file of the folder that wrote the
 * value (so a county variant's mistake is reported in the variant, not in the base).
 */
import { KIND_NAMES } from '../kinds/kind-list.js';
import { RuleErrorCode } from '../errors/codes.js';
import { duplicateKeyPaths } from '../errors/duplicate-keys.js';
import { type Result, type RuleIssue, fail, formatPath, ok } from '../errors/issue.js';
import { compileRuleSet, type RuleSet } from './compile.js';
import { OPTIONAL_FILES, SCHEME_FILES, type RuleFiles, tierFile } from '../rule-files/types.js';
import { lintRuleFiles } from './lint/lint.js';
import { mergePatch, patchDirective, writerOf } from '../rule-files/merge-patch.js';
import { withoutInlinePatches } from './parameters.js';
import { ruleFileSchemas, schemaNameOf } from './rule-file-schemas.js';

/** Raw contents of a rule folder: file path inside the folder (`tiers/x.json`) → JSON text, or parsed JSON. */
export type RawRuleFiles = Readonly<Partial<Record<string, unknown>>>;

/** One folder of an `extends` chain: a name for messages (its path) and its raw files. */
export interface RuleFolderLink {
  readonly name: string;
  readonly files: RawRuleFiles;
}

/**
 * Validates, lints and compiles one rule folder that extends nothing.
 *
 * @example
 * const r = parseRuleFiles({ 'ruleset.json': '{…}', 'tiers/basic-insurance.json': '{…}', … });
 * if (!r.ok) console.error(prettifyIssues(r.errors));
 */
export function parseRuleFiles(raw: RawRuleFiles): Result<RuleSet, RuleIssue> {
  return parseRuleChain([{ name: '', files: raw }]);
}

/**
 * Validates, lints and compiles a rule folder given with the folders it extends, base first.
 *
 * @example
 * parseRuleChain([{ name: 'rules/ziyang-2017', files: base }, { name: 'rules/ziyang-2022', files: child }])
 */
export function parseRuleChain(chain: readonly RuleFolderLink[]): Result<RuleSet, RuleIssue> {
  const resolved = resolveRuleChain(chain);
  if (!resolved.ok) return resolved;
  const { files: selected, locate } = resolved.value;
  // Each problem at the file and path that wrote it; once (an inline patch is also checked as part of ruleset.json).
  const placed = (list: readonly RuleIssue[]): RuleIssue[] => {
    const seen = new Set<string>();
    return list
      .map((i) => ({ ...i, ...locate(i.file, pathOf(i.path)) }))
      .filter((i) => {
        const key = `${i.code}|${i.file}|${i.path}|${i.message}`;
        return !seen.has(key) && Boolean(seen.add(key));
      });
  };
  const issues: RuleIssue[] = [];

  // Each file against its schema.
  for (const [file, content] of Object.entries(selected)) {
    const r = ruleFileSchemas()[schemaNameOf(file) ?? 'ruleset.json'].safeParse(content);
    if (!r.success) for (const zi of r.error.issues) issues.push(...fromZod(file, zi, content, chain.length > 1));
    else selected[file] = r.data;
  }
  if (issues.length > 0) return fail(placed(issues));

  // What a schema cannot say, then the compiled rule set.
  const files = selected as unknown as RuleFiles;
  // Inline patches are checked where they land, in the merged files: walked again inside
  // ruleset.json, a patch that states a source and one new date looked like a parameter with a gap.
  const checked = withoutInlinePatches(files);
  // Some mistakes are the folder's own only where it wrote the value, not where it inherits it.
  const own = locate('ruleset.json', []).file.slice(0, -'ruleset.json'.length);
  const lint = lintRuleFiles(checked, {
    writtenHere: (file, path) => {
      const by = locate(file, path).file; // the folder's own file, or its ruleset.json for an inline patch
      return by === `${own}${file}` || by === `${own}ruleset.json`;
    },
  });
  const problems = placed(lint);
  if (problems.length > 0) return fail(problems);
  return ok(compileRuleSet(files));
}

/** A rule folder's files merged along its chain, and who wrote what. */
export interface ResolvedRuleFiles {
  /** The files the rule set is made of: ruleset.json, the scheme's files, the optional ones present, the tiers of its order. */
  readonly files: Record<string, unknown>;
  /** The folder file (`<folder>/<file>`) that wrote the value at a path of a merged file. */
  readonly origin: (file: string, path: readonly PropertyKey[]) => string;
  /** The same, with the path in that file: a value of an inline patch is in the folder's ruleset.json, under `patches.<file>`. */
  readonly locate: (file: string, path: readonly PropertyKey[]) => { readonly file: string; readonly path: string };
}

/**
 * Reads a chain of rule folders as JSON, merges each file along it, and selects the files the
 * rule set is made of. Checks what it needs to (JSON, keys written twice, files present, files
 * not in the order); the schemas and the lint come after ({@link parseRuleChain}).
 *
 * @example
 * resolveRuleChain([{ name: 'ziyang-2017', files }]).ok // true
 */
export function resolveRuleChain(chain: readonly RuleFolderLink[]): Result<ResolvedRuleFiles, RuleIssue> {
  const issues: RuleIssue[] = [];
  const at = (link: number, file: string) => (chain[link]!.name ? `${chain[link]!.name}/${file}` : file);

  // 1. Every file of every folder read as JSON, keys written twice refused; inline patches placed.
  const inline: Set<string>[] = chain.map(() => new Set<string>());
  const read: Record<string, unknown>[] = chain.map((link, i) => {
    const out: Record<string, unknown> = {};
    for (const [file, content] of Object.entries(link.files)) {
      if (content === undefined) continue;
      const json = readJson(content, at(i, file), issues);
      if (json !== undefined) out[file] = json;
    }
    const patches = isObject(out['ruleset.json']) ? out['ruleset.json'].patches : undefined;
    for (const [file, patch] of Object.entries(isObject(patches) ? patches : {})) {
      if (file in out)
        issues.push({
          code: RuleErrorCode.INVALID,
          file: at(i, 'ruleset.json'),
          path: `patches.${file}`,
          message: `${file} is written both as a file and in "patches": write it once`,
        });
      else {
        out[file] = patch;
        inline[i]!.add(file);
      }
    }
    return out;
  });
  if (issues.length > 0) return fail(issues);

  // 2. The files merged along the chain (ruleset.json is the last folder's own).
  const last = chain.length - 1;
  const names = new Set(read.flatMap((r) => Object.keys(r)).filter((f) => f !== 'ruleset.json'));
  const merged: Record<string, unknown> = {};
  const layers: Record<string, unknown[]> = {};
  for (const file of names) {
    let content: unknown;
    const chainOfFile: unknown[] = [];
    read.forEach((r, i) => {
      if (!(file in r)) return chainOfFile.push(undefined);
      const patch = r[file];
      chainOfFile.push(patch);
      // The base folder's files are plain files; each later folder's are patches of them.
      content = patchDirective(patch) === 'delete' ? undefined : i === 0 ? patch : mergePatch(content, patch);
    });
    layers[file] = chainOfFile;
    if (content !== undefined) merged[file] = content;
  }
  const origin = (file: string, path: readonly PropertyKey[]): string => locate(file, path).file;
  // A value written in a folder's inline "patches" is found in its ruleset.json, under patches.<file>.
  const locate = (file: string, path: readonly PropertyKey[]): { file: string; path: string } => {
    if (file === 'ruleset.json') return { file: at(last, file), path: formatPath(path) };
    const l = layers[file];
    const w = l ? writerOf(l, path) : last;
    return inline[w]!.has(file)
      ? { file: at(w, 'ruleset.json'), path: formatPath(['patches', file, ...path]) }
      : { file: at(w, file), path: formatPath(path) };
  };

  // 3. Which files the rule set is made of. ruleset.json names each folder; a folder that extends
  // another may leave out its period, tiers and reference, which it then keeps from the parent.
  if (read[last]!['ruleset.json'] === undefined)
    return fail([
      {
        code: RuleErrorCode.FILE_MISSING,
        file: at(last, 'ruleset.json'),
        path: '',
        message: 'the rule folder has no ruleset.json',
      },
    ]);
  const rs = read.reduce<Record<string, unknown>>((parent, r) => {
    const own = isObject(r['ruleset.json']) ? r['ruleset.json'] : {};
    const kept = Object.fromEntries(
      INHERITED_RULESET_KEYS.filter((k) => k in parent && !(k in own)).map((k) => [k, parent[k]]),
    );
    return { ...kept, ...own };
  }, {});
  const order =
    isObject(rs) && isObject(rs.tiers) && Array.isArray(rs.tiers.order)
      ? rs.tiers.order.filter((x): x is string => typeof x === 'string')
      : [];
  const selected: Record<string, unknown> = { 'ruleset.json': rs };
  for (const file of SCHEME_FILES) {
    if (file === 'ruleset.json') continue;
    if (merged[file] === undefined)
      issues.push({
        code: RuleErrorCode.FILE_MISSING,
        file: at(last, file),
        path: '',
        message: `the rule folder has no ${file}`,
      });
    else selected[file] = merged[file];
  }
  for (const file of OPTIONAL_FILES) if (merged[file] !== undefined) selected[file] = merged[file];
  order.forEach((id, i) => {
    const file = tierFile(id);
    if (merged[file] === undefined)
      issues.push({
        code: RuleErrorCode.FILE_MISSING,
        file: at(last, file),
        path: '',
        message: `tier "${id}" (ruleset.json tiers.order[${i}]) has no file ${file}`,
      });
    else selected[file] = merged[file];
  });
  for (const file of Object.keys(read[last]!)) {
    if (file === 'ruleset.json' || file in selected || patchDirective(read[last]![file]) === 'delete') continue;
    const kind = schemaNameOf(file);
    if (kind === 'tier.json')
      issues.push({
        code: RuleErrorCode.TIER_ORDER,
        file: at(last, file),
        path: '',
        message: `${file} is not a tier of ruleset.json's order (${order.join(', ')}): list it there, or remove the file`,
      });
    else if (kind === undefined)
      issues.push({
        code: RuleErrorCode.INVALID,
        file: at(last, file),
        path: '',
        message: `${file} is not a file of the rule-folder format (${[...SCHEME_FILES, ...OPTIONAL_FILES, 'tiers/<id>.json'].join(', ')})`,
      });
  }
  if (issues.length > 0) return fail(issues);
  return ok({ files: selected, origin, locate });
}

/** What a folder's ruleset.json keeps from the folder it extends when it does not write it. */
const INHERITED_RULESET_KEYS = ['titleEn', 'reference', 'inForce', 'tiers'] as const;

/** The kinds a tier file may name, for messages. */
export const KIND_LIST = KIND_NAMES.join(', ');

function readJson(content: unknown, file: string, issues: RuleIssue[]): unknown {
  if (typeof content !== 'string') return content;
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (e) {
    issues.push({
      code: RuleErrorCode.INVALID_JSON,
      file,
      path: '',
      message: `not valid JSON: ${(e as Error).message}`,
    });
    return undefined;
  }
  const dups = duplicateKeyPaths(content);
  if (dups.length > 0) {
    for (const path of dups)
      issues.push({
        code: RuleErrorCode.INVALID_JSON,
        file,
        path,
        message: 'this key is written twice in one object; JSON would keep only the last value',
      });
    return undefined;
  }
  return json;
}

/** A path as `formatPath` writes it, read back into keys (numbers for `[i]`). */
function pathOf(path: string): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fromZod(
  file: string,
  zi: { code: string; path: PropertyKey[]; message: string; keys?: string[]; params?: unknown },
  content: unknown,
  extending: boolean,
): RuleIssue[] {
  if (zi.code === 'unrecognized_keys' && zi.keys) {
    return zi.keys.map((k) => ({
      code: RuleErrorCode.INVALID,
      file,
      path: formatPath([...zi.path, k]),
      message:
        k === '$patch'
          ? '"$patch" only has a meaning in a folder that extends another (ruleset.json "extends")'
          : `unknown key "${k}": the rule-file format has no such key here (a misplaced key is never ignored)`,
    }));
  }
  if (zi.code === 'invalid_union' && zi.path.length === 0 && file.startsWith('tiers/')) {
    return [
      {
        code: RuleErrorCode.INVALID,
        file,
        path: 'kind',
        message: `"kind" must name a kind of the vocabulary: ${KIND_LIST}`,
      },
    ];
  }
  const code = (zi.params as { code?: RuleIssue['code'] } | undefined)?.code ?? RuleErrorCode.INVALID;
  return [
    { code, file, path: formatPath(zi.path), message: authorMessage(file, zi, valueAt(content, zi.path), extending) },
  ];
}

/**
 * The words for a rule author where zod's own would be raw ("Invalid option: expected one of …")
 * or wrong (a negative ratio said to have too many decimals).
 */
function authorMessage(
  file: string,
  zi: { code: string; path: PropertyKey[]; message: string },
  value: unknown,
  extending: boolean,
): string {
  const key = zi.path.at(-1);
  const shown = JSON.stringify(value);
  let message = zi.message;
  if (zi.code === 'invalid_key')
    message =
      'the dates of dated values are calendar dates written YYYY-MM-DD, and ids are lower-case letters, digits and dashes starting with a letter';
  else if (key === 'source' && value === undefined)
    message = `"source" is missing: say where this comes from, ${SOURCES}`;
  else if (key === 'source') message = `"source" is ${SOURCES}, not ${shown}`;
  else if (key === 'clause' && value === undefined)
    message =
      '"clause" is missing: cite the clause this comes from (an id of seeds/clauses.json, like "7.4.2" or "42.4")';
  else if (typeof value === 'string' && value.trim().startsWith('-') && /amount/.test(zi.message))
    message = `an amount in yuan is never negative: ${shown} is below 0 (write "0" for none)`;
  else if (typeof value === 'string' && value.trim().startsWith('-') && /ratio|decimal/.test(zi.message))
    message = `a ratio must lie in [0, 1]: ${shown} is below 0 (write "0" for none)`;
  // An extending folder that writes "tiers" replaces the parent's whole: the order is its own decision.
  if (extending && file === 'ruleset.json' && zi.path[0] === 'tiers' && (key === 'clause' || key === 'source'))
    message = `this folder writes "tiers" of its own, which replace the parent's whole (its order, clause and source): ${message}; or leave "tiers" out to keep the parent's`;
  return message;
}

/** What "source" may say, in words. */
const SOURCES =
  '"seed" (from the policy text, with its "clause") or "assumed" (a placeholder a region must confirm, with "verified": false)';

/** The value at a path of a parsed file, or undefined. */
function valueAt(content: unknown, path: readonly PropertyKey[]): unknown {
  let node = content;
  for (const k of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[k];
  }
  return node;
}
