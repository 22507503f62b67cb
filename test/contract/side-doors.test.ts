/**
 * The library's side doors (issue 22, "Money that comes out wrong without an error"): each
 * reproduction of the report, exactly, now refused with a documented code at its path or settled
 * right, never thrown. A ledger from outside is read by one check (docs/claim.md, "The ledger"),
 * whichever door it comes through; an entry point that takes a validated claim settles only what
 * the claim reader returned (docs/claim.md, "The claim object").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claim/claim.js';
import { settle, settleBatch } from '../../src/contract/settle-json.js';
import {
  type YearLedgerJson,
  ledgerToJson,
  parseLedgerJson,
  parseYearLedgerJson,
} from '../../src/ledger/ledger-json.js';
import { emptyYearLedger } from '../../src/ledger/year-ledger.js';
import { ClaimRecord } from '../../src/claim/claim-record.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { createBatch } from '../../src/settle/batch.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { reverseClaim } from '../../src/settle/reverse.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import { baseClaim, tempDir } from '../support/helpers.js';
import { bashunwei } from '../support/simulation-inputs.js';

/** The report's claim: a general inpatient's 10,000 yuan of A drugs at a county hospital, 2019. */
const claimPL = {
  id: 'PL-1',
  person: { id: 'PL', county: 'anyue', category: 'general' },
  visit: { kind: 'inpatient', discharged: '2019-05-10' },
  hospital: { level: 'county', area: 'anyue' },
  items: [{ category: 'drug', catalog: 'A', amount: '10000.00' }],
};
/** Its ledger: 149,500 of basic insurance's 150,000 cap paid earlier in the year. */
const ledgerPL = (paid: unknown, name = 'basic-insurance.paid.basic'): YearLedgerJson => ({
  personId: 'PL',
  year: 2019,
  claimIds: [],
  counters: { [name]: paid as string },
});
const basic = (r: ReturnType<typeof settle>) =>
  r.ok ? r.value.lines.find((l) => l.id === 'basic-insurance')!.amount : null;
const refusals = (r: { ok: boolean; errors?: readonly { code: string; path: string }[] }) =>
  r.ok ? 'settled' : r.errors!.map((e) => [e.code, e.path]);
const dir = tempDir('side-doors');

describe("settle()'s ledger is read as the command's --ledger is: yuan strings, the book's counters", () => {
  it('the counters as JSON numbers are refused (149500 was read as fen: 1,495.00 yuan, and basic insurance paid 7,200.00)', () => {
    expect(refusals(settle(claimPL, { ledger: ledgerPL(149500) as never, lang: 'en' }))).toEqual([
      ['ledger_invalid', 'ledger.counters.basic-insurance.paid.basic'],
    ]);
  });

  it('the same counter as a yuan string leaves 500.00 of the cap: basic insurance pays 500.00', () => {
    expect(basic(settle(claimPL, { ledger: ledgerPL('149500.00') }))).toBe('500.00');
  });

  it('the command reads the same ledger file the same way: the number refused (exit 2), the string settled to 500.00', async () => {
    const file = (name: string, paid: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify({ version: 2, entries: [ledgerPL(paid)] }));
      return path;
    };
    const claim = join(dir, 'pl.json');
    writeFileSync(claim, JSON.stringify(claimPL));
    const number = await bashunwei(['settle', claim, '--ledger', file('n.json', 149500)]);
    expect(number.code).toBe(2);
    expect(number.err).toContain('entries[0].counters.basic-insurance.paid.basic (ledger_invalid)');
    const text = await bashunwei(['settle', claim, '--ledger', file('s.json', '149500.00')]);
    expect(text.code).toBe(0);
    expect(JSON.parse(text.out).lines.find((l: { id: string }) => l.id === 'basic-insurance').amount).toBe('500.00');
  });

  it('a misspelt counter (basic-insurance.paid.basik) is refused at its name, not kept and read by no tier', () => {
    const ledger = ledgerPL('149500.00', 'basic-insurance.paid.basik');
    expect(refusals(settle(claimPL, { ledger: ledger as never }))).toEqual([
      ['ledger_invalid', 'ledger.counters.basic-insurance.paid.basik'],
    ]);
    expect(refusals(parseYearLedgerJson(ledger))).toEqual([['ledger_invalid', 'counters.basic-insurance.paid.basik']]);
  });

  it("a counter of the other scheme (2022's, in a 2019 ledger) is refused", () => {
    const [s2017, s2022] = defaultRules().sets;
    const other = s2022!.scheme.counters.find((n) => !s2017!.scheme.counters.includes(n))!;
    expect(refusals(settle(claimPL, { ledger: ledgerPL('1.00', other) as never }))).toEqual([
      ['ledger_invalid', `ledger.counters.${other}`],
    ]);
  });

  it('a ledger of another person or year is refused with ledger_mismatch, never settled', () => {
    expect(refusals(settle(claimPL, { ledger: { ...ledgerPL('1.00'), personId: 'PX' } }))).toEqual([
      ['ledger_mismatch', 'person.id'],
    ]);
    expect(refusals(settle(claimPL, { ledger: { ...ledgerPL('1.00'), year: 2018 } }))).toEqual([
      ['ledger_mismatch', 'visit.discharged'],
    ]);
  });
});

