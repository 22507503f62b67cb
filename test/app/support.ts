/**
 * Helpers of the workbench's tests: the command run in-process, a zip unpacked to disk, and a
 * rule book written as standalone rule folders (each rule set's merged files, `extends` dropped,
 * as `reformRules` itself checks a copy): the independent form of "the embedded rules with these
 * parameter changes" that `bashunwei simulate --rules` reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { unzipSync } from 'fflate';
import { main } from '../../src/cli/main.js';
import type { RuleBook } from '../../src/scheme/book.js';
import type { ReformSpec } from '../../src/app/reform/reform-spec.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import type { ParameterChange } from '../../src/scheme/reform.js';

/** The tilted payment (2017) raised from 20% to 30%: a reform of the whole 2017 period. */
export const TILT_30: ParameterChange = {
  set: 'ziyang-2017',
  file: 'tiers/tilt-payment.json',
  path: 'shares.in-scope.ratio',
  value: '0.30',
};
/** Medical assistance for the dibao (2022) raised from 70% to 80% from 2023: a value added on a date. */
export const DIBAO_80: ParameterChange = {
  set: 'ziyang-2022',
  file: 'tiers/medical-assistance.json',
  path: 'rows.dibao.ratio',
  value: '0.80',
  from: '2023-01-01',
};

/**
 * Runs `bashunwei` with `argv` in this process.
 *
 * @example
 * const r = await runCommand(['rules', 'check', dir]); r.code // 0
 */
export async function runCommand(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), stdin: Readable.from(['']) });
  return { code, out, err };
}

/**
 * Unpacks a zip's bytes into `dir`; returns the paths it held.
 *
 * @example
 * unzipTo(bytes, tmp) // ["bashunwei-reform/README.txt", …]
 */
export function unzipTo(bytes: Uint8Array, dir: string): string[] {
  const files = unzipSync(bytes);
  for (const [path, content] of Object.entries(files)) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return Object.keys(files);
}

/**
 * Writes a rule book as one standalone folder per rule set (its merged files), under `dir`.
 *
 * @example
 * writeStandaloneBook(reformRules(defaultRules(), changes).value, join(tmp, 'reform'))
 */
export function writeStandaloneBook(book: RuleBook, dir: string): void {
  for (const set of book.sets) {
    for (const [file, content] of Object.entries(set.files as unknown as Record<string, Record<string, unknown>>)) {
      const json = file === 'ruleset.json' ? (({ extends: _e, patches: _p, ...rs }) => rs)(content) : content;
      mkdirSync(dirname(join(dir, set.id, file)), { recursive: true });
      writeFileSync(join(dir, set.id, file), `${JSON.stringify(json, null, 2)}\n`);
    }
  }
}

/**
 * A reform of structure (README, "Extending a folder"): supplementary insurance switched off, the
 * tilted payment extended to the rural dibao (a changed condition), and raised to 30%.
 */
export const STRUCTURE: ReformSpec = {
  changes: [TILT_30],
  tiers: [
    {
      set: 'ziyang-2017',
      order: defaultRules().sets[0]!.files['ruleset.json'].tiers.order.filter((t) => t !== 'supplementary-insurance'),
    },
  ],
  conditions: [
    {
      set: 'ziyang-2017',
      file: 'tiers/tilt-payment.json',
      path: 'applies.when',
      when: {
        all: [
          { fact: 'category', operator: 'in', value: ['registered-poor', 'rural-dibao'] },
          { fact: 'visitKind', operator: 'notEqual', value: 'general-outpatient' },
        ],
      },
    },
  ],
};
