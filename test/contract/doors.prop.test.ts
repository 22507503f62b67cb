/**
 * Every public entry point of the main entry that takes user data, driven with arbitrary JSON
 * values, mutated valid claims and mutated valid ledgers (issue 22, "What it must show"): each
 * answers a result or errors whose codes are in the closed sets (src/errors/codes.ts), each with
 * a path and a message; none throws; and a settlement that comes out of any of them is the one
 * `settle()` gives for the same claim text (and the same ledger).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claim/claim.js';
import { ClaimErrorCode, RuleErrorCode } from '../../src/errors/codes.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import { type YearLedgerJson, parseLedgerJson, parseYearLedgerJson } from '../../src/ledger/ledger-json.js';
import {
  type Claim as _Claim,
  createBatch,
  createSimulation,
  defaultRules,
  parseClaim,
  parseClaimText,
  reverseClaim,
  settle,
  settleBatch,
  settleClaim,
} from '../../src/index.js';
import { claimArb, type Mutation, mutateClaim, mutatedClaimArb, yearSequenceArb } from '../support/arbitraries.js';

// A whole number of runs whatever FC_RUNS is: fast-check runs until it has made exactly numRuns,
// so a third of 100 (33.33…) never ends (the mutation run's first pass hung on it).
const RUNS = Number(process.env.FC_RUNS ?? 3000);
const CODES = new Set<string>([...Object.values(ClaimErrorCode), ...Object.values(RuleErrorCode)]);

/** A result, or documented errors: codes of the closed sets, each with a path and a message. */
function documented(r: unknown): void {
  expect(typeof r === 'object' && r !== null && 'ok' in r).toBe(true);
  const x = r as { ok: boolean; errors?: readonly { code: string; path: string; message: string }[] };
  if (x.ok) return;
  expect(x.errors!.length).toBeGreaterThan(0);
  for (const e of x.errors!) {
    expect(CODES.has(e.code), e.code).toBe(true);
    expect(typeof e.path).toBe('string');
    expect(e.message.length).toBeGreaterThan(5);
  }
}

/** Valid year ledgers, as settle() hands them back after a person-year's claims. */
const LEDGERS: YearLedgerJson[] = fc.sample(yearSequenceArb, { numRuns: 12, seed: 22 }).flatMap((claims) => {
  let ledger: YearLedgerJson | undefined;
  for (const c of claims) {
    const r = settle(c, ledger ? { ledger } : {});
    if (r.ok) ledger = r.ledger;
  }
  return ledger ? [ledger] : [];
});
/** A valid ledger with one random change, or with its amounts as JSON numbers. */
const ledgerArb = fc.oneof(
  fc.constantFrom(...LEDGERS),
  fc
    .tuple(
      fc.constantFrom(...LEDGERS),
      fc.nat(),
      fc.oneof(fc.jsonValue(), fc.constantFrom('1.00', '0', 'basic-insurance.paid.basik', 1495, -1)),
      fc.constantFrom<Mutation>('remove', 'replace', 'add'),
      fc.string(),
    )
    .map(([l, pick, value, op, key]) => mutateClaim(l, pick, value, op, key)),
  fc
    .constantFrom(...LEDGERS)
    .map((l) => ({ ...l, counters: Object.fromEntries(Object.entries(l.counters).map(([k, v]) => [k, Number(v)])) })),
  fc.jsonValue(),
);
const inputArb = fc.oneof(fc.jsonValue(), mutatedClaimArb, claimArb);
/** A valid claim with a ledger of its own person-year (of the same scheme), its id sometimes in it, the ledger sometimes changed. */
const claimWithLedgerArb = fc
  .tuple(claimArb, fc.constantFrom(...LEDGERS), fc.boolean(), fc.nat(), fc.jsonValue(), fc.boolean())
  .map(([claim, l, again, pick, value, mutate]) => {
    const c = claim as { id: string; person: { id: string }; visit: { discharged: string } };
    const year = Number(c.visit.discharged.slice(0, 4));
    const sameScheme = year < 2021 === l.year < 2021;
    const own: YearLedgerJson = sameScheme
      ? { ...l, personId: c.person.id, year, claimIds: again ? [...l.claimIds, c.id] : l.claimIds }
      : { personId: c.person.id, year, claimIds: [], counters: {} };
    return { claim, ledger: mutate ? mutateClaim(own, pick, value, 'replace', '') : own };
  });
/** The same settlement, whichever door it came out of: the contract's JSON. */
const sameAsSettle = (json: unknown, ledger: unknown, got: unknown) => {
  const want = settle(json, ledger === undefined ? {} : { ledger: ledger as YearLedgerJson });
  expect(want.ok).toBe(true);
  expect(got).toEqual(want.ok ? want.value : null);
};

