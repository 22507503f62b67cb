/**
 * A Chinese message carries no English fragment: the details the engine adds (which ledger, which
 * rule set, which line, what was received) are written in the message's language too. Found by a
 * newcomer review: "（earlier in this batch or in the ledger）", "现有规则：ziyang-2017: … to …",
 * "收到的是 an array", "（ziyang-2017, in force on 2019-05-05）".
 */
import { describe, expect, it } from 'vitest';
import { readClaims } from '../../src/node/input.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import type { ClaimIssue } from '../../src/errors/issue.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { createBatch } from '../../src/settle/batch.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { readFileSync } from 'node:fs';
import { baseClaim } from '../support/helpers.js';
import { join } from 'node:path';
import { TEST } from '../support/paths.js';

/** Latin words left once field paths, quoted JSON values, ids and the names of formats are set aside. */
function englishIn(message: string): string[] {
  const rest = message
    .replace(/"[^"]*"/g, '')
    .replace(/字段 \S+/g, '')
    .replace(
      /\b(ziyang-20\d\d|JSON|NDJSON|UTF-8|CSV|YYYY-MM-DD|visit\.discharged|docs\/claim\.md|items|null|true|false|NaN|Infinity|T\d+|P\w+)\b/g,
      '',
    );
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

const firstError = (r: { ok: boolean; errors?: readonly ClaimIssue[] }): ClaimIssue => {
  expect(r.ok).toBe(false);
  return r.errors![0]!;
};

describe('Chinese messages say their details in Chinese', () => {
  const book = defaultRules();
  it.each([
    [
      'a claim id settled earlier in the batch',
      () => {
        const batch = createBatch({ rules: book });
        batch.settle(baseClaim());
        return firstError(batch.settle(baseClaim()));
      },
    ],
    [
      'a claim id already in the ledger',
      () => {
        const first = settleClaim((parseClaim(baseClaim()) as { ok: true; value: never }).value, { rules: book });
        if (!first.ok) throw new Error('first claim refused');
        return firstError(
          settleClaim((parseClaim(baseClaim()) as { ok: true; value: never }).value, {
            rules: book,
            ledger: first.value.ledger,
          }),
        );
      },
    ],
    [
      'a 2021 discharge (no rule set)',
      () =>
        firstError(
          parseAndSettle(baseClaim({ visit: { kind: 'inpatient', admitted: '2021-06-01', discharged: '2021-06-10' } })),
        ),
    ],
    [
      'a category of the other rule set',
      () =>
        firstError(
          parseAndSettle(
            baseClaim({ person: { id: 'PT', county: 'anyue', category: 'dibao', illnessInduced: false } }),
          ),
        ),
    ],
    ['an array instead of a claim', () => firstError(parseClaim([1, 2]))],
    ['a number where a string goes', () => firstError(parseClaim(baseClaim({ id: 12 })))],
    ['a missing object', () => firstError(parseClaim({ ...baseClaim(), person: undefined }))],
    ['a string that is too long', () => firstError(parseClaim(baseClaim({ id: 'x'.repeat(300) })))],
  ])('%s', (_, refusal) => {
    const issue = refusal();
    expect(issue.message, issue.message).toMatch(/[\u4e00-\u9fff]/);
    expect(englishIn(issue.message), issue.message).toEqual([]);
  });

  it('in a simulation: a duplicate id and a date with no rule set', () => {
    const sim = createSimulation({ variants: [{ name: 'b', rules: book }] });
    sim.add(baseClaim(), 1);
    sim.add(baseClaim(), 2);
    sim.add(baseClaim({ id: 'T2', visit: { kind: 'inpatient', admitted: '2021-06-01', discharged: '2021-06-10' } }), 3);
    const messages = sim.result().rejections.map((r) => r.message);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(englishIn(m), m).toEqual([]);
  });

  it('when reading input: a line that is not UTF-8 and a line that is too long', async () => {
    const lines = [Buffer.from('{"id":"A"}\n'), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from(`${'x'.repeat(64)}\n`)];
    const messages: string[] = [];
    for await (const rec of readClaims(lines, { line: 32, document: 1024 }))
      if ('error' in rec) messages.push(rec.error.message);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const m of messages) expect(englishIn(m), m).toEqual([]);
  });

  it('in every Chinese message of the bad-claim golden file', () => {
    const golden = readFileSync(join(TEST, 'golden/claim-errors.txt'), 'utf8');
    const zh = golden.split('\n').filter((l) => /^[a-z_]+ [^:]*: .*[\u4e00-\u9fff]/.test(l));
    expect(zh.length).toBeGreaterThan(50);
    for (const l of zh) expect(englishIn(l.slice(l.indexOf(': ') + 2)), l).toEqual([]);
  });
});

function parseAndSettle(input: unknown) {
  const parsed = parseClaim(input);
  if (!parsed.ok) return parsed;
  return settleClaim(parsed.value, { rules: defaultRules() });
}