describe('settleClaim and reverseClaim settle only a claim the reader returned', () => {
  /** A stored claim read back with JSON.parse: what the report passed. */
  const stored = (amount: unknown) =>
    JSON.parse(JSON.stringify({ ...claimPL, items: [{ category: 'drug', catalog: 'A', amount }] })) as Claim;

  it('a stored claim with number amounts (30,000 yuan, settled as 300.00 with ok: true) is refused: unvalidated_claim', () => {
    expect(refusals(settleClaim(stored(30000)))).toEqual([['unvalidated_claim', '']]);
  });

  it('one with string amounts (a misleading ledger_overflow) is refused the same way', () => {
    expect(refusals(settleClaim(stored('30000.00')))).toEqual([['unvalidated_claim', '']]);
  });

  it('a copy of a validated claim is refused too; the claim parseClaim returned settles 30,000 yuan as 30,000', () => {
    const read = parseClaim(stored(30000));
    if (!read.ok) throw new Error('refused');
    expect(refusals(settleClaim({ ...read.value }))).toEqual([['unvalidated_claim', '']]);
    const r = settleClaim(read.value);
    expect(r.ok && r.value.bill.total).toBe(3_000_000);
  });

  it('reverseClaim refuses such a claim at its place in the list', () => {
    const read = parseClaim(claimPL);
    if (!read.ok) throw new Error('refused');
    expect(refusals(reverseClaim([read.value, stored(30000)], 'PL-1'))).toEqual([['unvalidated_claim', '[1]']]);
  });
});

describe("a simulation's addRecord settles only a record the library's readers filled", () => {
  it('plain JS shaped like a record (a stored onSettled record, JSON.parse output) is refused: unvalidated_claim, nothing added', () => {
    const sim = createSimulation({ variants: [{ name: 'baseline', rules: defaultRules() }] });
    const plain = JSON.parse(
      '{"claimId":"C1","personId":"P1","date":20190301,"total":3000000,"classCount":1,"classes":[0],"sums":[3000000]}',
    );
    sim.addRecord(plain, 7);
    const r = sim.result();
    expect(r.variants[0]!.aggregates.rejected).toEqual({ unvalidated_claim: 1 });
    expect(r.rejections.map((j) => [j.line, j.code, j.path])).toEqual([[7, 'unvalidated_claim', '']]);
    expect(r.variants[0]!.aggregates.all.claims).toBe(0);
  });

  it('a record the simulation itself filled (handed to onSettled) settles again as the same claim', () => {
    const records: ClaimRecord[] = [];
    const first = createSimulation({
      variants: [{ name: 'baseline', rules: defaultRules() }],
      onSettled: (_v, _line, record) => {
        const copy = new ClaimRecord();
        Object.assign(copy, record, { classes: record.classes.slice(), sums: record.sums.slice() });
        records.push(copy);
      },
    });
    first.add(claimPL);
    const again = createSimulation({ variants: [{ name: 'baseline', rules: defaultRules() }] });
    for (const r of records) again.addRecord(r);
    expect(again.result().variants[0]!.aggregates).toEqual(first.result().variants[0]!.aggregates);
  });
});

describe('reverseClaim with the claims out of settling order', () => {
  const claims = ['A', 'B', 'C'].map((id, i) => {
    const r = parseClaim(baseClaim({ id, visit: { kind: 'inpatient', discharged: `2017-0${i + 6}-10` } }));
    if (!r.ok) throw new Error('refused');
    return r.value;
  });
  const settled = settleBatch(
    claims.map((c) => baseClaim({ id: c.id, visit: { kind: 'inpatient', discharged: c.visit.discharged } })),
  );
  const ledger = settled.ledger.get('PT|2017')!;

  it('given the ledger, settles them again in its order: reversing A re-settles B and C (it returned resettled: [] silently)', () => {
    const inOrder = reverseClaim(claims, 'A', { ledger });
    const outOfOrder = reverseClaim([claims[2]!, claims[1]!, claims[0]!], 'A', { ledger });
    expect(inOrder.ok && inOrder.value.resettled.map((x) => x.claimId)).toEqual(['B', 'C']);
    expect(outOfOrder).toEqual(inOrder);
  });

  it('refuses a claim the ledger does not hold (not_settled at its place) and a claim of the ledger left out (missing_claim)', () => {
    const extra = parseClaim(baseClaim({ id: 'X' }));
    if (!extra.ok) throw new Error('refused');
    expect(refusals(reverseClaim([...claims, extra.value], 'A', { ledger }))).toEqual([['not_settled', '[3]']]);
    expect(refusals(reverseClaim([claims[0]!, claims[2]!], 'A', { ledger }))).toEqual([
      ['missing_claim', 'ledger.claimIds[1]'],
    ]);
  });

  it('refuses a ledger of another person-year, and one that is not a ledger, never throwing', () => {
    expect(refusals(reverseClaim(claims, 'A', { ledger: emptyYearLedger('PT', 2018) }))).toEqual([
      ['ledger_mismatch', 'visit.discharged'],
    ]);
    expect(refusals(reverseClaim(claims, 'A', { ledger: { counters: 5 } as never }))[0]).toEqual([
      'ledger_invalid',
      'ledger.claimIds',
    ]);
  });
});

