/**
 * Entry point of the installed `bashunwei` command: runs {@link main} on the process's arguments.
 */
import { main } from './main.js';
import type { Io } from './io.js';
import type { ProgressIo } from './simulate-command.js';

// A reader that stops early (`bashunwei settle … | head`) is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const io: Io & { progress: ProgressIo } = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  // The progress bar only on a terminal: a log file or a pipe gets the result alone.
  progress: { isTTY: process.stderr.isTTY === true, write: (s) => process.stderr.write(s) },
};
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bashunwei: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
