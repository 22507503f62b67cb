/** Shared helpers of the tests: reading fixtures, comparing to golden files, temporary folders. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { TEST } from './paths.js';

const made: string[] = [];
// Every folder tempDir made in this test file is removed when the file is done
// (test/temp-dir-guard.ts fails the run if anything is left in the temporary directory).
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A fresh folder in the system's temporary directory, removed after the test file.
 *
 * @example
 * const dir = tempDir('cli'); // /tmp/bashunwei-cli-XXXXXX
 */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `bashunwei-${name}-`));
  made.push(dir);
  return dir;
}

/** A worked example of the spec: claims settled in order and the settlements expected. */
export interface SpecExample {
  readonly file: string;
  readonly name: string;
  readonly claims: readonly unknown[];
  readonly expected: readonly Record<string, unknown>[];
}

/** The spec's worked examples, copied into the project. */
export function specExamples(): SpecExample[] {
  const dir = join(TEST, 'fixtures', 'spec-examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<SpecExample, 'file'>) }));
}

/**
 * Compares text with a golden file under test/golden; `UPDATE_GOLDEN=1` rewrites it. A missing
 * golden file fails the test (it is never created silently in CI).
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(TEST, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(existsSync(path), `golden file ${name} is missing: run UPDATE_GOLDEN=1 npm test and review it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** A valid claim to start from in tests; override parts with spread. */
export function baseClaim(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'T1',
    person: { id: 'PT', county: 'anyue', category: 'registered-poor', illnessInduced: true },
    visit: { kind: 'inpatient', discharged: '2017-06-10', admitted: '2017-06-01' },
    hospital: { id: 'H', level: 'county', area: 'anyue' },
    items: [
      { category: 'drug', catalog: 'A', amount: '3200.00' },
      { category: 'treatment', catalog: 'A', amount: '5000.00' },
    ],
    ...overrides,
  };
}

/**
 * Table rows for `it.each`, each with its sentence first (so that `%s` prints the sentence whole:
 * `$name` would quote and shorten it).
 *
 * @example
 * it.each(cases([{ name: 'nothing at the deductible', S: 40000, pays: 0 }]))('pays %s', (_, c) => …)
 */
export function cases<T extends { readonly name: string }>(rows: readonly T[]): [string, T][] {
  return rows.map((c) => [c.name, c]);
}
