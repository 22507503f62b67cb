/** The money module: parsing, formatting, rounding and ratios, as tables. */
import { describe, expect, it } from 'vitest';
import { fen, formatFen, isAmountBeyondRange, parseAmount, parseRuleAmount } from '../../src/money/fen.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { addRatio, applyRatio, applyRatios, capAtOne, formatPercent, parseRatio } from '../../src/money/ratio.js';
import { mulDiv, mulDivRem } from '../../src/money/rounding.js';
import { allocate } from '../../src/money/allocate.js';
import { formatShare } from '../../src/format/settlement-json.js';

describe('amounts', () => {
  it.each([
    ['1234.50', 123450],
    ['1234.5', 123450],
    ['1234', 123400],
    [1234.5, 123450],
    [86.4, 8640],
    [0.1, 10],
    [0, 0],
    ['0.01', 1],
    ['90071992547409.91', 9007199254740991],
  ])('%j reads as %i fen', (text, f) => {
    expect(parseAmount(text)).toBe(f);
  });

  it.each(['1.234', '-1', '1e3', '1,000', '', ' 1', '1.', '.5', 'NaN', '0x10', '١٢'])('%j is not an amount', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -0.5, 1e21, 0.1 + 0.2, true, null, {}])(
    'the value %j is not an amount',
    (v) => {
      expect(parseAmount(v)).toBeUndefined();
    },
  );

  it.each([
    [123450, '1234.50'],
    [5, '0.05'],
    [0, '0.00'],
    [-5, '-0.05'],
    [-123456, '-1234.56'],
  ])('%i fen formats as %s', (f, s) => {
    expect(formatFen(fen(f))).toBe(s);
  });

  it('rule amounts read exactly and refuse fractions of a fen', () => {
    expect(parseRuleAmount('150000')).toBe(15000000);
    expect(() => parseRuleAmount('0.001')).toThrow();
  });
});

describe('rounding', () => {
  it.each([
    [12345, 5, 100, 'half-up', 617],
    [12350, 5, 100, 'half-up', 618],
    [12349, 5, 100, 'half-up', 617],
    [12399, 1, 10, 'floor', 1239],
    [155555, 10, 100, 'floor', 15555],
    [155555, 10, 100, 'half-up', 15556],
  ] as const)('%i × %i / %i (%s) = %i', (a, n, d, mode, want) => {
    expect(mulDiv(a, n, d, mode)).toBe(want);
  });

  it('stays exact beyond 2^53 through BigInt', () => {
    // 10^14 fen × 999999 / 10^6 = 99,999,900,000,000 exactly.
    expect(mulDiv(1e14, 999_999, 1_000_000, 'half-up')).toBe(99_999_900_000_000);
    expect(mulDivRem(1e14 + 1, 999_999, 1_000_000)).toEqual([99_999_900_000_000, 999_999]);
  });
});

describe('ratios', () => {
  it('add exactly across scales and cap at 1', () => {
    expect(addRatio(parseRatio('0.75'), parseRatio('0.05'))).toEqual({ units: 80, scale: 2 });
    expect(addRatio(parseRatio('0.5'), parseRatio('0.125'))).toEqual({ units: 625, scale: 3 });
    expect(capAtOne(addRatio(parseRatio('0.95'), parseRatio('0.10')))).toEqual({ units: 100, scale: 2 });
  });

  it('apply half-up to the fen: 1482.50 × 85% = 1260.125 → 1260.13', () => {
    expect(applyRatio(fen(148250), parseRatio('0.85'))).toBe(126013);
  });

  it('sum products before rounding once: f(c) of the serious-illness brackets', () => {
    // 45000 × 0.65 + 38155 × 0.75 = 29250 + 28616.25
    expect(
      applyRatios([
        [fen(4500000), parseRatio('0.65')],
        [fen(3815500), parseRatio('0.75')],
      ]),
    ).toBe(5786625);
    // 0.005 + 0.005 rounds to 0.01 once, where rounding each would give 0.02
    expect(
      applyRatios([
        [fen(1), parseRatio('0.5')],
        [fen(1), parseRatio('0.5')],
      ]),
    ).toBe(1);
  });

  it('format for people', () => {
    expect(formatPercent(parseRatio('0.05'))).toBe('5%');
    expect(formatPercent(parseRatio('0.125'))).toBe('12.5%');
    expect(() => parseRatio('0.1234567')).toThrow('not a ratio with at most 6 decimals: 0.1234567');
    expect(parseRatio('0.123456')).toEqual({ units: 123456, scale: 6 });
    expect(() => parseRatio('-0.1')).toThrow(RangeError);
    expect(parseRuleAmount('0.01')).toBe(1);
    expect(() => parseRuleAmount('-1')).toThrow('not an amount in fen: -1');
    expect(() => fen(0.5)).toThrow('amount out of the exact range: 0.5 fen');
  });

  it('personal share has four decimals, half-up', () => {
    expect(formatShare(fen(6070), fen(155000))).toBe('0.0392');
    expect(formatShare(fen(295700), fen(960000))).toBe('0.3080');
    expect(formatShare(fen(1), fen(0))).toBe('0.0000');
    expect(formatShare(fen(300000), fen(300000))).toBe('1.0000');
  });
});

describe('allocate', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [0, [0, 0], [0, 0]],
    [5, [0, 10], [0, 5]],
    [1, [1, 1], [1, 0]],
    [150000, [150000, 370000, 30000], [40909, 100909, 8182]],
    [50000, [109091, 269091, 21818], [13637, 33636, 2727]],
  ])('splits %i over %j as %j', (amount, weights, parts) => {
    expect(allocate(fen(amount), weights.map(fen))).toEqual(parts);
  });

  it('refuses to allocate a non-zero amount over nothing', () => {
    expect(() => allocate(fen(1), [fen(0)])).toThrow(RangeError);
  });
});

describe('amounts beyond the exact range', () => {
  it.each(['90071992547409.92', '999999999999999.99', 90071992547409.92, '999999999999999'])(
    '%s is not read (undefined, never a throw) and is known as too large',
    (v) => {
      expect(parseAmount(v)).toBeUndefined();
      expect(isAmountBeyondRange(v)).toBe(true);
    },
  );

  it.each(['90071992547409.91', '1000000000000.00', 0, '0.01'])('%s is read exactly and is not too large', (v) => {
    expect(parseAmount(v)).toBeTypeOf('number');
    expect(isAmountBeyondRange(v)).toBe(false);
  });

  it('a claim with such an item is refused as amount_too_large at its path, by both readers', () => {
    const claim = {
      id: 'C',
      person: { id: 'P', county: 'anyue', category: 'general' },
      visit: { kind: 'inpatient', discharged: '2018-01-01' },
      hospital: { level: 'county', area: 'anyue' },
      items: [{ category: 'drug', catalog: 'A', amount: 90071992547409.92 }],
    };
    const r = parseClaim(claim);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.path])).toEqual([['amount_too_large', 'items[0].amount']]);
  });
});
