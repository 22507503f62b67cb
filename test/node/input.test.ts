/** The byte reader of the command, with small limits so that every bound is tested at its edge. */
import { mkdirSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { byteLines, readClaims } from '../../src/node/input.js';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import { main } from '../../src/cli/main.js';
import { mulDiv, mulDivRem } from '../../src/money/rounding.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import { emptyYearLedger } from '../../src/ledger/year-ledger.js';
import { baseClaim, tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const collect = async <T>(g: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of g) out.push(x);
  return out;
};
const lines = (chunks: (string | Buffer)[], max: number) => collect(byteLines(chunks, max));
const claims = (chunks: (string | Buffer)[], line = 10, document = 40) =>
  collect(readClaims(chunks, { line, document }));

describe('splitting bytes into lines', () => {
  it('splits on newlines across chunks, drops a CR before LF, and keeps a last line without newline', async () => {
    const got = await lines(['ab', 'c\r\nde', '\n\nf'], 100);
    expect(got.map((l) => ('bytes' in l ? `${l.line}:${l.bytes.toString()}` : `${l.line}:long`))).toEqual([
      '1:abc',
      '2:de',
      '3:',
      '4:f',
    ]);
  });

  it('keeps a line of exactly the limit, refuses one byte more without holding it', async () => {
    const got = await lines(['12345\n123456\n', Buffer.from('x')], 5);
    expect(got).toEqual([
      { line: 1, bytes: Buffer.from('12345') },
      { line: 2, tooLong: 6 },
      { line: 3, bytes: Buffer.from('x') },
    ]);
  });

  it('yields nothing for empty input and one empty line for a lone newline', async () => {
    expect(await lines([], 5)).toEqual([]);
    expect(await lines(['\n'], 5)).toEqual([{ line: 1, bytes: Buffer.alloc(0) }]);
  });
});

describe('reading claims', () => {
  it('reads NDJSON line by line, skipping blank lines, with their line numbers', async () => {
    expect(await claims(['{"a":1}\n\n{"b":2}\n'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 3, text: '{"b":2}' },
    ]);
  });

  it('reads a document spread over lines as one claim', async () => {
    expect(await claims(['{\n"a":\n1}\n'])).toEqual([{ line: 1, text: '{\n"a":\n1}' }]);
  });

  it('refuses a document beyond its limit, and a too-long or non-UTF-8 line inside a document', async () => {
    const big = await claims(['{\n', '"a": "0123456789012345678901234567890123456789"\n}'], 100, 40);
    expect(big).toEqual([{ line: 1, error: expect.objectContaining({ code: 'input_too_large' }) }]);
    const long = await claims(['{\n"0123456789"\n}'], 5, 100);
    expect(long).toEqual([{ line: 2, error: expect.objectContaining({ code: 'input_too_large' }) }]);
    const bad = await claims([Buffer.from('{\n"\xff"\n}', 'latin1')], 100, 100);
    expect(bad).toEqual([
      {
        line: 2,
        error: expect.objectContaining({ code: 'invalid_utf8', message: expect.stringContaining('第 2 行') }),
      },
    ]);
  });

  it('falls back to lines when the document does not parse, and carries on after bad lines', async () => {
    const got = await claims(['{x\n{"a":1}\n'], 100, 100);
    expect(got).toEqual([
      { line: 1, text: '{x' },
      { line: 2, text: '{"a":1}' },
    ]);
    const mixed = await claims([Buffer.from('0123456789012\n\xff\n{"a":1}\n', 'latin1')], 10, 100);
    expect(mixed.map((r) => ('error' in r ? `${r.line}:${r.error.code}` : `${r.line}:${r.text}`))).toEqual([
      '1:input_too_large',
      '2:invalid_utf8',
      '3:{"a":1}',
    ]);
  });
});

describe('exact products beyond 2^53', () => {
  it('round an exact half up where doubles would lose the remainder', () => {
    // (10^14 + 5) × 10^5 = 10^19 + 500,000 exactly; as a double it is 10^19 + 499,712.
    expect(mulDiv(1e14 + 5, 100_000, 1_000_000, 'half-up')).toBe(10_000_000_000_001);
    expect(mulDiv(1e14 + 5, 100_000, 1_000_000, 'floor')).toBe(10_000_000_000_000);
    expect(mulDiv(1e14 + 4, 100_000, 1_000_000, 'half-up')).toBe(10_000_000_000_000);
    expect(mulDivRem(1e14 + 5, 100_000, 1_000_000)).toEqual([10_000_000_000_000, 500_000]);
  });

  it('refuse a result that is not a safe integer', () => {
    expect(() => mulDiv(Number.MAX_SAFE_INTEGER, 3, 1)).toThrow(/exact range/);
    expect(() => mulDivRem(Number.MAX_SAFE_INTEGER, 3, 1)).toThrow(/exact range/);
  });
});

describe('rule folders on disk', () => {
  const rules = join(ROOT, 'rules', 'ziyang-2017');

  it('reads a folder of rule folders as a book, and refuses folders without rules', () => {
    const dir = tempDir('book');
    cpSync(rules, join(dir, 'a-2017'), { recursive: true });
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'README.txt'), 'not a rule set');
    const r = loadRuleFolder(dir);
    expect(r.ok && r.value.sets.map((s) => s.id)).toEqual(['ziyang-2017']);
    const empty = tempDir('empty');
    const e = loadRuleFolder(empty);
    expect(!e.ok && e.errors[0]).toMatchObject({ code: 'rule_file_missing', file: join(empty, 'ruleset.json') });
    const missing = loadRuleFolder(join(empty, 'nope'));
    expect(!missing.ok && missing.errors[0]).toMatchObject({
      code: 'rule_file_missing',
      message: `${join(empty, 'nope')} is not a folder`,
    });
    const file = loadRuleFolder(join(dir, 'README.txt'));
    expect(file.ok).toBe(false);
  });
});

