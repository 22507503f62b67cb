/**
 * Reading a file in byte ranges (the parallel partition pass, issue 13): ranges cut at any bytes
 * give every line exactly once, in order, numbered as reading the file whole numbers them.
 */
import { statSync, writeFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { prng } from '../../seeds/generator.js';
import { MAX_LINE_BYTES } from '../../src/node/input.js';
import { fileLines } from '../../src/node/simulate/source.js';
import { testFolder } from '../support/simulation-inputs.js';

const tmp = testFolder('lines');
afterAll(() => tmp.remove());

it('ranges cut at any bytes give every line once, in order, as reading the whole file does', () => {
  // About 10 MiB (more than two read chunks): lines of any length, blank lines, CRLF endings, a
  // line longer than a claim may be, and no newline at the end.
  const rnd = prng(99);
  const parts: string[] = [];
  let size = 0;
  while (size < 10 << 20) {
    const r = rnd();
    const line =
      parts.length === 2000
        ? 'L'.repeat(MAX_LINE_BYTES + 5000)
        : r < 0.05
          ? ''
          : 'x'.repeat(Math.floor(rnd() * 3000)) + String(parts.length);
    parts.push(line + (rnd() < 0.1 ? '\r\n' : '\n'));
    size += line.length + 1;
  }
  parts.push('last line without newline');
  const file = tmp.file('lines.txt');
  writeFileSync(file, parts.join(''));
  const bytes = statSync(file).size;

  type Line = ReturnType<typeof fileLines> extends Generator<infer L> ? L : never;
  const describe = (l: Line, offset: number) =>
    'tooLong' in l
      ? ['too long', l.line + offset, l.tooLong]
      : ['line', l.line + offset, l.buf.toString('latin1', l.from, l.to)];
  const whole = Array.from(fileLines(file), (l) => describe(l, 0));
  expect(whole.some((l) => l[0] === 'too long')).toBe(true);

  const longStart = parts.findIndex((p) => p.startsWith('LLL'));
  const longAt = parts.slice(0, longStart).join('').length;
  const newlineAt = parts.slice(0, 100).join('').length; // the byte right after a newline
  for (const cuts of [
    [bytes / 2, (bytes * 3) / 4].map(Math.floor),
    [1, 2, 3],
    [newlineAt - 1, newlineAt, newlineAt + 1],
    [longAt + 10, longAt + MAX_LINE_BYTES],
    Array.from({ length: 7 }, () => Math.floor(rnd() * bytes)).sort((a, b) => a - b),
  ]) {
    const bounds = [0, ...cuts, bytes];
    const got: unknown[] = [];
    let offset = 0;
    for (let k = 0; k + 1 < bounds.length; k++) {
      let last = 0;
      for (const l of fileLines(file, undefined, { start: bounds[k]!, end: bounds[k + 1]! })) {
        got.push(describe(l, offset));
        last = l.line;
      }
      offset += last;
    }
    expect(got.length, `cuts at ${cuts.join(', ')}`).toBe(whole.length);
    expect(got, `cuts at ${cuts.join(', ')}`).toEqual(whole);
  }
});
