/**
 * A partition is settled person by person, sorted by the hash of the person id (no map of
 * persons): two persons whose ids share that hash (P-2rnw and P-jpba, by FNV-1a) must still keep
 * their own ledgers, each its claims in input order, and the run must add up as one stream read
 * in order does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulateFile } from '../../../src/node/simulate/parallel.js';
import { defaultRules } from '../../../src/scheme/embedded.js';
import { reformRules } from '../../../src/scheme/reform.js';
import { hashText } from '../../../src/simulate/scale/shard.js';
import { createSimulation } from '../../../src/simulate/core/simulation.js';

const dir = mkdtempSync(join(tmpdir(), 'bashunwei-sorted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A serious inpatient claim: each one moves the person's yearly burden and caps. */
const claim = (id: string, person: string, day: number, amount: string) => ({
  id,
  person: { id: person, county: 'anyue', category: 'registered-poor', illnessInduced: false },
  visit: { kind: 'inpatient', discharged: `2018-03-${String(day).padStart(2, '0')}` },
  hospital: { level: 'city', area: 'yanjiang' },
  items: [
    { category: 'treatment', catalog: 'A', amount },
    { category: 'drug', catalog: 'B', amount: '3000.00' },
  ],
});

describe('settling a partition person by person', () => {
  it('keeps apart two persons whose ids share a hash, each in input order', async () => {
    expect(hashText('P-2rnw')).toBe(hashText('P-jpba'));
    const claims = [
      claim('C1', 'P-2rnw', 1, '40000.00'),
      claim('C2', 'P-jpba', 2, '35000.00'),
      claim('C3', 'P-other', 3, '12000.00'),
      claim('C4', 'P-2rnw', 4, '60000.00'),
      claim('C5', 'P-jpba', 5, '80000.00'),
      claim('C6', 'P-2rnw', 6, '25000.00'),
      claim('C7', 'P-jpba', 7, '15000.00'),
    ];
    const file = join(dir, 'claims.ndjson');
    writeFileSync(file, claims.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const changes = [
      { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.40' },
    ];
    const reform = reformRules(defaultRules(), changes);
    if (!reform.ok) throw new Error(JSON.stringify(reform.errors));
    const inOrder = createSimulation({
      variants: [
        { name: 'baseline', rules: defaultRules() },
        { name: 'reform', rules: reform.value },
      ],
    });
    for (const c of claims) inOrder.add(c);
    const expected = inOrder.result();
    for (const workers of [1, 2]) {
      const r = await simulateFile({
        file,
        format: 'ndjson',
        workers,
        variants: [{ name: 'baseline' }, { name: 'reform', changes }],
      });
      expect(r.variants.map((v) => v.aggregates)).toEqual(expected.variants.map((v) => v.aggregates));
      expect(r.changed).toEqual(expected.changed);
      expect(r.payChanges).toEqual(expected.payChanges);
    }
    expect(expected.changed.map((c) => c.personId).sort()).toEqual(['P-2rnw', 'P-jpba', 'P-other']);
  }, 600_000);
});
