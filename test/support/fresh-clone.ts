/** A copy of the project as a fresh clone has it, for the tests that follow the README's commands from one. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './paths.js';

/**
 * Copies into `dir` the files git tracks (and new ones it does not ignore), as they are now, so
 * no dist/ and no build output; `node_modules` is linked to the project's, as `npm ci` would have
 * installed them (the tests never download packages).
 *
 * @example
 * const clone = freshClone(tempDir('clone'));
 * execFileSync('npm', ['run', 'build'], { cwd: clone });
 */
export function freshClone(dir: string): string {
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    // Files only: a worktree's node_modules may be a link that git does not ignore.
    .filter((f) => f !== '' && existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).isFile());
  for (const f of tracked) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(dir, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
