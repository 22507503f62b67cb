/** Keys written twice are found with their path: JSON.parse would silently keep the last. */
import { describe, expect, it } from 'vitest';
import { duplicateKeyPaths } from '../../src/errors/duplicate-keys.js';
import { parseClaimText } from '../../src/settle/parse-claim.js';
import { baseClaim } from '../support/helpers.js';

describe('duplicate keys', () => {
  it.each([
    ['{"a": 1, "b": {"c": 1, "c": 2}}', ['b.c']],
    ['{"a": 1, "a": 2, "a": 3}', ['a', 'a']],
    ['[{"a":1,"a":2}]', ['[0].a']],
    ['{"items":[{"a":1},{"compliant":false,"x":"\\"compliant\\"","compliant":true}]}', ['items[1].compliant']],
    ['{"a":"}{","b":[1,{"a":1}],"a\\u0062":1, "ab":2}', ['ab']],
    ['{"a": {"b": 1}, "c": {"b": 1}}', []],
    ['{"a": [{"b": 1}, {"b": 1}]}', []],
    ['{"\\\\": 1, "\\\\": 2}', ['\\']],
    ['"just a string with \\"a\\": 1, \\"a\\": 2"', []],
    ['{}', []],
  ])('%s → %j', (text, paths) => {
    expect(duplicateKeyPaths(text)).toEqual(paths);
  });

  it('a claim text with a key written twice is refused with duplicate_field at its path', () => {
    const text = JSON.stringify(baseClaim()).replace('"catalog":"A"', '"catalog":"A","catalog":"C"');
    const r = parseClaimText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'duplicate_field', path: 'items[0].catalog' });
  });

  it('a claim text that is not JSON is refused as invalid_json; a good one is read', () => {
    expect(parseClaimText('{').ok).toBe(false);
    expect(parseClaimText(JSON.stringify(baseClaim())).ok).toBe(true);
  });
});
