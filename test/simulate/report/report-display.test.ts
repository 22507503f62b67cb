/** How the report shows its figures to a policy office: separators, true minus, plus on increases, percentages. */
import { describe, expect, it } from 'vitest';
import { showFigure, textWidth } from '../../../src/simulate/report/display.js';
import { shareChange } from '../../../src/simulate/report/values.js';

describe('showFigure', () => {
  it.each([
    ['an amount gets thousands separators', '4790000.00', 'yuan', '4,790,000.00'],
    ['a negative amount gets a true minus sign', '-194000.50', 'yuan', '\u2212194,000.50'],
    ['an increase is signed with a plus', '4990000.00', 'yuan-change', '+4,990,000.00'],
    ['no change is unsigned', '0.00', 'yuan-change', '0.00'],
    ['a decrease keeps its minus', '-12.34', 'yuan-change', '\u221212.34'],
    ['a count gets separators', 12345, 'count', '12,345'],
    ['a change of a count is signed', -32, 'count-change', '\u221232'],
    ['a share is a percentage', '0.8596', 'share', '85.96%'],
    ['a whole share is 100%', '1.0000', 'share', '100.00%'],
    ['a change of share is in percentage points', '-0.0023', 'share-change', '\u22120.23'],
    ['a rise of share is signed', '0.0150', 'share-change', '+1.50'],
    ['a missing value is a dash', null, 'yuan', '—'],
    ['text is shown as it is', 'tier-5-tilt-payment.json', 'text', 'tier-5-tilt-payment.json'],
    ['a structured value is its JSON', [{ upTo: '1000' }], 'json', '[{"upTo":"1000"}]'],
    ['a period is from – to', { from: '2017-03-17', to: '2020-12-31' }, 'period', '2017-03-17 – 2020-12-31'],
    // Reported: the notebook printed 2022-01-01–9999-12-31, the engine's far date, for a set with no end.
    ['a period with no end is "from … on"', { from: '2022-01-01', to: null }, 'period', '2022-01-01 起 on'],
    [
      "a rule book's set with no end is shown as the report writes it",
      { from: '2022-01-01', to: '9999-12-31' },
      'period',
      '2022-01-01 起 on',
    ],
  ] as const)('%s', (_, value, format, shown) => {
    expect(showFigure(value, format)).toBe(shown);
  });

  it('computes a change of share from the two shares as written, so the three figures agree', () => {
    expect(shareChange('0.1403', '0.1380')).toBe('-0.0023');
    expect(shareChange('0.0000', '1.0000')).toBe('1.0000');
  });

  it('estimates Chinese labels wider than digits', () => {
    expect(textWidth('雁江区', 12)).toBe(36);
    expect(textWidth('123', 10)).toBeLessThan(textWidth('一二三', 10));
  });
});
