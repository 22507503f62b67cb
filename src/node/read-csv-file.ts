/**
 * The records of a CSV file, read in 4 MiB chunks through one reused buffer: memory stays one chunk
 * and one record whatever the file's size.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { type CsvRecord, CsvReader } from '../csv/read.js';

const CHUNK = 4 << 20;

/**
 * Yields each record of `file` with the line it starts on.
 *
 * @example
 * for (const r of csvFileRecords('claims.csv', { maxRecordBytes: 1 << 20 })) if ('cells' in r) use(r.cells);
 */
export function* csvFileRecords(
  file: string,
  options: { readonly maxRecordBytes: number; readonly progress?: (bytes: number) => void },
): Generator<CsvRecord> {
  const reader = new CsvReader(options.maxRecordBytes);
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      options.progress?.(n);
      if (n === 0) break;
      yield* reader.push(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  yield* reader.end();
}
