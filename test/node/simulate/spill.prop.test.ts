/**
 * Spill files (the partitions of a simulation) give back every record as written, whatever the
 * sizes of the records, the write buffer and the read chunk; files merged by line come back in
 * input order.
 */
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { SpillWriter, recordsInLineOrder, spillRecords } from '../../../src/node/simulate/spill.js';
import { testFolder } from '../../support/simulation-inputs.js';

const tmp = testFolder('spill');
afterAll(() => tmp.remove());
let n = 0;

const record = fc.record({
  kind: fc.integer({ min: 0, max: 255 }),
  payload: fc.uint8Array({ maxLength: 300 }),
  prefix: fc.option(fc.uint8Array({ maxLength: 12 }), { nil: undefined }),
});

it('every record comes back as written, offsets included, whatever the buffer and chunk sizes', () => {
  fc.assert(
    fc.property(
      fc.array(record, { maxLength: 60 }),
      fc.integer({ min: 13, max: 400 }),
      fc.integer({ min: 1, max: 500 }),
      (records, buffer, chunk) => {
        const w = new SpillWriter(tmp.file(`s-${n++}`), buffer);
        const offsets = records.map((r, i) => w.append(r.kind, i + 1, r.payload, 0, r.payload.length, r.prefix));
        w.close();
        // A record's payload is a view of the read chunk: read it before the next record.
        const back = Array.from(spillRecords(w.path, undefined, chunk), (r) => ({
          kind: r.kind,
          line: r.line,
          bytes: Buffer.from(r.payload).toString('hex'),
          offset: r.offset,
        }));
        expect(back).toEqual(
          records.map((r, i) => ({
            kind: r.kind,
            line: i + 1,
            bytes: Buffer.concat([r.prefix ?? new Uint8Array(), r.payload]).toString('hex'),
            offset: offsets[i],
          })),
        );
      },
    ),
    { numRuns: 200 },
  );
});

it('files merged by line number come back in input order', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 200 }), (fileOfLine) => {
      const writers = [0, 1, 2, 3, 4].map(() => new SpillWriter(tmp.file(`m-${n++}`), 64));
      fileOfLine.forEach((f, i) => writers[f]!.append(0, i + 1, Buffer.from(String(i + 1)), 0, String(i + 1).length));
      for (const w of writers) w.close();
      const lines = Array.from(recordsInLineOrder(writers.map((w) => ({ path: w.path, lineOffset: 0 }))), (r) => [
        r.line,
        r.payload.toString(),
      ]);
      expect(lines).toEqual(fileOfLine.map((_, i) => [i + 1, String(i + 1)]));
    }),
    { numRuns: 100 },
  );
});
