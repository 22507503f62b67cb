/**
 * The `bashunwei` command: `settle`, `simulate` and `rules check` (CONTRACT.md).
 */
import { rulesCommand } from './rules-command.js';
import { type ProgressIo, simulateCommand } from './simulate-command.js';
import { type Io, settleCommand } from './settle-command.js';
import { UsageError } from './args.js';

const USAGE = `usage:
  bashunwei settle [FILE|-] [--rules DIR] [--ledger FILE] [--ledger-out FILE] [--format json|ndjson|text|html|csv|fhir] [--lang zh-CN|en]
  bashunwei simulate [FILE|-] [--rules DIR] [--baseline DIR] [--out report.html] [--workers N] [--funds FILE] [--input ndjson|csv] [--tmp DIR] [--aggregates-out FILE] [--lang zh-CN|en]
  bashunwei simulate --merge A.json B.json … [--rules DIR] [--baseline DIR] [--out report.html] [--aggregates-out FILE] [--lang zh-CN|en]
  bashunwei rules check [DIR]
  bashunwei rules schema [--out DIR]
`;

/**
 * Runs the command with `argv` (without node and the script) and returns the exit code.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), io);
 */
export async function main(argv: readonly string[], io: Io & { progress?: ProgressIo }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'settle') return await settleCommand(rest, io);
    if (command === 'rules') return await rulesCommand(rest, io);
    if (command === 'simulate') return await simulateCommand(rest, io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    throw new UsageError(command === undefined ? 'no command given' : `unknown command ${command}`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`bashunwei: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
