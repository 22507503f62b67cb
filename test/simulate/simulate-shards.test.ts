/**
 * Sharding across machines (issue 13): an input split by person, each part simulated by its own
 * process with `--aggregates-out`, the parts added up with `--merge`, prints the report of one run
 * over the whole input, byte for byte; parts that cannot be added up exactly are refused.
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import { shardOfPerson } from '../../src/simulate/scale/shard.js';
import { bashunwei, shuffled, testFolder, writeNdjson } from '../support/simulation-inputs.js';

const tmp = testFolder('shards');
afterAll(() => tmp.remove());
const run = promisify(execFile);

const claims = shuffled([...generateClaims({ claims: 6_000, seed: 77, year: 2018 })], 3);
const whole = writeNdjson(tmp.file('whole.ndjson'), claims);
const personOf = (c: Record<string, unknown>) => (c.person as { id: string }).id;
const parts = [0, 1, 2].map((k) =>
  writeNdjson(
    tmp.file(`part-${k}.ndjson`),
    claims.filter((c) => shardOfPerson(personOf(c), 3) === k),
  ),
);
/** A rule folder whose tilt payment pays 30% instead of 20%. */
function ruleFolder(name: string, ratio: string): string {
  const dir = tmp.file(name);
  cpSync('rules/ziyang-2017', dir, { recursive: true });
  const file = join(dir, 'tiers', 'tilt-payment.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"0.20"', `"${ratio}"`));
  return dir;
}
const rules = ['--baseline', 'rules/ziyang-2017', '--rules', ruleFolder('tilt-30', '0.30')];

/** `bashunwei simulate …` in a process of its own (as on another machine). */
const simulateProcess = (argv: readonly string[]) =>
  run('node', ['--import', 'tsx', 'src/cli/bin.ts', 'simulate', ...argv], { encoding: 'utf8', maxBuffer: 64 << 20 });

describe('a run split by person over three processes', () => {
  it('adds up with --merge to the report of one run over the whole input, byte for byte', async () => {
    await Promise.all(
      parts.map((p, k) =>
        simulateProcess([p, ...rules, '--workers', '1', '--aggregates-out', tmp.file(`part-${k}.json`)]),
      ),
    );
    const merged = await bashunwei([
      'simulate',
      '--merge',
      ...parts.map((_, k) => tmp.file(`part-${k}.json`)),
      ...rules,
      '--out',
      tmp.file('merged.html'),
    ]);
    const one = await bashunwei(['simulate', whole, ...rules]);
    expect(one.code).toBe(0);
    expect(merged.err).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.out).toBe(one.out);
    expect(JSON.parse(one.out).changed.length).toBe(10);
    expect(readFileSync(tmp.file('merged.html'), 'utf8')).toContain('<svg');
  }, 600_000);

  it('names each refused line by its part', async () => {
    const bad = writeNdjson(tmp.file('bad-part.ndjson'), [claims[0], 'not json', claims[1]]);
    await simulateProcess([bad, '--workers', '1', '--aggregates-out', tmp.file('bad-part.json')]).catch(
      (e: { code: number }) => expect(e.code).toBe(1),
    );
    await simulateProcess([parts[0]!, '--workers', '1', '--aggregates-out', tmp.file('good-part.json')]);
    const merged = await bashunwei(['simulate', '--merge', tmp.file('good-part.json'), tmp.file('bad-part.json')]);
    expect(merged.code).toBe(1);
    expect(
      JSON.parse(merged.out).rejections.map((r: { file: string; line: number; code: string }) => [
        r.file,
        r.line,
        r.code,
      ]),
    ).toEqual([['bad-part.ndjson', 2, 'invalid_json']]);
  }, 600_000);
});

describe('parts that cannot be added up exactly are refused (exit 2, said on stderr)', () => {
  it.each([
    ['simulated under other rules', 'other-rules.json', 'under other rules'],
    ['simulated with finite fund balances', 'with-funds.json', 'finite fund balances'],
    ['not an aggregates file', 'not-aggregates.json', 'not an aggregates file'],
    [
      'an aggregates file whose figures were changed',
      'changed.json',
      'result.variants[0].aggregates.all.byTier is not a list of 10',
    ], // the tiers of both embedded rule sets
  ])(
    'a part %s',
    async (_, name, message) => {
      const part = tmp.file('part-0.json');
      const good = (await bashunwei(['simulate', parts[0]!, '--workers', '1', '--aggregates-out', part])).code;
      expect(good).toBe(0);
      if (name === 'other-rules.json') {
        await bashunwei([
          'simulate',
          parts[1]!,
          '--rules',
          ruleFolder('tilt-25', '0.25'),
          '--workers',
          '1',
          '--aggregates-out',
          tmp.file(name),
        ]);
      } else if (name === 'with-funds.json') {
        writeFileSync(tmp.file('funds.json'), '{"charity-care": "1000.00"}');
        await bashunwei(['simulate', parts[1]!, '--funds', tmp.file('funds.json'), '--aggregates-out', tmp.file(name)]);
      } else if (name === 'not-aggregates.json') writeFileSync(tmp.file(name), '{"variants": []}');
      else {
        const changed = JSON.parse(readFileSync(part, 'utf8'));
        changed.result.variants[0].aggregates.all.byTier.pop();
        writeFileSync(tmp.file(name), JSON.stringify(changed));
      }
      const r = await bashunwei(['simulate', '--merge', part, tmp.file(name)]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(`cannot merge ${tmp.file(name)}`);
      expect(r.err).toContain(message);
    },
    600_000,
  );
});
