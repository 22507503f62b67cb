/**
 * A reform as rule folders: for each rule set of the embedded book, a folder that `extends` the
 * shipped one and writes only what the reform changes, as merge patches (README, "Extending a
 * folder"). This is what the page simulates and what it downloads, so the zip that `bashunwei
 * rules check` accepts and `simulate --rules` runs is the reform the page showed.
 *
 * Each change is first applied to a copy of the rule set's merged files, as `reformRules` applies
 * a parameter change (a dated value set for its date, default the first); a new tier order
 * replaces the order (tiers left out are switched off, their numbers renumbered only when the new
 * order would not ascend); a new condition replaces the `when` at its path. The patch of each file
 * is then the difference between the shipped file and the changed copy, so that merging it back
 * gives the changed copy exactly. A patch that adds a dated value also writes the parameter's
 * `source` as it stands: an extending folder must state where a value it adds comes from (the
 * lint refuses an added value under an inherited `"source": "seed"`), and keeping it as it is
 * keeps the folder equal to the same reform made with `reformRules`.
 */
import { RuleErrorCode } from '../../errors/codes.js';
import { type Result, type RuleIssue, fail, ok } from '../../errors/issue.js';
import { type RuleBook, ruleBook } from '../../scheme/book.js';
import { compileRuleSet, type RuleSet } from '../../scheme/compile.js';
import { EMBEDDED_RULE_FOLDERS, defaultRules, embeddedChain } from '../../scheme/embedded.js';
import { type RuleFolderLink, parseRuleChain, resolveRuleChain } from '../../scheme/read-rule-files.js';
import type { ParameterChange } from '../../scheme/reform.js';
import { type RuleFiles, tierFile } from '../../rule-files/types.js';
import { same } from '../../scheme/rules-diff.js';
import type { ConditionChange, ReformSpec } from './reform-spec.js';

/** Where the zip puts the shipped folders and the reform's, and what the reform's `extends` names. */
export const BASE_DIR = 'base';
export const REFORM_DIR = 'reform';

/** One rule set's reform folder: the rule set's id, the folder's name, and its files (merge patches, its own ruleset.json). */
export interface ReformFolder {
  readonly set: string;
  readonly folder: string;
  readonly files: Readonly<Record<string, unknown>>;
  /** False when the folder only extends its base: the rule set is the shipped one. */
  readonly changed: boolean;
}

type Json = Record<string, unknown>;

/** The embedded folders by the id of the rule set each holds. */
const folderOfSet = (): Map<string, string> =>
  new Map(
    Object.entries(EMBEDDED_RULE_FOLDERS).map(([name, files]) => [(files['ruleset.json'] as { id: string }).id, name]),
  );

/**
 * The reform's folders, one per rule set of the embedded book (a set the reform leaves alone gets
 * a folder that only extends its base), or every problem of the reform with its file and path.
 *
 * @example
 * reformFolders({ changes: [{ set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.30' }] })
 * // { ok: true, value: [{ set: 'ziyang-2017', folder: 'ziyang-2017', files: { 'ruleset.json': …, 'tiers/tilt-payment.json': { shares: … } } }, …] }
 */
export function reformFolders(spec: ReformSpec): Result<ReformFolder[], RuleIssue> {
  const book = defaultRules();
  const folders = folderOfSet();
  const issues: RuleIssue[] = [];
  const setIndex = (set: string | undefined, file: string, path: string): number => {
    const known = book.sets.map((s) => s.id).join(', ');
    const i = set === undefined ? (book.sets.length === 1 ? 0 : -1) : book.sets.findIndex((s) => s.id === set);
    // The words of reformRules, so that a link's mistake reads the same as a reform in code.
    if (i < 0)
      issues.push({
        code: RuleErrorCode.UNKNOWN_PARAMETER,
        file,
        path,
        message:
          set === undefined
            ? `name the rule set this change is for ("set": one of ${known})`
            : `no rule set "${set}" in the book (${known})`,
      });
    return i;
  };
  const changed = book.sets.map((s) => ({
    copy: structuredClone(s.files) as unknown as Record<string, Json>,
    touched: false,
  }));
  for (const c of spec.changes) {
    const i = setIndex(c.set, c.file, c.path);
    if (i >= 0 && applyParameter(changed[i]!.copy, c, issues)) changed[i]!.touched = true;
  }
  for (const t of spec.tiers ?? []) {
    const i = setIndex(t.set, 'ruleset.json', 'tiers.order');
    if (i >= 0 && applyOrder(changed[i]!.copy, t.order, issues)) changed[i]!.touched = true;
  }
  for (const c of spec.conditions ?? []) {
    const i = setIndex(c.set, c.file, c.path);
    if (i >= 0 && applyCondition(changed[i]!.copy, c, issues)) changed[i]!.touched = true;
  }
  if (issues.length > 0) return fail(issues);
  return ok(
    book.sets.map((s, i) => {
      const folder = folders.get(s.id) ?? s.id;
      return { set: s.id, folder, files: patchFiles(s, changed[i]!.copy, folder), changed: changed[i]!.touched };
    }),
  );
}

