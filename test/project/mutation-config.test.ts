/**
 * The mutation run the README describes (Reliability): a full run takes from minutes to an hour,
 * so no test runs `npx stryker run`; this one holds what the command reads to what the README
 * says: every module it names is mutated and exists, every `--mutate` the README shows names
 * files that exist, and every test folder the README lists is one the run's tests include.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import stryker from '../../stryker.config.json';
import { ROOT } from '../support/paths.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const reliability = readme.slice(readme.indexOf('**Mutation testing**'), readme.indexOf('## Tests'));
const strykerVitest = readFileSync(join(ROOT, 'vitest.stryker.config.ts'), 'utf8');

/** The TypeScript files under a folder of the project, recursively. */
const tsFilesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe("the README's mutation run", () => {
  it('mutates exactly the modules the README names, each a folder of TypeScript files', () => {
    const globs = stryker.mutate;
    expect(globs).toEqual(
      ['src/claim', 'src/ledger', 'src/kinds', 'src/settle', 'src/money'].map((d) => `${d}/**/*.ts`),
    );
    for (const g of globs) {
      const dir = g.replace('/**/*.ts', '');
      expect(reliability, dir).toContain(`\`${dir}\``);
      expect(tsFilesUnder(dir).length, dir).toBeGreaterThan(0);
    }
  });

  it('shows --mutate only with files and modules that exist', () => {
    // A command may be wrapped across lines, and --mutate may list several targets.
    const shown = [...reliability.matchAll(/--mutate\s+'?([^'`\s]+)'?/g)].flatMap((m) => m[1]!.split(','));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const target of shown)
      if (target.endsWith('/**/*.ts'))
        expect(tsFilesUnder(target.replace('/**/*.ts', '')).length, target).toBeGreaterThan(0);
      else expect(existsSync(join(ROOT, target)), target).toBe(true);
  });

  it('runs against each mutant the test folders the README lists, and they exist', () => {
    const listed = [...reliability.matchAll(/`test\/([a-z-]+)`/g)].map((m) => m[1]!);
    const included = /test\/\{([^}]+)\}/.exec(strykerVitest)![1]!.split(',');
    expect(listed.length).toBeGreaterThan(3);
    for (const d of listed) {
      expect(included, d).toContain(d);
      expect(existsSync(join(ROOT, 'test', d)), d).toBe(true);
    }
  });
});
