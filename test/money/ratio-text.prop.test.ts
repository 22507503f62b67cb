/**
 * Ratios are written for people with integer arithmetic (no Decimal on the hot path of the
 * explanations); decimal.js is the oracle here.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPercent, formatRatio, MAX_RATIO_DECIMALS, parseRatio } from '../../src/money/ratio.js';
import { parseRuleAmount } from '../../src/money/fen.js';

const RUNS = Number(process.env.FC_RUNS ?? 3000);
const ratio = fc.record({ units: fc.nat({ max: 20_000_000 }), scale: fc.integer({ min: 0, max: MAX_RATIO_DECIMALS }) });

describe('writing ratios', () => {
  it('formatRatio writes the same text as decimal.js for every ratio', () => {
    fc.assert(
      fc.property(ratio, (r) => {
        expect(formatRatio(r)).toBe(new Decimal(r.units).dividedBy(10 ** r.scale).toString());
      }),
      { numRuns: RUNS },
    );
  });

  it('formatPercent writes the same text as decimal.js times 100, with a percent sign', () => {
    fc.assert(
      fc.property(ratio, (r) => {
        expect(formatPercent(r)).toBe(
          `${new Decimal(r.units)
            .dividedBy(10 ** r.scale)
            .times(100)
            .toString()}%`,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    [{ units: 0, scale: 2 }, '0', '0%'],
    [{ units: 5, scale: 2 }, '0.05', '5%'],
    [{ units: 125, scale: 3 }, '0.125', '12.5%'],
    [{ units: 1, scale: 6 }, '0.000001', '0.0001%'],
    [{ units: 100, scale: 2 }, '1', '100%'],
    [{ units: 3, scale: 0 }, '3', '300%'],
  ])('%o is written %s and %s', (r, text, percent) => {
    expect(formatRatio(r)).toBe(text);
    expect(formatPercent(r)).toBe(percent);
  });
});

describe('reading rule-file decimals without decimal.js', () => {
  const text = fc
    .tuple(fc.nat({ max: 10 ** 9 }), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
    .map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`));

  it('parseRatio gives what decimal.js gives (trailing zeros dropped), for every plain decimal with up to 6 places', () => {
    fc.assert(
      fc.property(text, (t) => {
        const d = new Decimal(t);
        expect(parseRatio(t)).toEqual({ units: d.times(10 ** d.decimalPlaces()).toNumber(), scale: d.decimalPlaces() });
      }),
      { numRuns: RUNS },
    );
  });

  it('parseRuleAmount gives what decimal.js gives, and refuses more than two places that matter', () => {
    fc.assert(
      fc.property(text, (t) => {
        const d = new Decimal(t);
        if (d.decimalPlaces() > 2) expect(() => parseRuleAmount(t)).toThrow(RangeError);
        else expect(parseRuleAmount(t)).toBe(d.times(100).toNumber());
      }),
      { numRuns: RUNS },
    );
  });

  it.each(['-1', '1e-2', '.5', ' 1', '1.', '0.1234567', ''])('parseRatio refuses %j', (t) => {
    expect(() => parseRatio(t)).toThrow(RangeError);
  });
});