/**
 * The rule book of a reform's folders, each read along its chain (the shipped folders, then the
 * reform's) and checked like any rule folder; the rule sets are those `simulate --rules` reads
 * from the zip.
 *
 * @example
 * const r = reformFolders(spec); if (r.ok) reformBookOf(r.value)
 */
export function reformBookOf(folders: readonly ReformFolder[]): Result<RuleBook, RuleIssue> {
  const sets: RuleSet[] = [];
  const issues: RuleIssue[] = [];
  for (const f of folders) {
    // A folder that only extends its base is the shipped rule set (the zip test holds them equal).
    if (!f.changed) {
      sets.push(defaultRules().sets.find((s) => s.id === f.set)!);
      continue;
    }
    const r = parseRuleChain(chainOf(f));
    if (r.ok) sets.push(r.value);
    else issues.push(...r.errors);
  }
  return issues.length > 0 ? fail(issues) : ruleBook(sets);
}

/**
 * The rule book of folders the page has already checked ({@link reformBookOf}), merged and
 * compiled without checking them again, as the embedded rules are (defaultRules): what a
 * simulation worker does, so that it never builds the rule files' schemas (about a second on a
 * first use) for a reform the page has checked.
 *
 * @example
 * const book = checkedReformBook(folders); // in a worker, after reformBookOf(folders).ok in the page
 */
export function checkedReformBook(folders: readonly ReformFolder[]): RuleBook {
  const sets = folders.map((f) => {
    if (!f.changed) return defaultRules().sets.find((s) => s.id === f.set)!;
    const r = resolveRuleChain(chainOf(f));
    if (!r.ok) throw new Error(r.errors.map((i) => `${i.file} ${i.path}: ${i.message}`).join('; '));
    return compileRuleSet(r.value.files as unknown as RuleFiles);
  });
  const book = ruleBook(sets);
  if (!book.ok) throw new Error(book.errors.map((i) => i.message).join('; '));
  return book.value;
}

/** The chain a reform folder is read along: the shipped folders it extends, then itself. */
function chainOf(f: ReformFolder): RuleFolderLink[] {
  const chain = embeddedChain(f.folder).map((l) => ({ name: `${BASE_DIR}/${l.name}`, files: l.files }));
  return [...chain, { name: `${REFORM_DIR}/${f.folder}`, files: f.files }];
}

/**
 * The rule book of a reform, or every problem with it.
 *
 * @example
 * reformBook({ changes: [], tiers: [{ set: 'ziyang-2017', order: ['basic-insurance', 'relief-funds'] }] })
 */
export function reformBook(spec: ReformSpec): Result<RuleBook, RuleIssue> {
  const key = JSON.stringify(spec);
  if (last?.key === key) return last.book;
  const folders = reformFolders(spec);
  const book = folders.ok ? reformBookOf(folders.value) : folders;
  last = { key, book };
  return book;
}

/** The last reform checked: the editor and the run ask for the same one in turn. */
let last: { key: string; book: Result<RuleBook, RuleIssue> } | undefined;

/** The path `a.b[2].c` as keys. */
const keys = (path: string): string[] => path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');

function at(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const k of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Json)[k];
  }
  return node;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A parameter change on the copy (as reformRules makes it); false with an issue when there is no such parameter. */
