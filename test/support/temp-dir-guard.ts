/**
 * vitest globalSetup: the run gets a temporary directory of its own (TMPDIR, inherited by every
 * worker and child process: the command, the service, npm, Chromium), and fails if anything is
 * left in it at the end: every test must remove what it made (test/helpers.ts `tempDir` does).
 * A folder of its own also keeps other runs on the same machine out of the count.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Caches that tools keep on purpose between runs (tsx's compiled files), not leftovers of a test. */
const TOOL_CACHES = /^tsx-\d+$/;

/**
 * Points TMPDIR at a fresh folder; the returned teardown lists what is left there and fails the run.
 *
 * @example
 * // vitest.config.ts: test: { globalSetup: ['test/support/temp-dir-guard.ts'] }
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'bashunwei-test-run-'));
  // Other users may pass through it (not list it), as through /tmp: run as root, the tests' PostgreSQL
  // server runs as the postgres user in a folder of its own inside (test/postgres-server.ts).
  chmodSync(root, 0o711);
  process.env.TMPDIR = root;
  return () => {
    const left = readdirSync(root).filter((name) => !TOOL_CACHES.test(name));
    rmSync(root, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (left.length > 0) {
      process.exitCode = 1;
      throw new Error(
        `the tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temporary directory (remove what a test makes; test/helpers.ts tempDir does): ${left.join(', ')}`,
      );
    }
  };
}