describe('createBatch reads a ledger file as JSON, and answers a bad one with errors', () => {
  const first = settleBatch([baseClaim({ id: 'K1' })]);
  const json = JSON.parse(JSON.stringify(ledgerToJson(first.ledger)));

  it('the ledger file JSON (it threw "object is not iterable") is read: a claim id in it is refused again', () => {
    const batch = createBatch({ ledger: json });
    expect(refusals(batch.settle(baseClaim({ id: 'K1' })))).toEqual([['duplicate_claim', 'id']]);
    expect(batch.settle(baseClaim({ id: 'K2' })).ok).toBe(true);
    expect(batch.ledger().get('PT|2017')!.claimIds).toEqual(['K1', 'K2']);
  });

  it.each([
    ['a number', 5, 'ledger'],
    ['an array', [], 'ledger'],
    [
      'a file with a counter in numbers',
      { version: 2, entries: [{ ...json.entries[0], counters: { 'basic-insurance.paid.basic': 5 } }] },
      'ledger.entries[0].counters.basic-insurance.paid.basic',
    ],
    [
      'a map with an entry filed under another key',
      new Map([['OTHER|2017', first.ledger.get('PT|2017')]]),
      'ledger["OTHER|2017"]',
    ],
    [
      'a map whose counters are yuan strings',
      new Map([['PT|2017', { ...first.ledger.get('PT|2017')!, counters: { 'basic-insurance.paid.basic': '5.00' } }]]),
      'ledger["PT|2017"].counters.basic-insurance.paid.basic',
    ],
  ])('%s: every claim refused with ledger_invalid at its path, nothing thrown, nothing to save', (_, ledger, path) => {
    const batch = createBatch({ ledger: ledger as never });
    const o = batch.settle(baseClaim({ id: 'K9' }));
    expect(refusals(o)[0]).toEqual(['ledger_invalid', path]);
    expect(batch.ledger().size).toBe(0);
    expect(refusals(settleBatch([baseClaim({ id: 'K9' })], { ledger: ledger as never }).outcomes[0]!)[0]).toEqual([
      'ledger_invalid',
      path,
    ]);
  });

  it('parseLedgerJson refuses the same file at the same path', () => {
    const r = parseLedgerJson({
      version: 2,
      entries: [{ ...json.entries[0], counters: { 'basic-insurance.paid.basic': 5 } }],
    });
    expect(refusals(r)).toEqual([['ledger_invalid', 'entries[0].counters.basic-insurance.paid.basic']]);
  });
});

describe("the ledger a settlement hands back (docs/claim.md, 'The ledger')", () => {
  const first = settle(baseClaim({ id: 'D1' }));
  if (!first.ok) throw new Error('refused');

  it('settle() hands back the year ledger beside the settlement: with it, the same claim again is refused as a duplicate', () => {
    expect(first.ledger.claimIds).toEqual(['D1']);
    expect(refusals(settle(baseClaim({ id: 'D1' }), { ledger: first.ledger }))).toEqual([['duplicate_claim', 'id']]);
    const next = settle(baseClaim({ id: 'D2' }), { ledger: first.ledger });
    expect(next.ok && next.ledger.claimIds).toEqual(['D1', 'D2']);
  });

  it("the settlement's own ledger (a count, no ids) is refused as a ledger: it could not refuse a duplicate", () => {
    expect(first.value.ledger.claims).toBe(1);
    const r = settle(baseClaim({ id: 'D1' }), { ledger: first.value.ledger as never, lang: 'en' });
    expect(refusals(r)).toEqual([['ledger_invalid', 'ledger.claimIds']]);
    expect(r.ok ? '' : r.errors[0]!.message).toContain('r.ledger');
  });
});
