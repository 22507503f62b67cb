/**
 * Every worked example of the spec (test/fixtures/spec-examples, copied from shared/spec) is
 * settled in order with the ledger threaded, and every field of every expected settlement must
 * match to the fen.
 */
import { describe, expect, it } from 'vitest';
import { settleBatch } from '../../src/contract/settle-json.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import { formatStatements } from '../../src/format/text.js';
import { expectGolden, specExamples } from '../support/helpers.js';

const examples = specExamples();

describe('the worked examples of the spec', () => {
  it('are all present (15 files: 01–11 of ziyang-2017, 12–15 of ziyang-2022)', () => {
    expect(examples.length).toBe(15);
  });

  describe.each(examples)('$file', (ex) => {
    const { outcomes } = settleBatch(ex.claims);
    it.each(ex.expected.map((e, i) => [String(e.claimId), i] as const))(
      `${ex.name.slice(0, 60)}… claim %s settles as expected`,
      (_id, i) => {
        const o = outcomes[i]!;
        if (!o.ok) throw new Error(JSON.stringify(o.errors));
        const got = settlementToJson(o.record) as unknown as Record<string, unknown>;
        const want = ex.expected[i]!;
        for (const [key, value] of Object.entries(want)) {
          if (key === 'lines') continue;
          expect(got[key], key).toEqual(value);
        }
        const wantLines = want.lines as Record<string, unknown>[];
        const gotLines = got.lines as Record<string, unknown>[];
        expect(gotLines.map((l) => l.id)).toEqual(wantLines.map((l) => l.id));
        wantLines.forEach((wl, k) => {
          for (const [key, value] of Object.entries(wl))
            expect(gotLines[k]![key], `${String(wl.id)}.${key}`).toEqual(value);
        });
      },
    );

    it('matches its golden settlement JSON and cashier statement', () => {
      const json = outcomes
        .map((o) => (o.ok ? settlementToJson(o.record) : o))
        .map((s) => JSON.stringify(s, null, 2))
        .join('\n');
      expectGolden(ex.file, `${json}\n`);
      const text = formatStatements(outcomes.flatMap((o) => (o.ok ? [o.record] : [])));
      expectGolden(ex.file.replace(/\.json$/, '.txt'), `${text}\n`);
    });
  });
});