function applyParameter(copy: Record<string, Json>, c: ParameterChange, issues: RuleIssue[]): boolean {
  const node = at(copy[c.file], keys(c.path));
  const values = isObject(node) ? node.values : undefined;
  if (!isObject(node) || !isObject(values)) {
    issues.push({
      code: RuleErrorCode.UNKNOWN_PARAMETER,
      file: c.file,
      path: c.path,
      message: `${c.file} has no dated parameter at ${c.path}; \`bashunwei rules check\` lists them`,
    });
    return false;
  }
  values[c.from ?? Object.keys(values).sort()[0]!] = structuredClone(c.value);
  return true;
}

/** A new order of the tiers on the copy; tier numbers renumbered when the new order would not ascend. */
function applyOrder(copy: Record<string, Json>, order: readonly string[], issues: RuleIssue[]): boolean {
  const ruleset = copy['ruleset.json'] as { tiers: Json & { order: string[] } };
  const known = ruleset.tiers.order;
  const problem = (message: string) =>
    issues.push({ code: RuleErrorCode.INVALID, file: 'ruleset.json', path: 'tiers.order', message });
  const unknown = order.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    return problem(`not a tier of the rule set: ${unknown.join(', ')} (its tiers: ${known.join(', ')})`) < 0;
  if (new Set(order).size !== order.length) return problem('a tier is listed twice') < 0;
  if (order.length === 0) return problem('a rule set needs at least one tier') < 0;
  ruleset.tiers = { ...ruleset.tiers, order: [...order] };
  const files = order.map((id) => copy[tierFile(id)] as { tier: number });
  if (files.some((f, k) => k > 0 && f.tier <= files[k - 1]!.tier)) {
    const first = Math.min(...files.map((f) => f.tier));
    files.forEach((f, k) => {
      f.tier = first + k;
    });
  }
  return true;
}

/** A new condition on the copy, at a path that ends in `when` where the file has a condition. */
function applyCondition(copy: Record<string, Json>, c: ConditionChange, issues: RuleIssue[]): boolean {
  const path = keys(c.path);
  const parent = at(copy[c.file], path.slice(0, -1));
  if (path.at(-1) !== 'when' || !isObject(parent) || !isObject(parent.when)) {
    issues.push({
      code: RuleErrorCode.INVALID,
      file: c.file,
      path: c.path,
      message: `${c.file} has no condition ("when") at ${c.path}`,
    });
    return false;
  }
  parent.when = structuredClone(c.when);
  return true;
}

/** The reform folder's files: its own ruleset.json, and a merge patch of each file it changes. */
function patchFiles(base: RuleSet, copy: Record<string, Json>, folder: string): Record<string, unknown> {
  const shipped = base.files as unknown as Record<string, Json>;
  const rs = shipped['ruleset.json'] as { id: string; title: string; tiers: Json & { order: string[] } };
  const order = (copy['ruleset.json'] as typeof rs).tiers.order;
  const files: Record<string, unknown> = {
    'ruleset.json': {
      id: rs.id,
      title: rs.title,
      extends: `../../${BASE_DIR}/${folder}`,
      // A new order is the reform's, not the plan's: a value to confirm like any assumed one.
      ...(same(order, rs.tiers.order)
        ? {}
        : { tiers: { clause: rs.tiers.clause, source: 'assumed', verified: false, order } }),
    },
  };
  for (const [file, content] of Object.entries(copy)) {
    if (file === 'ruleset.json') continue;
    const patch = mergeDiff(shipped[file], content);
    if (patch !== undefined) files[file] = patch;
  }
  return files;
}

/**
 * The merge patch that turns `a` into `b` (`undefined` when they are equal): objects key by key,
 * `null` for a key `b` drops, anything else replaced whole. A patch into a dated parameter's
 * `values` also writes its `source` (see the module's comment).
 */
function mergeDiff(a: unknown, b: unknown): unknown {
  if (same(a, b)) return undefined;
  if (!isObject(a) || !isObject(b)) return structuredClone(b);
  const out: Json = {};
  for (const k of Object.keys(a)) if (!(k in b)) out[k] = null;
  for (const [k, v] of Object.entries(b)) {
    const d = k in a ? mergeDiff(a[k], v) : structuredClone(v);
    if (d !== undefined) out[k] = d;
  }
  if ('values' in out && (b.source === 'seed' || b.source === 'assumed')) out.source = b.source;
  return out;
}
