/**
 * `npm run docs` builds the API reference from the TSDoc of the public API, with no warning
 * (typedoc.json treats them as errors); the user docs name every error code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ClaimErrorCode } from '../../src/errors/codes.js';
import { tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

it('typedoc documents every export of the two entries (src/index.ts, src/node/index.ts), every referenced type included, no broken link', () => {
  const out = tempDir('docs');
  const log = execFileSync('npx', ['typedoc', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  expect(log).not.toMatch(/warning/i);
  expect(existsSync(join(out, 'functions', 'bashunwei.settle.html'))).toBe(true);
  expect(existsSync(join(out, 'functions', 'bashunwei_node.simulateFile.html'))).toBe(true);
}, 600_000);

it('docs/claim.md names every claim error code, and docs/service.md every code the service answers with', () => {
  const claimDoc = readFileSync(join(ROOT, 'docs', 'claim.md'), 'utf8');
  const serviceDoc = readFileSync(join(ROOT, 'docs', 'service.md'), 'utf8');
  const missing = Object.values(ClaimErrorCode).filter((code) => !claimDoc.includes(`\`${code}\``));
  expect(missing).toEqual([]);
  for (const code of [
    'unauthorized',
    'forbidden',
    'not_found',
    'method_not_allowed',
    'unsupported_media_type',
    'invalid_parameter',
    'unavailable',
    'internal_error',
  ]) {
    expect(serviceDoc, code).toContain(`\`${code}\``);
  }
});
