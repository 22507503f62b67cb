/**
 * `bashunwei claims schema [--rules DIR] [--out FILE]`: prints (or writes) the JSON Schema of a
 * claim for the embedded rules or a rule folder: what a billing system validates its claims
 * against before sending them (docs/claim.md). The package ships it as schema/claim.schema.json.
 */
import { writeFileSync } from 'node:fs';
import { claimJsonSchema } from '../scheme/claim-json-schema.js';
import { parseArgs, UsageError } from './args.js';
import { loadRules } from './settle-command.js';
import { type Io } from './io.js';

/**
 * Runs a `claims` subcommand and returns the exit code.
 *
 * @example
 * await claimsCommand(['schema', '--out', 'claim.schema.json'], io)
 */
export async function claimsCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { rules: true, out: true });
  if (args.positional.length !== 1 || args.positional[0] !== 'schema')
    throw new UsageError('usage: bashunwei claims schema [--rules DIR] [--out FILE]');
  const rules = loadRules(args.flags.rules as string | undefined, io);
  if (!rules) return 2;
  const text = `${JSON.stringify(claimJsonSchema(rules), null, 2)}\n`;
  const out = args.flags.out as string | undefined;
  if (out === undefined) {
    io.out(text);
    return 0;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    io.err(`bashunwei: cannot write ${out}: ${(e as Error).message}\n`);
    return 2;
  }
  io.out(`✔ the claim's JSON Schema written to ${out}\n`);
  return 0;
}
