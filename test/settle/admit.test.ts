/**
 * Admission (src/settle/admit.ts): one function decides whether a valid claim is settled under a
 * rule book and its person-year's ledger, in one order (duplicate, date, ledger of another
 * person-year, values of another rule set, exact range), for settleClaim, the batch and the
 * simulation alike (issue 21).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claim/claim.js';
import { ClaimRecord, recordClaim } from '../../src/claim/claim-record.js';
import { vocabularyIndex } from '../../src/claim/vocabulary-index.js';
import { claimVocabulary } from '../../src/scheme/book.js';
import { type AdmissionLedger, admit, isRefusal } from '../../src/settle/admit.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { settleBatch } from '../../src/contract/settle-json.js';
import { baseClaim } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const book = defaultRules();
const valid = (overrides: Record<string, unknown> = {}): Claim => {
  const r = parseClaim(baseClaim(overrides));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const visit2021 = { kind: 'inpatient', discharged: '2021-03-01' };
/** A ledger that has settled `ids`, of `personId` in `year` when given, with every counter at `counter`. */
const ledger = (o: { ids?: string[]; personId?: string; year?: number; counter?: number } = {}): AdmissionLedger => ({
  personId: o.personId,
  year: o.year,
  settled: (id) => (o.ids?.includes(id) ? { zh: '已结算', en: 'settled' } : undefined),
  counters: (policy) => policy.scheme.counters.map(() => o.counter ?? 0),
});
const vocabulary = vocabularyIndex(claimVocabulary(book));
/** Admission of a claim as settleClaim asks for it: recorded with the book's vocabulary, the claim given for its text. */
const admitClaim = (claim: Claim, l: AdmissionLedger, lang?: 'en') => {
  const record = new ClaimRecord();
  recordClaim(claim, vocabulary, record);
  return admit(record, book, vocabulary, l, lang, claim);
};
const codes = (a: ReturnType<typeof admit>) => (isRefusal(a) ? a.map((i) => [i.code, i.path]) : 'admitted');

describe('a valid claim is admitted, or refused for the first reason in this order', () => {
  it.each([
    ['a claim with nothing against it is admitted', valid(), ledger(), 'admitted'],
    ['a claim id already settled', valid(), ledger({ ids: ['T1'] }), [['duplicate_claim', 'id']]],
    [
      'a duplicate discharged when no rule set is in force is refused as a duplicate',
      valid({ visit: visit2021 }),
      ledger({ ids: ['T1'] }),
      [['duplicate_claim', 'id']],
    ],
    [
      'a claim discharged when no rule set is in force',
      valid({ visit: visit2021 }),
      ledger({ personId: 'OTHER', year: 2017 }),
      [['no_rules_for_date', 'visit.discharged']],
    ],
    ["another person's ledger", valid(), ledger({ personId: 'OTHER', year: 2017 }), [['ledger_mismatch', 'person.id']]],
    [
      "another year's ledger",
      valid(),
      ledger({ personId: 'PT', year: 2018 }),
      [['ledger_mismatch', 'visit.discharged']],
    ],
    [
      'values of the 2022 scheme on a 2017 claim, every one of them',
      valid({
        person: { id: 'PT', county: 'anyue', category: 'dibao' },
        hospital: { level: 'county', area: 'anyue' },
      }),
      ledger({ counter: Number.MAX_SAFE_INTEGER }),
      [['invalid_enum', 'person.category']],
    ],
    [
      'a claim that could carry a counter past 2^53 fen',
      valid(),
      ledger({ counter: Number.MAX_SAFE_INTEGER - 100 }),
      [['ledger_overflow', 'items']],
    ],
  ] as const)('%s', (_, claim, l, expected) => {
    expect(codes(admitClaim(claim, l, 'en'))).toEqual(expected);
  });

  it('gives back the policy in force on the discharge date when it admits', () => {
    const a = admitClaim(valid(), ledger());
    expect(isRefusal(a) ? null : [a.policy.id, a.policy.version]).toEqual(['ziyang-2017', '2017-03-17']);
  });
});

describe('the batch and the simulation refuse through it, with the same codes and paths', () => {
  it('a duplicate, a date without rules and values of another scheme, in one input', () => {
    const inputs = [
      baseClaim({ id: 'A' }),
      baseClaim({ id: 'A' }),
      baseClaim({ id: 'B', visit: visit2021 }),
      baseClaim({ id: 'C', person: { id: 'PT', county: 'anyue', category: 'dibao' } }),
    ];
    const batch = settleBatch(inputs).outcomes.map((o) => (o.ok ? 'ok' : `${o.errors[0]!.code} ${o.errors[0]!.path}`));
    const sim = createSimulation({ variants: [{ name: 'baseline', rules: book }] });
    for (const c of inputs) sim.add(c);
    const refused = sim.result().rejections.map((r) => `${r.code} ${r.path}`);
    expect(batch).toEqual([
      'ok',
      'duplicate_claim id',
      'no_rules_for_date visit.discharged',
      'invalid_enum person.category',
    ]);
    expect(refused).toEqual(batch.slice(1));
  });

  it('no module but admit.ts decides these refusals of a valid claim', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const deciding = files(join(ROOT, 'src'))
      .filter((f) =>
        /ClaimErrorCode\.(LEDGER_OVERFLOW|LEDGER_MISMATCH)\b|ledgerOverflow\(|schemeIssues\(claim/.test(
          readFileSync(f, 'utf8'),
        ),
      )
      .map((f) => relative(ROOT, f));
    expect(deciding.sort()).toEqual(['src/ledger/overflow.ts', 'src/settle/admit.ts']);
  });
});
