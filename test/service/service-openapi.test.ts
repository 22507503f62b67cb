/**
 * `GET /openapi.json` is a valid OpenAPI 3.1 document (checked with @seriousme/openapi-schema-
 * validator against the official OAS 3.1 schema), describes every route of the route table, and
 * says the truth: the example claims validate against its Claim schema, and real answers of a
 * running service (settlement, claim history, reversal, ledger, journal, errors) against the
 * schemas of their responses (Ajv, JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/service/routes/index.js';
import { type LocalService, call, root, startLocal, tempDir } from './service-helpers.js';

const temp = tempDir();
let s: LocalService;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let doc: any;
beforeAll(async () => {
  s = await startLocal(join(temp.dir, 'openapi.sqlite'));
  doc = (await call(s.url, 'GET', '/openapi.json')).body;
}, 600_000);
afterAll(async () => {
  await s?.close();
  temp.remove();
}, 600_000);

/** A validator of one component schema, the others reachable by their $ref. */
function schemaValidator(component: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addSchema({ $id: 'doc.json', components: doc.components }, 'doc.json');
  return ajv.compile({ $ref: `doc.json#/components/schemas/${component}` });
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    // The validator says something: a document with a response that has no description is not valid.
    const broken = structuredClone(doc);
    delete broken.paths['/claims'].post.responses['201'].description;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('describes every route of the service with the roles that may call it', () => {
    for (const [name, r] of Object.entries(ROUTES)) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()];
      expect(op.operationId, name).toBe(name);
      expect(op.security, name).toEqual(r.right ? [{ apiKey: [] }] : []);
    }
    expect(doc.paths['/claims'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Claim',
    });
  });

  it('has the claim schema of the library: every example claim validates, a misspelt field or category value does not', () => {
    const validate = schemaValidator('Claim');
    const dir = join(root, 'examples/claims');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const claim = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      expect(validate(claim), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const claim = JSON.parse(readFileSync(join(dir, '01-poor-inpatient-in-county.json'), 'utf8'));
    expect(validate({ ...claim, items: [{ ...claim.items[0], complaint: false }] })).toBe(false);
    expect(validate({ ...claim, items: [{ ...claim.items[0], amount: '1.234' }] })).toBe(false);
    expect(validate({ ...claim, visit: { ...claim.visit, kind: 'Inpatient' } })).toBe(false);
  });

  it("holds the service's real answers to the schemas of their responses", async () => {
    const claim = JSON.parse(readFileSync(join(root, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8'));
    const later = { ...claim, id: 'C02', visit: { ...claim.visit, discharged: '2017-07-10', admitted: '2017-07-01' } };
    const answers: [string, unknown][] = [
      ['Settlement', (await call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: claim })).body],
      ['Settlement', (await call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: later })).body],
      ['Reversal', (await call(s.url, 'POST', '/claims/C01/reverse', { key: s.keys.admin })).body],
      ['ClaimHistory', (await call(s.url, 'GET', '/claims/C02', { key: s.keys.auditor })).body],
      ['ClaimHistory', (await call(s.url, 'GET', '/claims/C01', { key: s.keys.auditor })).body],
      ['LedgerState', (await call(s.url, 'GET', '/ledgers/P1/2017', { key: s.keys.auditor })).body],
      ['JournalPage', (await call(s.url, 'GET', '/journal', { key: s.keys.auditor })).body],
      [
        'Errors',
        (await call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: { ...claim, id: 'X', items: [] } })).body,
      ],
      ['Errors', (await call(s.url, 'GET', '/claims/C01', {})).body],
      ['Health', (await call(s.url, 'GET', '/healthz')).body],
      ['Health', (await call(s.url, 'GET', '/readyz')).body],
    ];
    for (const [component, body] of answers) {
      const validate = schemaValidator(component);
      expect(validate(body), `${component}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // And a schema that says something: a settlement with a field missing does not validate.
    const { personal: _, ...partial } = answers[0]![1] as Record<string, unknown>;
    expect(schemaValidator('Settlement')(partial)).toBe(false);
  });
});
