/**
 * Monotonicity: adding a compliant item of x yuan raises the personal pay by at most x (plus a fen
 * of rounding per tier) and never lowers what the payers pay by more than that rounding.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import { amountArb, claimArb } from '../support/arbitraries.js';

const RUNS = Number(process.env.FC_RUNS ?? 3000);
/** One fen of rounding for each tier of the longest rule set of the book (nine in 2017, four in 2022). */
const SLACK = Math.max(...defaultRules().policies.map((p) => p.tiers.length));

function settled(input: unknown) {
  const c = parseClaim(input);
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  const r = settleClaim(c.value);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return {
    personal: r.value.personal,
    payers: r.value.lines.reduce((s, l) => s + l.amount, 0),
    absorbed: r.value.bill.hospitalAbsorbed,
  };
}

const extraItem = fc.record({
  category: fc.constantFrom('drug', 'treatment', 'exam', 'material'),
  catalog: fc.constantFrom('A', 'B', 'C'),
  amount: amountArb,
  necessary: fc.boolean(),
});

it(`adding a compliant item of x raises personal pay by at most x + ${SLACK} fen and lowers no payer total beyond rounding`, () => {
  fc.assert(
    fc.property(claimArb, extraItem, (claim, item) => {
      const before = settled(claim);
      const after = settled({ ...claim, items: [...(claim.items as object[]), item] });
      const x = Math.round(Number(item.amount) * 100);
      expect(after.personal - before.personal).toBeLessThanOrEqual(x + SLACK);
      expect(after.payers - before.payers).toBeGreaterThanOrEqual(-SLACK);
      // And the new cost is somewhere: hospital, payers or patient.
      expect(after.absorbed + after.payers + after.personal - (before.absorbed + before.payers + before.personal)).toBe(
        x,
      );
    }),
    { numRuns: RUNS },
  );
});
