#!/usr/bin/env node
/**
 * What `npm test` needs besides the npm packages, installed before the tests run (`pretest`, so
 * `npm ci && npm test` sets itself up on a fresh Debian or Ubuntu machine; `.ci/run` runs the same
 * `npm test`):
 * - the report and statement tests open HTML pages in a real headless Chromium (`chromium`), with
 *   a CJK font (`fonts-noto-cjk`) so that screenshots and layout checks measure real glyphs;
 * - the service's tests start throwaway PostgreSQL servers from Debian's server binaries
 *   (`postgresql`, /usr/lib/postgresql/N/bin);
 * - the notebook test registers a kernel and executes examples/notebooks/reform.ipynb with
 *   Jupyter (`jupyter-nbconvert`, `python3-nbclient`, `jupyter-client`, `python3-ipykernel`;
 *   without nbconvert's recommendations, pandoc and TeX, which are for other exports).
 * A test tool's own downloads (Playwright's browsers) are not used: the tests run offline but for
 * this one `apt-get`. What is already there is not touched. What cannot be installed (not root
 * and no password-less sudo, or no apt-get) is said in one line, and the tests run anyway: those
 * that need it fail and say what is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** True when the command runs and exits 0. */
const runs = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
/** True when an executable of that name is on PATH (as `command -v`; quicker than starting it). */
const onPath = (name) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, name)));
const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

const postgresBins = () => {
  const dir = '/usr/lib/postgresql';
  return existsSync(dir) && readdirSync(dir).some((v) => existsSync(`${dir}/${v}/bin/initdb`));
};
const cjkFont = () => {
  try {
    return execFileSync('fc-list', { encoding: 'utf8' }).includes('Noto Sans CJK');
  } catch {
    return false;
  }
};

/** Each part: the packages that give it, whether it is there, and whether apt may add recommended packages. */
const PARTS = [
  { packages: ['chromium'], present: () => onPath('chromium'), recommends: true },
  { packages: ['fonts-noto-cjk'], present: cjkFont, recommends: true },
  { packages: ['postgresql'], present: postgresBins, recommends: true },
  {
    packages: ['jupyter-nbconvert', 'python3-nbclient', 'jupyter-client', 'python3-ipykernel'],
    present: () => onPath('jupyter-nbconvert') && onPath('jupyter-kernelspec'),
    recommends: false,
  },
];

const missing = PARTS.filter((p) => !p.present());
if (missing.length === 0) process.exit(0);

const names = missing.flatMap((p) => p.packages).join(' ');
const root = process.getuid?.() === 0;
const sudo = !root && runs('sudo', ['-n', 'true']);
const why = !onPath('apt-get')
  ? 'no apt-get on this machine: install their equivalents with its package manager'
  : !root && !sudo
    ? `not root and no password-less sudo: run sudo apt-get install ${names}`
    : undefined;
if (why) {
  console.error(`test setup: cannot install ${names} (${why}); the tests that need them will fail`);
  process.exit(0);
}

const apt = (args) => {
  const [cmd, all] = root ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
  return (
    spawnSync(cmd, all, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  );
};
console.error(`test setup: installing ${names} (apt-get)…`);
const installed =
  apt(['update', '-qq']) &&
  [true, false].every((recommends) => {
    const packages = missing.filter((p) => p.recommends === recommends).flatMap((p) => p.packages);
    return (
      packages.length === 0 ||
      apt(['install', '-y', '-qq', ...(recommends ? [] : ['--no-install-recommends']), ...packages])
    );
  });
const still = missing.filter((p) => !p.present()).flatMap((p) => p.packages);
if (!installed || still.length > 0)
  console.error(
    `test setup: cannot install ${still.join(' ') || names} (apt-get failed, see above); the tests that need them will fail`,
  );
