/** The runnable examples run, as scripts, and print what they promise. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.js';

const root = ROOT;
const run = (file: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', join('examples', file)], { cwd: root, encoding: 'utf8' });

describe('the examples', () => {
  it('billing-cashier prints a statement and the ledger to store', () => {
    const out = run('billing-cashier.ts');
    expect(out).toContain('一张清单、分别列账');
    expect(out).toContain('The patient pays 0.00 yuan');
  });

  it('back-office-batch reports the bad line and settles the rest', () => {
    const out = run('back-office-batch.ts');
    expect(out).toMatch(/line 2 \(BROKEN\): .*empty_items at items/);
    expect(out).toContain('基本医疗保险: 150000.00');
  });

  it('analyst-reform compares a baseline with a reform', () => {
    const out = run('analyst-reform.ts');
    expect(out).toMatch(/倾斜支付\s+[\d,]+\.\d\d\s+[\d,]+\.\d\d\s+\+[\d,]+\.\d\d/);
    expect(out).toContain('个人自付');
    expect(out).toContain(
      '~ tiers/tilt-payment.json shares.in-scope.ratio (clause 7.4.4) from 2017-03-17: 0.20 → 0.30',
    );
    expect(out).toMatch(/person-years whose personal pay fell most:\n  P\d+ 2018 /);
  });
});
