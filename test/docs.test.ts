/** `npm run docs` builds the API reference from the TSDoc of the public API, with no warning (typedoc.json treats them as errors). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from './helpers.js';

it('typedoc documents every export of src/index.ts, every referenced type included, no broken link', () => {
  const out = tempDir('docs');
  const log = execFileSync('npx', ['typedoc', '--out', out], { cwd: join(__dirname, '..'), encoding: 'utf8' });
  expect(log).not.toMatch(/warning/i);
  expect(existsSync(join(out, 'functions', 'settle.html'))).toBe(true);
  expect(existsSync(join(out, 'functions', 'simulateFile.html'))).toBe(true);
}, 120_000);
