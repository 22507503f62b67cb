/**
 * The national platform's settlement record (settle --format nhsa): every worked example in a
 * golden file, and the fields adding up the way src/format/nhsa-settlement.ts documents, on every
 * example and on generated claims of both shipped schemes and of a scheme with no mapping at all.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nhsaSettlement, type NhsaSettlement } from '../../src/format/nhsa-settlement.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import { parseAmount } from '../../src/money/fen.js';
import type { RuleBook } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import { createBatch } from '../../src/settle/batch.js';
import type { SettlementRecord } from '../../src/settle/settle-claim.js';
import { settleBatch } from '../../src/contract/settle-json.js';
import { expectGolden, specExamples } from '../support/helpers.js';
import { claimArbOf } from '../support/scheme-arbitraries.js';
import { TEST } from '../support/paths.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
/** In fen, from the record's numbers (two decimals, exact in a double at these sizes). */
const fen = (n: number): number => Math.round(n * 100);
const FUND_FIELDS = ['hifp_pay', 'cvlserv_pay', 'hifes_pay', 'hifmi_pay', 'hifob_pay', 'maf_pay', 'oth_pay'] as const;

function checkSums(n: NhsaSettlement, r: SettlementRecord): void {
  const s = n.setlinfo;
  const json = settlementToJson(r);
  expect(fen(s.medfee_sumamt)).toBe(parseAmount(json.total));
  // The bill splits exactly into what the funds, the hospital and the person pay.
  expect(fen(s.fund_pay_sumamt) + fen(s.hosp_part_amt) + fen(s.psn_part_amt)).toBe(fen(s.medfee_sumamt));
  // The fund fields add up to the funds' total, and so do the fund rows.
  expect(FUND_FIELDS.reduce((t, f) => t + fen(s[f]), 0)).toBe(fen(s.fund_pay_sumamt));
  expect(n.setldetail.reduce((t, d) => t + fen(d.fund_payamt), 0)).toBe(fen(s.fund_pay_sumamt));
  // Personal pay is the settlement's; no personal account; the hospital's part includes what it absorbed.
  expect(fen(s.psn_part_amt)).toBe(parseAmount(json.personal));
  expect(fen(s.psn_cash_pay)).toBe(fen(s.psn_part_amt));
  expect(s.acct_pay).toBe(0);
  expect(fen(s.hosp_part_amt)).toBeGreaterThanOrEqual(parseAmount(json.hospitalAbsorbed)!);
  for (const d of n.setldetail) {
    expect(d.fund_payamt).toBeGreaterThanOrEqual(0);
    expect(d.fund_pay_type).not.toBe('');
  }
}

describe('the national platform record of the worked examples', () => {
  it('is as reviewed (golden file), and adds up on every example', () => {
    const out: string[] = [];
    for (const ex of specExamples()) {
      const { outcomes } = settleBatch(ex.claims);
      for (const o of outcomes) {
        if (!o.ok) throw new Error(JSON.stringify(o.errors));
        const n = nhsaSettlement(o.record);
        checkSums(n, o.record);
        out.push(JSON.stringify(n));
      }
    }
    expectGolden('nhsa-examples.ndjson', `${out.join('\n')}\n`);
  });

  it('maps example 01 field by field: basic insurance and the tilt to the basic fund, the waiver to the hospital', () => {
    const ex = specExamples().find((e) => e.file.startsWith('01-'))!;
    const o = settleBatch(ex.claims).outcomes[0]!;
    if (!o.ok) throw new Error('refused');
    const s = nhsaSettlement(o.record).setlinfo;
    const line = (id: string) => fen(Number(settlementToJson(o.record).lines.find((l) => l.id === id)!.amount));
    expect(fen(s.hifp_pay)).toBe(line('basic-insurance') + line('tilt-payment'));
    expect(fen(s.hifmi_pay)).toBe(line('serious-illness-insurance'));
    expect(fen(s.hosp_part_amt)).toBe(
      fen(Number(settlementToJson(o.record).hospitalAbsorbed)) + line('hospital-waiver'),
    );
  });
});

describe('the record adds up for every generated claim', () => {
  const check = (book: RuleBook) =>
    fc.assert(
      fc.property(claimArbOf(book, 4), (input) => {
        const o = createBatch({ rules: book }).settle(input);
        if (!o.ok) throw new Error(JSON.stringify(o.errors));
        checkSums(nhsaSettlement(o.record), o.record);
      }),
      { numRuns: RUNS },
    );

  it('under both shipped schemes', () => check(defaultRules()));

  it('under a scheme whose tiers map nothing (lines go by their payer kind)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bashunwei-nhsa-'));
    try {
      cpSync(join(TEST, 'fixtures', 'madeup-2030'), dir, { recursive: true });
      const book = loadRuleFolder(dir);
      if (!book.ok) throw new Error(JSON.stringify(book.errors));
      check(book.value);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
