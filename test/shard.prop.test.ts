/**
 * Where a claim line goes (shard.ts): its person's partition and its claim id, read from the
 * line's bytes when it has the plain shape and from JSON.parse otherwise, give the same answer
 * for the same claim however it is written (key order, spaces, escapes).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type Route, hashBytes, routeOf } from '../src/simulate/shard.js';

const route = (line: string): { person: number | undefined; id: string | undefined } => {
  const buf = Buffer.from(line);
  const r = routeOf(buf, 0, buf.length, { person: undefined, id: undefined, idFrom: 0, idTo: 0 } as Route);
  return { person: r.person, id: r.id && Buffer.from(r.id.subarray(r.idFrom, r.idTo)).toString() };
};
const hashOf = (s: string): number => hashBytes(Buffer.from(s), 0, Buffer.byteLength(s));

it('reads the same person and claim id from a claim however its JSON is written', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1 }), fc.boolean(), fc.boolean(), (id, personId, idFirst, spaced) => {
      const person = { id: personId, county: 'anyue' };
      const claim = idFirst ? { id, person, items: [] } : { person, items: [], id };
      const escaped = (s: string) => s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      for (const line of [JSON.stringify(claim), JSON.stringify(claim, null, spaced ? 2 : 0), escaped(JSON.stringify(claim))]) {
        expect(route(line)).toEqual({ person: hashOf(personId), id });
      }
    }),
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
