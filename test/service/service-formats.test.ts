/**
 * `GET /claims/{id}?format=`: the service writes a claim's current settlement with the library's
 * output formats, the registry `bashunwei settle --format` loops over (issue 21), on both stores:
 * after a reversal re-settled the year, the document is the one the re-settled record gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOne } from '../../src/format/output-format.js';
import { OUTPUT_FORMATS } from '../../src/format/outputs.js';
import { type SettlementRecord, defaultRules, parseClaim, settleClaim } from '../../src/index.js';
import type { YearLedger } from '../../src/ledger/year-ledger.js';
import { type LocalService, bothStores, call, juneClaim, startLocal } from './service-helpers.js';

const stores = bothStores('formats');

/** The records of claims settled in order from an empty ledger, as the library makes them. */
function records(inputs: readonly unknown[], lang: 'zh-CN' | 'en'): SettlementRecord[] {
  let ledger: YearLedger | undefined;
  return inputs.map((input) => {
    const c = parseClaim(input);
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const r = settleClaim(c.value, { lang, ...(ledger ? { ledger } : {}) });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    ledger = r.value.ledger;
    return r.value;
  });
}

/** FHIR's `created` is the time of writing: the rest must agree. */
const undated = (text: string) => text.replace(/"created": ?"[^"]*"/g, '"created":"…"');

describe.each(Object.keys(stores) as (keyof typeof stores)[])('the service on %s', (kind) => {
  let s: LocalService;
  beforeAll(async () => {
    s = await startLocal(await stores[kind]());
    for (const id of ['F1', 'F2', 'F3'])
      expect(
        (await call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: juneClaim(id, 'PF', 10) })).status,
      ).toBe(201);
    expect((await call(s.url, 'POST', '/claims/F1/reverse', { key: s.keys.admin })).status).toBe(200);
  }, 600_000);
  afterAll(async () => s?.close(), 600_000);

  it.each(OUTPUT_FORMATS.map((f) => [f.id, f] as const))(
    "writes a claim re-settled by a reversal in the %s format, as the library writes its record, in the format's media type",
    async (_, format) => {
      for (const lang of ['zh-CN', 'en'] as const) {
        const r = await call(s.url, 'GET', `/claims/F3?format=${format.id}&lang=${lang}`, { key: s.keys.auditor });
        expect(r.status, r.text).toBe(200);
        // Fastify names the charset of a JSON type that has none: the type itself is the format's.
        expect(r.headers.get('content-type')?.split(';')[0]).toBe(format.mediaType.split(';')[0]);
        const record = records([juneClaim('F2', 'PF', 10), juneClaim('F3', 'PF', 10)], lang)[1]!;
        const expected = formatOne(format, record, { lang, rules: defaultRules() }).out ?? '';
        expect(undated(r.text)).toBe(undated(expected));
      }
    },
    600_000,
  );

  it('answers 404 for a reversed claim (no current settlement) and an unknown one, 400 for an unknown format', async () => {
    const reversed = await call(s.url, 'GET', '/claims/F1?format=text&lang=en', { key: s.keys.auditor });
    expect(reversed.status).toBe(404);
    expect(reversed.body.errors).toEqual([
      { code: 'not_found', path: 'id', message: expect.stringContaining('reversed: it has no current settlement') },
    ]);
    expect((await call(s.url, 'GET', '/claims/NOPE?format=text', { key: s.keys.auditor })).status).toBe(404);
    const bad = await call(s.url, 'GET', '/claims/F3?format=xml&lang=en', { key: s.keys.auditor });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      {
        code: 'invalid_parameter',
        path: 'format',
        message: expect.stringContaining(OUTPUT_FORMATS.map((f) => f.id).join(', ')),
      },
    ]);
  }, 600_000);
});
