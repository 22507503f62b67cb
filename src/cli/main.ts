/**
 * The `bashunwei` command: `settle`, `simulate`, `rules` (check, test, diff, schema), `claims
 * schema`, `serve`, `keys create` and `app` (README, "Command line"; docs/app.md), `--version`,
 * and `--help` for the command and for each subcommand. `serve` and `keys` are loaded only when
 * run: they bring Fastify and a database driver, which `settle` never needs.
 */
import { claimsCommand } from './claims-command.js';
import { version } from '../../package.json';
import { rulesCommand } from './rules-command.js';
import { type ProgressIo, simulateCommand } from './simulate-command.js';
import { settleCommand } from './settle-command.js';
import { type Io } from './io.js';
import { UsageError } from './args.js';
import { type Command, COMMAND_USAGE, USAGE } from './usage.js';

type Run = (argv: readonly string[], io: Io & { progress?: ProgressIo }) => Promise<number>;

const COMMANDS: Readonly<Record<Command, Run>> = {
  settle: settleCommand,
  simulate: simulateCommand,
  rules: rulesCommand,
  claims: claimsCommand,
  serve: async (argv, io) => (await import('./serve-command.js')).serveCommand(argv, io),
  keys: async (argv, io) => (await import('./keys-command.js')).keysCommand(argv, io),
  app: async (argv, io) => (await import('./app-command.js')).appCommand(argv, io),
};
const isCommand = (c: string | undefined): c is Command => c !== undefined && Object.hasOwn(COMMANDS, c);
const isHelp = (a: string) => a === '--help' || a === '-h';

/**
 * Runs the command with `argv` (without node and the script) and returns the exit code.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), io);
 */
export async function main(argv: readonly string[], io: Io & { progress?: ProgressIo }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-V' || command === 'version') {
      io.out(`bashunwei ${version}\n`);
      return 0;
    }
    if (isCommand(command)) {
      // `bashunwei settle --help`: the subcommand's usage, whatever else is on the line.
      if (rest.some(isHelp)) {
        io.out(COMMAND_USAGE[command]);
        return 0;
      }
      return await COMMANDS[command](rest, io);
    }
    if (command === undefined || isHelp(command) || command === 'help') {
      const topic = rest[0];
      if (command === undefined) throw new UsageError('no command given');
      io.out(isCommand(topic) ? COMMAND_USAGE[topic] : USAGE);
      return 0;
    }
    throw new UsageError(`unknown command ${command}`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`bashunwei: ${e.message}\n${isCommand(command) ? COMMAND_USAGE[command] : USAGE}`);
      return 2;
    }
    throw e;
  }
}
