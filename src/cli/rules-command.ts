/**
 * `bashunwei rules check [DIR]`: validates a rule folder (the embedded rules without DIR) and
 * prints every problem with its file and path, or a summary with the assumed values to confirm.
 * `bashunwei rules test [DIR]`: settles the worked cases of the rule folders (`tests/*.json`) and
 * prints every difference field by field.
 * `bashunwei rules diff A B [--format text|json]`: what changed from rule set A to rule set B.
 * `bashunwei rules schema [--out DIR]`: prints the JSON Schema of the rule files (generated from
 * the zod schemas), or writes one `<file>.schema.json` per rule file into DIR.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { prettifyIssues, type Result, type RuleIssue } from '../errors/issue.js';
import { ruleFileJsonSchemas, ruleFolderJsonSchema, schemaFileName } from '../scheme/rule-file-json-schemas.js';
import type { RuleFileSchemaName } from '../scheme/rule-file-schemas.js';
import { NO_END, type RuleSet } from '../scheme/compile.js';
import { checkedDefaultRules, defaultRules, embeddedChain, EMBEDDED_RULE_FOLDERS } from '../scheme/embedded.js';
import { loadRuleFolder, loadRuleSet, ruleChain, ruleSetFolders } from '../node/load-rule-folder.js';
import { loadPolicyTests } from '../node/load-rule-tests.js';
import { listAssumedRules, listParameters } from '../scheme/parameters.js';
import { type RuleFolderLink, parseRuleChain, resolveRuleChain } from '../scheme/read-rule-files.js';
import { type ReachSet, missedLaterSets } from '../scheme/reform-reach.js';
import { describeDifferences, runPolicyTest } from '../rule-tests/rule-tests.js';
import { diffRuleSets, formatRuleDiff } from '../scheme/rules-diff.js';
import { shippedRulesFolder } from '../node/shipped-rules.js';
import { parseArgs, UsageError } from './args.js';
import type { Io } from './io.js';

/**
 * Runs a `rules` subcommand and returns the exit code.
 *
 * @example
 * await rulesCommand(['check', 'rules/ziyang-2017'], io)
 */
export async function rulesCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { out: true, format: true });
  const [sub, ...rest] = args.positional;
  if (args.flags.out !== undefined && sub !== 'schema') throw new UsageError('--out goes with rules schema');
  if (args.flags.format !== undefined && sub !== 'diff' && sub !== 'test')
    throw new UsageError('--format goes with rules diff and rules test');
  const format = (args.flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
  if (sub === 'schema') return schemaCommand(rest, args.flags.out as string | undefined, io);
  if (sub === 'check') return checkCommand(rest, io);
  if (sub === 'test') return testCommand(rest, format, io);
  if (sub === 'diff') return diffCommand(rest, format, io);
  throw new UsageError(
    sub === undefined
      ? 'rules needs a subcommand: check, test, diff or schema'
      : `unknown rules subcommand ${sub} (check, test, diff or schema)`,
  );
}

function checkCommand(rest: readonly string[], io: Io): number {
  if (rest.length > 1) throw new UsageError('rules check takes one folder');
  const dir = rest[0];
  const r = dir === undefined ? checkedDefaultRules() : loadRuleFolder(dir);
  if (!r.ok) {
    io.out(
      `${prettifyIssues(r.errors)}\n✖ ${r.errors.length} problem${r.errors.length > 1 ? 's' : ''} in ${dir ?? 'the embedded rules'}\n`,
    );
    return 2;
  }
  for (const s of r.value.sets) {
    const params = listParameters(s.files);
    const assumed = params.filter((p) => p.source === 'assumed');
    const period = s.inForce.to === NO_END ? `from ${s.inForce.from}` : `${s.inForce.from} to ${s.inForce.to}`;
    io.out(
      `✔ ${s.id}: in force ${period}, ${s.scheme.tiers.length} tiers (${s.scheme.tiers.map((t) => t.id).join(', ')}), ${s.segments.length} dated version${s.segments.length > 1 ? 's' : ''}, ${params.length} parameters (${assumed.length} assumed, not verified)\n`,
    );
    // One line per dated value, with its date: a later value (a county's patch) is seen beside the one it follows.
    for (const p of assumed)
      for (const v of p.values)
        io.out(
          `  assumed  ${p.file} ${p.path} = ${v.value}${p.clause ? `  (clause ${p.clause})` : ''}  from ${v.date}\n`,
        );
    for (const a of listAssumedRules(s.files))
      io.out(`  assumed  ${a.file} ${a.path}: ${a.summary}${a.clause ? `  (clause ${a.clause})` : ''}\n`);
  }
  if (dir !== undefined)
    for (const w of missedLaterSets(reachSetsOf(dir), embeddedReachSets())) io.out(`⚠ ${w.message}\n`);
  return 0;
}

