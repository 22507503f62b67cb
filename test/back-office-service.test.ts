/**
 * The back-office service of examples/back-office-service, run as a real process on a loopback
 * port with a SQLite file and driven over HTTP: idempotency by claim id, errors as data in both
 * languages, concurrent requests for one person serialized, reversal, and a kill -9 in the middle
 * of a load followed by a restart that loses nothing that was answered and counts nothing twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateClaims } from '../seeds/generator.js';
import { parseClaim } from '../src/claim/parse.js';
import { parseLedgerJson, yearLedgerToJson } from '../src/ledger/ledger-json.js';
import type { YearLedger } from '../src/ledger/year-ledger.js';
import { settleClaim } from '../src/settle/settle-claim.js';
import { tempDir } from './helpers.js';

const root = join(__dirname, '..');
const running: ChildProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.kill('SIGKILL');
});

async function start(db: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'examples/back-office-service/server.ts'], { cwd: root, env: { ...process.env, DB: db, PORT: '0' } });
  running.push(proc);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, proc };
}

/** A response's JSON body (any: the tests look into it field by field). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();
const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const claimOf = (input: unknown) => {
  const r = parseClaim(input);
  if (!r.ok) throw new Error('invalid');
  return r.value;
};

/** The ledger that settling `inputs` in this order gives, as the service writes it. */
function replay(inputs: readonly unknown[]) {
  let ledger: YearLedger | undefined;
  for (const i of inputs) {
    const r = settleClaim(claimOf(i), ledger ? { ledger } : {});
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    ledger = r.value.ledger;
  }
  return yearLedgerToJson(ledger!);
}

