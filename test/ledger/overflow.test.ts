/**
 * The check that keeps a person-year's counters exact (src/ledger/overflow.ts): a claim is refused
 * with `ledger_overflow` when a counter plus the claim's total could pass 2^53 − 1 fen, and settled
 * when the sum reaches that limit exactly; the refusal names the counter and its value.
 */
import { describe, expect, it } from 'vitest';
import {
  ledgerOverflow,
  ledgerOverflowOfRecord,
  overflowingCounter,
  overflowingCounterOf,
} from '../../src/ledger/overflow.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { baseClaim } from '../support/helpers.js';

const MAX = Number.MAX_SAFE_INTEGER;
const layout = ['serious-illness-insurance.burden', 'medical-assistance.paid'];

/** The base claim: 3,200.00 + 5,000.00 yuan, 820,000 fen. */
const claim = (() => {
  const r = parseClaim(baseClaim());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
})();
const TOTAL = 820_000;

describe('the counter a claim could carry past 2^53 − 1 fen, if any', () => {
  it.each([
    ['nothing when every counter plus the total reaches the limit exactly', [0, MAX - 100], 100, undefined],
    ['the counter one fen past the limit', [0, MAX - 100], 101, 'medical-assistance.paid'],
    ['the first of two such counters', [MAX - 100, MAX - 100], 101, 'serious-illness-insurance.burden'],
    ['a counter beyond the layout, by its index', [0, 0, MAX], 1, '2'],
    ['nothing for a total of 2^53 − 1 when every counter is 0', [0, 0], MAX, undefined],
    ['any counter above 0 for a total of 2^53 − 1', [0, 1], MAX, 'medical-assistance.paid'],
    ['"" (the claim itself) for a total beyond 2^53 − 1', [0, 0], MAX + 2, ''],
    ['"" for a total beyond the limit even with no counter', [], MAX + 2, ''],
  ] as const)('%s', (_, counters, total, expected) => {
    expect(overflowingCounterOf(counters, layout, total)).toBe(expected);
  });

  it("adds up a claim's items for its total", () => {
    expect([
      overflowingCounter([0, MAX - TOTAL], layout, claim),
      overflowingCounter([0, MAX - TOTAL + 1], layout, claim),
    ]).toEqual([undefined, 'medical-assistance.paid']);
  });
});

describe('the refusal names the counter and its value, in both languages', () => {
  const burden = MAX - 100; // 90,071,992,547,408.91 yuan
  it.each([
    [
      'a counter that would pass the limit',
      [burden, 0],
      101,
      '该报销申请的金额（items）与该患者本年度此前已结算的金额（serious-illness-insurance.burden 90071992547408.91）合计将超过 2^53 分（约 90 万亿元），超出精确计算的范围；该申请不予结算，其余照常结算：请核对金额',
      "the amounts of this claim (items), added to what the person-year's earlier claims count (serious-illness-insurance.burden 90071992547408.91), would pass 2^53 fen (about 9 × 10^13 yuan), beyond which amounts are not exact; the claim is refused, the others are settled: check its amounts",
    ],
    [
      'a claim whose own total is beyond the limit, without a counter',
      [0, 0],
      MAX + 2,
      '该报销申请的金额（items）与该患者本年度此前已结算的金额合计将超过 2^53 分（约 90 万亿元），超出精确计算的范围；该申请不予结算，其余照常结算：请核对金额',
      "the amounts of this claim (items), added to what the person-year's earlier claims count, would pass 2^53 fen (about 9 × 10^13 yuan), beyond which amounts are not exact; the claim is refused, the others are settled: check its amounts",
    ],
  ] as const)('%s', (_, counters, total, zh, en) => {
    expect([
      ledgerOverflowOfRecord(counters, layout, total),
      ledgerOverflowOfRecord(counters, layout, total, 'en'),
    ]).toEqual([
      { code: 'ledger_overflow', path: 'items', message: zh },
      { code: 'ledger_overflow', path: 'items', message: en },
    ]);
  });

  it('refuses nothing that reaches the limit exactly, for a claim as for a record', () => {
    expect([
      ledgerOverflowOfRecord([MAX - 100, 0], layout, 100),
      ledgerOverflow([MAX - TOTAL, 0], layout, claim, 'en'),
    ]).toEqual([undefined, undefined]);
  });

  it("adds up a claim's items and refuses it one fen past the limit", () => {
    const refused = ledgerOverflow([0, MAX - TOTAL + 1], layout, claim, 'en');
    expect(refused?.message).toBe(
      "the amounts of this claim (items), added to what the person-year's earlier claims count (medical-assistance.paid 90071992539209.92), would pass 2^53 fen (about 9 × 10^13 yuan), beyond which amounts are not exact; the claim is refused, the others are settled: check its amounts",
    );
  });
});
