/**
 * The temporary folder of a simulation: created in a directory the caller chooses (`--tmp DIR`,
 * default the OS temp dir), removed when the run ends, fails, or is interrupted (SIGINT,
 * SIGTERM). A full disk or a directory that cannot be written is a {@link TempSpaceError} that
 * says which directory, how much space the run needs and how to choose another.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The temporary space could not be created or filled (the command exits 2 with its message). */
export class TempSpaceError extends Error {}

/** Errors of a write that say the disk (or the user's quota) is full. */
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * The {@link TempSpaceError} for an error met while writing in `dir`, or the error itself when it
 * is not about the space (a bug, which must not be disguised).
 *
 * @example
 * throw asTempSpaceError(e, '/tmp', 'about 1.2 GB');
 */
export function asTempSpaceError(e: unknown, dir: string, needed: string): Error {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (FULL.has(code)) {
    return new TempSpaceError(
      `the temporary directory ${dir} is full (${code}): the simulation needs ${needed} there while it runs; free some space or choose another directory with --tmp DIR`,
    );
  }
  if (code !== '')
    return new TempSpaceError(
      `cannot write in the temporary directory ${dir} (${code}: ${(e as Error).message}); choose a writable directory with --tmp DIR`,
    );
  return e as Error;
}

/** A temporary folder and the means to remove it. */
export interface TempFolder {
  readonly path: string;
  /** Removes the folder and everything in it (idempotent). */
  readonly remove: () => void;
}

const live = new Set<string>();
let hooked = false;

/** Removes every live temporary folder; then lets the signal end the process as it would have. */
function onSignal(signal: NodeJS.Signals): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
  unhook();
  // Our listener stopped the default action; when no one else listens, die of the same signal
  // (exit status 128 + n), as the process would have without us.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
function onExit(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
}
function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);
}
function unhook(): void {
  if (!hooked) return;
  hooked = false;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.off('exit', onExit);
}

/**
 * Creates a temporary folder `bashunwei-sim-XXXXXX` in `parent` (default: the OS temp dir), removed
 * by {@link TempFolder.remove} and, should the run be cut short, on SIGINT, SIGTERM and exit.
 *
 * @example
 * const tmp = createTempFolder('/scratch');
 * try { … } finally { tmp.remove(); }
 */
export function createTempFolder(parent: string = tmpdir(), needed = 'space'): TempFolder {
  let path: string;
  try {
    path = mkdtempSync(join(parent, 'bashunwei-sim-'));
  } catch (e) {
    throw asTempSpaceError(e, parent, needed);
  }
  live.add(path);
  hook();
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
      live.delete(path);
      if (live.size === 0) unhook();
    },
  };
}
