/** The command's less travelled paths: what it prints when a write fails, in text mode, and for empty input. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { baseClaim, tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

async function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), stdin: Readable.from([stdin]) });
  return { code, out, err };
}

it('says so and exits 2 when the ledger cannot be written', async () => {
  const r = await run(['settle', '-', '--ledger-out', '/nonexistent/dir/ledger.json'], JSON.stringify(baseClaim()));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^bashunwei: cannot write the ledger to \/nonexistent\/dir\/ledger\.json: /);
});

it('says so and exits 2 when the ledger cannot be read or repeats a key', async () => {
  const dir = tempDir('paths');
  const missing = await run(['settle', '-', '--ledger', join(dir, 'none.json')], JSON.stringify(baseClaim()));
  expect(missing.code).toBe(2);
  expect(missing.err).toContain(`bashunwei: cannot read the ledger ${join(dir, 'none.json')}: `);
  writeFileSync(join(dir, 'dup.json'), '{"version": 1, "version": 1, "entries": []}');
  const dup = await run(['settle', '-', '--ledger', join(dir, 'dup.json')], JSON.stringify(baseClaim()));
  expect(dup).toMatchObject({
    code: 2,
    err: `bashunwei: the ledger ${join(dir, 'dup.json')} writes a key twice: version\n`,
  });
});

it('prints the statements in text mode, then each refused claim as a line of its own, in input order', async () => {
  const stdin = [
    JSON.stringify({ ...baseClaim({ id: 'bad0' }), items: [] }),
    JSON.stringify(baseClaim({ id: 'ok1' })),
    JSON.stringify({ ...baseClaim({ id: 'bad' }), items: [] }),
  ].join('\n');
  const r = await run(['settle', '-', '--format', 'text', '--lang', 'en'], stdin);
  expect(r.code).toBe(1);
  expect(r.out.startsWith('结算号 ok1') || r.out.indexOf('结算号 ok1') < r.out.indexOf('✖')).toBe(true);
  expect(
    r.out.endsWith(
      '✖ 第1行 bad0 未结算：\n✖ items must list at least one item of the bill\n  → at items (empty_items)\n\n✖ 第3行 bad 未结算：\n✖ items must list at least one item of the bill\n  → at items (empty_items)\n',
    ),
  ).toBe(true);
  expect(r.out).not.toContain('汇总清单');
  expect(r.err).toBe('bashunwei: 1 settled, 2 rejected\n');
});

it('prints a refused single claim as one pretty error document, its message in Chinese unless --lang en', async () => {
  const r = await run(['settle', '-'], JSON.stringify({ ...baseClaim(), items: [] }));
  expect(r.code).toBe(1);
  expect(JSON.parse(r.out)).toEqual({
    claimId: 'T1',
    line: 1,
    error: { code: 'empty_items', path: 'items', message: '字段 items 至少应列出一项费用明细' },
  });
  expect(r.out).toContain('\n  "claimId": "T1"');
  const en = await run(['settle', '-', '--lang', 'en'], JSON.stringify({ ...baseClaim(), items: [] }));
  expect(JSON.parse(en.out).error.message).toBe('items must list at least one item of the bill');
});

it('explains each line in English with --lang en, in Chinese by default, and refuses another language', async () => {
  const zh = JSON.parse((await run(['settle', '-'], JSON.stringify(baseClaim()))).out);
  const en = JSON.parse((await run(['settle', '-', '--lang', 'en'], JSON.stringify(baseClaim()))).out);
  expect(zh.lines.map((l: { amount: string }) => l.amount)).toEqual(en.lines.map((l: { amount: string }) => l.amount));
  for (const l of zh.lines) expect(l.explanation).toMatch(/[\u4e00-\u9fff]/);
  // English sentences (some begin with their ratio, "20% of …"); no Chinese punctuation.
  for (const l of en.lines) expect(l.explanation).toMatch(/^[A-Z0-9][^。，；]*yuan[^。，；]*\.$/);
  const bad = await run(['settle', '-', '--lang', 'fr'], JSON.stringify(baseClaim()));
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('--lang must be one of zh-CN, en');
});

it('lists every problem of a claim with several', async () => {
  const r = await run(['settle', '-', '--format', 'ndjson'], JSON.stringify({ ...baseClaim(), id: '', items: [] }));
  const line = JSON.parse(r.out);
  expect(line.error).toEqual(line.errors[0]);
  expect(line.errors.map((e: { code: string }) => e.code)).toEqual(['empty_string', 'empty_items']);
});

it('says there is no claim in an empty input', async () => {
  const r = await run(['settle'], '   \n\n');
  expect(r).toEqual({ code: 2, out: '', err: 'bashunwei: no claim in the input\n' });
});

it('prints usage after a usage error', async () => {
  const r = await run(['settle', '--format', 'pdf']);
  expect(r.code).toBe(2);
  expect(
    r.err.startsWith(
      'bashunwei: --format must be one of json, ndjson, text, html, csv, fhir, nhsa\nusage: bashunwei settle [FILE|-] [options]\n',
    ),
  ).toBe(true);
});

it('counts the problems of a bad rule folder', async () => {
  const dir = tempDir('bad-rules');
  cpSync(join(ROOT, 'rules', 'ziyang-2017'), dir, { recursive: true });
  const f = join(dir, 'persons.json');
  writeFileSync(f, readFileSync(f, 'utf8').replace('"fact": "group"', '"fact": "gruop"').replace('"7.2"', '7.2'));
  const r = await run(['rules', 'check', dir]);
  expect(r.code).toBe(2);
  expect(r.out.trim().split('\n').at(-1)).toBe(`✖ 1 problem in ${dir}`);
  writeFileSync(join(dir, 'bill.json'), '{}');
  const two = await run(['rules', 'check', dir]);
  expect(two.out.trim().split('\n').at(-1)).toMatch(
    new RegExp(`^✖ \\d+ problems in ${dir.replace(/[/\\-]/g, '\\$&')}$`),
  );
});
