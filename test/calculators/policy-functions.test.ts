/** The premium split (7.4.2) and the illness-induced poverty test (7.3), as tables. */
import { describe, expect, it } from 'vitest';
import { formatPremiumSplit, premiumSplit } from '../../src/calculators/premium-split.js';
import { illnessInducedPoverty } from '../../src/calculators/illness-induced-poverty.js';

describe('the premium of the special supplementary insurance is split between city and county', () => {
  it.each([
    ['yanjiang', 1, { total: '200.00', city: '80.00', county: '120.00' }],
    ['anyue', 1, { total: '200.00', city: '40.00', county: '160.00' }],
    ['lezhi', 3, { total: '600.00', city: '120.00', county: '480.00' }],
    ['yanjiang', 0, { total: '0.00', city: '0.00', county: '0.00' }],
    ['anyue', 139_270, { total: '27854000.00', city: '5570800.00', county: '22283200.00' }],
  ] as const)('%s, %i persons', (county, persons, want) => {
    const r = premiumSplit({ county, persons, date: '2017-06-01' });
    expect(r.ok && formatPremiumSplit(r.value)).toEqual({ ...want, clause: '7.4.2' });
  });

  it('refuses a negative or fractional number of persons, and a date without rules', () => {
    const neg = premiumSplit({ county: 'anyue', persons: -1, date: '2017-06-01' }, undefined, 'en');
    expect(!neg.ok && neg.errors).toEqual([
      { code: 'invalid_type', path: 'persons', message: 'persons must be a whole number ≥ 0, not -1' },
    ]);
    expect(premiumSplit({ county: 'anyue', persons: 1.5, date: '2017-06-01' }).ok).toBe(false);
    const r = premiumSplit({ county: 'anyue', persons: 1, date: '2021-06-01' }, undefined, 'en');
    expect(!r.ok && r.errors).toEqual([
      {
        code: 'no_rules_for_date',
        path: 'date',
        message:
          'no rule set is in force on 2021-06-01; available: ziyang-2017: 2017-03-17 to 2020-12-31; ziyang-2022: 2022-01-01 on',
      },
    ]);
    // ziyang-2022 is in force but has no premium split (the special supplementary insurance ended with the 2017 plan).
    const later = premiumSplit({ county: 'anyue', persons: 1, date: '2030-01-01' }, undefined, 'en');
    expect(!later.ok && later.errors.map((e) => [e.code, e.path])).toEqual([['no_rules_for_date', 'date']]);
    expect(!later.ok && later.errors[0]!.message).toContain('ziyang-2022 has no premium split (premium.json)');
  });
});

describe('poverty is illness-induced when medical spending passes 40% of income and leaves the household below the line', () => {
  it.each([
    ['both conditions hold', '9000', '15000', 3, true, true, true],
    ['spending exactly 40% is not above it', '6000', '15000', 3, false, true, false],
    ['one fen above 40% is', '6000.01', '15000', 3, true, true, true],
    // 16900 − 7000 = 9900 = 3 × 3300: exactly at the line.
    ['income per person left exactly at the line is not below it', '7000', '16900', 3, true, false, false],
    ['one fen under the line is', '7000.01', '16900', 3, true, true, true],
    ['spending above income', '20000', '15000', 2, true, true, true],
    ['a rich household with a big bill', '50000', '100000', 3, true, false, false],
    ['no income at all', '100', '0', 1, true, true, true],
  ] as const)('%s', (_n, spend, income, size, above, below, induced) => {
    const r = illnessInducedPoverty({
      annualMedicalSpend: spend,
      householdIncome: income,
      householdSize: size,
      date: '2018-01-01',
    });
    expect(r.ok && r.value).toEqual({
      spendAboveShare: above,
      belowLowIncomeLine: below,
      illnessInduced: induced,
      clause: '7.3',
    });
  });

  it('refuses bad figures with their paths', () => {
    const r = illnessInducedPoverty(
      { annualMedicalSpend: '1.234', householdIncome: -5, householdSize: 0, date: '2018-01-01' },
      undefined,
      'en',
    );
    expect(!r.ok && r.errors.map((e) => `${e.code} ${e.path}: ${e.message}`)).toEqual([
      'invalid_amount annualMedicalSpend: annualMedicalSpend must be a non-negative amount in yuan with at most two decimals, as a string ("1234.50") or a number, not 1.234',
      'invalid_amount householdIncome: householdIncome must be a non-negative amount in yuan with at most two decimals, as a string ("1234.50") or a number, not -5',
      'invalid_type householdSize: householdSize must be a whole number ≥ 1, not 0',
    ]);
    for (const bad of [
      { annualMedicalSpend: '1' },
      { householdIncome: 'x' },
      { householdSize: 1.5 },
      { date: '2016-01-01' },
    ]) {
      const one = illnessInducedPoverty({
        annualMedicalSpend: '100',
        householdIncome: '1000',
        householdSize: 2,
        date: '2018-01-01',
        ...bad,
        ...(bad.annualMedicalSpend ? { annualMedicalSpend: '1.001' } : {}),
      });
      expect(one.ok).toBe(false);
      if (!one.ok) expect(one.errors.length).toBe(1);
    }
    const d = illnessInducedPoverty(
      { annualMedicalSpend: '1', householdIncome: '1', householdSize: 1, date: '2016-01-01' },
      undefined,
      'en',
    );
    expect(!d.ok && d.errors[0]).toEqual({
      code: 'no_rules_for_date',
      path: 'date',
      message:
        'no rule set is in force on 2016-01-01; available: ziyang-2017: 2017-03-17 to 2020-12-31; ziyang-2022: 2022-01-01 on',
    });
    // ziyang-2022 has no 7.3 test: illness-poor is a category of the person there.
    const later = illnessInducedPoverty(
      { annualMedicalSpend: '1', householdIncome: '1', householdSize: 1, date: '2023-01-01' },
      undefined,
      'en',
    );
    expect(!later.ok && later.errors.map((e) => [e.code, e.path])).toEqual([['no_rules_for_date', 'date']]);
    expect(!later.ok && later.errors[0]!.message).toContain(
      'ziyang-2022 has no illness-induced poverty test (illness-poverty.json)',
    );
  });
});