/** The rule sets of a folder on disk, with the shipped folders each is made of (by path along `extends`, or by id for a copy). */
function reachSetsOf(dir: string): ReachSet[] {
  const shipped = shippedRulesFolder();
  const shippedName = (folder: string): string | undefined =>
    shipped === undefined
      ? undefined
      : Object.keys(EMBEDDED_RULE_FOLDERS).find((name) => resolve(shipped, name) === resolve(folder));
  return ruleSetFolders(dir).flatMap((folder) => {
    const chain = ruleChain(folder);
    const resolved = chain.ok ? resolveRuleChain(chain.value) : undefined;
    if (!chain.ok || !resolved?.ok) return [];
    const baselineName = (link: RuleFolderLink): string[] => {
      const byPath = shippedName(link.name);
      if (byPath !== undefined) return [byPath];
      const id = rulesetOf(link.files['ruleset.json'])?.id;
      return typeof id === 'string' && id in EMBEDDED_RULE_FOLDERS ? [id] : [];
    };
    const rs = rulesetOf(resolved.value.files['ruleset.json'])!;
    return [
      {
        id: String(rs.id),
        folder: relative(process.cwd(), folder) || folder,
        inForce: rs.inForce as ReachSet['inForce'],
        builtOn: chain.value.flatMap(baselineName),
        isBaseline: shippedName(folder) !== undefined,
      },
    ];
  });
}

