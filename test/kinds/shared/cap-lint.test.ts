/**
 * The check a table and a brackets tier share: no annual cap below a deductible it goes with, on
 * any date either changes, each date said once with the one that changed on it.
 */
import { describe, expect, it } from 'vitest';
import { capsBelowDeductible } from '../../../src/kinds/shared/cap-lint.js';
import type { Dated } from '../../../src/rule-files/types.js';
import { cases } from '../../support/helpers.js';

/** The values of a parameter as a test table writes them (a date a row lacks is absent). */
const dated = (values: object): Dated<string> => ({ source: 'seed', values: values as Record<string, string> });

describe('a cap below a deductible', () => {
  it.each(
    cases([
      {
        name: 'is not found when the cap stays above it',
        cap: { '2020-01-01': '1000' },
        ded: { '2020-01-01': '400' },
        found: [],
      },
      {
        name: 'is not found when the cap equals it',
        cap: { '2020-01-01': '400' },
        ded: { '2020-01-01': '400' },
        found: [],
      },
      {
        name: 'is found on the date the cap is lowered below it',
        cap: { '2020-01-01': '1000', '2021-01-01': '399.99' },
        ded: { '2020-01-01': '400' },
        found: [{ date: '2021-01-01', changed: 'cap', cap: '399.99', deductible: '400' }],
      },
      {
        name: 'is found on the date the deductible is raised above it',
        cap: { '2020-01-01': '1000' },
        ded: { '2020-01-01': '400', '2021-01-01': '1000.01' },
        found: [{ date: '2021-01-01', changed: 'deductible', cap: '1000', deductible: '1000.01' }],
      },
      {
        name: 'is found once, as the cap’s, when both change on the same date',
        cap: { '2020-01-01': '1000', '2021-01-01': '500' },
        ded: { '2020-01-01': '400', '2021-01-01': '600' },
        found: [{ date: '2021-01-01', changed: 'cap', cap: '500', deductible: '600' }],
      },
      {
        name: 'is not looked for before both are in force',
        cap: { '2021-01-01': '1000' },
        ded: { '2020-01-01': '2000', '2022-01-01': '400' },
        found: [{ date: '2021-01-01', changed: 'cap', cap: '1000', deductible: '2000' }],
      },
    ]),
  )('%s', (_, { cap, ded, found }) => {
    expect(capsBelowDeductible(dated(cap), dated(ded))).toEqual(found);
  });
});
