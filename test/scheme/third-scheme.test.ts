/**
 * A third scheme, made up, written as a rule folder in a temporary directory: new counties and
 * categories, a tier order neither shipped scheme has (assistance before the cumulative
 * brackets), every kind of the vocabulary. It settles its hand-computed cases, through the library
 * and the command, and keeps the invariants of docs/policy-2017.md §5, with no line of code written for it.
 * And the engine names nothing of the shipped schemes either: no tier id, category or county.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import { parseAmount } from '../../src/money/fen.js';
import type { RuleBook } from '../../src/scheme/book.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import { loadPolicyTests } from '../../src/node/load-rule-tests.js';
import { runPolicyTest } from '../../src/rule-tests/rule-tests.js';
import { createBatch } from '../../src/settle/batch.js';
import { claimArbOf, personYearArbOf } from '../support/scheme-arbitraries.js';
import { ROOT, TEST } from '../support/paths.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
let dir: string;
let book: RuleBook;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bashunwei-third-scheme-'));
  cpSync(join(TEST, 'fixtures', 'madeup-2030'), join(dir, 'madeup-2030'), { recursive: true });
  const r = loadRuleFolder(join(dir, 'madeup-2030'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  book = r.value;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a made-up third scheme, written as a rule folder, needs no code', () => {
  it('loads with its own counties, categories and tier order', () => {
    const s = book.sets[0]!.scheme;
    expect([...s.counties.keys()]).toEqual(['north', 'south', 'east']);
    expect([...s.categories.keys()]).toEqual(['orphan', 'veteran', 'resident']);
    expect(s.tiers.map((t) => t.id)).toEqual([
      'clinic-discount',
      'basic',
      'care-assistance',
      'catastrophic',
      'charity',
      'safety-net',
    ]);
  });

  it('settles its hand-computed cases to the fen (tests/ of the folder)', () => {
    const cases = loadPolicyTests(join(dir, 'madeup-2030'));
    if (!cases.ok) throw new Error(JSON.stringify(cases.errors));
    expect(cases.value.length).toBe(3);
    for (const c of cases.value) expect(runPolicyTest(book, c).differences, c.name).toEqual([]);
  });

  it('settles through the command with --rules and runs its cases with rules test', async () => {
    const claim = JSON.parse(readFileSync(join(dir, 'madeup-2030', 'tests', '01-orphan-township.json'), 'utf8'))
      .claims[0];
    let out = '';
    const io = { out: (s: string) => (out += s), err: () => undefined, stdin: undefined };
    const { Readable } = await import('node:stream');
    const code = await main(['settle', '--rules', join(dir, 'madeup-2030')], {
      ...io,
      stdin: Readable.from([JSON.stringify(claim)]),
    });
    expect(code).toBe(0);
    expect(JSON.parse(out).personal).toBe('160.00');
    out = '';
    expect(await main(['rules', 'test', join(dir, 'madeup-2030')], io)).toBe(0);
    expect(out).toContain('3 cases: 3 passed, 0 failed');
  });

  it('keeps conservation, no negative line, nothing above what was left, and its targets with unlimited funds', () => {
    const fen = (s: string) => parseAmount(s)!;
    fc.assert(
      fc.property(claimArbOf(book, 3), (input) => {
        const o = createBatch({ rules: book }).settle(input);
        if (!o.ok) throw new Error(JSON.stringify(o.errors));
        const r = o.record;
        const json = settlementToJson(r);
        expect(
          fen(json.hospitalAbsorbed) + json.lines.reduce((s, l) => s + fen(l.amount), 0) + fen(json.personal),
        ).toBe(fen(json.total));
        for (const l of r.lines) {
          expect(l.amount).toBeGreaterThanOrEqual(0);
          expect(l.amount).toBeLessThanOrEqual(l.available);
        }
        if (r.target) expect(r.personal).toBeLessThanOrEqual(r.target.personalMax);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps its caps and limits over whole person-years', () => {
    fc.assert(
      fc.property(personYearArbOf(book, 3), (claims) => {
        const batch = createBatch({ rules: book });
        for (const c of claims) {
          const o = batch.settle(c);
          if (!o.ok) throw new Error(JSON.stringify(o.errors));
          const k = o.record.ledger.counters;
          expect(k['basic.paid.main']!).toBeLessThanOrEqual(10_000_000);
          expect(k['care-assistance.paid']!).toBeLessThanOrEqual(300_000);
          expect(k['care-assistance.deductible']!).toBeLessThanOrEqual(50_000);
          expect(k['catastrophic.paid']!).toBeLessThanOrEqual(5_000_000);
        }
      }),
      { numRuns: Math.min(RUNS, 500) },
    );
  });

  it('is refused for a claim of the shipped schemes, and the shipped book refuses its claims', () => {
    const ours = {
      id: 'X',
      person: { id: 'P', county: 'east', category: 'orphan' },
      visit: { kind: 'inpatient', discharged: '2030-06-01' },
      hospital: { level: 'county', area: 'east' },
      items: [{ category: '05', catalog: 'A', amount: '100' }],
    };
    const o = createBatch().settle(ours);
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.errors.map((e) => [e.code, e.path])).toContainEqual(['invalid_enum', 'person.county']);
    expect(defaultRules().sets.map((s) => s.id)).not.toContain('madeup-2030');
  });
});

/** The source files of the engine, with comments removed (TSDoc examples may name anything). */
function engineCode(): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts'))
        out.push({
          file: p,
          code: readFileSync(p, 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/(^|\s)\/\/.*$/gm, ''),
        });
    }
  };
  walk(join(ROOT, 'src'));
  // The one module that packages the shipped folders' JSON into the library: rules/ as data,
  // generated from it (scripts/embed-rules.ts), not code.
  return out.filter((x) => !x.file.endsWith('.generated.ts'));
}

describe('the engine names nothing of the shipped schemes', () => {
  const book = defaultRules();
  const ids = new Set<string>();
  for (const s of book.sets) {
    for (const t of s.scheme.tiers) ids.add(t.id);
    for (const k of [
      ...s.scheme.counties.keys(),
      ...s.scheme.areas.keys(),
      ...s.scheme.categories.keys(),
      ...s.scheme.groups.keys(),
      ...s.scheme.funds.map((f) => f.id),
    ])
      ids.add(k);
  }
  it.each([...ids].filter((id) => id !== 'general' && id !== 'none'))(
    'no string "%s" in src/ outside comments',
    (id) => {
      const hits = engineCode().filter((x) => new RegExp(`['"\`]${id}['"\`]`).test(x.code));
      expect(hits.map((h) => h.file)).toEqual([]);
    },
  );
});
