/**
 * The service's edges, on both stores (an SQLite file and a real PostgreSQL server): reversals of
 * one person-year sent at once, ids that no database can keep as sent (a control character, a lone
 * surrogate) in the URL and in the body, a journal cursor beyond a 64-bit integer. Each answer is
 * the documented one (never a 500), and nothing is written by a refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalService, bothStores, call, juneClaim, settleInOrder, startLocal } from './service-helpers.js';

const claim = juneClaim;
const stores = bothStores('edges');

describe.each(Object.keys(stores) as (keyof typeof stores)[])('the service on %s', (kind) => {
  let s: LocalService;
  beforeAll(async () => {
    s = await startLocal(await stores[kind]());
  }, 600_000);
  afterAll(async () => s?.close(), 600_000);

  /** The journal's length: what a refusal must leave as it was. */
  const journalLength = async () =>
    (await call(s.url, 'GET', '/journal?limit=5000', { key: s.keys.auditor })).body.entries.length as number;

  it('reverses ten claims of one person-year sent at once: each answered 200, the ledger that of the claims left', async () => {
    const inputs = Array.from({ length: 14 }, (_, i) => claim(`CR${i}`, 'PCR', 10 + i));
    for (const c of inputs)
      expect((await call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: c })).status).toBe(201);
    const reversed = [1, 2, 3, 5, 6, 7, 9, 10, 11, 12].map((i) => `CR${i}`);
    const answers = await Promise.all(
      reversed.map((id) => call(s.url, 'POST', `/claims/${id}/reverse`, { key: s.keys.admin })),
    );
    expect(
      answers.map((a) => [a.status, a.body.reversed]),
      JSON.stringify(answers.filter((a) => a.status !== 200).map((a) => a.body)),
    ).toEqual(reversed.map((id) => [200, id]));
    const left = inputs.filter((c) => !reversed.includes(c.id as string));
    const state = (await call(s.url, 'GET', '/ledgers/PCR/2017', { key: s.keys.auditor })).body;
    expect(state.claims).toEqual(left.map((c) => c.id));
    expect(state.ledger).toEqual(settleInOrder(left).ledger);
    for (const [i, c] of left.entries())
      expect((await call(s.url, 'GET', `/claims/${c.id as string}`, { key: s.keys.auditor })).body.settlement).toEqual(
        settleInOrder(left).settlements[i],
      );
  });

  it.each([
    ['a claim id with U+0000', 'GET', '/claims/C%00', 'id'],
    ['a claim id with U+0001', 'GET', '/claims/A%01B', 'id'],
    ['a claim id with U+007F', 'GET', '/claims/A%7F', 'id'],
    ['a claim id with a lone surrogate (U+D800 written as UTF-8)', 'GET', '/claims/SUR%ED%A0%80', 'id'],
    ['the reversal of a claim id with U+0000', 'POST', '/claims/C%00/reverse', 'id'],
    ['the reversal of a claim id with a lone surrogate', 'POST', '/claims/SUR%ED%B0%80/reverse', 'id'],
    ['a person id with U+0000', 'GET', '/ledgers/P%00/2017', 'person'],
    ['a person id with a lone surrogate', 'GET', '/ledgers/SUR%ED%A0%80/2017', 'person'],
  ])('refuses %s in the URL with 400 invalid_id at its parameter', async (_, method, path, param) => {
    const before = await journalLength();
    const r = await call(s.url, method, path, { key: s.keys.admin });
    expect(r.status, r.text).toBe(400);
    expect(r.body.errors).toEqual([
      { code: 'invalid_id', path: param, message: expect.stringContaining('控制字符或不成对的代理项') },
    ]);
    const en = await call(s.url, method, `${path}?lang=en`, { key: s.keys.admin });
    expect(en.body.errors[0].message).toContain('holds a control character or a lone surrogate');
    expect(await journalLength()).toBe(before);
  });

  it('still answers an id with a malformed escape as a bad URL, saying what is wrong with it', async () => {
    const r = await call(s.url, 'GET', '/claims/%E0%A4%A?lang=en', { key: s.keys.admin });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { code: 'invalid_parameter', path: 'url', message: expect.stringContaining('%XX') },
    ]);
    expect(r.body.errors[0].message).not.toContain('another value');
    const zh = await call(s.url, 'GET', '/claims/%E0%A4%A', { key: s.keys.admin });
    expect(zh.body.errors[0].message).not.toContain('其他值');
  });

  it.each([
    ['a claim id with a lone surrogate', { ...claim('SUR\ud800', 'PB1') }, 'id'],
    ['a claim id with U+0000', { ...claim('NUL\u0000', 'PB2') }, 'id'],
    ['a person id with U+0000', claim('B3', 'P\u0000'), 'person.id'],
    ['a person id with a lone surrogate', claim('B4', 'P\udc00'), 'person.id'],
  ])('refuses %s in the body with 400 invalid_id at its field, and stores nothing', async (_, body, path) => {
    const text = JSON.stringify(body);
    expect(text).toMatch(/\\u(0000|d800|dc00)/);
    const before = await journalLength();
    const r = await call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: text });
    expect(r.status, r.text).toBe(400);
    expect(r.body.errors).toEqual([{ code: 'invalid_id', path, message: expect.any(String) }]);
    expect(await journalLength()).toBe(before);
  });

  it('refuses a journal cursor beyond a 64-bit integer with 400 at since, and takes the largest one', async () => {
    for (const since of ['9223372036854775808-0', '0-9223372036854775808', '9999999999999999999-1']) {
      const r = await call(s.url, 'GET', `/journal?since=${since}&lang=en`, { key: s.keys.auditor });
      expect(r.status, since).toBe(400);
      expect(r.body.errors).toEqual([
        { code: 'invalid_parameter', path: 'since', message: expect.stringContaining('9223372036854775807') },
      ]);
    }
    const zh = await call(s.url, 'GET', '/journal?since=9223372036854775808-0', { key: s.keys.auditor });
    expect(zh.body.errors[0].message).toContain('9223372036854775807');
    const largest = await call(s.url, 'GET', '/journal?since=9223372036854775807-9223372036854775807', {
      key: s.keys.auditor,
    });
    expect(largest.status).toBe(200);
    expect(largest.body.entries).toEqual([]);
  });
});