const example = JSON.parse(readFileSync(join(root, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8'));
const db = () => join(tempDir('service'), 'ledger.sqlite');

describe('the back-office service over HTTP', () => {
  it('settles a claim once: the same claim again is answered from the store, another claim under its id is refused', async () => {
    const { url } = await start(db());
    const first = await post(`${url}/claims`, example);
    expect(first.status).toBe(201);
    const body = await json(first);
    const again = await post(`${url}/claims`, example);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(await json(again)).toEqual(body);
    const other = await post(`${url}/claims`, { ...example, items: [{ category: 'drug', catalog: 'A', amount: '1.00' }] });
    expect(other.status).toBe(409);
    expect((await json(other)).errors[0]).toMatchObject({ code: 'duplicate_claim', path: 'id', message: expect.stringContaining('已经结算过') });
    const ledger = await json(fetch(`${url}/ledgers/P1/2017`));
    expect(ledger.claimIds).toEqual(['C01']);
    expect(ledger).toEqual(body.ledger);
  });

  it('refuses a bad claim with its code and path, in Chinese unless ?lang=en', async () => {
    const { url } = await start(db());
    const bad = { ...example, id: 'BAD', items: [] };
    const zh = await json(post(`${url}/claims`, bad));
    expect(zh.errors[0]).toMatchObject({ code: 'empty_items', path: 'items', message: '字段 items 至少应列出一项费用明细' });
    const en = await post(`${url}/claims?lang=en`, bad);
    expect(en.status).toBe(400);
    expect((await json(en)).errors[0].message).toBe('items must list at least one item of the bill');
  });

  it('serializes 40 concurrent claims of one person: each settled once, the ledger as if one after the other', async () => {
    const { url } = await start(db());
    const inputs = Array.from({ length: 40 }, (_, i) => ({ ...example, id: `K${i}`, items: [{ category: 'treatment', catalog: 'A', amount: `${1000 + i * 37}.00` }] }));
    const answers = await Promise.all(inputs.map((c) => post(`${url}/claims`, c)));
    expect(answers.map((a) => a.status)).toEqual(inputs.map(() => 201));
    const ledger = await json(fetch(`${url}/ledgers/P1/2017`));
    expect([...ledger.claimIds].sort()).toEqual(inputs.map((c) => c.id).sort());
    // In the order the service settled them, the claims give exactly its ledger.
    expect(ledger).toEqual(replay(ledger.claimIds.map((id: string) => inputs.find((c) => c.id === id))));
  });

  it('reverses a claim: the later ones re-settled, the ledger as if it never came, its id refused afterwards', async () => {
    const { url } = await start(db());
    const inputs = ['R1', 'R2', 'R3'].map((id, i) => ({ ...example, id, visit: { ...example.visit, discharged: `2017-0${6 + i}-10`, admitted: `2017-0${6 + i}-01` } }));
    for (const c of inputs) expect((await post(`${url}/claims`, c)).status).toBe(201);
    const r = await post(`${url}/claims/R2/reverse`, {});
    expect(r.status).toBe(200);
    const body = await json(r);
    expect(body.reversed).toBe('R2');
    expect(body.resettled.map((x: { claimId: string }) => x.claimId)).toEqual(['R3']);
    expect(body.ledger).toEqual(replay([inputs[0], inputs[2]]));
    expect(await json(fetch(`${url}/ledgers/P1/2017`))).toEqual(body.ledger);
    expect((await json(fetch(`${url}/claims/R2`))).status).toBe('reversed');
    expect((await json(fetch(`${url}/claims/R3`))).settlement).toEqual(body.resettled[0].settlement);
    expect((await post(`${url}/claims`, inputs[1])).status).toBe(409);
    expect((await post(`${url}/claims/R2/reverse`, {})).status).toBe(404);
  });

  it('loses nothing and counts nothing twice across a kill -9 in the middle of a load and a restart', async () => {
    const file = db();
    const inputs = [...generateClaims({ claims: 300, seed: 77, year: 2018 })];
    const first = await start(file);
    const answered = new Map<string, unknown>();
    // Send in waves of 20; kill the server without warning once a third are answered.
    let killed = false;
    for (let i = 0; i < inputs.length && !killed; i += 20) {
      const wave = inputs.slice(i, i + 20);
      const results = await Promise.allSettled(wave.map((c) => post(`${first.url}/claims`, c).then(async (a) => [a.status, await json(a)] as const)));
      results.forEach((r, k) => {
        if (r.status === 'fulfilled' && r.value[0] === 201) answered.set(wave[k]!.id as string, r.value[1]);
      });
      if (answered.size >= 100) {
        first.proc.kill('SIGKILL');
        killed = true;
      }
    }
    await new Promise((r) => first.proc.once('exit', r));
    expect(answered.size).toBeGreaterThanOrEqual(100);

    // Restart on the same file and send everything again, as a client that did not hear back would.
    const second = await start(file);
    for (const c of inputs) {
      const a = await post(`${second.url}/claims`, c);
      const body = await json(a);
      if (answered.has(c.id as string)) {
        expect(a.status, `${c.id} was answered before the kill`).toBe(200);
        expect(body).toEqual(answered.get(c.id as string));
      } else expect([200, 201]).toContain(a.status);
    }
    // Every person-year: each claim once, and the ledger equals its claims settled in its order.
    const persons = new Map<string, unknown[]>();
    for (const c of inputs) persons.set((c.person as { id: string }).id, [...(persons.get((c.person as { id: string }).id) ?? []), c]);
    let counted = 0;
    for (const [person, cs] of persons) {
      const ledger = await json(fetch(`${second.url}/ledgers/${person}/2018`));
      expect(new Set(ledger.claimIds).size).toBe(ledger.claimIds.length);
      expect([...ledger.claimIds].sort()).toEqual(cs.map((c) => (c as { id: string }).id).sort());
      expect(ledger).toEqual(replay(ledger.claimIds.map((id: string) => cs.find((c) => (c as { id: string }).id === id))));
      expect(parseLedgerJson({ version: 2, entries: [ledger] }).ok).toBe(true);
      counted += ledger.claimIds.length;
    }
    expect(counted).toBe(inputs.length);
  }, 120_000);
});
