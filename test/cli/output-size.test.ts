/**
 * Output is linear in the claims (issue 22, "Output that grows out of hand"): a settlement no
 * longer repeats the person-year's list of claim ids (one person with 50,000 claims wrote 3.3 GB
 * of NDJSON). Each settlement carries the counters and how many claims the year holds; the ids
 * are in the year ledger (`--ledger-out`, `r.ledger` of `settle()`), where re-settlement and the
 * refusal of a duplicate read them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/contract/settle-json.js';
import type { YearLedgerJson } from '../../src/ledger/ledger-json.js';
import { baseClaim, tempDir } from '../support/helpers.js';
import { bashunwei } from '../support/simulation-inputs.js';

const N = 2000;
/** Claims of one person in one year, ids of one width, small bills (the counters stay short too). */
const claims = Array.from({ length: N }, (_, i) =>
  baseClaim({
    id: `C${String(i).padStart(5, '0')}`,
    visit: { kind: 'general-outpatient', discharged: '2018-03-01' },
    items: [{ category: 'exam', catalog: 'A', amount: '10.00' }],
  }),
);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe(`${N} claims of one person in one year`, () => {
  it('bashunwei settle --format ndjson: the bytes of a settlement do not grow with the claims before it', async () => {
    const dir = tempDir('output-size');
    const file = join(dir, 'one-person.ndjson');
    writeFileSync(file, `${claims.map((c) => JSON.stringify(c)).join('\n')}\n`);
    const out = join(dir, 'ledger.json');
    const r = await bashunwei(['settle', file, '--format', 'ndjson', '--ledger-out', out]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(N);
    const bytes = lines.map((l) => Buffer.byteLength(l));
    // A few bytes for longer amounts in the counters and explanations; with the ids in every
    // settlement the last lines were 18 KB longer than the first.
    expect(mean(bytes.slice(-100))).toBeLessThan(mean(bytes.slice(0, 100)) + 64);
    expect(Buffer.byteLength(r.out)).toBeLessThan(N * (bytes[0]! + 64));
    expect(JSON.parse(lines.at(-1)!).ledger.claims).toBe(N);
    // The ids are written once, in the ledger file.
    const ledger = JSON.parse(readFileSync(out, 'utf8'));
    expect(ledger.entries[0].claimIds).toEqual(claims.map((c) => c.id));
  });

  it("settle() threading the year ledger: the settlement's bytes stay flat, and a duplicate is still refused", () => {
    let ledger: YearLedgerJson | undefined;
    const bytes: number[] = [];
    for (const c of claims.slice(0, 500)) {
      const r = settle(c, ledger ? { ledger } : {});
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      bytes.push(JSON.stringify(r.value).length);
      ledger = r.ledger;
    }
    expect(mean(bytes.slice(-50))).toBeLessThan(mean(bytes.slice(0, 50)) + 64);
    const again = settle(claims[7], { ledger });
    expect(again.ok ? null : again.errors.map((e) => e.code)).toEqual(['duplicate_claim']);
  });
});
