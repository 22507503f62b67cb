/**
 * Inputs and runs shared by the tests of simulation at scale (issue 13): claims written as NDJSON
 * or CSV in a temporary folder, a seeded shuffle, the command run in this process, and what
 * settling the same claims one by one (settleBatch) adds up to.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prng } from '../../seeds/generator.js';
import { main } from '../../src/cli/main.js';
import { VISIT_KINDS } from '../../src/claim/enums.js';
import { type BatchOutcome } from '../../src/settle/batch.js';
import type { SettlementRecord } from '../../src/settle/settle-claim.js';
import { CLAIM_CSV_COLUMNS, claimCsvRows } from '../../src/simulate/output/claim-csv.js';
import type { Aggregates } from '../../src/simulate/core/aggregates.js';
import type { Dimensions } from '../../src/simulate/core/dimensions.js';

/** A temporary folder for one test file, and its removal. */
export function testFolder(name: string): {
  readonly dir: string;
  readonly file: (name: string) => string;
  readonly remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), `bashunwei-${name}-`));
  return { dir, file: (f) => join(dir, f), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `items` in a random order drawn from `seed` (Fisher–Yates with the generator's PRNG). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rnd = prng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Writes claims (objects or raw lines) as NDJSON. */
export function writeNdjson(path: string, claims: readonly unknown[]): string {
  writeFileSync(path, claims.map((c) => (typeof c === 'string' ? c : JSON.stringify(c))).join('\n') + '\n');
  return path;
}

/** Writes claims as CSV, one row per item. */
export function writeCsv(path: string, claims: readonly Record<string, unknown>[]): string {
  writeFileSync(path, [CLAIM_CSV_COLUMNS.join(','), ...claims.flatMap(claimCsvRows)].join('\n') + '\n');
  return path;
}

/** Runs the command in this process. */
export async function bashunwei(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (x) => (out += x), err: (x) => (err += x) });
  return { code, out, err };
}

const sum = (rs: readonly SettlementRecord[], f: (r: SettlementRecord) => number): number =>
  rs.reduce((s, r) => s + f(r), 0);
const tierOf = (r: SettlementRecord, id: string): number => r.lines.find((l) => l.id === id)?.amount ?? 0;

/** The figures of aggregates that the settlements of the same claims give independently. */
export function figuresOfAggregates(a: Aggregates) {
  return {
    claims: a.all.claims,
    total: a.all.total,
    hospitalAbsorbed: a.all.hospitalAbsorbed,
    billable: a.all.billable,
    personal: a.all.personal,
    byTier: a.all.byTier,
    byCounty: a.byCounty.map((g) => [g.claims, g.personal, ...g.byTier]),
    byPathway: a.byPathway.map((g) => [g.claims, g.billable, ...g.byTier]),
    byFund: a.byFund,
    targets: a.targets,
    admissions: a.admissions,
    personYears: a.personYears.all.reduce((x, y) => x + y, 0),
    rejected: a.rejected,
  };
}

/** The same figures, added up from the outcomes of settling the claims one by one, indexed by `dims` (the aggregates' own). */
export function figuresOfSettlements(outcomes: readonly BatchOutcome[], dims: Dimensions) {
  const rs = outcomes.flatMap((o) => (o.ok ? [o.record] : []));
  const rejected: Record<string, number> = {};
  for (const o of outcomes) if (!o.ok) rejected[o.errors[0]!.code] = (rejected[o.errors[0]!.code] ?? 0) + 1;
  const group = (g: readonly SettlementRecord[], first: (x: readonly SettlementRecord[]) => number) => [
    g.length,
    first(g),
    ...dims.tiers.map((t) => sum(g, (r) => tierOf(r, t.id))),
  ];
  const draws = rs.flatMap((r) => r.lines.flatMap((l) => l.funds ?? []));
  const withTarget = rs.filter((r) => r.target);
  const admissions = rs.filter((r) => r.claim.visit.kind === 'inpatient' || r.claim.visit.kind === 'delivery');
  return {
    claims: rs.length,
    total: sum(rs, (r) => r.bill.total),
    hospitalAbsorbed: sum(rs, (r) => r.bill.hospitalAbsorbed),
    billable: sum(rs, (r) => r.bill.billable),
    personal: sum(rs, (r) => r.personal),
    byTier: dims.tiers.map((t) => sum(rs, (r) => tierOf(r, t.id))),
    byCounty: dims.counties.map((c) =>
      group(
        rs.filter((r) => r.claim.person.county === c.id),
        (g) => sum(g, (r) => r.personal),
      ),
    ),
    byPathway: VISIT_KINDS.map((k) =>
      group(
        rs.filter((r) => r.claim.visit.kind === k),
        (g) => sum(g, (r) => r.bill.billable),
      ),
    ),
    byFund: dims.funds.map((f) => draws.filter((d) => d.fund === f.id).reduce((s, d) => s + d.amount, 0)),
    targets: {
      withTarget: withTarget.length,
      met: withTarget.filter((r) => r.target!.met).length,
      missed: withTarget.filter((r) => !r.target!.met).length,
      shortfall: sum(withTarget, (r) => r.target!.shortfall),
    },
    admissions: {
      total: admissions.length,
      inCounty: admissions.filter((r) => r.facts.location === 'in-county').length,
    },
    personYears: new Set(rs.map((r) => `${r.claim.person.id}|${r.claim.visit.discharged.slice(0, 4)}`)).size,
    rejected,
  };
}
