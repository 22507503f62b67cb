/**
 * Simulation on real extracts (issue 13): claims in any order, as a payer's database hands them
 * out, give exactly what settling them one by one gives; with any number of workers, from NDJSON
 * or CSV, with or without `--grouped` (which once trusted the input and was silently wrong).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { settleBatch } from '../../src/contract/settle-json.js';
import { simulateFile } from '../../src/node/simulate/parallel.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { simulationReport } from '../../src/simulate/report/summary.js';
import {
  bashunwei,
  figuresOfAggregates,
  figuresOfSettlements,
  shuffled,
  testFolder,
  writeCsv,
  writeNdjson,
} from '../support/simulation-inputs.js';

const tmp = testFolder('order');
afterAll(() => tmp.remove());

/** A general outpatient visit of 1,000 yuan: basic insurance pays its 300-yuan yearly cap at once. */
const outpatient = (id: string, person: string) => ({
  id,
  person: { id: person, county: 'anyue', category: 'registered-poor' },
  visit: { kind: 'general-outpatient', discharged: '2018-03-01' },
  hospital: { level: 'township', area: 'anyue' },
  items: [{ category: 'drug', catalog: 'A', amount: '1000.00' }],
});

describe("one person's claims apart from each other", () => {
  const p121 = writeNdjson(tmp.file('p1-p2-p1.ndjson'), [
    outpatient('C1', 'P1'),
    outpatient('C2', 'P2'),
    outpatient('C3', 'P1'),
  ]);

  it.each([
    ['without --grouped, one worker', ['--workers', '1']],
    ['without --grouped, three workers', ['--workers', '3']],
    ['with --grouped, one worker', ['--grouped', '--workers', '1']],
    ['with --grouped, three workers', ['--grouped', '--workers', '3']],
  ])(
    "P1, P2, P1: basic insurance pays P1's yearly cap once (600.00 in all) over two person-years, %s",
    async (_, flags) => {
      const r = await bashunwei(['simulate', p121, ...flags]);
      expect(r.code).toBe(0);
      const v = JSON.parse(r.out).variants[0];
      expect(v.byTier['basic-insurance']).toBe('600.00');
      expect(v.personYears.all).toEqual({ yanjiang: 0, anyue: 2, lezhi: 0 });
      const oneByOne = settleBatch([outpatient('C1', 'P1'), outpatient('C2', 'P2'), outpatient('C3', 'P1')]).outcomes;
      expect(
        oneByOne.map((o) => (o.ok ? o.record.lines.find((l) => l.id === 'basic-insurance')!.amount : null)),
      ).toEqual([30_000, 30_000, 0]);
    },
    600_000,
  );
});

describe('a shuffled file of 45,000 claims', () => {
  const claims = shuffled([...generateClaims({ claims: 45_000, seed: 13, year: 2018 })], 2026);
  const ndjson = writeNdjson(tmp.file('shuffled.ndjson'), claims);
  const csv = writeCsv(tmp.file('shuffled.csv'), claims);

  it('interleaves the persons (the generator writes them one after another)', () => {
    let runs = 1;
    for (let i = 1; i < claims.length; i++)
      if ((claims[i]!.person as { id: string }).id !== (claims[i - 1]!.person as { id: string }).id) runs++;
    expect(runs).toBeGreaterThan(40_000);
  });

  it('adds up to what settling its claims one by one in the same order gives, to the fen', async () => {
    const result = await simulateFile({ file: ndjson, format: 'ndjson', variants: [{ name: 'baseline' }], workers: 1 });
    expect(figuresOfAggregates(result.variants[0]!.aggregates)).toEqual(
      figuresOfSettlements(settleBatch(claims).outcomes, result.variants[0]!.aggregates.dims),
    );
  }, 600_000);

  it('prints the bytes of a simulation that holds every person-year in memory, with 1 and 3 workers, from NDJSON and CSV, with and without --grouped', async () => {
    const sim = createSimulation({ variants: [{ name: 'rules', rules: defaultRules() }] });
    for (const c of claims) sim.add(c);
    const expected = `${JSON.stringify(simulationReport(sim.result(), [defaultRules()]), null, 2)}\n`;
    for (const argv of [
      [ndjson, '--workers', '1'],
      [ndjson, '--workers', '3'],
      [ndjson, '--workers', '3', '--grouped'],
      [csv, '--workers', '2'],
      [csv, '--workers', '1', '--grouped'],
    ]) {
      const r = await bashunwei(['simulate', ...argv]);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out, argv.join(' ')).toBe(expected);
    }
  }, 600_000);
});
