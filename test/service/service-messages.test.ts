/**
 * What the service says, in both languages: each message names what is wrong in the words of
 * HTTP (a request's body, a URL, the next thing a client can do), states a limit once, and the
 * request id a client sends reaches the logs only when it is a short printable id.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService } from '../../src/service/build-service.js';
import { openStore } from '../../src/service/store/open-store.js';
import { type Keys, call, makeKeys, root, tempDir } from './service-helpers.js';

const example = JSON.parse(
  readFileSync(join(root, 'examples/claims/01-poor-inpatient-in-county.json'), 'utf8'),
) as Record<string, unknown>;

const temp = tempDir();
/** Every log line of the service, parsed. */
const logs: Record<string, unknown>[] = [];
let url: string;
let keys: Keys;
let close: () => Promise<void>;
beforeAll(async () => {
  const store = await openStore(join(temp.dir, 'messages.sqlite'));
  keys = await makeKeys(store);
  const app = await buildService({
    store,
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(JSON.parse(line)) } },
  });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  close = async () => {
    await app.close();
    await store.close();
  };
  expect((await call(url, 'POST', '/claims', { key: keys.cashier, body: example })).status).toBe(201);
}, 600_000);
afterAll(async () => {
  await close?.();
  temp.remove();
}, 600_000);

/** How many times `part` is in `text`. */
const count = (text: string, part: string) => text.split(part).length - 1;

/** Sends `body` in chunks, without a Content-Length: the service cannot know its size before reading it. */
function postChunked(path: string, body: string, key: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    // The service may answer and close before the whole body is sent.
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 1 << 16) req.write(body.slice(i, i + (1 << 16)));
    req.end();
  });
}

describe('the messages of the service', () => {
  it('states the size limit of a body once, with the size the request declared (413)', async () => {
    const big = JSON.stringify({ ...example, id: 'BIG', hospital: { name: 'x'.repeat(2 << 20) } });
    const length = String(Buffer.byteLength(big));
    const zh = await call(url, 'POST', '/claims', { key: keys.cashier, body: big });
    expect(zh.status).toBe(413);
    expect(zh.body.errors).toEqual([
      {
        code: 'input_too_large',
        path: '',
        message: `输入的报销申请大小为 ${length} 字节，超过允许的 1048576 字节；请拆分或检查输入`,
      },
    ]);
    const en = await call(url, 'POST', '/claims?lang=en', { key: keys.cashier, body: big });
    expect(en.body.errors[0].message).toBe(
      `the claim is ${length} bytes, beyond the 1048576 bytes a claim may take; split or check the input`,
    );
    // Sent in chunks, its size is not known: the limit alone, once.
    const chunked = await postChunked('/claims', big, keys.cashier);
    expect(chunked.status).toBe(413);
    expect(count(chunked.body.errors[0].message, '1048576')).toBe(1);
    expect(chunked.body.errors[0].message).toBe('输入的报销申请过大，超过允许的 1048576 字节；请拆分或检查输入');
  });

  it('tells a client whose claim id is taken what it can do over HTTP, not to start from another ledger (409)', async () => {
    const other = { ...example, items: [{ category: 'drug', catalog: 'A', amount: '1.00' }] };
    const zh = await call(url, 'POST', '/claims', { key: keys.cashier, body: other });
    expect(zh.status).toBe(409);
    expect(zh.body.errors[0].message).toBe(
      '报销申请 C01 已经结算过（内容与已结算的不同）；同一申请编号只结算一次：请核对申请编号：另一份报销申请须使用自己的申请编号；GET /claims/{id} 可查看此编号下已结算的内容',
    );
    const en = await call(url, 'POST', '/claims?lang=en', { key: keys.cashier, body: other });
    expect(en.body.errors[0].message).toBe(
      'claim C01 was already settled (with other content); a claim id is settled once: check the id: another claim needs an id of its own; GET /claims/{id} shows what was settled under this one',
    );
    for (const m of [zh.body.errors[0].message, en.body.errors[0].message]) {
      expect(m).not.toContain('ledger');
      expect(m).not.toContain('台账');
    }
  });

  it('calls the body of a reversal request by its name, not a claim', async () => {
    const zh = await call(url, 'POST', '/claims/C01/reverse', { key: keys.admin, body: { reason: 'typo' } });
    expect(zh.status).toBe(400);
    expect(zh.body.errors).toEqual([
      {
        code: 'invalid_parameter',
        path: '',
        message: '冲正请求的请求体应为 空，或 {}，收到的是 "{\\"reason\\":\\"typo\\"}"',
      },
    ]);
    const en = await call(url, 'POST', '/claims/C01/reverse?lang=en', { key: keys.admin, body: { reason: 'typo' } });
    expect(en.body.errors[0].message).toBe(
      'the body of a reversal request must be empty, or {}, not "{\\"reason\\":\\"typo\\"}"',
    );
  });

  it('says what is wrong with a URL whose escapes cannot be read, and with a request that is not HTTP', async () => {
    const bad = await call(url, 'GET', '/claims/%E0%A4%A', { key: keys.admin });
    expect(bad.body.errors[0].message).toBe(
      '字段 url 应为 每个 % 后面都是两位十六进制数字（%XX）的路径，收到的是 "/claims/%E0%A4%A"',
    );
    const notUtf8 = await call(url, 'GET', '/claims/%FF?lang=en', { key: keys.admin });
    expect(notUtf8.body.errors[0].message).toBe(
      'url must be a path whose escapes (%XX) spell UTF-8 text, not "/claims/%FF"',
    );
    const raw = await new Promise<string>((resolve) => {
      const socket: Socket = connect(Number(new URL(url).port), '127.0.0.1', () =>
        socket.write('GARBAGE / HTTP/9.9\r\n\r\n'),
      );
      let out = '';
      socket.on('data', (d: Buffer) => (out += d.toString()));
      socket.on('close', () => resolve(out));
    });
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).errors[0].message).toMatch(
      /^请求应为 有效的 HTTP\/1\.1 请求，收到的是 HPE_/,
    );
  });

  it.each([
    ['keeps a short printable request id', 'trace-7f3a/2026-12-02', true],
    ['keeps one of 128 characters', 'r'.repeat(128), true],
    ['replaces one of 129 characters', 'r'.repeat(129), false],
    ['replaces one of 8 KB', 'x'.repeat(8192), false],
    ['replaces one with a space', 'two words', false],
  ])('%s in the logs', async (_, id, kept) => {
    const r = await call(url, 'GET', '/healthz', { headers: { 'x-request-id': id } });
    expect(r.status).toBe(200);
    const line = logs.filter((l) => l.msg === 'request completed').at(-1)!;
    const reqId = line.reqId as string;
    if (kept) expect(reqId).toBe(id);
    else expect(reqId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(JSON.stringify(logs)).not.toContain('x'.repeat(200));
  });
});
