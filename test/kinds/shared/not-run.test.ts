/**
 * The line of a tier that did not run: at a hospital the tiers do not pay at, or on a claim the
 * tier does not apply to (with what it still reports for an earlier carve-out), said in both languages.
 */
import { describe, expect, it } from 'vitest';
import { type NotRunDetail, explainNotRunEn, explainNotRunZh } from '../../../src/kinds/shared/not-run.js';
import { fen } from '../../../src/money/fen.js';

const line = (amount: number) => ({ label: '救助基金', labelEn: 'relief funds', amount: fen(amount) });

describe('a line that did not run', () => {
  it('says the hospital is not one the tiers pay at', () => {
    const d: NotRunDetail = {
      kind: 'not-designated',
      description: '定点医疗机构',
      descriptionEn: 'a designated hospital',
    };
    expect(explainNotRunZh(d, line(0))).toBe('就诊医疗机构不是定点医疗机构，本项不予支付（0.00元）。');
    expect(explainNotRunEn(d, line(0))).toBe(
      'The hospital is not a designated hospital; this payer pays nothing (0.00 yuan).',
    );
  });

  it('says whom the tier is for, and that it pays nothing here', () => {
    const d: NotRunDetail = {
      kind: 'not-applicable',
      description: '保障对象',
      descriptionEn: 'protected persons',
      carried: null,
    };
    expect(explainNotRunZh(d, line(0))).toBe('本项仅适用于保障对象，本次不适用，支付0.00元。');
    expect(explainNotRunEn(d, line(0))).toBe(
      'This payer only covers protected persons; it does not apply here and pays 0.00 yuan.',
    );
  });

  it('says what it still pays for an earlier carve-out', () => {
    const d: NotRunDetail = {
      kind: 'not-applicable',
      description: '保障对象',
      descriptionEn: 'protected persons',
      carried: { description: '住院分娩', descriptionEn: 'hospital delivery' },
    };
    expect(explainNotRunZh(d, line(20000))).toBe(
      '本项仅适用于保障对象，本次不适用，支付200.00元（为住院分娩费用超限额部分）。',
    );
    expect(explainNotRunEn(d, line(20000))).toBe(
      'This payer only covers protected persons; it does not apply here and pays 200.00 yuan (the hospital delivery cost above the limit).',
    );
  });
});
