/**
 * The service's routes over real HTTP on the loopback, on both stores (an SQLite file and a real
 * PostgreSQL server): settling and its replay, the versions of a claim and the journal after a
 * reversal, the idempotent reversal, the ledger and its year parameter, the journal's cursor,
 * the operational routes and the metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalService,
  bothStores,
  call,
  exampleClaim,
  juneClaim,
  settleInOrder,
  startLocal,
} from './service-helpers.js';

const example = exampleClaim;
const claim = juneClaim;
const stores = bothStores('routes');

describe.each(Object.keys(stores) as (keyof typeof stores)[])('the service on %s', (kind) => {
  let s: LocalService;
  beforeAll(async () => {
    s = await startLocal(await stores[kind]());
  }, 600_000);
  afterAll(async () => s?.close(), 600_000);

  it('settles a claim once: 201, the same claim again 200 with idempotent-replay, another claim under its id 409', async () => {
    const first = await call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: claim('A1') });
    expect(first.status).toBe(201);
    expect(first.headers.get('settlement-version')).toBe('1');
    expect(first.body).toEqual(settleInOrder([claim('A1')]).settlements[0]);
    // The same claim with its keys in another order and its defaults written out is the same claim.
    const same = {
      items: (claim('A1').items as object[]).map((i) => ({ compliant: true, ...i })),
      hospital: example.hospital,
      visit: claim('A1').visit,
      person: claim('A1').person,
      id: 'A1',
    };
    const again = await call(s.url, 'POST', '/claims', { key: s.keys.admin, body: same });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.text).toBe(first.text);
    const other = await call(s.url, 'POST', '/claims', {
      key: s.keys.cashier,
      body: { ...claim('A1'), items: [{ category: 'drug', catalog: 'A', amount: '1.00' }] },
    });
    expect(other.status).toBe(409);
    expect(other.body.errors).toEqual([
      { code: 'duplicate_claim', path: 'id', message: expect.stringContaining('内容与已结算的不同') },
    ]);
  });

  it('settles one of many claims sent at once under one id for different persons, and refuses the others (409)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: claim('SAME', `PS${i}`) }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(11);
    const stored = (await call(s.url, 'GET', '/claims/SAME', { key: s.keys.auditor })).body;
    expect(answers.find((a) => a.status === 201)!.body.personId).toBe(stored.personId);
    expect(stored.versions).toHaveLength(1);
  });

  it('refuses a claim that cannot be settled with 422 and one that is not valid with 400, each problem with its path', async () => {
    const early = await call(s.url, 'POST', '/claims', {
      key: s.keys.cashier,
      body: { ...claim('E1'), visit: { kind: 'inpatient', discharged: '2016-01-10' } },
    });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({ code: 'no_rules_for_date', path: 'visit.discharged' });
    const bad = await call(s.url, 'POST', '/claims?lang=en', {
      key: s.keys.cashier,
      body: { ...claim('E2'), items: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      errors: [{ code: 'empty_items', path: 'items', message: 'items must list at least one item of the bill' }],
    });
    expect((await call(s.url, 'GET', '/claims/E1', { key: s.keys.auditor })).status).toBe(404);
  });

  it('reverses a claim: its reversal and every later claim of the year become new versions, the journal says who, when and which versions', async () => {
    const inputs = [claim('R1', 'PR', 10), claim('R2', 'PR', 12), claim('R3', 'PR', 14)];
    const answered = [];
    for (const c of inputs)
      answered.push((await call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: c })).body);
    const before = (await call(s.url, 'GET', '/journal', { key: s.keys.auditor })).body.next as string;

    const r = await call(s.url, 'POST', '/claims/R2/reverse', { key: s.keys.admin });
    expect(r.status).toBe(200);
    expect(r.headers.get('idempotent-replay')).toBeNull();
    const expected = settleInOrder([inputs[0], inputs[2]]);
    expect(r.body).toMatchObject({
      reversed: 'R2',
      version: 2,
      resettled: [{ claimId: 'R3', version: 2, settlement: expected.settlements[1] }],
      ledger: expected.ledger,
    });

    const r3 = (await call(s.url, 'GET', '/claims/R3', { key: s.keys.auditor })).body;
    expect(r3).toMatchObject({
      claimId: 'R3',
      status: 'settled',
      version: 2,
      settlement: expected.settlements[1],
      claim: inputs[2],
    });
    expect(
      r3.versions.map((v: { version: number; action: string; settlement: unknown }) => [
        v.version,
        v.action,
        v.settlement,
      ]),
    ).toEqual([
      [1, 'settle', answered[2]],
      [2, 'resettle', expected.settlements[1]],
    ]);
    const r2 = (await call(s.url, 'GET', '/claims/R2', { key: s.keys.cashier })).body;
    expect(r2).toMatchObject({ status: 'reversed', version: 2, settlement: null });
    expect(r2.versions.map((v: { action: string; settlement: unknown }) => [v.action, v.settlement])).toEqual([
      ['settle', answered[1]],
      ['reverse', null],
    ]);

    const journal = (await call(s.url, 'GET', `/journal?since=${before}`, { key: s.keys.auditor })).body;
    const adminId = r.body.keyId as string;
    expect(journal.entries).toEqual([
      {
        cursor: expect.any(String),
        at: r.body.at,
        keyId: adminId,
        action: 'reverse',
        claimId: 'R2',
        personId: 'PR',
        year: 2017,
        versionBefore: 1,
        versionAfter: 2,
        cause: null,
      },
      {
        cursor: expect.any(String),
        at: r.body.at,
        keyId: adminId,
        action: 'resettle',
        claimId: 'R3',
        personId: 'PR',
        year: 2017,
        versionBefore: 1,
        versionAfter: 2,
        cause: 'R2',
      },
    ]);
    const ledger = (await call(s.url, 'GET', '/ledgers/PR/2017', { key: s.keys.cashier })).body;
    expect(ledger).toEqual({ personId: 'PR', year: 2017, version: 4, claims: ['R1', 'R3'], ledger: expected.ledger });
  });

  it('answers a repeated reversal with the first result (200) and reverses nothing more; the reversed id is then refused', async () => {
    for (const c of [claim('I1', 'PI', 10), claim('I2', 'PI', 12)])
      await call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: c });
    const first = await call(s.url, 'POST', '/claims/I1/reverse', { key: s.keys.admin, body: {} });
    const journal = (await call(s.url, 'GET', '/journal', { key: s.keys.admin })).body.entries.length as number;
    const again = await call(s.url, 'POST', '/claims/I1/reverse', { key: s.keys.admin });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.text).toBe(first.text);
    expect((await call(s.url, 'GET', '/journal', { key: s.keys.admin })).body.entries).toHaveLength(journal);
    expect((await call(s.url, 'GET', '/claims/I2', { key: s.keys.admin })).body.version).toBe(2);
    const resent = await call(s.url, 'POST', '/claims?lang=en', { key: s.keys.cashier, body: claim('I1', 'PI', 10) });
    expect(resent.status).toBe(409);
    expect(resent.body.errors[0].message).toContain('reversed since');
    expect((await call(s.url, 'POST', '/claims/NOPE/reverse', { key: s.keys.admin })).body.errors[0]).toMatchObject({
      code: 'not_found',
      path: 'id',
    });
  });

  it('answers a ledger whose year is not four digits with 400 at year, and an unknown person-year with 404', async () => {
    const abc = await call(s.url, 'GET', '/ledgers/P1/abc', { key: s.keys.cashier });
    expect(abc.status).toBe(400);
    expect(abc.body.errors).toEqual([
      { code: 'invalid_parameter', path: 'year', message: '字段 year 应为 四位数字的年份（YYYY），收到的是 "abc"' },
    ]);
    expect((await call(s.url, 'GET', '/ledgers/P1/17', { key: s.keys.cashier })).body.errors[0].path).toBe('year');
    const none = await call(s.url, 'GET', '/ledgers/NOBODY/2017?lang=en', { key: s.keys.cashier });
    expect(none.status).toBe(404);
    expect(none.body.errors).toEqual([
      { code: 'not_found', path: 'person', message: 'nothing is stored under person NOBODY 2017' },
    ]);
  });

  it('settles 40 concurrent claims of one person one after another: each once, the ledger as if in its stored order', async () => {
    const inputs: Record<string, unknown>[] = Array.from({ length: 40 }, (_, i) => ({
      ...claim(`K${i}`, 'PK', 10 + (i % 15)),
      items: [{ category: 'treatment', catalog: 'A', amount: `${1000 + i * 37}.00` }],
    }));
    const answers = await Promise.all(
      inputs.map((c) => call(s.url, 'POST', '/claims', { key: s.keys.cashier, body: c })),
    );
    expect(answers.map((a) => a.status)).toEqual(inputs.map(() => 201));
    const state = (await call(s.url, 'GET', '/ledgers/PK/2017', { key: s.keys.auditor })).body;
    expect([...state.claims].sort()).toEqual(inputs.map((c) => c.id as string).sort());
    const inOrder = state.claims.map((id: string) => inputs.find((c) => c.id === id));
    const expected = settleInOrder(inOrder);
    expect(state.ledger).toEqual(expected.ledger);
    // Each answer is the settlement its place in that order gives.
    for (const [i, id] of (state.claims as string[]).entries())
      expect(answers[inputs.findIndex((c) => c.id === id)]!.body).toEqual(expected.settlements[i]);
  });

  it('pages the journal by cursor and by time, in order, with no entry twice', async () => {
    const all = (await call(s.url, 'GET', '/journal?limit=5000', { key: s.keys.auditor })).body.entries as {
      cursor: string;
      at: string;
    }[];
    expect(all.length).toBeGreaterThan(10);
    const paged: unknown[] = [];
    let since = '0-0';
    for (;;) {
      const page = (await call(s.url, 'GET', `/journal?since=${since}&limit=7`, { key: s.keys.admin })).body;
      if (page.entries.length === 0) break;
      paged.push(...page.entries);
      since = page.next;
    }
    expect(paged).toEqual(all);
    const fromTime = (
      await call(s.url, 'GET', `/journal?since=${encodeURIComponent(all[5]!.at)}`, { key: s.keys.admin })
    ).body.entries as { at: string }[];
    expect(fromTime.every((e) => e.at >= all[5]!.at)).toBe(true);
    expect(fromTime.length).toBe(all.filter((e) => e.at >= all[5]!.at).length);
    for (const bad of ['since=yesterday', 'limit=0', 'limit=5001', 'limit=x', 'sinse=1-1', 'since=1-1&since=2-2']) {
      const r = await call(s.url, 'GET', `/journal?${bad}`, { key: s.keys.admin });
      expect(r.status, bad).toBe(400);
      expect(r.body.errors[0].code, bad).toBe('invalid_parameter');
    }
  });

  it('opens /healthz, /readyz and /openapi.json to all; /metrics counts requests by route and status, settlement latency and claims settled', async () => {
    expect(await call(s.url, 'GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await call(s.url, 'GET', '/readyz')).toMatchObject({
      status: 200,
      body: { status: 'ready', database: kind },
    });
    expect((await call(s.url, 'GET', '/openapi.json')).body.openapi).toBe('3.1.0');
    expect((await call(s.url, 'GET', '/metrics')).status).toBe(401);
    const metrics = await call(s.url, 'GET', '/metrics', { key: s.keys.cashier });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const value = (line: string) =>
      Number(new RegExp(`^${line.replace(/[{}()[\]".+]/g, '\\$&')} (\\S+)$`, 'm').exec(metrics.text)?.[1]);
    const settled = (await call(s.url, 'GET', '/journal?limit=5000', { key: s.keys.auditor })).body.entries.filter(
      (e: { action: string }) => e.action === 'settle',
    ).length;
    expect(value('bashunwei_claims_settled_total')).toBe(settled);
    expect(value('bashunwei_settlement_duration_seconds_count{outcome="settled"}')).toBe(settled);
    expect(value('bashunwei_http_requests_total{method="POST",route="/claims",status="201"}')).toBe(settled);
    expect(value('bashunwei_http_requests_total{method="POST",route="/claims",status="409"}')).toBeGreaterThanOrEqual(
      2,
    );
    expect(value('bashunwei_http_requests_total{method="GET",route="/ledgers/:person/:year",status="400"}')).toBe(2);
    expect(value('bashunwei_claims_reversed_total')).toBe(2);
    expect(metrics.text).toMatch(/^bashunwei_settlement_duration_seconds_bucket\{le="0\.01",outcome="settled"\} \d+$/m);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
  });

  it('refuses an unknown ?lang and an unknown query parameter rather than ignoring them', async () => {
    const fr = await call(s.url, 'GET', '/claims/A1?lang=fr', { key: s.keys.cashier });
    expect(fr.status).toBe(400);
    expect(fr.body.errors[0]).toMatchObject({ code: 'invalid_parameter', path: 'lang' });
    const typo = await call(s.url, 'GET', '/claims/A1?lnag=en', { key: s.keys.cashier });
    expect(typo.body.errors[0]).toMatchObject({ code: 'invalid_parameter', path: 'lnag' });
  });
});
