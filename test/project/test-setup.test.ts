/**
 * The README's test command sets itself up (reported: on a fresh machine `npm ci && npm test`
 * failed its browser, service and notebook tests, because only .ci/run installed Chromium, the CJK
 * font, PostgreSQL and Jupyter): `npm test` runs scripts/test-setup.mjs first (`pretest`), which
 * installs what is missing with apt-get and says in one line what it cannot install and why;
 * .ci/run has no copy of its own and runs the README's commands.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const setup = join(ROOT, 'scripts', 'test-setup.mjs');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');

/** Runs the set-up with this PATH; the output and the exit status. */
function runSetup(path: string) {
  const r = spawnSync(process.execPath, [setup], { encoding: 'utf8', env: { ...process.env, PATH: path } });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('the set-up of npm test (scripts/test-setup.mjs)', () => {
  it('runs before the tests of `npm test`, and .ci/run runs that `npm test` with no set-up of its own', () => {
    expect(pkg.scripts.pretest).toBe('node scripts/test-setup.mjs');
    expect(pkg.scripts.test).toBe('vitest run');
    expect(ci).not.toContain('apt-get');
    expect(ci).toMatch(/^npm ci /m);
    expect(ci).toMatch(/^npm test /m);
    expect(ci).toMatch(/npm run --silent demo/);
  });

  it('does nothing and says nothing on a machine that has every part (this one)', () => {
    expect(runSetup(process.env.PATH ?? '')).toEqual({ status: 0, stderr: '', stdout: '' });
  });

  it('says in one line what it cannot install and why, and lets the tests run', () => {
    // A PATH with node alone: no chromium, no fc-list, no Jupyter, and no apt-get to install them.
    const bin = tempDir('setup-path');
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = runSetup(bin);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(
      'test setup: cannot install chromium fonts-noto-cjk jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel (no apt-get on this machine',
    );
    expect(r.stderr).toContain('the tests that need them will fail');
  });
});
