/**
 * The part files of `--claims-out`: each share of a run writes its per-claim rows to its own part
 * as it settles them, one JSON line `[line, variant index, …values]` each, and the parts are read
 * back merged in input order. Kept apart from the file writers so that a worker thread loads only
 * this.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { type ClaimRowValues, claimRow, claimRowLayout } from '../../simulate/output/claim-rows.js';
import type { SimulationOptions, Variant } from '../../simulate/core/simulation.js';
import { fileLines } from './source.js';

const FLUSH_CHARS = 1 << 20;

/**
 * A file written in large chunks, synchronously (a worker thread has nothing else to do).
 *
 * @example
 * const out = chunkedFile('rows.csv'); out.write('a,b\n'); out.close();
 */
export function chunkedFile(file: string): { write: (s: string) => void; close: () => void } {
  const fd = openSync(file, 'w');
  let buf = '';
  const flush = (): void => {
    if (buf.length > 0) writeSync(fd, buf);
    buf = '';
  };
  return {
    write: (s) => {
      buf += s;
      if (buf.length >= FLUSH_CHARS) flush();
    },
    close: () => {
      flush();
      closeSync(fd);
    },
  };
}

/**
 * A sink for one share's rows: `onSettled` for `createSimulation` (the main entry), each row a JSON line
 * `[line, variant index, …values]` in a part file.
 *
 * @example
 * const part = claimPartWriter('/tmp/x/part.0', variants);
 * createSimulation({ variants, onSettled: part.onSettled }); … part.close();
 */
export function claimPartWriter(
  file: string,
  variants: readonly Variant[],
): { onSettled: NonNullable<SimulationOptions['onSettled']>; close: () => void } {
  const layout = claimRowLayout(variants.map((v) => v.rules));
  const variantNames = variants.map((v) => v.name);
  const out = chunkedFile(file);
  return {
    onSettled: (v, line, record, run) =>
      out.write(`${JSON.stringify([line, v, ...claimRow(layout, variantNames[v]!, line, record, run)])}\n`),
    close: out.close,
  };
}

/**
 * The rows of the part files, merged in input order: by line, then variant index (each part is
 * in input order already: a share settles its claims as the file lists them).
 *
 * @example
 * for (const row of mergedRows(['/tmp/x/part.000', '/tmp/x/part.001'])) …
 */
export function* mergedRows(parts: readonly string[]): Generator<ClaimRowValues> {
  const readers = parts.map((p) => {
    const lines = fileLines(p);
    const next = (): (number | unknown)[] | undefined => {
      for (;;) {
        const l = lines.next();
        if (l.done) return undefined;
        if ('tooLong' in l.value) throw new Error(`a row of ${p} is too long`);
        if (l.value.to > l.value.from)
          return JSON.parse(l.value.buf.toString('utf8', l.value.from, l.value.to)) as unknown[];
      }
    };
    return { next, head: next() };
  });
  for (;;) {
    let best = -1;
    for (let i = 0; i < readers.length; i++) {
      const h = readers[i]!.head as number[] | undefined;
      if (!h) continue;
      const b = best < 0 ? undefined : (readers[best]!.head as number[]);
      if (!b || h[0]! < b[0]! || (h[0] === b[0] && h[1]! < b[1]!)) best = i;
    }
    if (best < 0) return;
    const r = readers[best]!;
    yield (r.head as ClaimRowValues).slice(2);
    r.head = r.next();
  }
}
