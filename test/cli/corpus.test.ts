/**
 * The bad-input corpus (test/corpus/bad-claims, one file per case, expected.json the verdicts):
 * every bad claim gets its stable code and path through the real command, none crashes the
 * process, none is settled, and the good claims around them still are. Plus the inputs too big
 * to commit: a 50 MB line, 10,001 items, and a batch of 100,000 lines with bad ones mixed in.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { baseClaim } from '../support/helpers.js';
import { TEST } from '../support/paths.js';

const DIR = join(TEST, 'corpus', 'bad-claims');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  { errors: { line: number; code: string; path: string }[]; settled: number }
>;

async function run(argv: string[], stdin: Iterable<Buffer | string> = []) {
  const out: string[] = [];
  let err = '';
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => (err += s), stdin: Readable.from(stdin) });
  const lines = out
    .join('')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>);
  return { code, err, lines };
}

function verdict(lines: Record<string, any>[]) {
  return {
    errors: lines.filter((l) => 'error' in l).map((l) => ({ line: l.line, code: l.error.code, path: l.error.path })),
    settled: lines.filter((l) => 'lines' in l).length,
  };
}

describe('the bad-input corpus', () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.ndjson'))
    .sort();

  it('has at least 60 cases, each with a verdict', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(files)('%s is refused with its code and path, and nothing bad is settled', async (file) => {
    const r = await run(['settle', join(DIR, file), '--format', 'ndjson']);
    expect(r.code).toBe(1);
    expect(verdict(r.lines)).toEqual(expected[file]);
    for (const l of r.lines.filter((x) => 'error' in x)) expect(l.error.message.length).toBeGreaterThan(10);
  });
});

describe('inputs too big to commit', () => {
  it('a 50 MB line is refused as input_too_large without holding it, and the next line still settles', async () => {
    const good = JSON.stringify(baseClaim({ id: 'after' }));
    const chunk = Buffer.alloc(1 << 20, 0x61);
    const chunks = function* () {
      yield Buffer.from('{"id": "huge", "x": "');
      for (let i = 0; i < 50; i++) yield chunk;
      yield Buffer.from(`"}\n${good}\n`);
    };
    const r = await run(['settle', '-', '--format', 'ndjson'], chunks());
    expect(r.code).toBe(1);
    expect(verdict(r.lines)).toEqual({ errors: [{ line: 1, code: 'input_too_large', path: '' }], settled: 1 });
  });

  it('a claim with 10,001 items is refused as too_long at items', async () => {
    const c = baseClaim({
      items: Array.from({ length: 10_001 }, () => ({ category: 'drug', catalog: 'A', amount: '1' })),
    });
    const r = await run(['settle', '-', '--format', 'ndjson'], [JSON.stringify(c)]);
    expect(verdict(r.lines)).toEqual({ errors: [{ line: 1, code: 'too_long', path: 'items' }], settled: 0 });
  });

  // 100,000 lines in the suite; fewer where the whole suite runs once per mutant (FC_RUNS set low).
  const N = Number(process.env.FC_RUNS ?? 3000) < 1000 ? 500 : 100_000;
  it(`a batch of ${N} lines with every 97th bad settles all the others, in order`, async () => {
    const lines: string[] = [];
    for (let i = 1; i <= N; i++) {
      lines.push(
        i % 97 === 0
          ? `{"id": "bad${i}", "items": [}`
          : JSON.stringify(
              baseClaim({ id: `c${i}`, person: { id: `p${i % 500}`, county: 'lezhi', category: 'general' } }),
            ),
      );
    }
    const r = await run(['settle', '-', '--format', 'ndjson'], [lines.join('\n')]);
    const v = verdict(r.lines);
    expect(v.errors.length).toBe(Math.floor(N / 97));
    expect(v.errors.every((e) => e.line % 97 === 0 && e.code === 'invalid_json')).toBe(true);
    expect(v.settled).toBe(N - v.errors.length);
    expect(r.lines.filter((l) => 'lines' in l).map((l) => Number(String(l.claimId).slice(1)))).toEqual(
      Array.from({ length: N }, (_, i) => i + 1).filter((i) => i % 97 !== 0),
    );
  }, 600_000);
});
