/**
 * The package as a billing system installs it: `npm pack`, then a consumer project in a temp
 * folder installs the tarball and settles a claim with `import` and with `require`, runs a
 * simulation on worker threads from each (the worker file must travel in the tarball), and runs the
 * `bashunwei` command.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const root = join(__dirname, '..');
const consumer = tempDir('consumer');
const claim = readFileSync(join(root, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8');
const node = (file: string) => execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' });
let files: string[] = [];
/** The files under a folder of the project, as paths from the project's root (sub-folders included). */
const filesUnder = (dir: string): string[] =>
  (readdirSync(join(root, dir), { recursive: true }) as string[]).map((f) => `${dir}/${f.split(sep).join('/')}`).filter((f) => statSync(join(root, f)).isFile());

beforeAll(() => {
  execFileSync('npx', ['tsup', '--silent'], { cwd: root });
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', consumer], { cwd: root, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(consumer, packed[0]!.filename)], { cwd: consumer, stdio: 'pipe' });
  writeFileSync(join(consumer, 'claims.ndjson'), `${JSON.stringify(JSON.parse(claim))}\n`);
}, 180_000);

describe('the installed package', () => {
  it('ships the builds, their types, the worker, the rules with their JSON Schemas and the README, and nothing else', () => {
    expect(files.filter((f) => !f.endsWith('.map')).sort()).toEqual(
      [
        'README.md',
        'package.json',
        'dist/cli.js',
        'dist/index.cjs',
        'dist/index.d.cts',
        'dist/index.d.ts',
        'dist/index.js',
        'dist/simulate-worker.js',
        // Every rule folder (both shipped rule sets, their tiers/) and the JSON Schemas.
        ...filesUnder('rules'),
      ].sort(),
    );
  });

  it.each([
    ['import (ESM)', 'use.mjs', `import { settle, simulateFile } from 'bashunwei';`],
    ['require (CommonJS)', 'use.cjs', `const { settle, simulateFile } = require('bashunwei');`],
  ])('settles a claim and simulates on two workers from %s', (_, file, load) => {
    writeFileSync(
      join(consumer, file),
      `${load}
const r = settle(${claim});
if (!r.ok) throw new Error(JSON.stringify(r.errors));
simulateFile({ file: 'claims.ndjson', format: 'ndjson', variants: [{ name: 'b' }], workers: 2 }).then((s) =>
  console.log(JSON.stringify({ personal: r.value.personal, lines: r.value.lines.length, simulated: s.variants[0].aggregates.all.claims })));
`,
    );
    expect(JSON.parse(node(file))).toEqual({ personal: '0.00', lines: 8, simulated: 1 });
  });

  it('installs the bashunwei command', () => {
    const out = execFileSync(join(consumer, 'node_modules/.bin/bashunwei'), ['settle', '-'], { input: claim, encoding: 'utf8' });
    expect(JSON.parse(out).personal).toBe('0.00');
  });
});
