/**
 * Where a claim line goes (shard.ts): its person's partition and its claim id, read from the
 * line's bytes when it has the plain shape and from JSON.parse otherwise, give the same answer
 * for the same claim however it is written (key order, spaces, escapes).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type Route, claimIdRange, personIdRange, routeOf } from '../../../src/node/simulate/line-route.js';
import { hashBytes } from '../../../src/simulate/scale/shard.js';

const route = (line: string): { person: number | undefined; id: string | undefined } => {
  const buf = Buffer.from(line);
  const r = routeOf(buf, 0, buf.length, { person: undefined, id: undefined, idFrom: 0, idTo: 0 } as Route);
  return { person: r.person, id: r.id && Buffer.from(r.id.subarray(r.idFrom, r.idTo)).toString() };
};
const hashOf = (s: string): number => hashBytes(Buffer.from(s), 0, Buffer.byteLength(s));

it('reads the same person and claim id from a claim however its JSON is written', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme', minLength: 1 }),
      fc.string({ unit: 'grapheme', minLength: 1 }),
      fc.boolean(),
      fc.boolean(),
      (id, personId, idFirst, spaced) => {
        const person = { id: personId, county: 'anyue' };
        const claim = idFirst ? { id, person, items: [] } : { person, items: [], id };
        const escaped = (s: string) =>
          s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        for (const line of [
          JSON.stringify(claim),
          JSON.stringify(claim, null, spaced ? 2 : 0),
          escaped(JSON.stringify(claim)),
        ]) {
          expect(route(line)).toEqual({ person: hashOf(personId), id });
        }
      },
    ),
    { numRuns: 300 },
  );
});

it.each([
  ['a line that is not JSON', 'not json', { person: undefined, id: undefined }],
  ['a claim without a person', '{"id":"C1"}', { person: undefined, id: 'C1' }],
  ['a claim whose id is not a string', '{"id":7,"person":{"id":"P1"}}', { person: hashOf('P1'), id: undefined }],
  ['a person whose id is not a string', '{"id":"C1","person":{"id":1}}', { person: undefined, id: 'C1' }],
])('%s: what can be read of it (it is refused wherever it is settled)', (_, line, expected) => {
  expect(route(line)).toEqual(expected);
});

const bytes = (line: string, read: typeof claimIdRange): string | undefined => {
  const buf = Buffer.from(line);
  const r = read(buf, 0, buf.length);
  return r && buf.toString('utf8', r[0], r[1]);
};

it.each([
  ['a claim id first, no spaces', '{"id":"C1","person":{"id":"P1"}}', 'C1', 'P1'],
  [
    'spaces around every colon and brace',
    '{ "id" : "C1" , "person" : { "county":"anyue", "id" : "P 1" } }',
    'C1',
    'P 1',
  ],
  ['the id after the person', '{"person":{"id":"P1"},"id":"C1"}', undefined, 'P1'],
  ['an escape in either id', '{"id":"C\\u0031","person":{"id":"P\\"1"}}', undefined, undefined],
  ['a person id that is a number', '{"id":"C1","person":{"id":1}}', 'C1', undefined],
  ['a person that is not an object', '{"id":"C1","person":"P1"}', 'C1', undefined],
  ['a person without an id', '{"id":"C1","person":{"county":"anyue"},"x":{"id":"P9"}}', 'C1', undefined],
  ['a key without its colon', '{"id" "C1","person" {"id":"P1"}}', undefined, undefined],
])(
  'the byte readers of a line with %s give the claim id %s and the person id %s without parsing',
  (_, line, claimId, personId) => {
    expect(bytes(line, claimIdRange)).toBe(claimId);
    expect(bytes(line, personIdRange)).toBe(personId);
  },
);