describe('the command, beyond settling', () => {
  const run = async (argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), stdin: Readable.from([]) });
    return { code, out, err };
  };

  it('prints its usage for help, and refuses what it does not know', async () => {
    for (const h of ['--help', '-h', 'help']) {
      const r = await run([h]);
      expect(r).toEqual({ code: 0, out: expect.stringContaining('bashunwei settle [FILE|-]'), err: '' });
    }
    expect((await run(['simulate', '--workers', '0'])).err).toContain('--workers must be a whole number ≥ 1');
    expect((await run(['rules', 'schema', 'x'])).err).toContain('rules schema takes no folder');
    expect((await run(['rules'])).err).toMatch(
      /^bashunwei: rules needs a subcommand: check, test, diff or schema\nusage: bashunwei rules check \[DIR\] \| rules test/,
    );
    expect((await run(['rules', 'lint'])).err).toContain('unknown rules subcommand lint (check, test, diff or schema)');
    expect((await run(['rules', 'check', 'a', 'b'])).err).toContain('rules check takes one folder');
    expect((await run(['pay'])).err).toContain('unknown command pay');
    expect((await run([])).err).toContain('no command given');
  });

  it('prints its version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const v of ['--version', '-V', 'version'])
      expect(await run([v])).toEqual({ code: 0, out: `bashunwei ${version}\n`, err: '' });
  });

  it.each([
    ['settle', '--format F', ['settle', '--help'], ['settle', 'x.json', '--format', 'pdf', '-h'], ['help', 'settle']],
    ['simulate', '--workers N', ['simulate', '--help'], ['simulate', '-h', '--workers', '0'], ['help', 'simulate']],
    ['rules', 'schema [--out DIR]', ['rules', '--help'], ['rules', 'check', '--help'], ['rules', 'schema', '-h']],
  ])(
    "%s --help prints that command's usage and exits 0, whatever else is on the line",
    async (command, option, ...argvs) => {
      for (const argv of argvs) {
        const r = await run(argv);
        expect(r, argv.join(' ')).toEqual({
          code: 0,
          out: expect.stringContaining(`usage: bashunwei ${command}`),
          err: '',
        });
        expect(r.out).toContain(option);
      }
    },
  );

  it('lists the summary of a valid folder, and of a folder that extends it', async () => {
    const r = await run(['rules', 'check', join(ROOT, 'rules', 'ziyang-2017')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^✔ ziyang-2017: in force 2017-03-17 to 2020-12-31, 9 tiers \(maternal-subsidy, [a-z, -]+, relief-funds\), 1 dated version, \d+ parameters \(32 assumed, not verified\)\n/,
    );
    const r2022 = await run(['rules', 'check', join(ROOT, 'rules', 'ziyang-2022')]);
    expect(r2022.code).toBe(0);
    expect(r2022.out).toMatch(
      /^✔ ziyang-2022: in force from 2022-01-01, 4 tiers \(basic-insurance, serious-illness-insurance, medical-assistance, tilted-assistance\), 1 dated version, \d+ parameters \(30 assumed, not verified\)\n/,
    );
  });
});

it('settleClaim refuses a claim id already in the ledger passed in', () => {
  const c = parseClaim(baseClaim({ id: 'dup' }));
  if (!c.ok) throw new Error('claim');
  const r = settleClaim(c.value, { ledger: { ...emptyYearLedger('PT', 2017), claimIds: ['dup'] }, lang: 'en' });
  expect(!r.ok && r.errors[0]).toMatchObject({
    code: 'duplicate_claim',
    path: 'id',
    message:
      'claim dup was already settled (in the ledger of PT for 2017); a claim id is settled once: check the id, or start from a ledger without it',
  });
});
