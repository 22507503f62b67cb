/** The suite's guard against leftovers in the temporary directory (test/temp-dir-guard.ts). */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import setup from './temp-dir-guard.js';
import { tempDir } from './helpers.js';

it('every test of the run makes its temporary files in a directory of the run', () => {
  expect(basename(tmpdir())).toMatch(/^bashunwei-test-run-/);
  expect(tempDir('guard').startsWith(tmpdir())).toBe(true);
});

it('fails the run when a test leaves a folder behind, and passes when it leaves nothing', () => {
  const exitCode = process.exitCode;
  const outer = process.env.TMPDIR;
  try {
    const leaky = setup();
    const root = tmpdir();
    mkdirSync(join(root, 'bashunwei-forgotten-1'));
    mkdirSync(join(root, 'tsx-0')); // a tool's cache, not a leftover
    expect(leaky).toThrow(
      'the tests left 1 entry in the temporary directory (remove what a test makes; test/helpers.ts tempDir does): bashunwei-forgotten-1',
    );
    expect(process.exitCode).toBe(1);
    expect(existsSync(root)).toBe(false);
    expect(process.env.TMPDIR).toBe(outer);
    const clean = setup();
    expect(clean).not.toThrow();
  } finally {
    process.exitCode = exitCode;
    process.env.TMPDIR = outer;
  }
});
