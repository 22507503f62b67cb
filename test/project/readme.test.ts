/**
 * The README cannot go stale. Every code block marked `<!-- snippet:NAME -->` is extracted and
 * run: TypeScript with tsx (`'bashunwei'` is this project's src/index.ts) in a temporary folder
 * that holds a copy of examples/claims, JSON parsed. Every TypeScript block must be marked, so a
 * new one is tested as soon as it is written. And every number marked
 * `<!-- count:NAME -->N<!-- /count -->` must be what it counts (`UPDATE_README=1` rewrites them).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/usage.js';
import { ClaimErrorCode } from '../../src/errors/codes.js';
import { tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const root = ROOT;
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');

/** The fenced code blocks of the README, with the snippet name of the comment just above, if any. */
function codeBlocks(text: string): { name: string | undefined; lang: string; code: string; line: number }[] {
  const blocks = [];
  const re = /(?:<!-- snippet:([\w-]+)[^>]*-->\n)?^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ name: m[1], lang: m[2]!, code: m[3]!, line: text.slice(0, m.index).split('\n').length });
  }
  return blocks;
}

const blocks = codeBlocks(readme);
const snippets = blocks.filter((b) => b.name !== undefined);

describe('the README', () => {
  it('marks every TypeScript block as a snippet, so that each is run below', () => {
    expect(
      blocks
        .filter((b) => (b.lang === 'ts' || b.lang === 'typescript') && b.name === undefined)
        .map((b) => `README.md:${b.line}`),
    ).toEqual([]);
    expect(snippets.map((s) => s.name)).toContain('library');
  });

  it("shows the command's synopsis exactly as `bashunwei --help` prints it", () => {
    const section = readme.slice(readme.indexOf('## Command line'));
    const [synopsis] = codeBlocks(section);
    expect(synopsis!.code).toBe(USAGE.replace(/^usage:\n/, '').replace(/^  /gm, ''));
  });

  it.each(snippets.filter((s) => s.lang === 'ts').map((s) => [s.name!, s] as const))('snippet %s runs', (name, s) => {
    const dir = tempDir(`readme-${name}`);
    cpSync(join(root, 'examples/claims'), join(dir, 'examples/claims'), { recursive: true });
    const file = join(dir, `${name}.ts`);
    writeFileSync(file, s.code.replace(/from 'bashunwei'/g, `from ${JSON.stringify(join(root, 'src/index.ts'))}`));
    const out = execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), file], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out.length).toBeGreaterThan(0);
  });

  it.each(snippets.filter((s) => s.lang === 'json').map((s) => [s.name!, s] as const))('snippet %s is JSON', (_, s) => {
    // A fragment such as `"ratio": {…}` is read as the member of an object.
    const text = s.code.trim().startsWith('"') ? `{${s.code}}` : s.code;
    expect(() => JSON.parse(text)).not.toThrow();
  });

  /** What each marked count counts. */
  const COUNTS: Record<string, () => number> = {
    'claim-error-codes': () => Object.values(ClaimErrorCode).length,
    'bad-input-corpus': () =>
      readdirSync(join(root, 'test/corpus/bad-claims')).filter((f) => f.endsWith('.ndjson')).length,
    // The golden files hold one `## case` heading per case of their tables (their tests keep them whole).
    'bad-claims': () => readFileSync(join(root, 'test/golden/claim-errors.txt'), 'utf8').match(/^## /gm)!.length,
    'rule-file-mistakes': () => readFileSync(join(root, 'test/golden/rule-errors.txt'), 'utf8').match(/^## /gm)!.length,
  };

  it('writes every count as what it counts (UPDATE_README=1 rewrites them)', () => {
    const marked = /<!-- count:([\w-]+) -->(\d+)<!-- \/count -->/g;
    const wrong: string[] = [];
    const fixed = readme.replace(marked, (all, name: string, n: string) => {
      const count = COUNTS[name];
      if (!count) {
        wrong.push(`unknown count ${name}`);
        return all;
      }
      const actual = count();
      if (actual !== Number(n)) wrong.push(`${name}: the README says ${n}, it is ${actual}`);
      return `<!-- count:${name} -->${actual}<!-- /count -->`;
    });
    if (process.env.UPDATE_README === '1') writeFileSync(readmePath, fixed);
    else expect(wrong).toEqual([]);
    expect([...readme.matchAll(marked)].length).toBeGreaterThanOrEqual(4);
  });
});