/** A ruleset.json as JSON (raw text or parsed), or undefined. */
function rulesetOf(raw: unknown): Record<string, unknown> | undefined {
  try {
    const json = typeof raw === 'string' ? JSON.parse(raw) : raw;
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The embedded rule sets, each with the folders its chain holds. */
function embeddedReachSets(): ReachSet[] {
  return Object.keys(EMBEDDED_RULE_FOLDERS).flatMap((name) => {
    const chain = embeddedChain(name);
    const resolved = resolveRuleChain(chain);
    if (!resolved.ok) return [];
    const rs = resolved.value.files['ruleset.json'] as { id: string; inForce: { from: string; to?: string } };
    return [{ id: rs.id, folder: name, inForce: rs.inForce, builtOn: chain.map((l) => l.name), isBaseline: true }];
  });
}

function testCommand(rest: readonly string[], format: string, io: Io): number {
  if (rest.length > 1) throw new UsageError('rules test takes one folder');
  const dir = rest[0] ?? shippedRulesFolder();
  if (dir === undefined) {
    io.err(
      'bashunwei: the worked cases of the embedded rules are not installed (no rules/ folder beside the package); give a rule folder\n',
    );
    return 2;
  }
  const book = rest[0] === undefined ? checkedDefaultRules() : loadRuleFolder(dir);
  if (!book.ok) {
    io.err(`bashunwei: the rules in ${dir} are invalid:\n${prettifyIssues(book.errors)}\n`);
    return 2;
  }
  const cases = loadPolicyTests(dir);
  if (!cases.ok) {
    io.err(`bashunwei: the worked cases in ${dir} are invalid:\n${prettifyIssues(cases.errors)}\n`);
    return 2;
  }
  const results = cases.value.map((c) => runPolicyTest(book.value, c));
  const failed = results.filter((r) => r.differences.length > 0).length;
  if (format === 'json') {
    io.out(
      `${JSON.stringify({ passed: results.length - failed, failed, cases: results.map((r) => ({ file: r.case.file, name: r.case.name, differences: r.differences })) }, null, 2)}\n`,
    );
  } else {
    for (const r of results) {
      const file = relative(process.cwd(), r.case.file) || r.case.file;
      io.out(
        `${r.differences.length === 0 ? '✔' : '✖'} ${file} (${r.case.claims.length} claim${r.case.claims.length === 1 ? '' : 's'})\n`,
      );
      for (const line of describeDifferences(r.differences)) io.out(`    ${line}\n`);
    }
    io.out(
      `${results.length} case${results.length === 1 ? '' : 's'}: ${results.length - failed} passed, ${failed} failed\n`,
    );
  }
  // A folder with nothing to test has not passed: it says so and fails (README, "rules test and rules diff").
  if (results.length === 0) {
    io.err(`bashunwei: ${dir} has no worked cases (tests/*.json in its rule folders): nothing was tested\n`);
    return 1;
  }
  for (const set of ruleSetFolders(dir))
    if (!results.some((r) => r.case.file.startsWith(join(set, 'tests'))))
      io.err(
        `bashunwei: ${relative(process.cwd(), set) || set} has no worked cases (tests/*.json): its rules were not tested\n`,
      );
  return failed > 0 ? 1 : 0;
}

function diffCommand(rest: readonly string[], format: string, io: Io): number {
  if (rest.length !== 2)
    throw new UsageError(
      'rules diff compares two rule sets: rules diff A B (a rule folder each, or an embedded id such as ziyang-2017)',
    );
  const sets: RuleSet[] = [];
  for (const name of rest) {
    const r = ruleSetNamed(name);
    if (!r.ok) {
      io.err(`bashunwei: ${name}:\n${prettifyIssues(r.errors)}\n`);
      return 2;
    }
    sets.push(r.value);
  }
  const d = diffRuleSets(sets[0]!, sets[1]!);
  io.out(format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : formatRuleDiff(d));
  return 0;
}

/** A rule set by folder (one rule set) or by the id of an embedded one. */
function ruleSetNamed(name: string): Result<RuleSet, RuleIssue> {
  if (existsSync(name)) {
    const folders = ruleSetFolders(name);
    if (folders.length !== 1)
      return {
        ok: false,
        errors: [
          {
            code: 'rule_file_missing',
            file: name,
            path: '',
            message: `${name} holds ${folders.length} rule sets; name one rule-set folder`,
          },
        ],
      };
    return loadRuleSet(folders[0]!);
  }
  if (name in EMBEDDED_RULE_FOLDERS) return parseRuleChain(embeddedChain(name));
  const known = defaultRules()
    .sets.map((s) => s.id)
    .join(', ');
  return {
    ok: false,
    errors: [
      {
        code: 'rule_file_missing',
        file: name,
        path: '',
        message: `neither a folder nor an embedded rule set (${known})`,
      },
    ],
  };
}

function schemaCommand(rest: readonly string[], out: string | undefined, io: Io): number {
  if (rest.length > 0)
    throw new UsageError('rules schema takes no folder (use --out DIR to write one file per rule file)');
  if (out === undefined) {
    io.out(`${JSON.stringify(ruleFolderJsonSchema(), null, 2)}\n`);
    return 0;
  }
  try {
    mkdirSync(out, { recursive: true });
    for (const [file, schema] of Object.entries(ruleFileJsonSchemas())) {
      writeFileSync(join(out, schemaFileName(file as RuleFileSchemaName)), `${JSON.stringify(schema, null, 2)}\n`);
    }
  } catch (e) {
    io.err(`bashunwei: cannot write the schemas into ${out}: ${(e as Error).message}\n`);
    return 2;
  }
  io.out(`✔ ${Object.keys(ruleFileJsonSchemas()).length} schemas written to ${out}\n`);
  return 0;
}
