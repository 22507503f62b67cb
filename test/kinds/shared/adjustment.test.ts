/**
 * Adjustments of a tier's parameters for some persons (docs/policy-2017.md §4 tier 2, the poverty
 * adjustment): the first whose condition holds applies; it multiplies the deductible (half-up to
 * the fen), adds points to a ratio (never past 100%), may lift the cap, and is named in both
 * languages by whom it is for.
 */
import { describe, expect, it } from 'vitest';
import {
  adjustDeductible,
  adjustRatio,
  adjustmentFor,
  applied,
  resolveAdjustments,
} from '../../../src/kinds/shared/adjustment.js';
import { brackets } from '../../../src/kinds/brackets/brackets.js';
import { fen } from '../../../src/money/fen.js';
import { parseRatio } from '../../../src/money/ratio.js';
import { cases } from '../../support/helpers.js';
import { dated, forProtected, gate, is, tierOf } from '../../support/kind-harness.js';

/** Adjustments resolved through a kind that has them, with the harness's environment. */
const resolve = (adjustments: Parameters<typeof resolveAdjustments>[0]) =>
  tierOf(brackets, { deductible: dated('100'), brackets: dated([{ upTo: null, ratio: '0.5' }]), adjustments }).params
    .adjustments;

/** Three adjustments, resolved in each test (so that the mutation run sees resolveAdjustments run). */
function three() {
  const [poverty, orphans, bare] = resolve({
    poverty: forProtected('0.05', '0.5'),
    orphans: { ...gate(is('category', 'orphan'), '孤儿'), uncapped: true },
    bare: gate(is('category', 'x')),
  });
  return { poverty: poverty!, orphans: orphans!, bare: bare! };
}

describe('resolving adjustments', () => {
  it('reads the factor, the points and whether the cap is lifted', () => {
    const { poverty, orphans } = three();
    expect(poverty).toMatchObject({
      id: 'poverty',
      who: '保障对象',
      whoEn: 'protected persons',
      deductibleFactor: { units: 5, scale: 1 },
      ratioAdd: { units: 5, scale: 2 },
      uncapped: false,
    });
    expect(orphans).toMatchObject({ deductibleFactor: null, ratioAdd: null, uncapped: true });
  });

  it('names them by whom they are for, else by their description (in Chinese), else by their id', () => {
    const { orphans, bare } = three();
    expect([orphans.who, orphans.whoEn]).toEqual(['孤儿', 'orphans']);
    expect([bare.who, bare.whoEn]).toEqual(['bare', 'bare']);
  });

  it('resolves no adjustments when the tier file gives none', () => {
    expect(resolve(undefined)).toEqual([]);
  });
});

describe('applying an adjustment', () => {
  it('the first whose condition holds, or none', () => {
    expect(adjustmentFor([three().poverty, three().orphans], { protected: true, category: 'orphan' })).toBe(0);
    expect(adjustmentFor([three().poverty, three().orphans], { category: 'orphan' })).toBe(1);
    expect(adjustmentFor([three().poverty, three().orphans], {})).toBe(-1);
    expect(adjustmentFor([], { protected: true })).toBe(-1);
  });

  it.each(
    cases([
      { name: 'halves a deductible', deductible: 40000, adjusted: 20000 },
      { name: 'rounds half a fen up', deductible: 1, adjusted: 1 },
      { name: 'leaves nothing of nothing', deductible: 0, adjusted: 0 },
    ]),
  )('%s', (_, { deductible, adjusted }) => {
    const { poverty } = three();
    expect(adjustDeductible(fen(deductible), poverty)).toBe(adjusted);
  });

  it('leaves the deductible as it is without a factor, or without an adjustment', () => {
    const { orphans } = three();
    expect(adjustDeductible(fen(40000), orphans)).toBe(40000);
    expect(adjustDeductible(fen(40000), undefined)).toBe(40000);
  });

  it.each(
    cases([
      { name: 'adds its points to a ratio', ratio: '0.8', adjusted: '0.85' },
      { name: 'reaches 100% exactly', ratio: '0.95', adjusted: '1' },
      { name: 'never goes past 100%', ratio: '0.99', adjusted: '1' },
    ]),
  )('%s', (_, { ratio, adjusted }) => {
    const { poverty } = three();
    const r = adjustRatio(parseRatio(ratio), poverty);
    expect(r.units / 10 ** r.scale).toBe(Number(adjusted));
  });

  it('leaves a ratio as it is without points, or without an adjustment', () => {
    const { orphans } = three();
    const r = parseRatio('0.8');
    expect(adjustRatio(r, orphans)).toBe(r);
    expect(adjustRatio(r, undefined)).toBe(r);
  });

  it('tells explanations the standard deductible only when it changed it', () => {
    const { poverty, orphans } = three();
    expect(applied(poverty, fen(40000))).toEqual({
      who: '保障对象',
      whoEn: 'protected persons',
      standardDeductible: 40000,
      deductibleFactor: { units: 5, scale: 1 },
      ratioAdd: { units: 5, scale: 2 },
      uncapped: false,
    });
    expect(applied(orphans, fen(40000))).toMatchObject({ standardDeductible: null, uncapped: true });
  });
});
