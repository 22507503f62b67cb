/**
 * What one settlement reports beside its lines (src/settle/settle-claim.ts, bill.ts,
 * claim-facts.ts, settled-lines.ts; docs/claim.md): a claim id already in the ledger refused in
 * both languages, what each hospital-absorbed rule took (only rules that took something, and only
 * this claim's items), the facts the rules read, and a relief-funds line that does not apply yet
 * pays what the delivery carve-out sent it.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyYearLedger } from '../../src/ledger/year-ledger.js';
import { loadRuleFolder } from '../../src/node/load-rule-folder.js';
import type { RuleBook } from '../../src/scheme/book.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { type SettlementRecord, settleClaim } from '../../src/settle/settle-claim.js';
import { baseClaim, cases, tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const settled = (input: Record<string, unknown>, rules?: RuleBook): SettlementRecord => {
  const c = parseClaim(input, { rules });
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  const r = settleClaim(c.value, { rules });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const item = (category: string, catalog: string, amount: string, compliant?: boolean) => ({
  category,
  catalog,
  amount,
  ...(compliant === undefined ? {} : { compliant }),
});

/** The embedded rules with one rule file of ziyang-2017 changed, loaded from a copy of the folder. */
function rulesWith(file: string, change: (json: Record<string, unknown>) => void): RuleBook {
  const dir = join(tempDir('settle-claim'), 'rules');
  cpSync(join(ROOT, 'rules'), dir, { recursive: true });
  const path = join(dir, 'ziyang-2017', file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json));
  const book = loadRuleFolder(dir);
  if (!book.ok) throw new Error(JSON.stringify(book.errors));
  return book.value;
}

describe('a claim id already in the ledger passed in is refused, saying whose ledger holds it', () => {
  it.each([
    [
      'zh-CN',
      '报销申请 T1 已经结算过（已在 PT 2017 年的台账中）；同一申请编号只结算一次：请核对编号，或从不含该申请的台账开始',
    ],
    [
      'en',
      'claim T1 was already settled (in the ledger of PT for 2017); a claim id is settled once: check the id, or start from a ledger without it',
    ],
  ] as const)('in %s', (lang, message) => {
    const c = parseClaim(baseClaim());
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const ledger = { ...emptyYearLedger('PT', 2017), claimIds: ['T0', 'T1'] };
    expect(settleClaim(c.value, { ledger, lang })).toEqual({
      ok: false,
      errors: [{ code: 'duplicate_claim', path: 'id', message }],
    });
  });
});

describe('the bill says what each hospital-absorbed rule took, in fen', () => {
  it.each(
    cases([
      {
        name: 'a registered-poor patient in her county: 200.00 non-compliant and 300.00 of C items, each by its rule',
        items: [
          item('drug', 'A', '1000.00'),
          item('treatment', 'C', '300.00'),
          item('treatment', 'A', '200.00', false),
        ],
        absorbedBy: { 'non-compliant': 20000, 'self-paid-in-jurisdiction': 30000 },
        hospitalAbsorbed: 50000,
      },
      {
        name: 'only compliant A items: no rule took anything, and none is listed',
        items: [item('drug', 'A', '1000.00'), item('treatment', 'A', '500.00')],
        absorbedBy: {},
        hospitalAbsorbed: 0,
      },
      {
        name: 'a non-compliant item alone: the C-item rule took nothing and is not listed',
        items: [item('treatment', 'B', '80.00', false)],
        absorbedBy: { 'non-compliant': 8000 },
        hospitalAbsorbed: 8000,
      },
    ]),
  )('%s', (_name, c) => {
    const { bill } = settled(baseClaim({ items: c.items }));
    expect([bill.absorbedBy, bill.hospitalAbsorbed]).toEqual([c.absorbedBy, c.hospitalAbsorbed]);
  });

  it("a claim of one item after a claim of three: only its own item is counted (not the earlier claim's)", () => {
    settled(
      baseClaim({
        id: 'B1',
        items: [item('drug', 'A', '100.00'), item('treatment', 'A', '200.00', false), item('exam', 'C', '300.00')],
      }),
    );
    const { bill } = settled(baseClaim({ id: 'B2', items: [item('drug', 'A', '100.00')] }));
    expect([bill.total, bill.hospitalAbsorbed, bill.absorbedBy]).toEqual([10000, 0, {}]);
  });
});

describe('the facts the rules read', () => {
  it.each(
    cases([
      { name: 'an admission has the delivery mode "none"', visit: {}, deliveryMode: 'none' },
      {
        name: 'a caesarean delivery has its mode',
        visit: { kind: 'delivery', deliveryMode: 'cesarean' },
        deliveryMode: 'cesarean',
      },
    ]),
  )('%s', (_name, c) => {
    const visit = { kind: 'inpatient', discharged: '2017-06-10', ...c.visit };
    expect(settled(baseClaim({ visit })).facts.facts.deliveryMode).toBe(c.deliveryMode);
  });

  it('a hospital no level rule places (rules whose levels leave a county hospital out of province out) has facts without a level', () => {
    const rules = rulesWith('location.json', (j) => {
      const levels = j.levels as Record<string, { when: { all: unknown[] } }>;
      levels['out-of-province']!.when.all.push({
        fact: 'hospitalLevel',
        operator: 'in',
        value: ['city', 'provincial'],
      });
      for (const l of ['township', 'county', 'city'])
        levels[l]!.when.all.push({ fact: 'inJurisdiction', operator: 'equal', value: true });
    });
    const r = settled(
      baseClaim({
        person: { id: 'PG', county: 'anyue', category: 'general' },
        hospital: { level: 'county', area: 'other-province' },
      }),
      rules,
    );
    expect([r.facts.level, r.facts.location, 'level' in r.facts.facts]).toEqual([undefined, 'out-of-province', false]);
  });
});

describe('a line whose tier does not apply still pays what an earlier tier sent it', () => {
  it("rules where every mother's cost above the delivery limit goes to the relief funds: a general mother's relief-funds line pays 7,000.00, carried from hospital delivery", () => {
    const rules = rulesWith('tiers/maternal-subsidy.json', (j) => {
      (j.excess as { when: unknown }).when = { all: [] };
    });
    const r = settled(
      {
        id: 'D1',
        person: { id: 'PD', county: 'anyue', category: 'general' },
        visit: { kind: 'delivery', deliveryMode: 'vaginal', discharged: '2018-05-05' },
        hospital: { level: 'county', area: 'anyue' },
        items: [item('drug', 'A', '9000.00')],
      },
      rules,
    );
    const line = (id: string) => r.lines.find((l) => l.id === id)!;
    expect([line('relief-funds').amount, line('relief-funds').detail]).toEqual([
      700000,
      {
        kind: 'not-applicable',
        description: '保障对象（住院、分娩或特殊疾病门诊）',
        descriptionEn: 'protected persons (admissions, deliveries and special outpatient care)',
        carried: { description: '住院分娩', descriptionEn: 'hospital delivery' },
      },
    ]);
    expect([line('medical-assistance').amount, line('medical-assistance').detail]).toEqual([
      0,
      {
        kind: 'not-applicable',
        description: '保障对象（住院、分娩或特殊疾病门诊）',
        descriptionEn: 'protected persons (admissions, deliveries and special outpatient care)',
        carried: null,
      },
    ]);
  });
});
