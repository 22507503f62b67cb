/**
 * The `bashunwei` command as docs/claim.md fixes it: one claim or NDJSON from a file or stdin,
 * error lines that lose no other claim, the ledger in and out, rule folders, exit codes.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { settle } from '../../src/contract/settle-json.js';
import { baseClaim, tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const EX = join(ROOT, 'examples', 'claims');
const tmp = () => tempDir('cli');

async function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), stdin: Readable.from([stdin]) });
  return { code, out, err, lines: out.split('\n').filter((l) => l !== '') };
}

describe('bashunwei settle', () => {
  it('settles one claim from a file and prints the settlement as one pretty JSON document', async () => {
    const r = await run(['settle', join(EX, '01-poor-inpatient-in-county.json')]);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.out);
    const want = settle(JSON.parse(readFileSync(join(EX, '01-poor-inpatient-in-county.json'), 'utf8')));
    expect(want.ok).toBe(true);
    if (want.ok) expect(got).toEqual(want.value);
    expect(got.personal).toBe('0.00');
    expect(r.out).toContain('\n  "claimId": "C01"');
  });

  it('settles an NDJSON file in order with the ledger threaded, one line per claim', async () => {
    const r = await run(['settle', join(EX, '10-year-sequence.ndjson')]);
    expect(r.code).toBe(0);
    const s = r.lines.map((l) => JSON.parse(l));
    expect(s.map((x) => x.claimId)).toEqual(['C10a', 'C10b', 'C10c']);
    expect(s[2].lines[1].amount).toBe('905.00');
    // Each settlement counts the person-year's claims; their ids are in the ledger (--ledger-out).
    expect(s.map((x) => x.ledger.claims)).toEqual([1, 2, 3]);
  });

  it('reads stdin, prints an error line for each bad claim and settles the others, exit 1', async () => {
    const good = JSON.stringify(baseClaim({ id: 'G1' }));
    const stdin = [
      good,
      '{"id": "B1", "items": [',
      '',
      JSON.stringify({ ...baseClaim({ id: 'B2' }), items: [] }),
      JSON.stringify(baseClaim({ id: 'G2' })),
    ].join('\n');
    const r = await run(['settle', '-'], stdin);
    expect(r.code).toBe(1);
    const out = r.lines.map((l) => JSON.parse(l));
    expect(out.map((o) => o.claimId)).toEqual(['G1', null, 'B2', 'G2']);
    expect(out[1]).toMatchObject({ line: 2, error: { code: 'invalid_json', path: '' } });
    expect(out[2]).toMatchObject({ line: 4, error: { code: 'empty_items', path: 'items' } });
    expect(out[2].error.message).toContain('items');
    expect(r.err).toContain('2 settled, 2 rejected');
  });

  it('reads a pretty-printed claim from stdin as one document', async () => {
    const r = await run(['settle'], JSON.stringify(baseClaim(), null, 2));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).claimId).toBe('T1');
  });

  it('the first 200 bytes of a pretty-printed claim are one invalid_json error with its line and column, not one per line', async () => {
    const text = Buffer.from(JSON.stringify(baseClaim(), null, 2))
      .subarray(0, 200)
      .toString();
    const lines = text.split('\n');
    for (const lang of ['en', 'zh-CN']) {
      const r = await run(['settle', '--lang', lang], text);
      expect(r.code).toBe(1);
      const o = JSON.parse(r.out); // one outcome: one pretty document
      expect(o).toMatchObject({ claimId: null, line: 1, error: { code: 'invalid_json', path: '' } });
      // 200 bytes end inside a string here: where the input ends is where it stops being JSON.
      expect(o.error.message).toContain(
        lang === 'en'
          ? `(line ${lines.length}, column ${lines.at(-1)!.length + 1}: a string is not closed)`
          : `（第 ${lines.length} 行第 ${lines.at(-1)!.length + 1} 列：字符串缺少闭合的引号）`,
      );
      expect(r.err).toContain('0 settled, 1 rejected');
    }
  });

  it('a pretty-printed claim broken in the middle is one error at the line and column where it breaks', async () => {
    const text = `\n\n${JSON.stringify(baseClaim(), null, 2).replace('"visit": {', '"visit" {')}`;
    const r = await run(['settle', '--lang', 'en'], text);
    const line = text.split('\n').findIndex((l) => l.includes('"visit" {')) + 1;
    expect(JSON.parse(r.out)).toEqual({
      claimId: null,
      line: 3,
      error: {
        code: 'invalid_json',
        path: '',
        message: expect.stringContaining(`(line ${line}, column 11: a colon was expected after the key)`),
      },
    });
  });

  it('a one-line claim that is not JSON says the column, and never pastes the claim into the message', async () => {
    const bad = `${JSON.stringify(baseClaim()).slice(0, -1)},}`;
    const r = await run(['settle', '--lang', 'en'], `${JSON.stringify(baseClaim({ id: 'G' }))}\n${bad}\n`);
    const o = JSON.parse(r.lines[1]!);
    expect(o.error.message).toBe(
      `the input is not valid JSON (column ${bad.length}: a key in double quotes was expected); send one claim object, or one per line`,
    );
  });

  it('gives every bad line of a batch whose first line is broken its own error and line number', async () => {
    const r = await run(['settle'], ['{broken', JSON.stringify(baseClaim({ id: 'G' })), 'also broken'].join('\n'));
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => JSON.parse(l)).map((o) => o.line ?? o.claimId)).toEqual([1, 'G', 3]);
  });

  it('prints NDJSON for a single claim with --format ndjson', async () => {
    const r = await run(['settle', join(EX, '02-general-same-bill.json'), '--format', 'ndjson']);
    expect(r.lines.length).toBe(1);
    expect(JSON.parse(r.lines[0]!).personal).toBe('2957.00');
  });

  it('prints the cashier statement with --format text', async () => {
    const r = await run(['settle', join(EX, '10-year-sequence.ndjson'), '--format=text']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('一张清单、分别列账');
    expect(r.out).toContain('汇总清单（3笔）');
    expect(r.out).toMatch(/合计\s+260000\.00/);
  });

  it('writes the ledger out and reads it back: the next run continues the year and refuses a settled id', async () => {
    const dir = tmp();
    const lines = readFileSync(join(EX, '10-year-sequence.ndjson'), 'utf8').split('\n');
    writeFileSync(join(dir, 'a.ndjson'), lines[0]!);
    writeFileSync(join(dir, 'b.ndjson'), `${lines[1]}\n${lines[2]}\n`);
    const first = await run(['settle', join(dir, 'a.ndjson'), '--ledger-out', join(dir, 'ledger.json')]);
    expect(first.code).toBe(0);
    const second = await run([
      'settle',
      join(dir, 'b.ndjson'),
      '--ledger',
      join(dir, 'ledger.json'),
      '--ledger-out',
      join(dir, 'ledger2.json'),
    ]);
    expect(second.lines.map((l) => JSON.parse(l).lines[2].amount)).toEqual(['46650.50', '10541.25']);
    const ledger = JSON.parse(readFileSync(join(dir, 'ledger2.json'), 'utf8'));
    expect(ledger.version).toBe(2);
    expect(ledger.entries[0]).toMatchObject({
      personId: 'P10',
      year: 2018,
      claimIds: ['C10a', 'C10b', 'C10c'],
      counters: { 'serious-illness-insurance.burden': '101950.00' },
    });
    const again = await run(['settle', join(dir, 'a.ndjson'), '--ledger', join(dir, 'ledger2.json')]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.out).error.code).toBe('duplicate_claim');
  });

  it('settles with a rule folder given by --rules', async () => {
    const dir = tmp();
    cpSync(join(ROOT, 'rules', 'ziyang-2017'), dir, { recursive: true });
    const f = join(dir, 'tiers', 'hospital-waiver.json');
    const t1 = JSON.parse(readFileSync(f, 'utf8'));
    t1.take.share.values['2017-03-17'] = '0.10';
    writeFileSync(f, JSON.stringify(t1));
    const r = await run(['settle', join(EX, '01-poor-inpatient-in-county.json'), '--rules', dir]);
    expect(JSON.parse(r.out).lines[0].amount).toBe('500.00');
  });

  it.each([
    ['an unknown option', ['settle', '--fast']],
    ['a bad format', ['settle', '--format', 'xml']],
    ['a missing option value', ['settle', '--rules']],
    ['two files', ['settle', 'a', 'b']],
    ['an unknown command', ['pay']],
    ['no command', []],
    ['simulate with two files', ['simulate', 'a.ndjson', 'b.ndjson']],
    ['simulate with an unknown input format', ['simulate', 'a.ndjson', '--input', 'xml']],
  ])('exits 2 on %s', async (_name, argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage:');
  });

  it('exits 2 on an unreadable file, invalid rules, an invalid ledger or an empty input', async () => {
    expect((await run(['settle', '/nonexistent/claims.ndjson'])).code).toBe(2);
    const dir = tmp();
    writeFileSync(join(dir, 'ruleset.json'), '{}');
    const bad = await run(['settle', join(EX, '02-general-same-bill.json'), '--rules', dir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('persons.json');
    writeFileSync(join(dir, 'ledger.json'), '{"version": 1, "entries": [{"personId": "P"}]}');
    const l = await run(['settle', join(EX, '02-general-same-bill.json'), '--ledger', join(dir, 'ledger.json')]);
    expect(l.code).toBe(2);
    expect(l.err).toContain('entries[0].year');
    expect((await run(['settle'], '\n\n')).code).toBe(2);
  });
});

describe('bashunwei rules check', () => {
  it('checks the embedded rules and lists the assumed values to confirm', async () => {
    const r = await run(['rules', 'check']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✔ ziyang-2017: in force 2017-03-17 to 2020-12-31');
    expect(r.out).toContain('assumed  tiers/tilt-payment.json shares.in-scope.ratio = 0.20  (clause 7.4.4)');
    expect(r.out).toContain('✔ ziyang-2022: in force from 2022-01-01');
    expect(r.out).toContain('assumed  tiers/tilted-assistance.json annualCap = 20000  (clause 42.5)');
  });

  it('prints every problem of a bad folder with its file and path, exit 2', async () => {
    const dir = tmp();
    cpSync(join(ROOT, 'rules', 'ziyang-2017'), dir, { recursive: true });
    const f = join(dir, 'persons.json');
    writeFileSync(f, readFileSync(f, 'utf8').replace('"fact": "group"', '"fact": "gruop"'));
    const r = await run(['rules', 'check', dir]);
    expect(r.code).toBe(2);
    // The file as the command names it: relative to the working directory.
    expect(r.out).toContain(
      `${relative(process.cwd(), join(dir, 'persons.json'))} protected.when.all[0].fact (rule_unknown_fact)`,
    );
  });
});
