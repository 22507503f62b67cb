/** The seeds: the clause index agrees with the rules, and the synthetic generator is deterministic and valid. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClaims, generateNumberedClaims } from '../../seeds/generator.js';
import clauses from '../../seeds/clauses.json';
import { defaultRules } from '../../src/scheme/embedded.js';
import { listParameters } from '../../src/scheme/parameters.js';
import { settleBatch } from '../../src/contract/settle-json.js';
import { ROOT, TEST } from '../support/paths.js';

describe('the clause index', () => {
  it('lists every clause the rules of both rule sets cite, and every clause it lists is cited', () => {
    const cited = new Set<string>();
    const walk = (n: unknown): void => {
      if (typeof n !== 'object' || n === null) return;
      if (Array.isArray(n)) return n.forEach(walk);
      for (const [k, v] of Object.entries(n)) {
        if (k === 'clause' && typeof v === 'string') cited.add(v);
        else walk(v);
      }
    };
    for (const set of defaultRules().sets) walk(set.files);
    const listed = clauses.clauses.map((c) => c.id);
    expect([...cited].sort()).toEqual([...listed].sort());
    for (const set of defaultRules().sets)
      for (const p of listParameters(set.files)) expect(listed, `${set.id} ${p.file} ${p.path}`).toContain(p.clause);
  });

  it('summarises in our own words: no summary repeats a run of ten characters of the plan', () => {
    // The plan is not copied into the project: only hashes of its 10-character windows are kept.
    const windows = new Set(
      readFileSync(join(TEST, 'fixtures', 'plan-section-7.windows.txt'), 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('#')),
    );
    expect(windows.size).toBeGreaterThan(3000);
    const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 10);
    for (const c of clauses.clauses) {
      const chars = [...c.summary];
      for (let i = 0; i + 10 <= chars.length; i++)
        expect(windows.has(hash(chars.slice(i, i + 10).join(''))), `${c.id}: ${chars.slice(i, i + 10).join('')}`).toBe(
          false,
        );
    }
    // The check itself can fail: a window of the plan is found.
    expect(windows.has(hash('实施八顺位梯次保障政策'.slice(0, 10)))).toBe(true);
  });
});

describe('the synthetic claim generator', () => {
  const text = (n: number, seed: number) =>
    [...generateClaims({ claims: n, seed, year: 2018 })].map((c) => JSON.stringify(c)).join('\n');

  it('gives byte-identical claims for the same seed, and others for another seed', () => {
    expect(text(300, 5)).toBe(text(300, 5));
    expect(text(300, 5)).not.toBe(text(300, 6));
  });

  it('reproduces the committed sample (seeds/claims-sample-200.ndjson, seed 2017)', () => {
    expect(`${text(200, 2017)}\n`).toBe(readFileSync(join(ROOT, 'seeds', 'claims-sample-200.ndjson'), 'utf8'));
  });

  it.each([
    ['one year', { claims: 3000, seed: 7, year: 2018 }],
    ['a span of years across both schemes', { claims: 3000, seed: 3, years: [2019, 2023] as const }],
  ])(
    'keeps, when told to keep some persons (%s), exactly their claims of the whole stream at their lines, and the shares add up to it',
    (_, options) => {
      const whole = [...generateClaims(options)].map((c) => JSON.stringify(c));
      const keptClaims = (keep: (id: string) => boolean) =>
        [...generateNumberedClaims(options, keep)].map(([line, c]) => [line, JSON.stringify(c)] as const);
      const odd = keptClaims((id) => Number(id.at(-1)) % 2 === 1);
      const even = keptClaims((id) => Number(id.at(-1)) % 2 === 0);
      expect(odd.length).toBeGreaterThan(0);
      expect(even.length).toBeGreaterThan(0);
      for (const [line, c] of [...odd, ...even]) expect(c).toBe(whole[line - 1]);
      expect(odd.length + even.length).toBe(whole.length);
      expect(
        odd.every(([, c]) => Number((JSON.parse(c) as { person: { id: string } }).person.id.at(-1)) % 2 === 1),
      ).toBe(true);
    },
  );

  it('makes claims that are all valid and all settle, every pathway represented', () => {
    const claims = [
      ...generateClaims({ claims: Math.min(3000, 10 * Number(process.env.FC_RUNS ?? 3000)), seed: 11, year: 2019 }),
    ];
    const { outcomes } = settleBatch(claims);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const kinds = new Set(claims.map((c) => (c.visit as { kind: string }).kind));
    expect([...kinds].sort()).toEqual(['delivery', 'general-outpatient', 'inpatient', 'special-outpatient']);
    const categories = new Set(claims.map((c) => (c.person as { category: string }).category));
    expect(categories.size).toBe(3);
  });
});

describe('seeds/generate.ts, the command around the generator', () => {
  /** Runs the script with tsx as the README does; stdout, stderr and the exit code. */
  const generate = (...args: string[]) => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'seeds/generate.ts'), ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      },
    );
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const USAGE =
    /^usage: tsx seeds\/generate\.ts --claims N --seed S \[--year Y \| --years Y\|FROM-TO\] \[--format ndjson\|csv\]/m;

  it('writes, for valid options, the claims of the generator byte for byte (what the workbench page reproduces)', () => {
    const r = generate('--claims', '120', '--seed', '7', '--years', '2019-2023');
    expect([r.code, r.err]).toEqual([0, '']);
    const expected = [...generateClaims({ claims: 120, seed: 7, years: [2019, 2023] })].map(
      (c) => `${JSON.stringify(c)}\n`,
    );
    expect(r.out).toBe(expected.join(''));
    expect(generate('--claims', '200', '--seed', '2017').out).toBe(
      readFileSync(join(ROOT, 'seeds', 'claims-sample-200.ndjson'), 'utf8'),
    );
  }, 600_000);

  it.each([
    ['a misspelt option', ['--yaer', '2023'], /Unknown option '--yaer'/],
    ['a value missing', ['--claims'], /'--claims <value>' argument missing/],
    ['a word that is no option', ['2023'], /Unexpected argument '2023'/],
    [
      'a span that is not one',
      ['--years', '2019-'],
      /--years must be a year or a span of years, like 2023 or 2019-2023/,
    ],
  ])(
    'refuses %s with exit 2, the reason and the usage line, and writes no claim',
    (_, args, reason) => {
      const r = generate(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(reason);
      expect(r.err).toMatch(USAGE);
    },
    120_000,
  );

  it('takes --years with one year as the workbench writes it: the claims of --year', () => {
    const one = generate('--claims', '50', '--seed', '7', '--years', '2023');
    expect(one.code).toBe(0);
    expect(one.out).toBe(generate('--claims', '50', '--seed', '7', '--year', '2023').out);
  }, 600_000);

  it('prints its usage for --help, and no claim', () => {
    const r = generate('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(USAGE);
    expect(r.out.split('\n').filter((l) => l.startsWith('{'))).toEqual([]);
  }, 600_000);

  it('says in one line that no rule set is in force in 2021, exit 2, no stack trace', () => {
    const r = generate('--year', '2021');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^seeds\/generate\.ts: no rule set is in force in 2021 \(ziyang-2017: .*\): there is no claim to make$/,
      ),
    ]);
  }, 600_000);

  it('leaves the generator free of Node: seeds/generator.ts bundles for a browser', async () => {
    const { build } = await import('esbuild');
    const r = await build({
      entryPoints: [join(ROOT, 'seeds', 'generator.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(r.errors).toEqual([]);
    expect(r.outputFiles[0]!.text).not.toMatch(
      /from ["']node:|require\(["'](node:)?(fs|path|url|worker_threads)["']\)/,
    );
  }, 600_000);
});
