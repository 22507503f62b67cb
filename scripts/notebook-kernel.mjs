#!/usr/bin/env node
/**
 * `npm run notebook:kernel`: registers the tslab TypeScript kernel of this clone with Jupyter, so
 * that `jupyter notebook examples/notebooks/reform.ipynb` starts (README, Simulation). `npx tslab
 * install` does not do it for a local install: the kernel it writes starts a bare `tslab`, which
 * is on no PATH unless tslab is installed globally, and it runs `python3`, which on many machines
 * (pyenv, a virtualenv) is not the Python that has Jupyter. Here the kernel starts this Node with
 * the clone's own tslab by absolute paths, and Jupyter installs it (`jupyter kernelspec install
 * --user`, with the Python of the `jupyter` command itself). Run it again after moving the clone
 * or changing Node.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tslab = join(root, 'node_modules', 'tslab', 'bin', 'tslab');
if (!existsSync(tslab)) {
  console.error(`notebook:kernel: ${tslab} is missing: run npm ci first`);
  process.exit(1);
}
try {
  execFileSync('jupyter', ['kernelspec', '--version'], { stdio: 'ignore' });
} catch {
  console.error(
    'notebook:kernel: Jupyter is missing (no `jupyter kernelspec` on PATH): on Debian apt-get install jupyter-notebook, elsewhere pip install notebook',
  );
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'bashunwei-kernel-'));
try {
  const spec = join(dir, 'tslab');
  mkdirSync(spec);
  // The argv tslab's own installer writes, with the Node and the tslab of this clone by absolute path.
  writeFileSync(
    join(spec, 'kernel.json'),
    `${JSON.stringify(
      {
        argv: [process.execPath, tslab, 'kernel', '--config-path', '{connection_file}'],
        display_name: 'TypeScript',
        language: 'typescript',
      },
      null,
      2,
    )}\n`,
  );
  execFileSync('jupyter', ['kernelspec', 'install', '--user', '--replace', '--name', 'tslab', spec], {
    stdio: 'inherit',
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
