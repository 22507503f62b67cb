/**
 * The words the kinds' explanations share: amounts in yuan, points, and what an adjustment or a
 * cap did, said only when it did something.
 */
import { describe, expect, it } from 'vitest';
import type { AppliedAdjustment } from '../../../src/kinds/shared/adjustment.js';
import { EN, ZH } from '../../../src/kinds/shared/words.js';
import { fen } from '../../../src/money/fen.js';
import { parseRatio } from '../../../src/money/ratio.js';

const HALVED: AppliedAdjustment = {
  who: '保障对象',
  whoEn: 'protected persons',
  standardDeductible: fen(40000),
  deductibleFactor: parseRatio('0.5'),
  ratioAdd: parseRatio('0.05'),
  uncapped: false,
};
const UNCAPPED: AppliedAdjustment = {
  who: '孤儿',
  whoEn: 'orphans',
  standardDeductible: null,
  deductibleFactor: null,
  ratioAdd: null,
  uncapped: true,
};

describe('the words of explanations', () => {
  it('write amounts in yuan and ratios as points', () => {
    expect(ZH.y(fen(123450))).toBe('1234.50元');
    expect(EN.y(fen(5))).toBe('0.05 yuan');
    expect(ZH.points(parseRatio('0.125'))).toBe('12.5');
    expect(EN.points(parseRatio('0.1'))).toBe('10');
  });

  it('say how a deductible was lowered, only when a factor was applied to a standard deductible', () => {
    expect(ZH.lowered(HALVED)).toBe('（保障对象按标准400.00元的50%计）');
    expect(EN.lowered(HALVED)).toBe(' (for protected persons, 50% of the standard 400.00 yuan)');
    for (const a of [null, UNCAPPED, { ...HALVED, standardDeductible: null }, { ...HALVED, deductibleFactor: null }]) {
      expect(ZH.lowered(a)).toBe('');
      expect(EN.lowered(a)).toBe('');
    }
    expect(ZH.lowered({ ...HALVED, standardDeductible: fen(0) })).toBe('（保障对象按标准0.00元的50%计）');
  });

  it('say how ratios were raised, only when points were added', () => {
    expect(ZH.raised(HALVED)).toBe('（保障对象提高5个百分点）');
    expect(ZH.raised(HALVED, '各段比例')).toBe('（各段比例保障对象提高5个百分点）');
    expect(EN.raised(HALVED)).toBe(' (raised 5 points for protected persons)');
    expect(EN.raised(HALVED, 'each ratio raised')).toBe(' (each ratio raised 5 points for protected persons)');
    expect(ZH.raised(UNCAPPED)).toBe('');
    expect(EN.raised(null)).toBe('');
  });

  it('say a cap limited a payment only when what it left is below what was computed', () => {
    expect(ZH.capped(fen(200), fen(199), '年度限额')).toBe('，受年度限额剩余1.99元限制');
    expect(EN.capped(fen(200), fen(199), 'annual cap')).toBe(', limited by the 1.99 yuan left of the annual cap');
    expect(ZH.capped(fen(200), fen(200), '年度限额')).toBe('');
    expect(EN.capped(fen(200), fen(201), 'annual cap')).toBe('');
    expect(ZH.capped(fen(200), null, '年度限额')).toBe('');
    expect(EN.capped(fen(200), null, 'annual cap')).toBe('');
  });

  it('say a person has no annual cap only when the adjustment lifts it', () => {
    expect(ZH.uncapped(UNCAPPED)).toBe('，孤儿不设年度最高支付限额');
    expect(EN.uncapped(UNCAPPED)).toBe(', with no annual cap for orphans');
    expect(ZH.uncapped(HALVED)).toBe('');
    expect(EN.uncapped(null)).toBe('');
  });

  it('name the parts, and begin an English sentence with a capital', () => {
    expect(ZH.parts).toEqual({
      S: '剩余政策范围内费用',
      Pb: '乙类先行自付费用',
      N: '目录外临床必需费用',
      O: '其他目录外费用',
    });
    expect(EN.parts.N).toBe('necessary out-of-catalog cost');
    expect(EN.capitalize('hospital delivery')).toBe('Hospital delivery');
    expect(EN.capitalize('')).toBe('');
  });
});
