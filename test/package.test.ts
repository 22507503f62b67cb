/**
 * The package as a billing system installs it: `npm pack`, then a consumer project in a temp
 * folder installs the tarball and settles a claim with `import` and with `require`, runs a
 * simulation on worker threads from each (the worker file must travel in the tarball), and runs the
 * `bashunwei` command. It installs without optional dependencies, as a billing system that only
 * settles may: better-sqlite3 (native, the service's embedded store) is then absent, the library
 * and `settle` work, and `serve` says what to do; importing the library loads neither Fastify nor
 * a database driver.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const consumer = mkdtempSync(join(tmpdir(), 'bashunwei-consumer-'));
const claim = readFileSync(join(root, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8');
const node = (file: string) => execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' });
let files: string[] = [];

beforeAll(() => {
  execFileSync('npx', ['tsup', '--silent'], { cwd: root });
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', consumer], { cwd: root, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=optional', join(consumer, packed[0]!.filename)], { cwd: consumer, stdio: 'pipe' });
  writeFileSync(join(consumer, 'claims.ndjson'), `${JSON.stringify(JSON.parse(claim))}\n`);
}, 300_000);

describe('the installed package', () => {
  it('ships the builds, their types, the worker, the service, the rules with their JSON Schemas and the README, and nothing else', () => {
    // The command's and the service's code split into chunks (named by their hash) beside them.
    const chunks = files.filter((f) => /^dist\/[\w-]+-[A-Z0-9]{8}\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    expect(files.filter((f) => !f.endsWith('.map') && !chunks.includes(f)).sort()).toEqual(
      [
        'README.md',
        'package.json',
        'dist/cli.js',
        'dist/index.cjs',
        'dist/index.d.cts',
        'dist/index.d.ts',
        'dist/index.js',
        'dist/simulate-worker.js',
        'dist/service.js',
        'dist/service.cjs',
        'dist/service.d.ts',
        'dist/service.d.cts',
        ...readdirSync(join(root, 'rules/ziyang-2017')).map((f) => `rules/ziyang-2017/${f}`),
        ...readdirSync(join(root, 'rules/schema')).map((f) => `rules/schema/${f}`),
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

  it('loads neither Fastify nor a database driver when the library is imported', () => {
    const loaded = execFileSync(
      process.execPath,
      ['-e', `require('bashunwei'); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\\\/](fastify|pg|better-sqlite3|prom-client)[\\\\/]/.test(k))))`],
      { cwd: consumer, encoding: 'utf8' },
    );
    expect(JSON.parse(loaded)).toEqual([]);
    for (const build of ['index.js', 'index.cjs']) {
      const text = readFileSync(join(consumer, 'node_modules/bashunwei/dist', build), 'utf8');
      expect(text, build).not.toMatch(/(from |require\()["'](fastify|pg|better-sqlite3|prom-client)["']/);
    }
  });

  it.each([
    ['import (ESM)', 'service.mjs', `import { buildService, openStore } from 'bashunwei/service';`],
    ['require (CommonJS)', 'service.cjs', `const { buildService, openStore } = require('bashunwei/service');`],
  ])('offers the service for embedding from %s', (_, file, load) => {
    writeFileSync(join(consumer, file), `${load}\nconsole.log(typeof buildService, typeof openStore);\n`);
    expect(node(file).trim()).toBe('function function');
  });

  it('says what to do when `serve` is asked for SQLite without the optional better-sqlite3', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(join(consumer, 'node_modules/.bin/bashunwei'), ['serve', '--db', join(consumer, 'x.sqlite')], { cwd: consumer, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = (e as { stderr: string }).stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/better-sqlite3 cannot be loaded .*npm install better-sqlite3@12.* --db postgres:\/\//);
  });
});