describe('every entry point answers arbitrary JSON with a result or a documented error, never a throw', () => {
  it('parseClaim, parseClaimText: and what they accept settles as settle() settles its text', () => {
    fc.assert(
      fc.property(inputArb, fc.string(), (x, s) => {
        const text = JSON.stringify(x) ?? 'null';
        for (const r of [parseClaim(x), parseClaimText(text), parseClaimText(s)]) documented(r);
        const r = parseClaimText(text);
        if (!r.ok) return;
        const s1 = settleClaim(r.value);
        documented(s1);
        if (s1.ok) sameAsSettle(JSON.parse(text), undefined, settlementToJson(s1.value));
      }),
      { numRuns: RUNS },
    );
  });

  it('settle(), with any ledger: a settlement only with a ledger parseYearLedgerJson accepts, the one settleClaim gives', () => {
    fc.assert(
      fc.property(inputArb, fc.option(ledgerArb, { nil: undefined }), (x, ledger) => {
        const r = settle(x, ledger === undefined ? {} : { ledger: ledger as YearLedgerJson });
        documented(r);
        if (!r.ok) return;
        const claim = parseClaim(x);
        const read = ledger === undefined ? undefined : parseYearLedgerJson(ledger);
        expect(read === undefined || read.ok).toBe(true);
        const again = settleClaim((claim as { value: Claim }).value, { ledger: read?.ok ? read.value : undefined });
        expect(again.ok && settlementToJson(again.value)).toEqual(r.value);
      }),
      { numRuns: RUNS },
    );
  });

  it("settle() with a ledger of the claim's own person-year, changed or not: the same", () => {
    fc.assert(
      fc.property(claimWithLedgerArb, ({ claim, ledger }) => {
        const r = settle(claim, { ledger });
        documented(r);
        const read = parseYearLedgerJson(ledger);
        if (!r.ok) return;
        expect(read.ok).toBe(true);
        const again = settleClaim((parseClaim(claim) as { value: Claim }).value, {
          ledger: read.ok ? read.value : undefined,
        });
        expect(again.ok && settlementToJson(again.value)).toEqual(r.value);
        expect(again.ok && again.value.ledger.claimIds).toEqual(r.ledger.claimIds);
      }),
      { numRuns: RUNS },
    );
  });

  it('settleBatch, createBatch().settle and .settleText, with any ledger: one claim settles as settle() settles it', () => {
    fc.assert(
      fc.property(inputArb, fc.jsonValue(), fc.option(ledgerArb, { nil: undefined }), (x, many, ledger) => {
        for (const o of settleBatch(many as never).outcomes) documented(o);
        const file = ledger === undefined ? undefined : { version: 2, entries: [ledger] };
        const batch = createBatch({ ledger: file as never });
        const text = JSON.stringify(x) ?? 'null';
        for (const o of [batch.settle(x), createBatch({ ledger: file as never }).settleText(text)]) {
          documented(o);
          if (!o.ok) continue;
          expect(parseLedgerJson(file ?? { version: 2, entries: [] }).ok).toBe(true);
          // The batch's ledger is the entry of the claim's person-year, if the file has it.
          const own = ledger as YearLedgerJson | undefined;
          const same = own && own.personId === o.record.ledger.personId && own.year === o.record.ledger.year;
          sameAsSettle(x, same ? own : undefined, settlementToJson(o.record));
        }
        const single = settleBatch([x]).outcomes[0]!;
        documented(single);
        if (single.ok) sameAsSettle(x, undefined, settlementToJson(single.record));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('settleClaim and reverseClaim with anything (plain JS, JSON, copies) and any ledger', () => {
    fc.assert(
      fc.property(inputArb, fc.jsonValue(), fc.string(), ledgerArb, (x, y, id, l) => {
        documented(settleClaim(x as never));
        documented(settleClaim(x as never, { ledger: l as never }));
        documented(reverseClaim(x as never, id));
        documented(reverseClaim(y as never, y as never, { ledger: l as never }));
        const c = parseClaim(x);
        if (!c.ok) return;
        documented(settleClaim(c.value, { ledger: l as never }));
        documented(settleClaim({ ...c.value } as _Claim));
        documented(reverseClaim([c.value], c.value.id, { ledger: l as never }));
        documented(reverseClaim([c.value, x as never], c.value.id));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('parseLedgerJson, parseYearLedgerJson with any ledger or file', () => {
    fc.assert(
      fc.property(ledgerArb, fc.jsonValue(), (l, v) => {
        documented(parseYearLedgerJson(l));
        documented(parseLedgerJson({ version: 2, entries: [l] }));
        documented(parseLedgerJson(v));
        documented(parseLedgerJson({ version: 1, entries: [v] }));
      }),
      { numRuns: RUNS },
    );
  });

  it('a simulation counts what it refuses under documented codes, whatever it is given', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 5 }), fc.string(), (xs, s) => {
        const sim = createSimulation({ variants: [{ name: 'baseline', rules: defaultRules() }] });
        for (const x of xs) {
          sim.add(x);
          sim.addValid(x as never);
          sim.addRecord(x as never);
        }
        sim.addText(s);
        const r = sim.result();
        for (const code of Object.keys(r.variants[0]!.aggregates.rejected)) expect(CODES.has(code), code).toBe(true);
        for (const j of r.rejections) expect(CODES.has(j.code), j.code).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
