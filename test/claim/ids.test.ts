/**
 * An id (claim, person, hospital) is printable text at every door (docs/claim.md, "Errors",
 * issue 22): a control character (U+0000–U+001F, U+007F) or a lone surrogate is refused with
 * `invalid_id` at its field by the library's readers, by `bashunwei settle`, and in an id cell of
 * a CSV input to `bashunwei simulate`; the claims around it are still settled.
 */
import { describe, expect, it } from 'vitest';
import { parseClaim, parseClaimText } from '../../src/settle/parse-claim.js';
import { settle } from '../../src/contract/settle-json.js';
import { baseClaim } from '../support/helpers.js';
import { bashunwei, testFolder, writeCsv, writeNdjson } from '../support/simulation-inputs.js';
import { afterAll } from 'vitest';

const tmp = testFolder('ids');
afterAll(() => tmp.remove());

const c = baseClaim();
const person = c.person as Record<string, unknown>;
const hospital = c.hospital as Record<string, unknown>;

/** The same claim with one id changed: where, and to what. */
const withId = (where: string, id: string): Record<string, unknown> =>
  where === 'id' ? { ...c, id } : { ...c, [where]: { ...(where === 'person' ? person : hospital), id } };

const BAD: [string, string, string][] = [
  ['a claim id with U+0000', 'id', 'C\u0000'],
  ['a claim id with a line break', 'id', 'C\n1'],
  ['a claim id with U+007F', 'id', 'C\u007f'],
  ['a person id with U+001F', 'person', 'P\u001f'],
  ['a person id with a lone high surrogate', 'person', 'SUR\ud800'],
  ['a hospital id with a lone low surrogate', 'hospital', '\udc00H'],
  ['a hospital id with a reversed pair', 'hospital', 'H\ude00\ud83d'],
];

describe('the library refuses an id that is not printable text, at its field', () => {
  it.each(BAD)('%s', (_, where, id) => {
    const path = where === 'id' ? 'id' : `${where}.id`;
    const claim = withId(where, id);
    for (const r of [parseClaim(claim), parseClaimText(JSON.stringify(claim)), settle(claim)])
      expect(r.ok ? [] : r.errors.map((e) => [e.code, e.path])).toEqual([['invalid_id', path]]);
  });

  it('says which character and where, in both languages', () => {
    const zh = parseClaim(withId('id', 'AB\u0000'));
    const en = parseClaim(withId('id', 'AB\u0000'), { lang: 'en' });
    expect(zh.ok ? '' : zh.errors[0]!.message).toContain('第 3 个字符 U+0000');
    expect(en.ok ? '' : en.errors[0]!.message).toContain('U+0000 at character 3');
  });

  it.each([
    ['a surrogate pair (one character beyond U+FFFF)', 'C-\ud83d\ude00'],
    ['Chinese text', '结算-0001'],
    ['a no-break space', 'C\u00a01'],
  ])('accepts %s', (_, id) => {
    expect(parseClaim(withId('id', id)).ok).toBe(true);
  });
});

describe('the command refuses such an id and settles the other claims', () => {
  it('bashunwei settle: invalid_id at the field on its line, the next line settled', async () => {
    const file = writeNdjson(tmp.file('ids.ndjson'), [
      withId('id', 'C\u0000'),
      withId('hospital', 'SUR\ud800'),
      { ...c, id: 'GOOD' },
    ]);
    const r = await bashunwei(['settle', file, '--format', 'ndjson']);
    expect(r.code).toBe(1);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => (l.error ? [l.line, l.error.code, l.error.path] : [l.claimId]))).toEqual([
      [1, 'invalid_id', 'id'],
      [2, 'invalid_id', 'hospital.id'],
      ['GOOD'],
    ]);
  });

  it('bashunwei simulate with a CSV input: an id cell holding a control character is refused, the others settled', async () => {
    const file = writeCsv(tmp.file('ids.csv'), [
      { ...c, id: 'A' },
      withId('person', 'P\u0001'),
      withId('id', 'B\r'),
      { ...c, id: 'Z' },
    ]);
    const r = await bashunwei(['simulate', file, '--workers', '1', '--lang', 'en']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.variants[0].claims).toBe(2);
    expect(report.variants[0].rejected).toEqual({ invalid_id: 2 });
    expect(report.rejections.map((x: { code: string; path: string }) => [x.code, x.path])).toEqual([
      ['invalid_id', 'person.id'],
      ['invalid_id', 'id'],
    ]);
  });
});
