/** The seeds: the clause index agrees with the rules, and the synthetic generator is deterministic and valid. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import clauses from '../../seeds/clauses.json';
import { defaultRules } from '../../src/scheme/embedded.js';
import { listParameters } from '../../src/scheme/parameters.js';
import { settleBatch } from '../../src/contract/settle-json.js';
import { ROOT, TEST } from '../support/paths.js';

describe('the clause index', () => {
  it('lists every clause the rules of both rule sets cite, and every clause it lists is cited', () => {
    const cited = new Set<string>();
    const walk = (n: unknown): void => {
      if (typeof n !== 'object' || n === null) return;
      if (Array.isArray(n)) return n.forEach(walk);
      for (const [k, v] of Object.entries(n)) {
        if (k === 'clause' && typeof v === 'string') cited.add(v);
        else walk(v);
      }
    };
    for (const set of defaultRules().sets) walk(set.files);
    const listed = clauses.clauses.map((c) => c.id);
    expect([...cited].sort()).toEqual([...listed].sort());
    for (const set of defaultRules().sets)
      for (const p of listParameters(set.files)) expect(listed, `${set.id} ${p.file} ${p.path}`).toContain(p.clause);
  });

  it('summarises in our own words: no summary repeats a run of ten characters of the plan', () => {
    // The plan is not copied into the project: only hashes of its 10-character windows are kept.
    const windows = new Set(
      readFileSync(join(TEST, 'fixtures', 'plan-section-7.windows.txt'), 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('#')),
    );
    expect(windows.size).toBeGreaterThan(3000);
    const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 10);
    for (const c of clauses.clauses) {
      const chars = [...c.summary];
      for (let i = 0; i + 10 <= chars.length; i++)
        expect(windows.has(hash(chars.slice(i, i + 10).join(''))), `${c.id}: ${chars.slice(i, i + 10).join('')}`).toBe(
          false,
        );
    }
    // The check itself can fail: a window of the plan is found.
    expect(windows.has(hash('实施八顺位梯次保障政策'.slice(0, 10)))).toBe(true);
  });
});

describe('the synthetic claim generator', () => {
  const text = (n: number, seed: number) =>
    [...generateClaims({ claims: n, seed, year: 2018 })].map((c) => JSON.stringify(c)).join('\n');

  it('gives byte-identical claims for the same seed, and others for another seed', () => {
    expect(text(300, 5)).toBe(text(300, 5));
    expect(text(300, 5)).not.toBe(text(300, 6));
  });

  it('reproduces the committed sample (seeds/claims-sample-200.ndjson, seed 2017)', () => {
    expect(`${text(200, 2017)}\n`).toBe(readFileSync(join(ROOT, 'seeds', 'claims-sample-200.ndjson'), 'utf8'));
  });

  it('makes claims that are all valid and all settle, every pathway represented', () => {
    const claims = [
      ...generateClaims({ claims: Math.min(3000, 10 * Number(process.env.FC_RUNS ?? 3000)), seed: 11, year: 2019 }),
    ];
    const { outcomes } = settleBatch(claims);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const kinds = new Set(claims.map((c) => (c.visit as { kind: string }).kind));
    expect([...kinds].sort()).toEqual(['delivery', 'general-outpatient', 'inpatient', 'special-outpatient']);
    const categories = new Set(claims.map((c) => (c.person as { category: string }).category));
    expect(categories.size).toBe(3);
  });
});
