/**
 * `bashunwei rules check [DIR]`: validates a rule folder (the embedded rules without DIR) and
 * prints every problem with its file and path, or a summary with the assumed values to confirm.
 * `bashunwei rules schema [--out DIR]`: prints the JSON Schema of the rule files (generated from
 * the zod schemas), or writes one `<file>.schema.json` per rule file into DIR.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleFileJsonSchemas, ruleFolderJsonSchema, schemaFileName } from '../rules/json-schema.js';
import type { RuleFileSchemaName } from '../rules/schema.js';
import type { RuleSet } from '../rules/compile.js';
import { checkedDefaultRules } from '../rules/embedded.js';
import { NO_END } from '../rules/compile.js';
import { loadRuleFolder } from '../rules/load.js';
import { prettifyIssues } from '../errors/issue.js';
import { listParameters } from '../rules/parameters.js';
import { parseArgs, UsageError } from './args.js';
import type { Io } from './settle-command.js';

/**
 * Runs `rules check` and returns the exit code (0 valid, 2 invalid).
 *
 * @example
 * await rulesCommand(['check', 'rules/ziyang-2017'], io)
 */
export async function rulesCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { out: true });
  const [sub, dir, ...rest] = args.positional;
  if (sub === 'schema') return schemaCommand(args.positional.slice(1), args.flags.out as string | undefined, io);
  if (args.flags.out !== undefined) throw new UsageError('--out goes with rules schema');
  if (sub !== 'check') throw new UsageError('usage: bashunwei rules check [DIR] | bashunwei rules schema [--out DIR]');
  if (rest.length > 0) throw new UsageError('rules check takes one folder');
  const r = dir === undefined ? checkedDefaultRules() : loadRuleFolder(dir);
  if (!r.ok) {
    io.out(`${prettifyIssues(r.errors)}\n✖ ${r.errors.length} problem${r.errors.length > 1 ? 's' : ''} in ${dir ?? 'the embedded rules'}\n`);
    return 2;
  }
  const sets: readonly RuleSet[] = r.value.sets;
  for (const s of sets) {
    const params = listParameters(s.files);
    const assumed = params.filter((p) => p.source === 'assumed');
    const period = s.inForce.to === NO_END ? `from ${s.inForce.from}` : `${s.inForce.from} to ${s.inForce.to}`;
    io.out(`✔ ${s.id}: in force ${period}, ${s.scheme.tiers.length} tiers (${s.scheme.tiers.map((t) => t.id).join(', ')}), ${s.segments.length} dated version${s.segments.length > 1 ? 's' : ''}, ${params.length} parameters (${assumed.length} assumed, not verified)\n`);
    for (const p of assumed) io.out(`  assumed  ${p.file} ${p.path} = ${p.latest}  (clause ${p.clause})\n`);
  }
  return 0;
}

function schemaCommand(rest: readonly string[], out: string | undefined, io: Io): number {
  if (rest.length > 0) throw new UsageError('rules schema takes no folder (use --out DIR to write one file per rule file)');
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
