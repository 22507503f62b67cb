/**
 * The package as a billing system installs it. From a copy of the project as a fresh clone has it
 * (tracked files only: no dist/), `npm pack` builds first (`prepack`) and packs; a consumer project
 * in a temp folder installs the tarball, settles a claim with `import` and with `require`, runs a
 * simulation on worker threads from each (the worker file must travel in the tarball), runs the
 * `bashunwei` command, and type-checks code against the packed declarations with `tsc --strict`
 * and no `skipLibCheck`, under `module: nodenext` (ESM and CJS) and `moduleResolution: bundler`.
 * It installs without optional dependencies, as a billing system that only settles may:
 * better-sqlite3 (native, the service's embedded store) is then absent, the library and `settle`
 * work, and `serve` says what to do; importing the library loads neither Fastify nor a database
 * driver.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshClone } from '../support/fresh-clone.js';
import { tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const root = ROOT;
const clone = tempDir('clone');
const consumer = tempDir('consumer');
const claim = readFileSync(join(root, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8');
const node = (file: string) => execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' });
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let files: string[] = [];
let distBeforePack = true;
/** Every file under a folder, as a relative path with forward slashes. */
const filesUnder = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'));

beforeAll(() => {
  freshClone(clone); // what a fresh clone has after `npm ci`: no dist/
  distBeforePack = existsSync(join(clone, 'dist'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', consumer], {
    cwd: clone,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The prepack build may print before npm's JSON.
  const packed = JSON.parse(out.slice(out.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=optional', join(consumer, packed[0]!.filename)],
    { cwd: consumer, stdio: 'pipe' },
  );
  // A TypeScript consumer has Node's types; link the project's (the same version) rather than download them.
  mkdirSync(join(consumer, 'node_modules/@types'), { recursive: true });
  symlinkSync(join(root, 'node_modules/@types/node'), join(consumer, 'node_modules/@types/node'), 'dir');
  writeFileSync(join(consumer, 'claims.ndjson'), `${JSON.stringify(JSON.parse(claim))}\n`);
}, 1_800_000);

describe('the installed package', () => {
  it('is packed from a clone without dist/: prepack builds it first', () => {
    expect(distBeforePack).toBe(false);
    expect(files).toContain('dist/index.js');
  });

  it('ships the builds, their types, the worker, the service, the workbench page, the rules with their JSON Schemas, the docs and the README, and nothing else', () => {
    // The command's, the service's and the workbench page's code split into chunks (named by their hash) beside them.
    const chunks = files.filter((f) => /^dist\/(app\/)?[\w-]+-[\w-]{8}\.(js|d\.c?ts)$/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    expect(files.filter((f) => !f.endsWith('.map') && !chunks.includes(f)).sort()).toEqual(
      [
        'README.md',
        'LICENSE',
        'package.json',
        'dist/cli.js',
        'dist/index.cjs',
        'dist/index.d.cts',
        'dist/index.d.ts',
        'dist/index.js',
        'dist/node.cjs',
        'dist/node.d.cts',
        'dist/node.d.ts',
        'dist/node.js',
        'dist/browser.js',
        'dist/simulate-worker.js',
        'dist/service.js',
        'dist/service.cjs',
        'dist/service.d.ts',
        'dist/service.d.cts',
        'dist/app/index.html',
        'dist/app/app.css',
        'dist/app/app.js',
        'dist/app/icon.svg',
        'dist/app/worker.js',
        'docs/app.md',
        'docs/claim.md',
        'docs/policy-2017.md',
        'docs/policy-2022.md',
        'docs/service.md',
        'schema/claim.schema.json',
        ...filesUnder(join(clone, 'rules')).map((f) => `rules/${f}`),
      ].sort(),
    );
  });

  it.each([
    ['import (ESM)', 'use.mjs', `import { settle } from 'bashunwei';\nimport { simulateFile } from 'bashunwei/node';`],
    [
      'require (CommonJS)',
      'use.cjs',
      `const { settle } = require('bashunwei');\nconst { simulateFile } = require('bashunwei/node');`,
    ],
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
    const out = execFileSync(join(consumer, 'node_modules/.bin/bashunwei'), ['settle', '-'], {
      input: claim,
      encoding: 'utf8',
    });
    expect(JSON.parse(out).personal).toBe('0.00');
  });

  it('writes the workbench page from the installed package (bashunwei app --out)', () => {
    const site = join(consumer, 'site');
    execFileSync(join(consumer, 'node_modules/.bin/bashunwei'), ['app', '--out', site], { encoding: 'utf8' });
    expect(readdirSync(site)).toContain('index.html');
    expect(readdirSync(site)).toContain('worker.js');
  });

  // Code a billing developer writes against the types: the settlement, errors, the ledger, the
  // rule schemas (whose declaration once failed with TS2502), the simulation and the exports.
  const usage = `
const json: unknown = JSON.parse('{}');
const r = settle(json, { lang: 'en' });
if (r.ok) {
  const s: SettlementJson = r.value;
  const amounts: string[] = s.lines.map((l) => l.amount);
  console.log(s.personal, amounts);
} else {
  const first: ClaimIssue | undefined = r.errors[0];
  const code: ClaimErrorCode | undefined = first?.code;
  console.log(code === ClaimErrorCode.INVALID_AMOUNT);
}
const batch = createBatch({});
const ledger: Ledger = batch.ledger();
console.log(JSON.stringify(ledgerToJson(ledger)));
const persons = ruleFileSchemas()['persons.json'].safeParse({});
console.log(persons.success, RULE_FILE_SCHEMA_NAMES.length);
const fen: Fen | undefined = parseAmount('12.50');
console.log(fen === undefined ? '' : formatFen(fen), CLAIM_CSV_COLUMNS.length);
// A FHIR ClaimResponse is read without casts (it was a Record<string, unknown>).
const settled = createBatch({}).settle(json);
if (settled.ok) {
  const cr: FhirClaimResponse = claimResponse(settled.record, { created: '2017-06-10T12:00:00+08:00' });
  const benefit: number | undefined = cr.total.find((t) => t.category.coding[0]?.code === 'benefit')?.amount.value;
  console.log(benefit, cr.item[0]?.adjudication.length, cr.payment.amount.currency);
}
`;
  const imports = `{ settle, createBatch, ledgerToJson, ruleFileSchemas, RULE_FILE_SCHEMA_NAMES, parseAmount, formatFen, CLAIM_CSV_COLUMNS, ClaimErrorCode, type SettlementJson, type ClaimIssue, type Ledger, type Fen, claimResponse, type FhirClaimResponse }`;
  const strict = {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: ['node'],
    target: 'ES2022',
    lib: ['ES2022'],
    noUncheckedIndexedAccess: true,
  };

  it.each([
    [
      'module nodenext, an ESM consumer',
      { module: 'nodenext', moduleResolution: 'nodenext' },
      'esm.mts',
      `import ${imports} from 'bashunwei';\n${usage}`,
    ],
    [
      'module nodenext, a CommonJS consumer',
      { module: 'nodenext', moduleResolution: 'nodenext' },
      'cjs.cts',
      `import ${imports} from 'bashunwei';\n${usage}`,
    ],
    [
      'moduleResolution bundler',
      { module: 'esnext', moduleResolution: 'bundler' },
      'bundled.ts',
      `import ${imports} from 'bashunwei';\n${usage}`,
    ],
  ])(
    'the packed declarations type-check with tsc --strict and no skipLibCheck: %s',
    (name, options, file, code) => {
      const dir = join(consumer, `types-${file.replace('.', '-')}`);
      mkdirSync(dir);
      writeFileSync(join(dir, file), code);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { ...strict, ...options }, files: [file] }),
      );
      let out = '';
      try {
        out = execFileSync(process.execPath, [tsc, '-p', dir, '--listFiles'], { cwd: consumer, encoding: 'utf8' });
      } catch (e) {
        out = (e as { stdout: string }).stdout;
      }
      expect(
        out.split('\n').filter((l) => l.includes('error TS')),
        name,
      ).toEqual([]);
      // And the right declaration file was the one checked: .d.cts for require, .d.ts for import.
      expect(out).toContain(file === 'cjs.cts' ? 'bashunwei/dist/index.d.cts' : 'bashunwei/dist/index.d.ts');
    },
    1_200_000,
  );

  it('loads neither Fastify nor a database driver when the library is imported', () => {
    const loaded = execFileSync(
      process.execPath,
      [
        '-e',
        `require('bashunwei'); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\\\/](fastify|pg|better-sqlite3|prom-client)[\\\\/]/.test(k))))`,
      ],
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

  /** `bashunwei serve` on an SQLite file of the consumer: its exit status and what it said. */
  const serveSqlite = (file: string): { status: number; stderr: string } => {
    try {
      execFileSync(join(consumer, 'node_modules/.bin/bashunwei'), ['serve', '--db', join(consumer, file)], {
        cwd: consumer,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { status: 0, stderr: '' };
    } catch (e) {
      return { status: (e as { status: number }).status, stderr: (e as { stderr: string }).stderr };
    }
  };

  it('says what to do when `serve` is asked for SQLite without the optional better-sqlite3', () => {
    const { status, stderr } = serveSqlite('x.sqlite');
    expect(status).toBe(2);
    expect(stderr).toMatch(/better-sqlite3 cannot be loaded .*npm install better-sqlite3@12.* --db postgres:\/\//);
  });

  it('says what to do when better-sqlite3 is installed but its compiled part is missing', () => {
    // The real package without its build/ folder: what an install with no compiler and no
    // prebuilt binary leaves behind (the compiled part is loaded when a database is opened).
    const modules = join(consumer, 'node_modules');
    const copied = ['better-sqlite3', 'bindings', 'file-uri-to-path'];
    for (const name of copied)
      cpSync(join(root, 'node_modules', name), join(modules, name), {
        recursive: true,
        filter: (src) => !src.includes(`${sep}build`),
      });
    let answer: { status: number; stderr: string };
    try {
      answer = serveSqlite('y.sqlite');
    } finally {
      for (const name of copied) rmSync(join(modules, name), { recursive: true, force: true });
    }
    expect(answer.status).toBe(2);
    expect(answer.stderr).toMatch(
      /better-sqlite3 is installed but its compiled part cannot be loaded \(Could not locate the bindings file.*npm rebuild better-sqlite3.*npm install better-sqlite3@12.* --db postgres:\/\//,
    );
    expect(answer.stderr).not.toMatch(/cannot use the SQLite file/);
  });
});
